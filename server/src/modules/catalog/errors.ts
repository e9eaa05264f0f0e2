import { defineErrors } from '../../platform/http/errors.ts';

export const CatalogErrors = defineErrors({
  ITEM_NOT_FOUND: { status: 404, 'zh-CN': '找不到事项 {ref}，或该事项尚未发布', 'en-US': 'Service item {ref} not found or not published' },
  ITEM_RETIRED: {
    status: 410,
    'zh-CN': '“{name}”已不再办理（{agency}已停止提供这个事项），办事指南已撤下。请搜索其他事项，或咨询{agency}',
    'en-US': '"{name}" is no longer offered ({agency} has retired this item); its guide was withdrawn. Search for another item or ask {agency}',
  },
  ITEM_NOT_DRAFT: { status: 409, 'zh-CN': '该事项没有待发布的草稿（当前状态：{status}）', 'en-US': 'The item has no draft to publish (status: {status})' },
  INVALID_ITEM_CODE: { status: 400, 'zh-CN': '事项编码不正确：{reason}', 'en-US': 'Invalid item code: {reason}' },
  DUPLICATE_IMPL_CODE: { status: 409, 'zh-CN': '实施编码 {implCode} 已存在', 'en-US': 'Implementation code {implCode} already exists' },
  INVALID_DOCUMENT: { status: 400, 'zh-CN': '事项要素不完整或格式不对：{summary}', 'en-US': 'The item document is incomplete or malformed: {summary}' },
  CODE_CHANGED: { status: 400, 'zh-CN': '事项编码不能修改（应为 {implCode}）；如需新编码，请新建事项', 'en-US': 'Item codes cannot change (expected {implCode}); create a new item for a new code' },
  AGENCY_UNKNOWN: { status: 400, 'zh-CN': '实施编码前 18 位（{creditCode}）不是平台上任何机构的统一社会信用代码', 'en-US': 'The first 18 characters of the implementation code ({creditCode}) match no organisation' },
  AGENCY_OUT_OF_SCOPE: { status: 403, 'zh-CN': '实施机构“{agency}”不在您管理的区域内', 'en-US': 'The implementing agency "{agency}" is outside your region' },
  REGION_MISMATCH: { status: 400, 'zh-CN': '区划代码 {regionCode} 与实施机构所在区划 {agencyRegion} 不一致', 'en-US': 'Region {regionCode} differs from the agency region {agencyRegion}' },
  VERSION_NOT_FOUND: { status: 404, 'zh-CN': '找不到版本 {from} 或 {to}', 'en-US': 'Version {from} or {to} not found' },
  TRANSITION_NOT_ALLOWED: { status: 409, 'zh-CN': '当前版本状态为“{status}”，不能执行该操作（只能从：{allowedFrom}）', 'en-US': 'The version is "{status}"; this step is only possible from: {allowedFrom}' },
  LINT_BLOCKED: { status: 422, 'zh-CN': '标准化审核发现 {count} 个必须修改的问题，请修改后再提交', 'en-US': 'The standardization review found {count} errors to fix first' },
  COMMENT_REQUIRED: { status: 400, 'zh-CN': '请填写意见或原因', 'en-US': 'Please write a comment or reason' },
  FILE_NOT_PUBLISHED: { status: 404, 'zh-CN': '该事项没有公布这个文件（{fileId}）', 'en-US': 'The item publishes no such file ({fileId})' },
  OUT_OF_SCOPE: { status: 404, 'zh-CN': '找不到事项 {ref}，或不在您的管理范围内', 'en-US': 'Item {ref} not found or outside your scope' },
});
