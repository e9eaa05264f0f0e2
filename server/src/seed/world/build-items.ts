/**
 * Completes the catalog drafts into `ItemSeed`s: item codes, exercise level, service hall, contacts, and every
 * element of the national element set that a draft leaves to its generic default (agency nature, service object
 * types, step days, time-limit notes, special procedures named by the steps, handling forms and features derived
 * from the online depth, 通办 range, life events from topics, material types and acceptance standards, which
 * materials the platform can obtain through the resource catalog). Item-specific content stays in the drafts.
 */

import { makeBaseCode, makeImplCode, TAIZHOU_CODE } from '../../platform/codes/index.ts';
import { COMPLAINT, DEFAULT_STEPS, HALL_HOURS, type ItemDraft, type MaterialDraft, type OrgItems } from './items/helpers.ts';
import { CENTRE_ADDRESSES, DEPT } from './orgs.ts';
import type { ItemSeed, MaterialSeed, OrgSeed } from './types.ts';
import { licenseTypeForMaterial } from './licenses.ts';
import { RESOURCES } from './resources.ts';
// The pure rule only (the module's index would load its routes and services into every world build).
import { materialCore, sourceOfMaterial } from '../../modules/sharing/obtainable.ts';

function exerciseLevelOf(org: OrgSeed): ItemSeed['exerciseLevel'] {
  if (org.regionCode === TAIZHOU_CODE) return '3';
  if (org.regionCode.length === 6) return '4';
  return '5';
}

/** Demo consultation number of a department in a region: 0523-8RR6DD00. */
function consultPhone(org: OrgSeed, deptCode: string): string {
  const region = org.regionCode === TAIZHOU_CODE ? '68' : org.regionCode.slice(4, 6);
  return `0523-8${region}6${deptCode}00`;
}

/** Area of the service hall where a department's windows are (demo layout, the same in every centre). */
const HALL_AREA: Readonly<Record<string, string>> = {
  [DEPT.sj]: '一楼A区 企业开办和市场准入专区',
  [DEPT.tax]: '一楼A区 企业开办和市场准入专区（税务）',
  [DEPT.yc]: '一楼A区 企业开办和市场准入专区（烟草专卖）',
  [DEPT.ga]: '一楼B区 公安综合窗口',
  [DEPT.rs]: '二楼C区 人社服务窗口',
  [DEPT.yb]: '二楼C区 医保服务窗口',
  [DEPT.mz]: '二楼D区 民政和社会事务窗口',
  [DEPT.cl]: '二楼D区 民政和社会事务窗口（残联）',
  [DEPT.tyjr]: '二楼D区 民政和社会事务窗口（退役军人服务）',
  [DEPT.wj]: '二楼D区 卫生健康窗口',
  [DEPT.jy]: '二楼D区 教育体育窗口',
  [DEPT.ty]: '二楼D区 教育体育窗口',
  [DEPT.sf]: '二楼D区 公共法律服务窗口',
  [DEPT.zr]: '三楼E区 不动产登记和自然资源窗口',
  [DEPT.zj]: '三楼E区 住房城乡建设窗口',
  [DEPT.fgw]: '三楼F区 投资建设项目审批专区',
  [DEPT.gx]: '三楼F区 投资建设项目审批专区',
  [DEPT.sthj]: '三楼F区 投资建设项目审批专区',
  [DEPT.sl]: '三楼F区 投资建设项目审批专区',
  [DEPT.cg]: '三楼F区 投资建设项目审批专区',
  [DEPT.xf]: '三楼F区 投资建设项目审批专区（消防）',
  [DEPT.qx]: '三楼F区 投资建设项目审批专区（气象）',
  [DEPT.jt]: '三楼G区 交通运输窗口',
  [DEPT.ny]: '三楼G区 农业农村窗口',
  [DEPT.sw]: '三楼G区 商务文旅窗口',
  [DEPT.wl]: '三楼G区 商务文旅窗口',
  [DEPT.yj]: '三楼G区 应急管理窗口',
  [DEPT.cz]: '三楼G区 财政窗口',
};

