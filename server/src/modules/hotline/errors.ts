import { defineErrors } from '../../platform/http/errors.ts';

export const HotlineErrors = defineErrors({
  CALLER_PHONE_INVALID: { status: 400, 'zh-CN': '来电人手机号码应为 11 位数字，以 1 开头', 'en-US': 'The caller’s mobile number has 11 digits and starts with 1' },
  CALLER_NAME_REQUIRED: { status: 400, 'zh-CN': '请填写来电人姓名', 'en-US': 'Enter the caller’s name' },
  SMS_FAILED: { status: 502, 'zh-CN': '短信未能发出，请稍后再试：{reason}', 'en-US': 'The SMS could not be sent; try again later: {reason}' },
});
