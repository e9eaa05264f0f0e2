/**
 * The decision document of a case: 准予行政许可决定书 or 不予行政许可决定书 (行政许可法 art. 38: a decision is made
 * in writing; a refusal states its reasons and tells the applicant of the right to administrative reconsideration or
 * litigation). Laid out after the usual model: agency, title, document number, the applicant, the body, the agency
 * and the date at the foot. The electronic seal is applied when the licence is issued, not here; the document says so.
 *
 * Legal references printed on a refusal:
 * - 行政复议法 (revised 2023) art. 20: reconsideration may be applied for within 60 days of learning of the act.
 * - 行政诉讼法 art. 46: a suit is brought within 6 months of learning of the act.
 * - 行政许可法 art. 32: an application not answered within 5 days counts as accepted (a deemed acceptance).
 * A grant on the applicant's commitment (告知承诺制) says so and announces the verification; a grant revoked for a
 * false commitment gets its own 撤销行政许可决定书 naming what the verification found (commitment.ts).
 */
import type { Selectable } from 'kysely';
import { createDocument, keyValueTable, note, paragraph, rule, space, THEME, toBuffer } from '../../platform/pdf/index.ts';
import type { ItemDocument } from '../catalog/index.ts';
import type { CasesTables } from './tables.ts';
import { COMMITMENT_BASIS, COMMITMENT_POLICY, REVOCATION_LAW } from './commitment.ts';

/** The case fields the document needs (a row of `case` has them all). */
export type DecisionCase = Pick<
  Selectable<CasesTables['case']>,
  'number' | 'agency_name' | 'applicant_name' | 'applicant_type' | 'item_name' | 'impl_code' | 'item_version' | 'submitted_at' | 'accepted_at' | 'decision' | 'delivery'
> &
  Partial<Pick<Selectable<CasesTables['case']>, 'commitment' | 'deemed_accepted'>>;

export type DecisionItem = Pick<ItemDocument, 'legalBasis' | 'result' | 'hall'>;

/** Administrative reconsideration: 60 days (行政复议法 2023 art. 20). Litigation: 6 months (行政诉讼法 art. 46). */
export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;

/** Short forms of department names used in document numbers (泰州市市场监督管理局 → 泰 + 市监 + 许). */
const DEPARTMENT_ABBREVIATIONS: ReadonlyArray<[string, string]> = [
  ['市场监督管理局', '市监'],
  ['公安局', '公'],
  ['民政局', '民'],
  ['人力资源和社会保障局', '人社'],
  ['自然资源和规划局', '自然资源'],
  ['自然资源局', '自然资源'],
  ['生态环境局', '环'],
  ['住房和城乡建设局', '建'],
  ['交通运输局', '交'],
  ['水利局', '水'],
  ['农业农村局', '农'],
  ['商务局', '商'],
  ['文化广电和旅游局', '文广旅'],
  ['卫生健康委员会', '卫健'],
  ['应急管理局', '应急'],
  ['医疗保障局', '医保'],
  ['城市管理局', '城管'],
  ['税务局', '税'],
  ['教育局', '教'],
  ['司法局', '司'],
  ['数据局', '数据'],
  ['发展和改革委员会', '发改'],
  ['工业和信息化局', '工信'],
  ['财政局', '财'],
  ['退役军人事务局', '退役军人'],
  ['气象局', '气'],
  ['烟草专卖局', '烟草'],
  ['消防救援支队', '消'],
  ['体育局', '体'],
  ['行政审批局', '审批'],
  ['人民政府', '政'],
];

/** One character per place level: 泰州市 → 泰, 泰州市海陵区 → 泰海. */
function placeAbbreviation(place: string): string {
  return (place.match(/[^省市区县旗]+?(?:自治[州县旗]|[省市区县旗])/g) ?? []).map((p) => p[0]).join('');
}

