import { defineErrors } from '../../platform/http/errors.ts';

/** Register loading, 一数一源 and 多源校核 (per-row problems are rejects in the report, not errors). */
export const RegisterErrors = defineErrors({
  REGISTER_UNKNOWN: { status: 404, 'zh-CN': '没有“{register}”这个基础库；可以归集的是 population（人口库）、entity（法人库）、credit（信用信息库）', 'en-US': 'No register "{register}"; loadable registers are population, entity and credit' },
  FIELD_UNKNOWN: { status: 400, 'zh-CN': '{register}没有数据项“{field}”', 'en-US': 'The {register} has no field "{field}"' },
  ORG_NOT_FOUND: { status: 400, 'zh-CN': '找不到来源部门“{org}”，请核对部门', 'en-US': 'No source department "{org}"' },
  NO_ORG: { status: 403, 'zh-CN': '您的账号没有所属部门，不能归集数据', 'en-US': 'Your account belongs to no department, so it cannot load data' },
  NOT_A_SOURCE: { status: 403, 'zh-CN': '本部门不是{register}“{fields}”的数据来源，不能归集这些列；请去掉这些列，或请数据管理员调整数据来源', 'en-US': 'Your department is not a source of {fields} in the {register}; remove those columns or ask the data administrator' },
  FILE_MISSING: { status: 400, 'zh-CN': '请选择要归集的 CSV 文件（表单字段 file）', 'en-US': 'Choose the CSV file to load (form field "file")' },
  FORM_INVALID: { status: 400, 'zh-CN': '上传的表单不对：只能有一个文件（字段 file），可选来源部门（字段 org）', 'en-US': 'The form is wrong: one file (field "file") and optionally the source department (field org)' },
  FILE_EMPTY: { status: 400, 'zh-CN': '上传的文件是空的', 'en-US': 'The uploaded file is empty' },
  FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件太大：不能超过 {limitMb} MB，请分成几个文件归集', 'en-US': 'The file is too large: the limit is {limitMb} MB; split it' },
  FILE_NOT_CSV: { status: 415, 'zh-CN': '只能归集 CSV 文件（UTF-8 或 GB18030 编码）；Excel 工作簿请先“另存为”CSV', 'en-US': 'Only CSV files (UTF-8 or GB18030) can be loaded; save workbooks as CSV first' },
  HEADER_UNKNOWN: { status: 400, 'zh-CN': '第 1 行的“{column}”不是{register}的数据项；列名应为数据项名称（如“{example}”）', 'en-US': 'Column "{column}" of line 1 is not a field of the {register} (e.g. "{example}")' },
  HEADER_DUPLICATE: { status: 400, 'zh-CN': '第 1 行的“{column}”列出现了两次', 'en-US': 'Column "{column}" appears twice in line 1' },
  HEADER_KEY_MISSING: { status: 400, 'zh-CN': '第 1 行缺少“{column}”列：每条记录要用它来识别', 'en-US': 'Line 1 lacks the column "{column}" that identifies each record' },
  HEADER_EMPTY: { status: 400, 'zh-CN': '文件第 1 行应是列名（数据项名称），其后每行一条记录', 'en-US': 'Line 1 must name the columns (field names), one record per line after it' },
  BATCH_EMPTY: { status: 400, 'zh-CN': '请提交至少一条记录（records）', 'en-US': 'Submit at least one record (records)' },
  LOAD_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这次归集', 'en-US': 'No such load' },
  RECORD_NOT_FOUND: { status: 404, 'zh-CN': '{register}中没有“{key}”这条记录', 'en-US': 'The {register} has no record "{key}"' },
  CONFLICT_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这条校核差异', 'en-US': 'No such conflict' },
  CONFLICT_SETTLED: { status: 409, 'zh-CN': '这条校核差异已经处理过了', 'en-US': 'This conflict has already been settled' },
  NOTE_REQUIRED: { status: 400, 'zh-CN': '通知来源部门更正时，请写明需要更正的内容', 'en-US': 'Say what the source department should correct' },
});
