/**
 * 行政许可法 art. 45: the special procedures whose time does not count towards the limit. The value is the
 * server's word (sent as `procedure`); the key names its label (`actions.proc_<key>`).
 */
export const SPECIAL_PROCEDURES = [
  ['听证', 'hearing'],
  ['招标', 'tender'],
  ['拍卖', 'auction'],
  ['检验', 'inspection'],
  ['检测', 'testing'],
  ['检疫', 'quarantine'],
  ['鉴定', 'appraisal'],
  ['专家评审', 'expertReview'],
  ['现场核查', 'siteCheck'],
] as const;

export const SPECIAL_PROCEDURE_KEYS: Record<string, (typeof SPECIAL_PROCEDURES)[number][1] | undefined> = Object.fromEntries(SPECIAL_PROCEDURES);
