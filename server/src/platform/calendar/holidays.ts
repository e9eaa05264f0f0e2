/**
 * Built-in holiday schedules (放假调休安排), 2004–2026.
 *
 * Each entry transcribes one notice of the General Office of the State Council
 * (国务院办公厅关于XXXX年部分节假日安排的通知), as amended where noted. These are
 * the seed of the `work_calendar` table; administrators add the next year when
 * the notice is published (normally October–December of the year before).
 *
 * Legal background for reviewers:
 * - 2004–2007: 全国年节及纪念日放假办法 as revised 1999 (国务院令第270号):
 *   元旦 1 day, 春节 3 days (初一–初三), 劳动节 3 days, 国庆节 3 days, with the
 *   three "golden weeks" made up by moving weekends.
 * - 2008–2013: 2007 revision (国务院令第513号): 清明, 端午, 中秋 added; 劳动节
 *   1 day; 春节 除夕–初二.
 * - 2014–2024: 2013 revision (国务院令第644号): 春节 初一–初三.
 * - 2025 on: 2024 revision (国务院令第795号): 春节 4 days (除夕–初三), 劳动节
 *   2 days (May 1–2).
 *
 * Every make-up working day is a Saturday or Sunday and every date lies in the
 * schedule's year or the December before it; `createCalendar` checks both.
 *
 * Notice numbers: those marked `// UNSURE:` could not be confirmed against the
 * published text; the dates themselves were cross-checked against the notice
 * texts (quoted by several independent open data sets) and against each other.
 */
import type { YearSchedule } from './types.ts';

