import { defineErrors } from '../../platform/http/errors.ts';

export const CatalogErrors = defineErrors({
  ITEM_NOT_FOUND: { status: 404, 'zh-CN': '找不到事项 {ref}，或该事项尚未发布', 'en-US': 'Service item {ref} not found or not published' },
  ITEM_NOT_DRAFT: { status: 409, 'zh-CN': '该事项没有待发布的草稿（当前状态：{status}）', 'en-US': 'The item has no draft to publish (status: {status})' },
  INVALID_ITEM_CODE: { status: 400, 'zh-CN': '事项编码不正确：{reason}', 'en-US': 'Invalid item code: {reason}' },
  DUPLICATE_IMPL_CODE: { status: 409, 'zh-CN': '实施编码 {implCode} 已存在', 'en-US': 'Implementation code {implCode} already exists' },
  OUT_OF_SCOPE: { status: 404, 'zh-CN': '找不到事项 {ref}，或不在您的管理范围内', 'en-US': 'Item {ref} not found or outside your scope' },
});
