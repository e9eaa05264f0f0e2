/** Notify: the portal inbox, SMS and email to applicants after their cases move, and the development outbox. */
export { notifyMigrations } from './migrations.ts';
export type { NotifyTables } from './tables.ts';
export { notifyRoutes } from './routes.ts';
export { registerNotifyHandlers } from './handlers.ts';
export { handleCaseEvent, handleLicenseEvent, deliverOnce, addNotification, type NotifyDeps } from './service.ts';
export { notifyAdaptersFromEnv, type EmailSender, type SmsSender } from './adapters/index.ts';
