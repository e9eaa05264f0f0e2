import { defineErrors } from '../../platform/http/errors.ts';

export const BundleErrors = defineErrors({
  BUNDLE_NOT_FOUND: { status: 404, 'zh-CN': '找不到“一件事” {ref}，或尚未发布', 'en-US': 'Bundle {ref} not found or not published' },
  OUT_OF_SCOPE: { status: 404, 'zh-CN': '找不到“一件事” {ref}，或不在您的管理范围内', 'en-US': 'Bundle {ref} not found or outside your scope' },
  UNKNOWN_QUESTION: { status: 400, 'zh-CN': '没有名为 {question} 的情形问题，请刷新页面后重新作答', 'en-US': 'There is no situation question {question}; reload and answer again' },
  ANSWER_MISSING: { status: 400, 'zh-CN': '请回答：{text}', 'en-US': 'Please answer the question {question}: {text}' },
  ANSWER_INVALID: { status: 400, 'zh-CN': '“{text}”的回答“{value}”不是可选项，可选：{allowed}', 'en-US': 'The answer "{value}" to {question} ({text}) is not an option; options: {allowed}' },
  INVALID_DOCUMENT: { status: 400, 'zh-CN': '“一件事”要素不完整或格式不对：{summary}', 'en-US': 'The bundle document is incomplete or malformed: {summary}' },
  DUPLICATE_CODE: { status: 409, 'zh-CN': '编码 {code} 已被另一件“一件事”使用', 'en-US': 'Code {code} is already used by another bundle' },
  CODE_CHANGED: { status: 400, 'zh-CN': '“一件事”编码不能修改（应为 {code}）', 'en-US': 'A bundle code cannot change (expected {code})' },
  LEAD_UNKNOWN: { status: 400, 'zh-CN': '牵头部门统一社会信用代码 {creditCode} 不是平台上任何部门', 'en-US': 'The lead department credit code {creditCode} matches no organisation' },
  REGION_OUT_OF_SCOPE: { status: 403, 'zh-CN': '区划 {regionCode} 不在您管理的区域内', 'en-US': 'Region {regionCode} is outside your region' },
  TRANSITION_NOT_ALLOWED: { status: 409, 'zh-CN': '当前版本状态为“{status}”，不能执行该操作（只能从：{allowedFrom}）', 'en-US': 'The version is "{status}"; this step is only possible from: {allowedFrom}' },
  CHECK_BLOCKED: { status: 422, 'zh-CN': '检查发现 {count} 个必须修改的问题：{first}', 'en-US': 'The check found {count} errors to fix first: {first}' },
  FIELD_UNKNOWN: { status: 400, 'zh-CN': '合并表单中没有“{key}”这一项，请刷新页面后重新填写', 'en-US': 'The merged form has no field {key}; reload and fill it again' },
  MATERIAL_UNKNOWN: { status: 400, 'zh-CN': '材料清单中没有“{key}”，或该材料由本“一件事”中的其他事项出具，无需上传', 'en-US': 'No material {key} to upload in this plan (unknown, or issued by another item of the bundle)' },
  NOTHING_TO_FILE: { status: 400, 'zh-CN': '按您的回答和选择，本次没有需要办理的事项', 'en-US': 'With these answers and choices there is no item to apply for' },
  CASE_NOT_FOUND: { status: 404, 'zh-CN': '找不到这件“一件事”办件，或您无权查看', 'en-US': 'Bundle case not found or not yours to see' },
  NOTHING_TO_SUPPLEMENT: { status: 409, 'zh-CN': '目前没有需要补正的材料', 'en-US': 'No supplement is requested at the moment' },
  SUPPLEMENT_INCOMPLETE: { status: 400, 'zh-CN': '还缺少补正材料：{names}', 'en-US': 'Supplement incomplete, still missing: {names}' },
  COMMENT_REQUIRED: { status: 400, 'zh-CN': '请填写意见或原因', 'en-US': 'Please write a comment or reason' },
});
