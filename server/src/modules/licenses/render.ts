/**
 * A license rendered as a PDF for its holder (A4, Chinese, embedded CJK font, the platform's document style): the
 * type name, number, face fields with their labels, issuer, dates, the seal's name, the GB/T 36904 identifier,
 * the QR code (verification link + signed offline payload) and how to verify it. The PDF is a rendering: what
 * counts is the register and its seal, which the QR code and the verification page check.
 */
import { createDocument, keyValueTable, note, paragraph, rule, space, THEME, toBuffer, contentLeft, ensureSpace } from '../../platform/pdf/index.ts';
import { qrPng } from '../../platform/crypto/index.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { STATUS_LABEL, type LicenseDetail } from './service.ts';


/** 2026-11-23 → 2026年11月23日; null → 长期. */
export function chineseDay(date: string | null): string {
  if (!date) return '长期';
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const QR_SIZE = 144; // points (2 in, about 5 cm): about 0.54 mm a module at the version (~19, 93 modules + margin) a link with a JWS needs

export type LicensePdfInput = { license: LicenseDetail; sealName: string; verifyUrl: string; generatedAt?: Date };

export async function renderLicensePdf({ license: l, sealName, verifyUrl, generatedAt }: LicensePdfInput): Promise<Buffer> {
  const doc = await createDocument({
    title: `${l.typeName} ${l.number}`,
    author: l.issuerName,
    subject: l.typeName,
    keywords: [l.typeName, l.number, l.identifier],
    createdAt: generatedAt ?? new Date(),
    decorate: ({ page, pages }) => ({ footerLeft: `证照标识 ${l.identifier}`, footerRight: `第 ${page} 页 / 共 ${pages} 页` }),
  });
  space(doc, 6);
  paragraph(doc, '电子证照', { size: THEME.size.small, color: THEME.color.muted, align: 'center', tracking: 4, after: 4 });
  const accent = l.template.accent ?? THEME.color.accent;
  paragraph(doc, l.template.title ?? l.typeName, { size: 24, weight: 'bold', align: 'center', tracking: 6, after: 6, color: accent });
  paragraph(doc, `编号：${l.number}`, { align: 'center', color: THEME.color.muted, after: 8 });
  rule(doc, { color: accent, width: 1.2 });
  space(doc, 12);
  if (l.status !== 'valid' || l.expired) {
    paragraph(doc, `证照状态：${l.expired && l.status === 'valid' ? '已过期' : l.status === 'superseded' ? '已换发新版本（本版本不再有效）' : STATUS_LABEL[l.status]}`, { size: 13, weight: 'bold', color: '#c0392b', after: 8 });
  }
  keyValueTable(doc, l.face.map((f) => [f.label, f.value] as const), { labelWidth: 120 });
  space(doc, 10);
  keyValueTable(
    doc,
    [
      ['发证机关', l.issuerName],
      ['发证日期', chineseDay(todayInShanghai(new Date(l.issuedAt)))],
      ['有效期', `${chineseDay(l.validFrom)} 至 ${chineseDay(l.validUntil)}`],
      ['电子印章', sealName],
      ['证照标识', l.identifier],
      ['版本', `第 ${l.version} 版`],
    ],
    { labelWidth: 120 },
  );
  if (l.annotations.length) {
    space(doc, 8);
    paragraph(doc, '加注', { weight: 'bold', after: 4 });
    for (const a of l.annotations) paragraph(doc, `${a.at.slice(0, 10)}　${a.text}`, { size: THEME.size.body, after: 3 });
  }

  space(doc, 14);
  ensureSpace(doc, QR_SIZE + 20);
  const top = doc.y;
  const left = contentLeft(doc);
  doc.image(await qrPng(verifyUrl), left, top, { width: QR_SIZE, height: QR_SIZE });
  const indent = QR_SIZE + 16;
  doc.y = top + 4;
  paragraph(doc, '如何核验', { weight: 'bold', indent, after: 4 });
  paragraph(doc, '用手机扫描左侧二维码，打开核验页面即可查看证照当前是否有效（无需登录）。', { indent, after: 3 });
  paragraph(doc, '二维码中另含平台签名的证照信息，离线时也可用平台公布的公钥（/.well-known/jwks.json）核对。', { indent, after: 3 });
  paragraph(doc, '本证照由发证机关电子印章签章（SM2），签章数据可通过核验接口获取并用国密工具独立验证。', { indent, after: 3 });
  doc.x = left;
  doc.y = Math.max(doc.y, top + QR_SIZE) + 12;
  if (l.template.footer) paragraph(doc, l.template.footer, { align: 'center', color: THEME.color.muted, after: 6 });
  note(doc, `本文件为电子证照的打印样式，由通办平台根据电子证照库生成。证照是否有效以扫码核验结果为准。持证主体：${l.holderName}。`);
  return toBuffer(doc);
}
