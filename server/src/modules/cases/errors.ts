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
  ADDRESS_REQUIRED: { status: 400, 'zh-CN': '选择快递送达时，请填写收件地址', 'en-US': 'Express delivery needs an address' },
  NOTICE_EMPTY: { status: 400, 'zh-CN': '补正告知至少要列出一项缺少或有问题的材料', 'en-US': 'A supplement notice must list at least one missing or defective material' },
  NOTICE_REASON_VAGUE: { status: 400, 'zh-CN': '请写明“{name}”具体有什么问题、要怎么补（一次性告知，不能只写“材料不齐全”）', 'en-US': 'Say exactly what is wrong with "{name}" and how to fix it' },
  SUPPLEMENT_INCOMPLETE: { status: 400, 'zh-CN': '补正告知中的这些材料还没有上传：{names}', 'en-US': 'These materials from the notice are still missing: {names}' },
  PROCEDURE_UNKNOWN: { status: 400, 'zh-CN': '特别程序只能是：{allowed}', 'en-US': 'Special procedure must be one of: {allowed}' },
  EXPECTED_DAYS_REQUIRED: { status: 400, 'zh-CN': '请填写特别程序预计需要的工作日数（1–365）', 'en-US': 'Give the expected duration in working days (1–365)' },
  EXTENSION_OVER_CAP: { status: 400, 'zh-CN': '延长期限最多 {cap} 个工作日（已延长 {used} 个）', 'en-US': 'Extensions are capped at {cap} working days ({used} used)' },
  TRACKING_REQUIRED: { status: 400, 'zh-CN': '快递送达请填写运单号', 'en-US': 'Express delivery needs a tracking number' },
  DECISION_REQUIRED: { status: 400, 'zh-CN': '请选择准予许可或不予许可', 'en-US': 'Choose grant or refuse' },
});
