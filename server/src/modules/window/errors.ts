import { defineErrors } from '../../platform/http/errors.ts';

export const WindowErrors = defineErrors({
  NO_WINDOW_REGION: { status: 403, 'zh-CN': '您的账号没有所属地区，不能在窗口收件，请联系管理员', 'en-US': 'Your account has no region, so you cannot file at a window; ask an administrator' },
});