/** How to get to each service centre (demo). */
const TRAFFIC: Readonly<Record<string, string>> = {
  '321200': '乘公交1路、9路、16路、29路至“市政务服务中心”站下车；中心东侧设地面停车场和无障碍通道',
  '321202': '乘公交2路、15路、33路至“鼓楼南路”站下车，步行约200米',
  '321203': '乘公交6路、18路至“高港区政务服务中心”站下车；中心北侧设停车场',
  '321204': '乘姜堰公交1路、5路至“三水大道”站下车，步行约300米',
  '321281': '乘兴化公交2路、8路至“英武中路”站下车',
  '321282': '乘靖江公交1路、3路至“人民南路”站下车',
  '321283': '乘泰兴公交1路、6路至“国庆东路”站下车',
};

/** Default agency nature of an implementing org (most are 法定机关). */
const ORG_NATURE: Readonly<Record<string, ItemSeed['agencyNature']>> = {
  gjj: 'authorized', // 《住房公积金管理条例》 gives the management centre its powers
  cl: 'authorized', // 残联 issues 残疾人证 and runs rehabilitation subsidies under 《残疾人保障法》
  qxj: 'authorized', // 气象主管机构 (a public institution exercising administrative powers by law)
  bdcdj: 'entrusted', // registers on behalf of 市自然资源和规划局, the registration authority
};

/** Life events implied by a topic. */
const TOPIC_EVENTS: Readonly<Record<string, string>> = {
  企业开办: '开办企业',
  注销清算: '企业注销',
  生育收养: '新生儿出生',
  婚姻登记: '结婚',
  离职退休: '退休',
  餐饮: '开办餐饮店',
  工程建设: '工程建设项目审批',
  投资审批: '投资项目立项',
  教育科研: '子女入学',
  社会救助: '生活困难救助',
  残疾人服务: '残疾人服务',
  养老服务: '养老',
  身后事: '身后事',
  退役军人: '退役',
};

/**
 * Who issues a certificate (shown in the guide as 核发部门). Being issued by a department does not make a material
 * obtainable: only a published resource of the resource catalog does (`sourceOfMaterial`, modules/sharing).
 */
const ISSUERS: Readonly<Record<string, string>> = {
  居民身份证: '公安机关（户籍管理部门）',
  身份证明: '公安机关（户籍管理部门）',
  居民户口簿: '公安机关（户籍管理部门）',
  户口簿: '公安机关（户籍管理部门）',
  居住证: '公安机关',
  营业执照: '市场监督管理部门',
  结婚证: '民政部门（婚姻登记机关）',
  离婚证: '民政部门（婚姻登记机关）',
  不动产权证书: '不动产登记机构',
  出生医学证明: '卫生健康部门（助产机构签发）',
  残疾人证: '残疾人联合会',
  机动车驾驶证: '公安机关交通管理部门',
  机动车行驶证: '公安机关交通管理部门',
  社会保障卡: '人力资源社会保障部门',
  建设工程规划许可证: '自然资源和规划部门',
  建筑工程施工许可证: '住房城乡建设部门',
  食品经营许可证: '市场监督管理部门',
  道路运输经营许可证: '交通运输部门',
  医师资格证书: '卫生健康部门',
  教师资格证书: '教育部门',
  退役军人优待证: '退役军人事务部门',
  社会团体法人登记证书: '民政部门（社会组织登记管理机关）',
};

function issuerOf(name: string): string | undefined {
  return ISSUERS[materialCore(name)];
}

/** The resources of the demo catalog that are shared: what the platform can obtain in the demo world. */
const SHARED_RESOURCES = RESOURCES.filter((r) => r.shareMode !== 'none');

