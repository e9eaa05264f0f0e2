/**
 * The printable service guide (办事指南) of a published item: what a citizen takes to the hall or keeps at home.
 * A title, a box of the facts read in five seconds (time limit, visits, fees, online), then the guide's sections in
 * the order of the published element set, and a footer that points to the online version.
 */
import { EXERCISE_LEVEL_LABELS } from '../../platform/codes/index.ts';
import {
  createDocument,
  factBox,
  heading,
  keyValueTable,
  list,
  note,
  paragraph,
  table,
  tableLeadHeight,
  title,
  toBuffer,
  THEME,
  type Fact,
  type PdfDoc,
  type TableOptions,
} from '../../platform/pdf/index.ts';
import type { ItemDetail, MaterialRequirement } from './schema.ts';

export type GuidePdfOptions = {
  /** When the guide was generated (footer, document info); now by default. */
  generatedAt?: Date;
  /** Address of the item's online guide, printed under the title. */
  url?: string;
};

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

const NECESSITY: Record<MaterialRequirement['necessity'], string> = { required: '必要', optional: '非必要', deferrable: '容缺后补' };
const SOURCE: Record<MaterialRequirement['source'], string> = { applicant: '申请人自备', government: '政府部门核发', other: '其他' };
const MATERIAL_FORM: Record<MaterialRequirement['form'], string> = { paper: '纸质', electronic: '电子', both: '纸质或电子' };
const AGENCY_NATURE: Record<string, string> = { statutory: '法定机关', authorized: '法律法规授权组织', entrusted: '受委托组织' };
const SERVICE_OBJECT: Record<string, string> = { person: '自然人', entity: '法人和其他组织' };
const SERVICE_OBJECT_TYPE: Record<string, string> = {
  natural_person: '自然人',
  enterprise: '企业法人',
  public_institution: '事业法人',
  social_organization: '社会组织法人',
  government_agency: '行政机关',
  other_org: '其他组织',
};
const HANDLING_FORM: Record<string, string> = { window: '窗口办理', pc: '网上办理（电脑）', mobile: '手机办理', express: '快递办理', self_service: '自助终端办理' };
const TONGBAN_SCOPE: Record<string, string> = { city: '全市通办', province: '全省通办', inter_province: '跨省通办', national: '全国通办' };
const ONLINE_DEPTH: Record<number, string> = { 1: '咨询', 2: '收件', 3: '预审', 4: '受理', 5: '办理', 6: '结果反馈', 7: '电子证照' };
const RESULT_TYPE: Record<string, string> = { license: '证照', approval: '批准文书', other: '其他' };

/** 0 working days is a decision on the spot. */
export function daysText(days: number): string {
  return days === 0 ? '即办' : `${days} 个工作日`;
}

/** Amount in fen as yuan: 1000 → "10", 1050 → "10.50". */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

export function visitsText(visits: number): string {
  return visits === 0 ? '0 次' : visits === 1 ? '1 次' : '多次';
}

/** Dates print in China time whatever the server's time zone. */
const CHINA_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function partsIn(d: Date): Record<string, string> {
  return Object.fromEntries(CHINA_TIME.formatToParts(d).map((p) => [p.type, p.value]));
}

/** Date in China time, e.g. 2025-03-01. */
export function dateText(d: Date): string {
  const p = partsIn(d);
  return `${p.year}-${p.month}-${p.day}`;
}

