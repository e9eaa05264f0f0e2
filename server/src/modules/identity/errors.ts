import { defineErrors } from '../../platform/http/errors.ts';

export const IdentityErrors = defineErrors({
  LOGIN_FAILED: { status: 401, 'zh-CN': '用户名或密码不正确', 'en-US': 'Wrong username or password' },
  LOGIN_THROTTLED: { status: 429, 'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试', 'en-US': 'Too many failed sign-ins; try again in {minutes} minutes' },
  INVALID_RESIDENT_ID: { status: 400, 'zh-CN': '身份证号码不正确（{reason}）', 'en-US': 'Invalid resident ID number ({reason})' },
  INVALID_CREDIT_CODE: { status: 400, 'zh-CN': '统一社会信用代码不正确（{reason}）', 'en-US': 'Invalid unified social credit code ({reason})' },
  USERNAME_TAKEN: { status: 409, 'zh-CN': '用户名 {username} 已被使用', 'en-US': 'Username {username} is taken' },
  ORG_NOT_FOUND: { status: 404, 'zh-CN': '找不到机构 {key}', 'en-US': 'Organisation {key} not found' },
  WEAK_PASSWORD: { status: 400, 'zh-CN': '密码至少 8 位，并包含字母和数字', 'en-US': 'The password needs at least 8 characters with letters and digits' },
});
