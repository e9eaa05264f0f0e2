import { defineErrors } from '../../platform/http/errors.ts';

export const LicenseErrors = defineErrors({
  LICENSE_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这个电子证照，请核对二维码或链接是否完整', 'en-US': 'No such electronic license; check that the QR code or link is complete' },
  LICENSE_TYPE_NOT_FOUND: { status: 404, 'zh-CN': '没有找到证照类型 {code}', 'en-US': 'No license type {code}' },
  LICENSE_TYPE_EXISTS: { status: 409, 'zh-CN': '证照类型代码 {code} 已经存在', 'en-US': 'License type code {code} already exists' },
  LICENSE_TYPE_CODE_INVALID: { status: 400, 'zh-CN': '证照类型代码应为 21 位：定义机构的统一社会信用代码（18 位，校验位正确）加 3 位顺序号，收到的是“{code}”', 'en-US': 'A license type code has 21 characters: the defining authority’s credit code (18, valid check character) and a 3-digit sequence; got "{code}"' },
  FACE_FIELD_INVALID: { status: 400, 'zh-CN': '照面项“{key}”写法不对：{reason}', 'en-US': 'Face field "{key}" is wrong: {reason}' },
  FACE_VALUE_MISSING: { status: 400, 'zh-CN': '照面项“{label}”没有值，不能制发证照', 'en-US': 'Face field "{label}" has no value; the license cannot be issued' },
  NO_ACTIVE_SEAL: { status: 409, 'zh-CN': '{org}还没有可用的电子印章，请管理员先登记印章', 'en-US': '{org} has no active electronic seal; an administrator must register one first' },
  SEAL_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这枚电子印章', 'en-US': 'No such electronic seal' },
  SEAL_DATES_INVALID: { status: 400, 'zh-CN': '印章的有效期止应晚于有效期起', 'en-US': 'A seal’s end of validity must come after its start' },
  ACTION_NOT_ALLOWED: { status: 409, 'zh-CN': '证照当前状态为“{status}”，不能{action}', 'en-US': 'The license is {status}; it cannot be {action}' },
  REASON_REQUIRED: { status: 400, 'zh-CN': '请写明{action}的具体原因', 'en-US': 'Give the specific reason for {action}' },
  ANNOTATION_REQUIRED: { status: 400, 'zh-CN': '请填写加注内容', 'en-US': 'Enter the annotation text' },
  NOT_ISSUER: { status: 403, 'zh-CN': '只有发证部门可以变更这个证照', 'en-US': 'Only the issuing department may change this license' },
  CASE_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这个办件，或您无权查看', 'en-US': 'No such case, or you may not read it' },
  HOLDER_CODE_INVALID: { status: 400, 'zh-CN': '持证主体代码“{code}”不是有效的身份证号码或统一社会信用代码', 'en-US': '"{code}" is not a valid resident ID or unified social credit code' },
});
