/**
 * 受理通知书: the written acknowledgement an applicant takes home from the window. 行政许可法 art. 32 para. 2: an
 * agency accepting (or declining) an application issues a dated written certificate bearing its seal. It names the
 * case, the item, the applicant, the materials received, the committed date the case is to be finished by (working
 * days from the calendar, set at acceptance), how the result will reach them, how to follow the case (a QR code to
 * the case page) and where and whom to ask (the hall's address and phone). For a 通办 case it says who accepted it
 * and which agency decides. The applicant's signature from the window's pad is printed where they signed.
 */
import { contentLeft, keyValueTable, list, paragraph, space, ensureSpace, THEME, toBuffer } from '../../platform/pdf/index.ts';
import { qrPng } from '../../platform/crypto/index.ts';
import type { ItemDocument } from '../catalog/index.ts';
import { BODY, DELIVERY_LABEL, chineseDate, decisionDocumentNumber, openDocument, type DecisionCase } from './decision-pdf.ts';

/** 行政许可法 第三十二条第二款: the written certificate of acceptance. */
export const ACCEPTANCE_NOTICE_LAW = '《中华人民共和国行政许可法》第三十二条第二款';

export type NoticeCase = Pick<DecisionCase, 'number' | 'agency_name' | 'applicant_name' | 'applicant_type' | 'item_name' | 'impl_code' | 'submitted_at' | 'accepted_at' | 'delivery'> & {
  due_date: string | null;
  committed_days: number;
  accept_agency_name: string | null;
  commitment: unknown;
};

export type NoticeInput = {
  case: NoticeCase;
  item: Pick<ItemDocument, 'hall' | 'contacts'>;
  /** Materials received: uploads and (免提交) electronic licenses. */
  materials: Array<{ name: string; how: string }>;
  /** The case page the applicant follows it on (QR code). */
  caseUrl: string;
  /** The applicant's signature (PNG) from the window's pad, when captured. */
  signature?: { png: Buffer; signedAt: Date };
  generatedAt?: Date;
};

const QR_SIZE = 72;

/** '2026-12-01' → 2026年12月1日 (a calendar date, no time zone). */
function dateText(d: string): string {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

export async function renderAcceptanceNoticePdf(n: NoticeInput): Promise<Buffer> {
  const c = n.case;
  if (!c.accepted_at) throw new Error(`case ${c.number} is not accepted`);
  const issuer = c.accept_agency_name ?? c.agency_name;
  const docNo = decisionDocumentNumber(issuer, c.number, 'accept');
  const doc = await openDocument({ ...c, agency_name: issuer }, '受理通知书', docNo, { generatedAt: n.generatedAt });
  const you = c.applicant_type === 'entity' ? '你单位' : '你';
  paragraph(doc, `　　${you}于${chineseDate(c.submitted_at)}提出的${c.item_name}申请，申请材料齐全、符合法定形式，本机关于${chineseDate(c.accepted_at)}依法予以受理。依据${ACCEPTANCE_NOTICE_LAW}的规定，特此通知。`, BODY);
  if (c.accept_agency_name && c.accept_agency_name !== c.agency_name) {
    paragraph(doc, `　　该事项实行通办：由${c.accept_agency_name}受理，${c.agency_name}办理并作出决定。`, BODY);
  }
  if (c.commitment) paragraph(doc, '　　该事项实行告知承诺制：受理即依据申请人的承诺准予许可，之后进行核查。', BODY);
  else if (c.due_date) paragraph(doc, `　　本机关承诺在${c.committed_days}个工作日内办结，即于${dateText(c.due_date)}前作出决定（法定节假日不计算在内；依法需要听证、检验、检测、鉴定、专家评审的，所需时间不计算在内）。`, BODY);
  space(doc, 6);
  keyValueTable(doc, [
    ['申请编号', c.number],
    ['申请事项', c.item_name],
    ['申请人', c.applicant_name],
    ['受理机关', issuer],
    ...(issuer !== c.agency_name ? ([['办理机关', c.agency_name]] as Array<[string, string]>) : []),
    ['承诺办结日期', c.due_date && !c.commitment ? dateText(c.due_date) : null],
    ['结果送达', `${DELIVERY_LABEL[c.delivery.method]}${c.delivery.method === 'express' && c.delivery.address ? `（${c.delivery.address}）` : ''}`],
  ]);
  space(doc, 6);
  paragraph(doc, '已收取的申请材料', { weight: 'bold', after: 4 });
  list(doc, n.materials.length ? n.materials.map((m) => ({ title: m.name, aside: m.how })) : ['（无需提交材料）'], { numbered: true });

  space(doc, 6);
  ensureSpace(doc, QR_SIZE + 16);
  const top = doc.y;
  const left = contentLeft(doc);
  doc.image(await qrPng(n.caseUrl), left, top, { width: QR_SIZE, height: QR_SIZE });
  const indent = QR_SIZE + 14;
  doc.y = top;
  paragraph(doc, '查询办理进度', { weight: 'bold', indent, after: 4 });
  paragraph(doc, `用手机扫描左侧二维码，或登录网上办事大厅“我的办件”，凭申请编号 ${c.number} 查看办理进度和结果。本通知书请妥善保管，领取结果时请出示。`, { indent, after: 3 });
  paragraph(doc, `办事地点：${n.item.hall.address}${n.item.hall.window ? `（${n.item.hall.window}）` : ''}`, { indent, after: 3 });
  paragraph(doc, `咨询电话：${n.item.contacts.consult}　办公时间：${n.item.hall.hours}`, { indent, after: 3 });
  doc.x = left;
  doc.y = Math.max(doc.y, top + QR_SIZE) + 10;

  // The applicant signs at the left; the agency and the date stand at the right, on the same lines.
  ensureSpace(doc, 76);
  const signTop = doc.y;
  paragraph(doc, '申请人签名：', { ...BODY, after: 4 });
  if (n.signature) {
    doc.image(n.signature.png, left + 72, signTop - 6, { fit: [150, 46] });
    doc.x = left;
    doc.y = signTop + 44;
    paragraph(doc, `签名时间：${chineseDate(n.signature.signedAt)}`, { size: THEME.size.small, color: THEME.color.muted, after: 4 });
  }
  const leftBottom = Math.max(doc.y, signTop + 48);
  doc.y = signTop;
  paragraph(doc, issuer, { ...BODY, align: 'right', after: 3 });
  paragraph(doc, chineseDate(c.accepted_at), { ...BODY, align: 'right', after: 3 });
  paragraph(doc, '（受理专用章）', { size: THEME.size.small, color: THEME.color.muted, align: 'right', after: 4 });
  doc.x = left;
  doc.y = Math.max(doc.y, leftBottom) + 6;
  return toBuffer(doc);
}