const schedules: readonly YearSchedule[] = [
  {
    year: 2004,
    // UNSURE: notice number 国办发明电〔2003〕53号 (secondary sources only; dates are certain).
    source: '国办发明电〔2003〕53号',
    holidays: [
      { name: '元旦', from: '2004-01-01', to: '2004-01-01' },
      { name: '春节', from: '2004-01-22', to: '2004-01-28' },
      { name: '劳动节', from: '2004-05-01', to: '2004-05-07' },
      { name: '国庆节', from: '2004-10-01', to: '2004-10-07' },
    ],
    workdays: ['2004-01-17', '2004-01-18', '2004-05-08', '2004-05-09', '2004-10-09', '2004-10-10'],
  },
  {
    year: 2005,
    // UNSURE: notice number 国办发明电〔2004〕52号 (secondary sources only; dates are certain).
    source: '国办发明电〔2004〕52号',
    holidays: [
      { name: '元旦', from: '2005-01-01', to: '2005-01-03' },
      { name: '春节', from: '2005-02-09', to: '2005-02-15' },
      { name: '劳动节', from: '2005-05-01', to: '2005-05-07' },
      { name: '国庆节', from: '2005-10-01', to: '2005-10-07' },
    ],
    workdays: ['2005-02-05', '2005-02-06', '2005-04-30', '2005-05-08', '2005-10-08', '2005-10-09'],
  },
  {
    year: 2006,
    // UNSURE: notice number 国办发明电〔2005〕35号 (one secondary source; dates are certain).
    source: '国办发明电〔2005〕35号',
    holidays: [
      { name: '元旦', from: '2006-01-01', to: '2006-01-03' },
      { name: '春节', from: '2006-01-29', to: '2006-02-04' },
      { name: '劳动节', from: '2006-05-01', to: '2006-05-07' },
      { name: '国庆节', from: '2006-10-01', to: '2006-10-07' },
    ],
    // Saturday 2005-12-31 worked for 元旦 2006.
    workdays: [
      '2005-12-31',
      '2006-01-28',
      '2006-02-05',
      '2006-04-29',
      '2006-04-30',
      '2006-09-30',
      '2006-10-08',
    ],
  },
  {
    year: 2007,
    // UNSURE: document number of the 2007 notice not known (published Dec 2006,
    // 国务院公报 2007 年第 1 号); the title is cited instead. Dates are certain.
    source: '国务院办公厅关于2007年部分节假日安排的通知',
    holidays: [
      { name: '元旦', from: '2007-01-01', to: '2007-01-03' },
      { name: '春节', from: '2007-02-18', to: '2007-02-24' },
      { name: '劳动节', from: '2007-05-01', to: '2007-05-07' },
      { name: '国庆节', from: '2007-10-01', to: '2007-10-07' },
    ],
    // 2006-12-30 (Sat) and 2006-12-31 (Sun) worked for 元旦 2007.
    workdays: [
      '2006-12-30',
      '2006-12-31',
      '2007-02-17',
      '2007-02-25',
      '2007-04-28',
      '2007-04-29',
      '2007-09-29',
      '2007-09-30',
    ],
  },
  {
    year: 2008,
    // UNSURE: notice number 国办发明电〔2007〕52号 (secondary sources only; dates are certain).
    source: '国办发明电〔2007〕52号',
    holidays: [
      { name: '元旦', from: '2007-12-30', to: '2008-01-01' },
      { name: '春节', from: '2008-02-06', to: '2008-02-12' },
      { name: '清明节', from: '2008-04-04', to: '2008-04-06' },
      { name: '劳动节', from: '2008-05-01', to: '2008-05-03' },
      { name: '端午节', from: '2008-06-07', to: '2008-06-09' },
      { name: '中秋节', from: '2008-09-13', to: '2008-09-15' },
      { name: '国庆节', from: '2008-09-29', to: '2008-10-05' },
    ],
    workdays: ['2007-12-29', '2008-02-02', '2008-02-03', '2008-05-04', '2008-09-27', '2008-09-28'],
  },
  {
    year: 2009,
    // UNSURE: notice number 国办发明电〔2008〕42号 (one secondary source; dates are certain).
    source: '国办发明电〔2008〕42号',
    holidays: [
      { name: '元旦', from: '2009-01-01', to: '2009-01-03' },
      { name: '春节', from: '2009-01-25', to: '2009-01-31' },
      { name: '清明节', from: '2009-04-04', to: '2009-04-06' },
      { name: '劳动节', from: '2009-05-01', to: '2009-05-03' },
      { name: '端午节', from: '2009-05-28', to: '2009-05-30' },
      { name: '国庆节、中秋节', from: '2009-10-01', to: '2009-10-08' },
    ],
    workdays: ['2009-01-04', '2009-01-24', '2009-02-01', '2009-05-31', '2009-09-27', '2009-10-10'],
  },
  {
    year: 2010,
    // UNSURE: notice number 国办发明电〔2009〕27号 (one secondary source; dates are certain).
    source: '国办发明电〔2009〕27号',
    holidays: [
      { name: '元旦', from: '2010-01-01', to: '2010-01-03' },
      { name: '春节', from: '2010-02-13', to: '2010-02-19' },
      { name: '清明节', from: '2010-04-03', to: '2010-04-05' },
      { name: '劳动节', from: '2010-05-01', to: '2010-05-03' },
      { name: '端午节', from: '2010-06-14', to: '2010-06-16' },
      { name: '中秋节', from: '2010-09-22', to: '2010-09-24' },
      { name: '国庆节', from: '2010-10-01', to: '2010-10-07' },
    ],
    workdays: [
      '2010-02-20',
      '2010-02-21',
      '2010-06-12',
      '2010-06-13',
      '2010-09-19',
      '2010-09-25',
      '2010-09-26',
      '2010-10-09',
    ],
  },
  {
    year: 2011,
    source: '国办发明电〔2010〕40号',
    holidays: [
      { name: '元旦', from: '2011-01-01', to: '2011-01-03' },
      { name: '春节', from: '2011-02-02', to: '2011-02-08' },
      { name: '清明节', from: '2011-04-03', to: '2011-04-05' },
      { name: '劳动节', from: '2011-04-30', to: '2011-05-02' },
      { name: '端午节', from: '2011-06-04', to: '2011-06-06' },
      { name: '中秋节', from: '2011-09-10', to: '2011-09-12' },
      { name: '国庆节', from: '2011-10-01', to: '2011-10-07' },
    ],
    workdays: ['2011-01-30', '2011-02-12', '2011-04-02', '2011-10-08', '2011-10-09'],
  },
  {
    year: 2012,
    // UNSURE: notice number 国办发明电〔2011〕45号 (one secondary source; dates are certain).
    source: '国办发明电〔2011〕45号',
    holidays: [
      { name: '元旦', from: '2012-01-01', to: '2012-01-03' },
      { name: '春节', from: '2012-01-22', to: '2012-01-28' },
      { name: '清明节', from: '2012-04-02', to: '2012-04-04' },
      { name: '劳动节', from: '2012-04-29', to: '2012-05-01' },
      { name: '端午节', from: '2012-06-22', to: '2012-06-24' },
      { name: '中秋节、国庆节', from: '2012-09-30', to: '2012-10-07' },
    ],
    // Saturday 2011-12-31 worked for 元旦 2012.
    workdays: [
      '2011-12-31',
      '2012-01-21',
      '2012-01-29',
      '2012-03-31',
      '2012-04-01',
      '2012-04-28',
      '2012-09-29',
    ],
  },
  {
    year: 2013,
    source: '国办发明电〔2012〕33号',
    holidays: [
      { name: '元旦', from: '2013-01-01', to: '2013-01-03' },
      { name: '春节', from: '2013-02-09', to: '2013-02-15' },
      { name: '清明节', from: '2013-04-04', to: '2013-04-06' },
      { name: '劳动节', from: '2013-04-29', to: '2013-05-01' },
      { name: '端午节', from: '2013-06-10', to: '2013-06-12' },
      { name: '中秋节', from: '2013-09-19', to: '2013-09-21' },
      { name: '国庆节', from: '2013-10-01', to: '2013-10-07' },
    ],
    workdays: [
      '2013-01-05',
      '2013-01-06',
      '2013-02-16',
      '2013-02-17',
      '2013-04-07',
      '2013-04-27',
      '2013-04-28',
      '2013-06-08',
      '2013-06-09',
      '2013-09-22',
      '2013-09-29',
      '2013-10-12',
    ],
  },
  {
    year: 2014,
    source: '国办发明电〔2013〕28号',
    holidays: [
      { name: '元旦', from: '2014-01-01', to: '2014-01-01' },
      { name: '春节', from: '2014-01-31', to: '2014-02-06' },
      // "4月5日放假，4月7日（星期一）补休"
      { name: '清明节', from: '2014-04-05', to: '2014-04-07' },
      { name: '劳动节', from: '2014-05-01', to: '2014-05-03' },
      { name: '端午节', from: '2014-05-31', to: '2014-06-02' },
      { name: '中秋节', from: '2014-09-06', to: '2014-09-08' },
      { name: '国庆节', from: '2014-10-01', to: '2014-10-07' },
    ],
    workdays: ['2014-01-26', '2014-02-08', '2014-05-04', '2014-09-28', '2014-10-11'],
  },
  {
    year: 2015,
    source: '国办发明电〔2014〕28号',
    holidays: [
      { name: '元旦', from: '2015-01-01', to: '2015-01-03' },
      { name: '春节', from: '2015-02-18', to: '2015-02-24' },
      // "4月5日放假，4月6日（星期一）补休"
      { name: '清明节', from: '2015-04-04', to: '2015-04-06' },
      { name: '劳动节', from: '2015-05-01', to: '2015-05-03' },
      // "6月20日放假，6月22日（星期一）补休"
      { name: '端午节', from: '2015-06-20', to: '2015-06-22' },
      {
        name: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
        from: '2015-09-03',
        to: '2015-09-05',
        source: '国发明电〔2015〕1号',
      },
      // "9月27日放假" — a Sunday; its make-up day is absorbed by 国庆节 (one
      // weekend day worked for five weekdays off).
      { name: '中秋节', from: '2015-09-26', to: '2015-09-27' },
      { name: '国庆节', from: '2015-10-01', to: '2015-10-07' },
    ],
    workdays: ['2015-01-04', '2015-02-15', '2015-02-28', '2015-09-06', '2015-10-10'],
    notes: '9月3日至5日抗战胜利70周年纪念日调休放假、9月6日（星期日）上班，见国发明电〔2015〕1号。',
  },
  {
    year: 2016,
    source: '国办发明电〔2015〕18号',
    holidays: [
      { name: '元旦', from: '2016-01-01', to: '2016-01-03' },
      { name: '春节', from: '2016-02-07', to: '2016-02-13' },
      { name: '清明节', from: '2016-04-02', to: '2016-04-04' },
      { name: '劳动节', from: '2016-04-30', to: '2016-05-02' },
      { name: '端午节', from: '2016-06-09', to: '2016-06-11' },
      { name: '中秋节', from: '2016-09-15', to: '2016-09-17' },
      { name: '国庆节', from: '2016-10-01', to: '2016-10-07' },
    ],
    workdays: ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
  },
  {
    year: 2017,
    source: '国办发明电〔2016〕17号',
    holidays: [
      // "1月1日放假，1月2日（星期一）补休"
      { name: '元旦', from: '2016-12-31', to: '2017-01-02' },
      { name: '春节', from: '2017-01-27', to: '2017-02-02' },
      { name: '清明节', from: '2017-04-02', to: '2017-04-04' },
      { name: '劳动节', from: '2017-04-29', to: '2017-05-01' },
      { name: '端午节', from: '2017-05-28', to: '2017-05-30' },
      { name: '中秋节、国庆节', from: '2017-10-01', to: '2017-10-08' },
    ],
    workdays: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  },
  {
    year: 2018,
    source: '国办发明电〔2017〕12号',
    holidays: [
      { name: '元旦', from: '2017-12-30', to: '2018-01-01' },
      { name: '春节', from: '2018-02-15', to: '2018-02-21' },
      { name: '清明节', from: '2018-04-05', to: '2018-04-07' },
      { name: '劳动节', from: '2018-04-29', to: '2018-05-01' },
      { name: '端午节', from: '2018-06-16', to: '2018-06-18' },
      { name: '中秋节', from: '2018-09-22', to: '2018-09-24' },
      { name: '国庆节', from: '2018-10-01', to: '2018-10-07' },
    ],
    workdays: ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30'],
  },
  {
    year: 2019,
    source: '国办发明电〔2018〕15号',
    holidays: [
      { name: '元旦', from: '2018-12-30', to: '2019-01-01' },
      { name: '春节', from: '2019-02-04', to: '2019-02-10' },
      { name: '清明节', from: '2019-04-05', to: '2019-04-07' },
      // UNSURE: amendment number 国办发明电〔2019〕3号 (one secondary source; the dates are certain).
      { name: '劳动节', from: '2019-05-01', to: '2019-05-04', source: '国办发明电〔2019〕3号' },
      { name: '端午节', from: '2019-06-07', to: '2019-06-09' },
      { name: '中秋节', from: '2019-09-13', to: '2019-09-15' },
      { name: '国庆节', from: '2019-10-01', to: '2019-10-07' },
    ],
    // Saturday 2018-12-29 worked for 元旦 2019; 04-28 and 05-05 from the Labour Day amendment.
    workdays: [
      '2018-12-29',
      '2019-02-02',
      '2019-02-03',
      '2019-04-28',
      '2019-05-05',
      '2019-09-29',
      '2019-10-12',
    ],
    notes:
      '劳动节原定5月1日放假1天；国务院办公厅关于调整2019年劳动节假期安排的通知（2019年3月22日）改为5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班。',
  },
  {
    year: 2020,
    source: '国办发明电〔2019〕16号',
    holidays: [
      { name: '元旦', from: '2020-01-01', to: '2020-01-01' },
      // Originally 01-24..01-30 with Saturday 02-01 worked; extended to 02-02.
      { name: '春节', from: '2020-01-24', to: '2020-02-02', source: '国办发明电〔2020〕1号' },
      { name: '清明节', from: '2020-04-04', to: '2020-04-06' },
      { name: '劳动节', from: '2020-05-01', to: '2020-05-05' },
      { name: '端午节', from: '2020-06-25', to: '2020-06-27' },
      { name: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08' },
    ],
    workdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
    notes:
      '春节假期经国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）延长至2月2日，原定2月1日（星期六）上班随之取消。',
  },
  {
    year: 2021,
    source: '国办发明电〔2020〕27号',
    holidays: [
      { name: '元旦', from: '2021-01-01', to: '2021-01-03' },
      { name: '春节', from: '2021-02-11', to: '2021-02-17' },
      { name: '清明节', from: '2021-04-03', to: '2021-04-05' },
      { name: '劳动节', from: '2021-05-01', to: '2021-05-05' },
      { name: '端午节', from: '2021-06-12', to: '2021-06-14' },
      { name: '中秋节', from: '2021-09-19', to: '2021-09-21' },
      { name: '国庆节', from: '2021-10-01', to: '2021-10-07' },
    ],
    workdays: [
      '2021-02-07',
      '2021-02-20',
      '2021-04-25',
      '2021-05-08',
      '2021-09-18',
      '2021-09-26',
      '2021-10-09',
    ],
  },
  {
    year: 2022,
    source: '国办发明电〔2021〕11号',
    holidays: [
      { name: '元旦', from: '2022-01-01', to: '2022-01-03' },
      { name: '春节', from: '2022-01-31', to: '2022-02-06' },
      { name: '清明节', from: '2022-04-03', to: '2022-04-05' },
      { name: '劳动节', from: '2022-04-30', to: '2022-05-04' },
      { name: '端午节', from: '2022-06-03', to: '2022-06-05' },
      { name: '中秋节', from: '2022-09-10', to: '2022-09-12' },
      { name: '国庆节', from: '2022-10-01', to: '2022-10-07' },
    ],
    workdays: [
      '2022-01-29',
      '2022-01-30',
      '2022-04-02',
      '2022-04-24',
      '2022-05-07',
      '2022-10-08',
      '2022-10-09',
    ],
  },
  {
    year: 2023,
    source: '国办发明电〔2022〕16号',
    holidays: [
      { name: '元旦', from: '2022-12-31', to: '2023-01-02' },
      { name: '春节', from: '2023-01-21', to: '2023-01-27' },
      { name: '清明节', from: '2023-04-05', to: '2023-04-05' },
      { name: '劳动节', from: '2023-04-29', to: '2023-05-03' },
      { name: '端午节', from: '2023-06-22', to: '2023-06-24' },
      { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06' },
    ],
    workdays: [
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ],
  },
  {
    year: 2024,
    source: '国办发明电〔2023〕7号',
    holidays: [
      { name: '元旦', from: '2023-12-30', to: '2024-01-01' },
      // 除夕 (02-09, Friday) was a working day: the notice only encouraged
      // employers to let staff take it off.
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国办发明电〔2025〕7号',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    // 2026-09-20 is a Sunday; the notice lists it under 国庆节:
    // "9月20日（周日）、10月10日（周六）上班".
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

function deepFreeze(list: readonly YearSchedule[]): readonly YearSchedule[] {
  for (const s of list) {
    for (const h of s.holidays) Object.freeze(h);
    Object.freeze(s.holidays);
    Object.freeze(s.workdays);
    Object.freeze(s);
  }
  return Object.freeze(list);
}

/** The schedules shipped with the platform, 2004–2026, oldest first. Frozen. */
export const BUILTIN_SCHEDULES: readonly YearSchedule[] = deepFreeze(schedules);

/** First and last year covered by `BUILTIN_SCHEDULES`. */
export const BUILTIN_FIRST_YEAR = 2004;
export const BUILTIN_LAST_YEAR = 2026;