/** Material type by name, first match wins (forms first; 证明/公证书 before certificates, so 体检合格证明 is a proof). */
const MATERIAL_TYPES: ReadonlyArray<[RegExp, MaterialSeed['type']]> = [
  [/申请书|申请表|登记表|备案表|审批表|申报表|审核表|审查表|注册书|申请单|信息表|认定表|核定表|备案书|申请登记书|告知单|采集表|报名表|统计表|申领表|投诉书|申请$/, 'form'],
  [/^出生医学证明$|退出现役证|接种证/, 'certificate'],
  [/合格证明|资格证明|证明文件|证明材料|证明$|证明或|公证书|判决书|保证书|保修书|说明书|回执|授权|发票|票据|质疑/, 'proof'],
  [/身份证|户口簿|身份证明|护照/, 'identity'],
  [/证书|执照|许可证|登记证|资格证|驾驶证|行驶证|注册证|结婚证|离婚证|残疾人证|居住证|合格证|优待证/, 'certificate'],
  [/合同|协议/, 'contract'],
  [/图/, 'drawing'],
  [/报告|方案|论证|评价|可行性|预案|建议书/, 'report'],
  [/证明|声明|承诺|说明|凭证|决议|纪要|意见|文件|批复|清单|记录/, 'proof'],
];

const ACCEPTANCE: Readonly<Record<MaterialSeed['type'], string>> = {
  form: '使用本事项规定的格式文本，内容填写完整、真实、准确，申请人签字（盖章）或电子签名',
  identity: '证件真实有效、在有效期内，与申请人（经办人）身份信息一致',
  certificate: '证照真实有效、在有效期内，载明的主体和事项与本次申请一致',
  contract: '合同（协议）各方签字或盖章齐全，内容完整，与申请事项一致',
  proof: '由出具单位或本人签章，内容真实完整，与申请事项相符',
  drawing: '图面清晰完整，标明比例、尺寸、方位和功能分区，由编制单位或申请人签章',
  report: '由具备相应能力的单位编制，内容完整、结论明确，编制单位签章齐全',
  other: '内容真实、清晰完整，与申请事项相符',
};

function completeMaterial(m: MaterialDraft, basis: string): MaterialSeed {
  const type = m.type ?? MATERIAL_TYPES.find(([re]) => re.test(m.name))?.[1] ?? 'other';
  const issuer = m.issuingDept ?? issuerOf(m.name);
  const electronic = m.form === 'electronic' ? '；电子材料应清晰可辨（PDF/JPG/PNG，单个不超过10MB）' : '';
  const out: MaterialSeed = {
    ...m,
    type,
    acceptanceStandard: m.acceptanceStandard ?? `${ACCEPTANCE[type]}${electronic}`,
    legalBasis: m.legalBasis ?? basis,
    obtainable: m.obtainable ?? sourceOfMaterial(m.name, SHARED_RESOURCES) !== undefined,
  };
  if (issuer) out.issuingDept = issuer;
  const licenseType = licenseTypeForMaterial(m.name);
  if (licenseType) out.licenseTypeCode = licenseType;
  return out;
}

/** Special procedures implied by step names (their time is not counted in the limits unless the note says so). */
function proceduresFromSteps(steps: ItemSeed['steps']): ItemSeed['specialProcedures'] {
  const out: ItemSeed['specialProcedures'] = [];
  for (const s of steps) {
    if (s.name === '现场核查') out.push({ name: '现场核查', note: '现场核查时间计入承诺办结时限' });
    else if (s.name === '考试') out.push({ name: '考试', note: '按考试计划安排，考试时间不计入办理时限' });
    else if (s.name.startsWith('听证')) out.push({ name: '听证', maxDays: 20, note: '依法需要听证的，听证时间不计入办理时限' });
    else if (s.name === '批前公示') out.push({ name: '批前公示', maxDays: 10, note: '公示时间不计入办理时限' });
    else if (s.name === '公示') out.push({ name: '公示', maxDays: 7, note: s.description });
    else if (s.name === '家庭经济状况调查') out.push({ name: '入户调查和家庭经济状况核对', note: s.description });
    else if (s.name === '残疾评定') out.push({ name: '鉴定（残疾评定）', note: '残疾评定时间不计入办理时限' });
    else if (s.name === '专家评审') out.push({ name: '专家评审', note: s.description });
  }
  return out;
}

