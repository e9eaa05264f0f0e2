/** 12345 热线一件事: the hotline answers a bundle's questionnaire with the caller and sends the one-time list by SMS. */
export { hotlineMigrations } from './migrations.ts';
export type { HotlineTables } from './tables.ts';
export { hotlineRoutes } from './routes.ts';