function dateTimeText(d: Date): string {
  const p = partsIn(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

function joinOrUndefined(xs: readonly string[] | undefined, sep = '、'): string | undefined {
  return xs && xs.length ? xs.join(sep) : undefined;
}

function feeFact(item: ItemDetail): Fact {
  const charged = item.fees.filter((f) => f.amountFen > 0);
  if (charged.length === 0) return { label: '收费', value: '免费', note: '本事项不收费' };
  if (charged.length === 1) return { label: '收费', value: `${yuan(charged[0]!.amountFen)} 元`, note: charged[0]!.name };
  const amounts = charged.map((f) => f.amountFen);
  const lo = Math.min(...amounts);
  const hi = Math.max(...amounts);
  return { label: '收费', value: lo === hi ? `${yuan(lo)} 元` : `${yuan(lo)}–${yuan(hi)} 元`, note: `共 ${charged.length} 项，详见“收费”` };
}

function summaryFacts(item: ItemDetail): Fact[] {
  return [
    { label: '承诺时限', value: daysText(item.committedDays), note: `法定时限 ${daysText(item.statutoryDays)}` },
    { label: '跑动次数', value: visitsText(item.visitsRequired), note: item.visitsRequired === 0 ? '无需到现场' : '需到办理地点' },
    feeFact(item),
    { label: '网上可办', value: item.online ? '是' : '否', note: item.online ? (item.visitsRequired === 0 ? '全程网上办理' : '可网上申请') : '请到办理地点申请' },
  ];
}

function materialNotes(m: MaterialRequirement): string {
  return [
    m.notes,
    m.acceptanceStandard ? `受理标准：${m.acceptanceStandard}` : undefined,
    m.obtainable ? '可由部门共享获取，无需提交' : undefined,
    m.licenseTypeCode ? '已有电子证照的，可免于提交' : undefined,
    m.blankForm ? `空白表格：${m.blankForm.name}（网上下载）` : undefined,
    m.sample ? `示例样表：${m.sample.name}（网上下载）` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

function paperText(m: MaterialRequirement): string {
  if (m.paper.original === 0 && m.paper.copy === 0) return '—';
  return [m.paper.original ? `原件 ${m.paper.original}` : '', m.paper.copy ? `复印件 ${m.paper.copy}` : ''].filter(Boolean).join('\n');
}

function materialTable(item: ItemDetail): TableOptions {
  return {
    columns: [
      { header: '序号', width: 6, align: 'center' },
      { header: '材料名称', width: 22 },
      { header: '必要性', width: 10 },
      { header: '来源', width: 12 },
      { header: '纸质份数', width: 10 },
      { header: '形式', width: 8 },
      { header: '填报说明', width: 32 },
    ],
    rows: item.materials.map((m, i) => [
      String(i + 1),
      { text: m.name, weight: 'bold' },
      m.necessity === 'required' ? { text: NECESSITY[m.necessity] } : { text: NECESSITY[m.necessity], color: THEME.color.accent },
      m.source === 'government' && m.issuingDept ? `${SOURCE[m.source]}（${m.issuingDept}）` : SOURCE[m.source],
      paperText(m),
      MATERIAL_FORM[m.form],
      materialNotes(m) || '—',
    ]),
    zebra: true,
  };
}

function materialsSection(doc: PdfDoc, item: ItemDetail): void {
  if (item.materials.length === 0) {
    paragraph(doc, '本事项无需提交申请材料。');
    return;
  }
  table(doc, materialTable(item));
  paragraph(doc, '必要：须提交；非必要：符合相应情形的提交；容缺后补：可先受理，在规定期限内补齐。纸质份数为原件、复印件各需几份，“—”表示无需纸质材料。', {
    size: THEME.size.tiny,
    color: THEME.color.muted,
  });
}

function stepsSection(doc: PdfDoc, item: ItemDetail): void {
  list(
    doc,
    item.steps.map((s) => ({ title: s.name, aside: s.days == null ? undefined : s.days === 0 ? '即时' : daysText(s.days), body: s.description })),
    { numbered: true },
  );
  const limits: [string, string | undefined][] = [
    ['法定时限', daysText(item.statutoryDays) + (item.statutoryNote ? `（${item.statutoryNote}）` : '')],
    ['承诺时限', daysText(item.committedDays) + (item.committedNote ? `（${item.committedNote}）` : '')],
    ['时限说明', item.limitNote],
    [
      '特别程序',
      joinOrUndefined(
        item.specialProcedures?.map((p) => [p.name, p.maxDays != null ? `不超过 ${p.maxDays} 个工作日` : '', p.note ?? ''].filter(Boolean).join('，')),
        '；\n',
      ),
    ],
  ];
  keyValueTable(doc, limits);
}

function basisSection(doc: PdfDoc, item: ItemDetail): void {
  if (item.legalBasis.length === 0) {
    paragraph(doc, '—');
    return;
  }
  list(
    doc,
    item.legalBasis.map((b) => `${b.title}${b.article ?? ''}${b.docNo ? `（${b.docNo}）` : ''}`),
  );
}

function feeTable(item: ItemDetail): TableOptions | undefined {
  const charged = item.fees.filter((f) => f.amountFen > 0);
  if (charged.length === 0) return undefined;
  return {
    columns: [
      { header: '收费项目', width: 20 },
      { header: '金额（元）', width: 11, align: 'right' },
      { header: '收费标准', width: 22 },
      { header: '收费依据', width: 27 },
      { header: '减免政策', width: 20 },
    ],
    rows: charged.map((f) => [{ text: f.name, weight: 'bold' }, yuan(f.amountFen), f.standard ?? '—', f.basis, f.waiver ?? '—']),
  };
}

function intermediaryTable(item: ItemDetail): TableOptions | undefined {
  if (!item.intermediaryServices?.length) return undefined;
  return {
    columns: [
      { header: '服务名称', width: 30 },
      { header: '服务机构', width: 25 },
      { header: '设定依据', width: 25 },
      { header: '收费说明', width: 20 },
    ],
    rows: item.intermediaryServices.map((s) => [{ text: s.name, weight: 'bold' }, s.provider ?? '—', s.basis ?? '—', s.feeNote ?? '—']),
  };
}

function placeSection(doc: PdfDoc, item: ItemDetail, url: string | undefined): void {
  const features = item.features;
  const conveniences = features
    ? [features.appointment && '可预约办理', features.express && '结果可免费邮寄', features.onlinePayment && '可网上缴费', features.selfService && '可在自助终端办理'].filter((x): x is string => Boolean(x))
    : [];
  keyValueTable(doc, [
    ['办理地点', item.hall.address],
    ['办理窗口', item.hall.window],
    ['办理时间', item.hall.hours],
    ['交通指引', item.hall.traffic],
    ['办理方式', joinOrUndefined(item.handlingForms?.map((f) => HANDLING_FORM[f] ?? f))],
    ['网上办理', item.online ? [joinOrUndefined([...item.onlineDepth].sort((a, b) => a - b).map((d) => ONLINE_DEPTH[d] ?? String(d))), url].filter(Boolean).join('\n') : '暂不支持网上申请'],
    ['到现场原因', item.visitsRequired > 0 ? item.visitReason : undefined],
    ['通办范围', item.tongbanScope && item.tongbanScope !== 'none' ? TONGBAN_SCOPE[item.tongbanScope] : undefined],
    ['便民服务', joinOrUndefined(conveniences)],
  ]);
}

function resultSection(doc: PdfDoc, item: ItemDetail): void {
  keyValueTable(doc, [
    ['结果名称', item.result.name],
    ['结果类型', RESULT_TYPE[item.result.type] ?? item.result.type],
    ['结果样本', item.result.sample ? `${item.result.sample.name}（网上可查看）` : undefined],
    ['送达方式', item.features?.express ? '窗口领取或邮寄送达' : undefined],
  ]);
}

/** Render the service guide of an item as a PDF (A4, Chinese, embedded CJK font). */
export async function renderGuidePdf(item: ItemDetail, opts: GuidePdfOptions = {}): Promise<Buffer> {
  const generatedAt = opts.generatedAt ?? new Date();
  const published = item.publishedAt ? dateText(new Date(item.publishedAt)) : undefined;
  const version = `第 ${item.version} 版${published ? `（${published} 发布）` : ''}`;
  const footerLeft = `本指南以网上公布的最新版本为准 · ${version} · 生成于 ${dateTimeText(generatedAt)}`;
  const doc = await createDocument({
    title: `${item.name} 办事指南`,
    author: item.agency.name,
    subject: '办事指南',
    keywords: [item.name, item.implCode, ...item.keywords],
    createdAt: generatedAt,
    decorate: ({ page, pages }) => ({
      header: page > 1 ? `${item.name} · 办事指南` : undefined,
      footerLeft,
      footerRight: `第 ${page} 页 / 共 ${pages} 页`,
    }),
  });

  title(doc, item.name, {
    kicker: '办事指南',
    subtitle: `${item.agency.name} · ${item.kindLabel}`,
    lines: [`实施编码 ${item.implCode} · ${version}`, ...(opts.url ? [`网上办理和最新版本：${opts.url}`] : [])],
  });
  factBox(doc, summaryFacts(item));

  // Each section's heading keeps with the start of what follows it (for tables: the header and first row).
  type Section = { name: string; render: () => void; keepWith?: number };
  const materials = item.materials.length ? materialTable(item) : undefined;
  const fees = feeTable(item);
  const services = intermediaryTable(item);
  const sections: Section[] = [
    {
      name: '实施机构与编码',
      render: () =>
        keyValueTable(doc, [
          ['实施机构', item.agency.name],
          ['实施主体性质', item.agencyNature ? AGENCY_NATURE[item.agencyNature] : undefined],
          ['受委托部门', joinOrUndefined(item.entrustedAgencies)],
          ['联办机构', joinOrUndefined(item.jointAgencies)],
          ['事项类型', item.kindLabel],
          ['行使层级', (EXERCISE_LEVEL_LABELS as Record<string, string>)[item.exerciseLevel] ?? item.exerciseLevel],
          ['实施编码', item.implCode],
          ['基本编码', item.baseCode],
          ['办件类型', item.caseType === 'instant' ? '即办件' : '承诺件'],
          ['服务对象', joinOrUndefined(item.serviceObjectTypes?.length ? item.serviceObjectTypes.map((t) => SERVICE_OBJECT_TYPE[t] ?? t) : item.serviceObjects.map((o) => SERVICE_OBJECT[o] ?? o))],
          ['所属主题', joinOrUndefined(item.topics)],
        ]),
    },
    { name: '受理条件', render: () => (item.conditions.length ? list(doc, item.conditions, { numbered: true }) : paragraph(doc, '无特别条件。')) },
    { name: '申请材料', render: () => materialsSection(doc, item), keepWith: materials && tableLeadHeight(doc, materials) },
    { name: '办理流程', render: () => stepsSection(doc, item) },
    { name: '设定依据', render: () => basisSection(doc, item) },
    { name: '收费', render: () => (fees ? table(doc, fees) : paragraph(doc, '本事项不收费。')), keepWith: fees && tableLeadHeight(doc, fees) },
  ];
  if (services) sections.push({ name: '中介服务', render: () => table(doc, services), keepWith: tableLeadHeight(doc, services) });
  sections.push(
    { name: '办理地点和时间', render: () => placeSection(doc, item, opts.url) },
    {
      name: '咨询和投诉电话',
      render: () =>
        keyValueTable(doc, [
          ['咨询电话', item.contacts.consult],
          ['投诉电话', item.contacts.complaint],
        ]),
    },
    { name: '办理结果', render: () => resultSection(doc, item) },
  );
  if (item.faq?.length) {
    const faq = item.faq;
    sections.push({ name: '常见问题', render: () => list(doc, faq.map((f) => ({ title: f.q, body: f.a })), { numbered: true, gap: 6 }) });
  }

  sections.forEach((section, i) => {
    heading(doc, `${NUMERALS[i] ?? String(i + 1)}、${section.name}`, { keepWith: section.keepWith });
    section.render();
  });
  note(doc, `本指南根据${item.agency.name}在网上公布的办事指南${version}生成。内容如有调整，以网上公布的最新版本为准。`);

  return toBuffer(doc);
}
