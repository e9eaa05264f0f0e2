/** Bundles (一件事一次办): published items composed for one life or business event; questionnaire, plan, savings. */
export { bundlesMigrations } from './migrations.ts';
export type { BundlesTables } from './tables.ts';
export { bundlesRoutes } from './routes.ts';
export { createBundleInTrx, getPublic as getPublishedBundle, planPublic as planBundle } from './service.ts';
export { FIELD_CONCEPTS, MATERIAL_CONCEPTS } from './dictionary.ts';
export type { BundleDocument, Savings } from './schema.ts';
export { Answers, Plan } from './schema.ts';
export { bundleCasesRoutes, BundleCase, BundleSubmitBody } from './routes.cases.ts';
export { submitBundleCase } from './bundle-cases.ts';