/** The agency's short form for document numbers, e.g. 泰州市市场监督管理局 → 泰市监, 兴化市民政局 → 兴民. */
export function agencyAbbreviation(agencyName: string): string {
  const name = agencyName.replace(/^国家税务总局/, '').trim();
  for (const [dept, short] of DEPARTMENT_ABBREVIATIONS) {
    const at = name.indexOf(dept);
    if (at >= 0) return placeAbbreviation(name.slice(0, at)) + short;
  }
  const place = name.match(/^(?:[^省市区县]+?[省市区县])+/)?.[0] ?? '';
  return placeAbbreviation(place) + name.slice(place.length, place.length + 2);
}

/**
 * The document number, from the agency and the case number (region-year-sequence):
 * 泰州市市场监督管理局, 321200-2026-000123 → 泰市监许〔2026〕第 000123 号; a refusal 泰市监不许〔2026〕第 000123 号; the
 * acceptance notice (acceptance-notice-pdf.ts) 泰市监受〔2026〕第 000123 号.
 */
export function decisionDocumentNumber(agencyName: string, caseNumber: string, result: 'grant' | 'refuse' | 'revoke' | 'accept'): string {
  const m = /^[^-]+-(\d{4})-(\d+)$/.exec(caseNumber);
  const year = m?.[1] ?? '';
  const seq = m?.[2] ?? caseNumber;
  return `${agencyAbbreviation(agencyName)}${{ grant: '许', refuse: '不许', revoke: '撤许', accept: '受' }[result]}〔${year}〕第 ${seq} 号`;
}

const CHINA_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' });

