import { defineErrors } from '../../platform/http/errors.ts';

export const IdentityErrors = defineErrors({
  LOGIN_FAILED: { status: 401, 'zh-CN': '用户名或密码不正确', 'en-US': 'Wrong username or password' },
  LOGIN_THROTTLED: { status: 429, 'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试', 'en-US': 'Too many failed sign-ins; try again in {minutes} minutes' },
  INVALID_RESIDENT_ID: { status: 400, 'zh-CN': '身份证号码不正确（{reason}）', 'en-US': 'Invalid resident ID number ({reason})' },
  INVALID_CREDIT_CODE: { status: 400, 'zh-CN': '统一社会信用代码不正确（{reason}）', 'en-US': 'Invalid unified social credit code ({reason})' },
  USERNAME_TAKEN: { status: 409, 'zh-CN': '用户名 {username} 已被使用', 'en-US': 'Username {username} is taken' },
  ORG_NOT_FOUND: { status: 404, 'zh-CN': '找不到机构 {key}', 'en-US': 'Organisation {key} not found' },
  WALK_IN_NAME_REQUIRED: { status: 400, 'zh-CN': '请填写申请人姓名或单位名称', 'en-US': 'Enter the applicant’s name' },
  WALK_IN_PHONE_INVALID: { status: 400, 'zh-CN': '手机号码应为 11 位数字，以 1 开头', 'en-US': 'The mobile number has 11 digits and starts with 1' },
  WALK_IN_RESIDENT_ID_INVALID: { status: 400, 'zh-CN': '居民身份证号码不对：{problemZh}。请对照身份证重新输入', 'en-US': 'The resident ID number is wrong: {problemEn}. Check it against the ID card' },
  WALK_IN_CREDIT_CODE_INVALID: { status: 400, 'zh-CN': '统一社会信用代码不对：{problemZh}。请对照营业执照重新输入', 'en-US': 'The unified social credit code is wrong: {problemEn}. Check it against the licence' },
  WALK_IN_NAME_MISMATCH: { status: 400, 'zh-CN': '“{name}”与该证件号码登记的名称不一致，请核对证件', 'en-US': '“{name}” is not the name registered with this number; check the document' },
  OIDC_CLIENT_NOT_FOUND: { status: 404, 'zh-CN': '找不到接入系统 {clientId}', 'en-US': 'No registered system {clientId}' },
  OIDC_CLIENT_INVALID: { status: 400, 'zh-CN': '接入系统登记信息有误：{reason}', 'en-US': 'The system registration is not valid: {reason}' },
  OIDC_SUBJECT_NOT_ALLOWED: { status: 403, 'zh-CN': '“{client}”不接受{subject}登录', 'en-US': '“{client}” does not accept {subject} sign-in' },
  WEAK_PASSWORD: { status: 400, 'zh-CN': '密码至少 8 位，并包含字母和数字', 'en-US': 'The password needs at least 8 characters with letters and digits' },
});
