import { defineErrors } from '../../platform/http/errors.ts';

export const CaseErrors = defineErrors({
  CASE_NOT_FOUND: { status: 404, 'zh-CN': '找不到该办件，或您无权查看', 'en-US': 'Case not found, or you may not see it' },
  ITEM_NOT_APPLICABLE: { status: 400, 'zh-CN': '事项 {implCode} 不存在、未发布或不能在网上申请', 'en-US': 'Item {implCode} does not exist, is not published or cannot be applied for online' },
  WRONG_APPLICANT_TYPE: { status: 400, 'zh-CN': '该事项面向{allowed}，您当前的账号不能申请', 'en-US': 'This item serves {allowed}; your account cannot apply for it' },
  FORM_INVALID: { status: 400, 'zh-CN': '表单还有问题：{summary}', 'en-US': 'The form has problems: {summary}' },
  MATERIAL_MISSING: { status: 400, 'zh-CN': '还缺少必要材料：{names}', 'en-US': 'Required materials are missing: {names}' },
  MATERIAL_UNKNOWN: { status: 400, 'zh-CN': '该事项没有编号为 {code} 的材料', 'en-US': 'The item has no material with code {code}' },
  MATERIAL_FILE_INVALID: { status: 400, 'zh-CN': '材料“{name}”对应的文件不存在或不是您上传的，请重新上传', 'en-US': 'The file for material "{name}" does not exist or is not yours; upload it again' },
  ACTION_NOT_ALLOWED: { status: 409, 'zh-CN': '办件当前为“{state}”，不能执行“{action}”', 'en-US': 'The case is "{state}"; "{action}" is not possible now' },
  VERSION_CONFLICT: { status: 409, 'zh-CN': '该办件刚被他人处理过，请刷新后再看', 'en-US': 'Someone else just acted on this case; reload it' },
  REASON_REQUIRED: { status: 400, 'zh-CN': '请写明具体理由：哪份材料、哪一项有什么问题，申请人才知道怎么改（“材料不齐全”之类的笼统说法不行）', 'en-US': 'Give a specific reason: which material or condition is wrong and how (generic phrases such as "materials incomplete" are not accepted)' },
  DECISION_REQUIRED: { status: 400, 'zh-CN': '请选择准予许可或不予许可', 'en-US': 'Choose grant or refuse' },
});