/** A date in China time as official documents write it (GB/T 9704-2012): 2026年3月2日. */
export function chineseDate(d: Date): string {
  const p = Object.fromEntries(CHINA_DATE.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

function basisText(item: DecisionItem): string {
  return item.legalBasis.map((b) => `${b.title}${b.article ?? ''}`).join('、');
}

function deliveryText(c: DecisionCase, item: DecisionItem): string {
  switch (c.delivery.method) {
    case 'pickup':
      return `请携带有效身份证件到${item.hall.address}${item.hall.window ? `（${item.hall.window}）` : ''}领取（办公时间：${item.hall.hours}）`;
    case 'express':
      return `将以快递方式寄送至申请时填写的地址${c.delivery.trackingNo ? `（运单号 ${c.delivery.trackingNo}）` : ''}`;
    default:
      return '已通过网上办事大厅电子送达，可在“我的办件”中查看和下载';
  }
}

export const DELIVERY_LABEL = { electronic: '电子送达', pickup: '窗口领取', express: '快递送达' } as const;

export type DecisionPdfOptions = { generatedAt?: Date };

export const BODY = { size: 11.5, after: 6 } as const;
export type Doc = Awaited<ReturnType<typeof createDocument>>;

/** Agency, title and document number over a red rule, as official documents open. */
export async function openDocument(c: Pick<DecisionCase, 'agency_name' | 'item_name' | 'number' | 'applicant_name'>, docTitle: string, docNo: string, opts: DecisionPdfOptions): Promise<Doc> {
  const doc = await createDocument({
    title: `${docTitle} ${docNo}`,
    author: c.agency_name,
    subject: docTitle,
    keywords: [c.item_name, c.number, docNo],
    createdAt: opts.generatedAt ?? new Date(),
    decorate: ({ page, pages }) => ({ footerLeft: `${docNo} · 申请编号 ${c.number}`, footerRight: `第 ${page} 页 / 共 ${pages} 页` }),
  });
  space(doc, 6);
  paragraph(doc, c.agency_name, { size: 15, weight: 'bold', align: 'center', tracking: 1, after: 6 });
  paragraph(doc, docTitle, { size: THEME.size.title, weight: 'bold', align: 'center', tracking: 2, after: 8 });
  paragraph(doc, docNo, { align: 'center', color: THEME.color.muted, after: 8 });
  rule(doc, { color: THEME.color.accent, width: 1.2 });
  space(doc, 14);
  paragraph(doc, `${c.applicant_name}：`, { ...BODY, weight: 'bold' });
  return doc;
}

/** The rights against an adverse decision (行政复议法 art. 20, 行政诉讼法 art. 46). */
function rightsParagraph(doc: Doc, you: string): void {
  paragraph(
    doc,
    `　　如对本决定不服，${you}可以自收到本决定书之日起${RECONSIDERATION_DAYS}日内依法申请行政复议（《中华人民共和国行政复议法》第二十条），` +
      `或者自收到本决定书之日起${LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`,
    BODY,
  );
}

/** The agency and the date at the foot, the seal note, the summary table and the platform's note. */
async function closeDocument(doc: Doc, c: DecisionCase, at: Date, sealNote: string, rows: Array<[string, string]>, last: string): Promise<Buffer> {
  space(doc, 16);
  paragraph(doc, c.agency_name, { ...BODY, align: 'right', after: 4 });
  paragraph(doc, chineseDate(at), { ...BODY, align: 'right', after: 4 });
  paragraph(doc, sealNote, { size: THEME.size.small, color: THEME.color.muted, align: 'right', after: 12 });
  keyValueTable(doc, rows);
  note(doc, `本决定书由${c.agency_name}就办件 ${c.number}（按事项第 ${c.item_version} 版办理）作出，由通办平台生成。${last}`);
  return toBuffer(doc);
}

const youOf = (c: DecisionCase) => (c.applicant_type === 'entity' ? '你单位' : '你');

/** The opening sentence: what was applied for and when, and how it was accepted (a deemed acceptance says so). */
function appliedSentence(c: DecisionCase, you: string, how = ''): string {
  const received = chineseDate(c.submitted_at);
  const accepted = c.deemed_accepted
    ? `本机关未在法定期限内作出是否受理的决定，依照《中华人民共和国行政许可法》第三十二条的规定，自${received}起视为受理`
    : c.accepted_at
      ? `本机关于${chineseDate(c.accepted_at)}依法受理`
      : '本机关已依法受理';
  return `　　${you}于${received}${how}提出的${c.item_name}申请（申请编号：${c.number}），${accepted}。`;
}

/** Render the decision document of a decided case as a PDF (A4, Chinese, embedded CJK font). */
export async function renderDecisionPdf(c: DecisionCase, item: DecisionItem, opts: DecisionPdfOptions = {}): Promise<Buffer> {
  const decision = c.decision;
  if (!decision) throw new Error(`case ${c.number} has no decision yet`);
  const grant = decision.result === 'grant';
  const onCommitment = grant && decision.basis === COMMITMENT_BASIS;
  const docTitle = grant ? '准予行政许可决定书' : '不予行政许可决定书';
  const docNo = decisionDocumentNumber(c.agency_name, c.number, decision.result);
  const decidedAt = new Date(decision.decidedAt);
  const you = youOf(c);
  const basis = basisText(item);
  const lawRef = `《中华人民共和国行政许可法》第三十八条${grant ? '第一款' : '第二款'}${basis ? `和${basis}` : ''}`;

  const doc = await openDocument(c, docTitle, docNo, opts);
  paragraph(doc, appliedSentence(c, you, onCommitment ? '以告知承诺方式' : ''), BODY);
  if (onCommitment) {
    // 告知承诺制: granted on the signed commitment, not on a review of the conditions; verified afterwards.
    const signed = c.commitment ? `已于${chineseDate(new Date(c.commitment.signedAt))}签署告知承诺书（签署人：${c.commitment.signedName}），` : '已签署告知承诺书，';
    paragraph(doc, `　　该事项实行告知承诺制。${you}${signed}书面承诺符合法定条件、标准。根据${lawRef}和${COMMITMENT_POLICY}的规定，本机关依据${you}的承诺决定准予行政许可。`, BODY);
    const days = c.commitment?.verificationDays;
    paragraph(doc, `　　本机关将${days ? `自作出本决定之日起${days}个工作日内` : '依法'}对${you}的承诺进行核查。经核查发现承诺不实的，本机关将依照${REVOCATION_LAW}的规定撤销本行政许可。`, BODY);
    paragraph(doc, `　　本机关将依法向${you}颁发${item.result.name}，电子印章在证照签发时加盖。许可结果${deliveryText(c, item)}。`, BODY);
  } else if (grant) {
    paragraph(doc, `　　经审查，${you}的申请符合法定条件、标准。根据${lawRef}的规定，本机关决定准予行政许可。`, BODY);
    paragraph(doc, `　　本机关将依法向${you}颁发${item.result.name}，电子印章在证照签发时加盖。许可结果${deliveryText(c, item)}。`, BODY);
  } else {
    paragraph(doc, `　　经审查，${you}的申请不符合法定条件、标准，理由如下：`, BODY);
    const reason = decision.reason?.trim() || '（未载明理由）';
    paragraph(doc, `　　${sentenceOf(reason)}`, { ...BODY, weight: 'bold' });
    paragraph(doc, `　　根据${lawRef}的规定，本机关决定不予行政许可。`, BODY);
    rightsParagraph(doc, you);
  }
  return closeDocument(
    doc,
    c,
    decidedAt,
    grant ? '（电子印章随证照签发加盖）' : '（电子印章随正式文书送达加盖）',
    [
      ['申请人', c.applicant_name],
      ['申请事项', c.item_name],
      ['实施编码', c.impl_code],
      ['申请编号', c.number],
      ['决定日期', chineseDate(decidedAt)],
      ['决定结果', grant ? (onCommitment ? '准予行政许可（告知承诺）' : '准予行政许可') : '不予行政许可'],
      ['送达方式', DELIVERY_LABEL[c.delivery.method]],
    ],
    grant ? '电子印章随证照签发加盖，证照签发后可在网上办事大厅下载。' : '电子印章随正式文书送达加盖。',
  );
}

function sentenceOf(s: string): string {
  return `${s}${/[。！？.!?）)]$/.test(s) ? '' : '。'}`;
}

/**
 * The 撤销行政许可决定书 of a grant on commitment revoked at verification: the grant it revokes, what the
 * verification found (the false commitment), the law, and the rights against it.
 */
export async function renderRevocationPdf(c: DecisionCase, opts: DecisionPdfOptions = {}): Promise<Buffer> {
  const decision = c.decision;
  if (!decision?.revokedAt) throw new Error(`case ${c.number} has no revoked grant`);
  const docNo = decisionDocumentNumber(c.agency_name, c.number, 'revoke');
  const grantNo = decisionDocumentNumber(c.agency_name, c.number, 'grant');
  const revokedAt = new Date(decision.revokedAt);
  const you = youOf(c);
  const doc = await openDocument(c, '撤销行政许可决定书', docNo, opts);
  paragraph(doc, appliedSentence(c, you, decision.basis === COMMITMENT_BASIS ? '以告知承诺方式' : ''), BODY);
  paragraph(doc, `　　本机关于${chineseDate(new Date(decision.decidedAt))}依据${you}的承诺作出准予行政许可决定（${grantNo}）。经核查，${you}作出的承诺与实际情况不符，具体情况如下：`, BODY);
  paragraph(doc, `　　${sentenceOf(decision.revokeReason?.trim() || '（未载明核查情况）')}`, { ...BODY, weight: 'bold' });
  paragraph(doc, `　　${you}以不实承诺取得行政许可。根据${REVOCATION_LAW}和${COMMITMENT_POLICY}的规定，本机关决定撤销上述行政许可（${grantNo}）。`, BODY);
  rightsParagraph(doc, you);
  return closeDocument(
    doc,
    c,
    revokedAt,
    '（电子印章随正式文书送达加盖）',
    [
      ['申请人', c.applicant_name],
      ['申请事项', c.item_name],
      ['申请编号', c.number],
      ['被撤销的许可', grantNo],
      ['撤销日期', chineseDate(revokedAt)],
      ['撤销原因', '核查发现承诺不实'],
    ],
    '电子印章随正式文书送达加盖。',
  );
}
