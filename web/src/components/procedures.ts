/**
 * English labels for the special procedures the server lists in a case's `specialProcedures` (the law's list
 * lives in server/src/modules/cases/rules.ts). The Chinese word is the value; the key names its label
 * (`actions.proc_<key>`). A procedure without a key is shown as the server's word.
 */
type ProcedureKey = 'hearing' | 'tender' | 'auction' | 'inspection' | 'testing' | 'quarantine' | 'appraisal' | 'expertReview' | 'siteCheck';

export const SPECIAL_PROCEDURE_KEYS: Record<string, ProcedureKey | undefined> = {
  听证: 'hearing',
  招标: 'tender',
  拍卖: 'auction',
  检验: 'inspection',
  检测: 'testing',
  检疫: 'quarantine',
  鉴定: 'appraisal',
  专家评审: 'expertReview',
  现场核查: 'siteCheck',
};
