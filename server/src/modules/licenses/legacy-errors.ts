import { defineErrors } from '../../platform/http/errors.ts';

/** Whole-file problems of a legacy import (per-line problems are rejects in the report, not errors). */
export const LegacyErrors = defineErrors({
  FILE_MISSING: { status: 400, 'zh-CN': '请选择要导入的文件（.xlsx 或 .csv，表单字段 file）', 'en-US': 'Choose the file to import (.xlsx or .csv, form field "file")' },
  FORM_INVALID: { status: 400, 'zh-CN': '上传的表单不对：只能有一个文件（字段 file）和证照类型（字段 licenseTypeCode）', 'en-US': 'The form is wrong: one file (field "file") and the license type (field licenseTypeCode) only' },
  FILE_EMPTY: { status: 400, 'zh-CN': '上传的文件是空的', 'en-US': 'The uploaded file is empty' },
  FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件太大：不能超过 {limitMb} MB，请分成几个文件导入', 'en-US': 'The file is too large: the limit is {limitMb} MB; split it' },
  FILE_NOT_SUPPORTED: { status: 415, 'zh-CN': '只能导入 .xlsx 工作簿或 .csv 文件；.xls 或 WPS 格式请先“另存为” .xlsx', 'en-US': 'Only .xlsx workbooks or .csv files can be imported; save .xls or WPS files as .xlsx first' },
  FILE_UNREADABLE: { status: 400, 'zh-CN': '文件无法作为 Excel 工作簿读取，请确认文件没有损坏、没有加密', 'en-US': 'The file cannot be read as an Excel workbook; check it is not damaged or encrypted' },
  FILE_NO_ROWS: { status: 400, 'zh-CN': '文件里没有证照：第 1 行是列名，请从第 2 行开始每行填写一个证照', 'en-US': 'The file has no licenses: line 1 is the header, one license per line from line 2' },
  FILE_TOO_MANY_LINES: { status: 413, 'zh-CN': '{kind}一次最多导入 {max} 行，请分成几个文件导入', 'en-US': 'At most {max} lines per import for this kind of file; split it' },
  FILE_COLUMN_MISSING: { status: 400, 'zh-CN': '文件第 1 行缺少“{column}”列；请下载该证照类型的导入模板，按模板的列填写', 'en-US': 'Line 1 has no column "{column}"; download the template of this license type and use its columns' },
  TYPE_REQUIRED: { status: 400, 'zh-CN': '请选择要导入的证照类型（表单字段 licenseTypeCode）', 'en-US': 'Choose the license type to import (form field licenseTypeCode)' },
  IMPORT_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这次导入', 'en-US': 'No such import' },
});
