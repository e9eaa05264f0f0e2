/** Supervision: e-supervision figures and dashboards (grows with the supervision issue). */
export { supervisionRoutes } from './routes.ts';