/** Split the committed limit over the working steps (not 申请 and 送达): 1 day for 受理 when there is room. */
function withDays(steps: ItemSeed['steps'], committedDays: number): ItemSeed['steps'] {
  if (steps.every((s) => s.days !== undefined)) return steps;
  const working = steps.filter((s) => s.name !== '申请' && s.name !== '送达' && s.days === undefined);
  const fixed = steps.reduce((n, s) => n + (s.days ?? 0), 0);
  let rest = Math.max(0, committedDays - fixed);
  const accept = working.find((s) => s.name === '受理');
  const acceptDays = accept && working.length > 1 && rest >= 3 ? 1 : 0;
  rest -= acceptDays;
  const others = working.filter((s) => s !== accept || acceptDays === 0);
  const share = others.length ? Math.floor(rest / others.length) : 0;
  let extra = others.length ? rest - share * others.length : 0;
  return steps.map((s) => {
    if (s.days !== undefined) return s;
    if (s === accept && acceptDays) return { ...s, days: acceptDays };
    if (!others.includes(s)) return { ...s, days: 0 };
    const d = share + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    return { ...s, days: d };
  });
}

/** 《…》（国务院令第746号） → title 《…》 and docNo 国务院令第746号 (only when the parenthesis holds a number). */
function withDocNo(b: ItemSeed['legalBasis'][number]): ItemSeed['legalBasis'][number] {
  if (b.docNo) return b;
  const m = /^(《[^》]+》)（([^（）]*\d[^（）]*)）$/.exec(b.title);
  return m ? { ...b, title: m[1]!, docNo: m[2]! } : b;
}

function statutoryNoteOf(d: ItemDraft): string {
  if (d.statutoryNote) return d.statutoryNote;
  const calendar = d.limitNote?.includes('自然日');
  return `法定办结时限${d.statutoryDays}${calendar ? '日（自然日）' : '个工作日'}，自受理之日起计算`;
}

function committedNoteOf(d: ItemDraft, caseType: ItemSeed['caseType']): string {
  if (d.committedNote) return d.committedNote;
  if (caseType === 'instant') return '即办件：申请材料齐全、符合法定形式的，受理后当场办结';
  const calendar = d.limitNote?.includes('自然日');
  const cut = Math.round((1 - d.committedDays / d.statutoryDays) * 100);
  return calendar || cut <= 0
    ? `承诺自受理之日起${d.committedDays}个工作日内办结`
    : `承诺自受理之日起${d.committedDays}个工作日内办结，较法定时限压缩${cut}%`;
}

function serviceObjectTypesOf(d: ItemDraft): ItemSeed['serviceObjectTypes'] {
  if (d.serviceObjectTypes) return d.serviceObjectTypes;
  const out: ItemSeed['serviceObjectTypes'] = [];
  if (d.serviceObjects.includes('person')) out.push('natural_person');
  if (d.serviceObjects.includes('entity')) {
    out.push('enterprise');
    if (d.topics.some((t) => t === '工程建设' || t === '投资审批')) out.push('public_institution', 'government_agency');
  }
  return out;
}

function yuan(fen: number): string {
  return fen % 100 === 0 ? `${fen / 100}` : (fen / 100).toFixed(2);
}

