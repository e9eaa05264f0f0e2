/** 综合窗口收件 (只进一扇门): a window clerk files an item case or a 一件事 for the applicant in front of them. */
export { windowRoutes } from './routes.ts';
