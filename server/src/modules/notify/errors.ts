import { defineErrors } from '../../platform/http/errors.ts';

export const NotifyErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { status: 404, 'zh-CN': '找不到这条消息', 'en-US': 'Notification not found' },
});
