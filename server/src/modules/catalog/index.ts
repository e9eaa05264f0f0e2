/** Catalog: service items, their versions and publication; the same source for every channel. */
export { catalogMigrations } from './migrations.ts';
export type { CatalogTables } from './tables.ts';
export { catalogRoutes } from './routes.ts';
export { createItemInTrx, findPublishedItem, findItemVersion, countPublished, type PublishedItem } from './service.ts';
export { ItemDocument, type FormSchema, type MaterialRequirement } from './schema.ts';