function buildItem(org: OrgSeed, draft: ItemDraft): ItemSeed {
  const d = structuredClone(draft);
  const deptCode = d.deptCode ?? org.deptCode;
  if (!deptCode) throw new Error(`org ${org.key} has no department code for item ${d.name}`);
  const exerciseLevel = d.exerciseLevel ?? exerciseLevelOf(org);
  const baseCode = makeBaseCode({ source: d.source ?? '00', kind: d.kind, department: deptCode, main: d.main, sub: d.sub ?? 0 });
  const caseType = d.caseType ?? (d.committedDays === 0 ? 'instant' : 'commitment');
  const visitsRequired = d.visitsRequired ?? 0;
  const county = org.regionCode.slice(0, 6);
  const centre = CENTRE_ADDRESSES[county];
  if (!centre) throw new Error(`no service centre for region ${org.regionCode}`);
  const onlineDepth = d.onlineDepth ?? (visitsRequired === 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3]);
  const depth = Math.max(...onlineDepth);
  const fees = (d.fees ?? []).map((fee) => ({
    ...fee,
    standard: fee.standard ?? `${yuan(fee.amountFen)}元/件`,
    waiver: fee.waiver ?? '无减免情形',
  }));
  const steps = withDays(d.steps ?? structuredClone(DEFAULT_STEPS[caseType]), d.committedDays);
  const features: ItemSeed['features'] = {
    appointment: d.features?.appointment ?? true,
    express: d.features?.express ?? (depth >= 6 || d.result.type === 'license'),
    onlinePayment: d.features?.onlinePayment ?? (fees.some((fee) => fee.amountFen > 0) && depth >= 4),
    selfService: d.features?.selfService ?? d.selfService ?? false,
  };
  const handlingForms: ItemSeed['handlingForms'] = d.handlingForms ?? [
    'window',
    ...(depth >= 4 ? (['pc', 'mobile'] as const) : []),
    ...(features.express ? (['express'] as const) : []),
    ...(features.selfService ? (['self_service'] as const) : []),
  ];
  const legalBasis = d.legalBasis.map(withDocNo);
  const first = legalBasis[0]!;
  const basisText = `${first.title}${first.article ? first.article : ''}`;
  const lifeEvents = d.lifeEvents ?? [...new Set(d.topics.map((t) => TOPIC_EVENTS[t]).filter((e): e is string => e !== undefined))];
  const item: ItemSeed = {
    orgKey: org.key,
    regionCode: org.regionCode,
    name: d.name,
    kind: d.kind,
    baseCode,
    implCode: makeImplCode(org.creditCode, exerciseLevel, baseCode),
    exerciseLevel,
    agencyNature: d.agencyNature ?? ORG_NATURE[org.key] ?? 'statutory',
    entrustedAgencies: d.entrustedAgencies ?? [],
    jointAgencies: d.jointAgencies ?? [],
    serviceObjects: d.serviceObjects,
    serviceObjectTypes: serviceObjectTypesOf(d),
    legalBasis,
    conditions: d.conditions,
    steps,
    statutoryDays: d.statutoryDays,
    statutoryNote: statutoryNoteOf(d),
    committedDays: d.committedDays,
    committedNote: committedNoteOf(d, caseType),
    specialProcedures: d.specialProcedures ?? proceduresFromSteps(steps),
    caseType,
    handlingForms,
    onlineDepth,
    visitsRequired,
    fees,
    materials: d.materials.map((m) => completeMaterial(m, basisText)),
    form: d.form,
    hall: {
      address: d.hall?.address ?? centre,
      hours: d.hall?.hours ?? HALL_HOURS,
      window: d.hall?.window ?? `${HALL_AREA[deptCode] ?? '综合受理区'}（${org.shortName}）`,
      traffic: d.hall?.traffic ?? TRAFFIC[county]!,
    },
    contacts: { consult: consultPhone(org, deptCode), complaint: COMPLAINT },
    result: d.result,
    intermediaryServices: d.intermediaryServices ?? [],
    topics: d.topics,
    lifeEvents,
    tongbanScope: d.tongbanScope ?? (depth >= 4 ? 'city' : 'none'),
    features,
    faq: d.faq ?? [],
    keywords: d.keywords,
    published: d.published ?? true,
  };
  if (d.minRealNameLevel) item.minRealNameLevel = d.minRealNameLevel;
  if (d.commitmentApproval) Object.assign(item, { commitmentApproval: true, commitmentText: d.commitmentText, verificationDays: d.verificationDays });
  if (d.reviewSteps) item.reviewSteps = d.reviewSteps;
  if (d.visitReason) item.visitReason = d.visitReason;
  if (d.limitNote) item.limitNote = d.limitNote;
  return item;
}

export function buildItems(orgs: readonly OrgSeed[], catalog: readonly OrgItems[]): ItemSeed[] {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  return catalog.flatMap(({ orgKey, items }) => {
    const org = byKey.get(orgKey);
    if (!org) throw new Error(`catalog refers to unknown org ${orgKey}`);
    return items.map((draft) => buildItem(org, draft));
  });
}
