/** Catalog: service items, their versions, review and publication; the same source for every channel. */
export { catalogMigrations } from './migrations.ts';
export type { CatalogTables } from './tables.ts';
export { catalogRoutes } from './routes.ts';
export { findPublishedItem, findPublishedItems, summaryOf, findItemVersion, countPublished, backfillPublicJson, type PublishedItem } from './service.ts';
export { createItemInTrx, saveDraftInTrx, findItemIdByImplCode, historyOf } from './editorial.ts';
export { ItemDocument, ItemSummary, FormField, VersionHistory, VersionStatusSchema, type FormSchema, type MaterialRequirement } from './schema.ts';
/** The version workflow (draft → submitted → approved → published → retired), reused by bundles. */
export { VERSION_ACTIONS, VERSION_STATUS_LABELS, byPendingWork, canApply, type VersionAction } from './workflow.ts';
export type { VersionStatus } from './tables.ts';
export { zipUnpackedSize, MAX_UNPACKED_BYTES } from './routes.excel.ts';
