/** Catalog: service items, their versions, review and publication; the same source for every channel. */
export { catalogMigrations } from './migrations.ts';
export type { CatalogTables } from './tables.ts';
export { catalogRoutes } from './routes.ts';
export { findPublishedItem, findItemVersion, countPublished, backfillPublicJson, type PublishedItem } from './service.ts';
export { createItemInTrx, saveDraftInTrx, findItemIdByImplCode } from './editorial.ts';
export { ItemDocument, type FormSchema, type MaterialRequirement } from './schema.ts';
