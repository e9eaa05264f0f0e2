/**
 * What the applicant is told after each step of their case, in plain Chinese: the portal notification (title
 * and body), a short SMS with the case number (no reasons or personal details: SMS is not a private channel),
 * and an email carrying the full text.
 */
import type { NotificationKind } from './tables.ts';

/** Payload of the case.* domain events (cases/service.ts); older events may lack itemName or applicantId. */
export type CaseEventPayload = {
  caseId: string;
  number: string;
  itemName?: string;
  applicantId?: string;
  reason?: string;
  decision?: 'grant' | 'refuse';
  dueDate?: string;
  note?: string;
  missing?: ReadonlyArray<{ name: string; reason?: string }>;
};

export type ComposedMessage = {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  sms: string;
  emailSubject: string;
  emailBody: string;
};

export const CASE_TOPICS = ['case.submitted', 'case.supplement_requested', 'case.accepted', 'case.declined', 'case.closed'] as const satisfies readonly NotificationKind[];

const SMS_SIGNATURE = '【通办】';

/** '2026-12-01' → '2026年12月1日'; anything else is returned as given. */
export function chineseDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
}

/** A sentence ends with exactly one Chinese full stop. */
function sentence(s: string): string {
  return s.trim().replace(/[。．.;；,，\s]+$/u, '') + '。';
}

function subject(p: CaseEventPayload): string {
  return p.itemName ? `您的《${p.itemName}》申请` : `您的申请（办件编号 ${p.number}）`;
}

type Parts = { kind: NotificationKind; title: string; body: string; sms: string };

function parts(topic: string, p: CaseEventPayload): Parts | undefined {
  const you = subject(p);
  const no = `（办件编号${p.number}）`;
  switch (topic) {
    case 'case.submitted':
      return {
        kind: topic,
        title: '申请已提交',
        body: `${you}已提交，办件编号 ${p.number}。${p.dueDate ? `工作人员会在 ${chineseDate(p.dueDate)} 前告诉您是否受理。` : '工作人员审查材料后会告诉您是否受理，请留意消息。'}`,
        sms: `${SMS_SIGNATURE}您的申请已提交，办件编号${p.number}。受理结果会再通知您。`,
      };
    case 'case.supplement_requested': {
      const items = (p.missing ?? []).filter((m) => m?.name);
      const list = items.map((m, i) => `${i + 1}. ${m.name}${m.reason ? `：${m.reason.trim().replace(/[。.]+$/u, '')}` : ''}`).join('\n');
      return {
        kind: topic,
        title: '请补充材料',
        body: `${you}还需要补充材料${list ? `：\n${list}\n` : '。'}请在“我的办件”里按要求补充后重新提交。`,
        sms: `${SMS_SIGNATURE}您的申请${no}需要补充材料，请登录通办查看要补充的内容。`,
      };
    }
    case 'case.accepted':
      return {
        kind: topic,
        title: '申请已受理',
        body: p.dueDate ? `${you}已受理，办理期限至 ${chineseDate(p.dueDate)}。` : `${you}已受理，正在审查。`,
        sms: `${SMS_SIGNATURE}您的申请${no}已受理${p.dueDate ? `，办理期限至${chineseDate(p.dueDate)}` : ''}。`,
      };
    case 'case.declined':
      return {
        kind: topic,
        title: '申请未被受理',
        body: `很抱歉，${you}未被受理。${p.reason ? `原因：${sentence(p.reason)}` : ''}您可以按说明准备好后重新申请。`,
        sms: `${SMS_SIGNATURE}您的申请${no}未被受理，请登录通办查看原因。`,
      };
    case 'case.closed':
      if (p.decision === 'refuse') {
        return {
          kind: topic,
          title: '申请已办结：不予许可',
          body: `${you}已办结，结果：不予许可。${p.reason ? `理由：${sentence(p.reason)}` : ''}如对决定不服，可以依法申请行政复议或者提起行政诉讼。`,
          sms: `${SMS_SIGNATURE}您的申请${no}已办结，结果：不予许可，请登录通办查看理由。`,
        };
      }
      return {
        kind: topic,
        title: p.decision === 'grant' ? '申请已办结：准予许可' : '申请已办结',
        body: p.decision === 'grant' ? `${you}已办结，结果：准予许可。` : `${you}已办结。`,
        sms: `${SMS_SIGNATURE}您的申请${no}已办结${p.decision === 'grant' ? '，结果：准予许可' : ''}。`,
      };
    default:
      return undefined;
  }
}

/** The messages for one case event, or undefined for a topic this module does not tell applicants about. */
export function composeCaseMessage(topic: string, p: CaseEventPayload, opts: { publicUrl?: string } = {}): ComposedMessage | undefined {
  const x = parts(topic, p);
  if (!x) return undefined;
  const link = `/my/cases/${p.caseId}`;
  const where = opts.publicUrl ? `查看详情：${opts.publicUrl}${link}` : '详情请登录通办，在“我的办件”中查看。';
  return {
    ...x,
    link,
    emailSubject: `${SMS_SIGNATURE}${x.title}（办件编号 ${p.number}）`,
    emailBody: `${x.body}\n\n办件编号：${p.number}\n${where}\n\n本邮件由系统自动发送，请勿直接回复。`,
  };
}
