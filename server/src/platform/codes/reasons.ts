/** Why a code failed its check, in words a clerk can act on (zh-CN): the reasons in file-import reject reports. */
import type { ResidentIdFailure } from './resident-id.ts';
import type { CreditCodeFailure } from './credit-code.ts';

/** GB 11643-1999 parts of a resident identity number. */
export const RESIDENT_ID_REASON: Record<ResidentIdFailure, string> = {
  length: '应为 18 位', format: '只能是数字，最后一位可以是 X', region: '前 6 位的地区码不对', birthdate: '第 7–14 位的出生日期不对', check: '最后一位校验码不对，可能抄错了某一位',
};
/** GB 32100-2015 parts of a unified social credit code. */
export const CREDIT_CODE_REASON: Record<CreditCodeFailure, string> = {
  length: '应为 18 位', format: '含有统一社会信用代码不用的字符（不用 I、O、Z、S、V）', registration: '第 1–2 位的登记管理部门和机构类别代码不对', region: '第 3–8 位的地区码不对', check: '最后一位校验码不对，可能抄错了某一位', 'org-check': '第 9–17 位的组织机构代码校验不对',
};

