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
  /** case.closed after delivery: how the result reached the applicant. */
  method?: 'electronic' | 'pickup' | 'express';
  /** case.extended */
  days?: number;
  /** case.suspended / case.resumed: the special procedure (听证, 检验, 专家评审 …) */
  procedure?: string;
  expectedDays?: number;
  /** case.verified (告知承诺制): what the verification found. */
  outcome?: 'confirmed' | 'false_commitment';
  /** case.decided of a 一件事 member whose result is held: the bundle's name (all results are told of together). */
  heldForBundle?: string;
  /** case.closed as part of a 一件事 delivered together: told once by the bundle's own message. */
  together?: boolean;
};

/** Payload of bundle.results_released / bundle.delivered (cases/member.ts). */
export type BundleEventPayload = {
  bundleCaseId: string;
  number: string;
  bundleName?: string;
  leadAgency?: string;
  applicantId?: string;
  method?: 'electronic' | 'pickup' | 'express';
  address?: string;
  trackingNo?: string;
  items?: ReadonlyArray<{ caseId: string; itemName: string; result: 'grant' | 'refuse' | 'declined' }>;
};

export type ComposedMessage = {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  /** Absent: portal only (the applicant already had an SMS and email about this step). */
  sms?: string;
  emailSubject: string;
  emailBody: string;
};

export const CASE_TOPICS = [
  'case.submitted',
  'case.supplement_requested',
  'case.accepted',
  'case.declined',
  'case.extended',
  'case.suspended',
  'case.resumed',
  'case.decided',
  'case.closed',
  'case.verified',
] as const satisfies readonly NotificationKind[];
export const BUNDLE_TOPICS = ['bundle.results_released', 'bundle.delivered'] as const satisfies readonly NotificationKind[];
/** Electronic licenses placed in or changed in the holder's wallet (licenses/issue.ts, licenses/service.ts). */
export const LICENSE_TOPICS = ['license.issued', 'license.changed'] as const satisfies readonly NotificationKind[];

/** Payload of license.issued / license.changed (licenses module). */
export type LicenseEventPayload = {
  licenseId: string;
  ref: string;
  typeName: string;
  number: string;
  holderAccountId?: string | null;
  caseId?: string | null;
  /** license.changed: what the issuing department did, and why. */
  action?: 'suspend' | 'reinstate' | 'revoke' | 'annotate' | 'reissue';
  reason?: string;
};

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

type Parts = { kind: NotificationKind; title: string; body: string; sms?: string };

const REVIEW_RIGHTS = '如对决定不服，可以依法申请行政复议或者提起行政诉讼。';

/** The decision itself (case.decided, or case.closed carrying the decision). 行政许可法 art. 38: reasons and rights on refusal. */
function decision(kind: NotificationKind, p: CaseEventPayload, you: string, no: string, closed: boolean): Parts {
  const head = closed ? '申请已办结' : '审批结果';
  const done = closed ? '已办结' : '已审查完毕';
  if (p.decision === 'refuse') {
    return {
      kind,
      title: `${head}：不予许可`,
      body: `${you}${done}，结果：不予许可。${p.reason ? `理由：${sentence(p.reason)}` : ''}${REVIEW_RIGHTS}`,
      sms: `${SMS_SIGNATURE}您的申请${no}${closed ? '已办结，结果' : '审批结果'}：不予许可，请登录通办查看理由。`,
    };
  }
  return {
    kind,
    title: `${head}：准予许可`,
    body: `${you}${done}，结果：准予许可。`,
    sms: `${SMS_SIGNATURE}您的申请${no}${closed ? '已办结，结果' : '审批结果'}：准予许可。`,
  };
}

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
    case 'case.extended':
      // 行政许可法 art. 42: an extension is told to the applicant with its reason.
      return {
        kind: topic,
        title: '办理期限延长',
        body: `${you}的办理期限${p.days ? `延长 ${p.days} 个工作日` : '已延长'}${p.dueDate ? `，新的期限为 ${chineseDate(p.dueDate)}` : ''}。${p.reason ? `理由：${sentence(p.reason)}` : ''}`,
        sms: `${SMS_SIGNATURE}您的申请${no}办理期限${p.dueDate ? `延长至${chineseDate(p.dueDate)}` : '已延长'}，请登录通办查看理由。`,
      };
    case 'case.suspended': {
      // 行政许可法 art. 45: time for hearings, tests, expert review … is not counted, and the applicant is told.
      const what = p.procedure ? `需要进行${p.procedure}` : '需要进行特别程序';
      return {
        kind: topic,
        title: '办理期限暂停计算',
        body: `${you}${what}${p.expectedDays ? `，预计需要 ${p.expectedDays} 天` : ''}，这段时间不计入办理期限。${p.reason ? `说明：${sentence(p.reason)}` : ''}`,
        sms: `${SMS_SIGNATURE}您的申请${no}${what}，所需时间不计入办理期限。`,
      };
    }
    case 'case.resumed':
      return {
        kind: topic,
        title: '恢复办理',
        body: `${you}${p.procedure ? `的${p.procedure}已完成，` : '已'}恢复办理${p.dueDate ? `，办理期限至 ${chineseDate(p.dueDate)}` : ''}。`,
      };
    case 'case.decided': {
      const d = decision(topic, p, you, no, false);
      // 一件事 with results held: the portal keeps the record; the SMS and email come once, with all the results.
      if (p.heldForBundle) return { kind: topic, title: d.title, body: `${d.body}按您的选择，“${p.heldForBundle}”的各项结果将在全部办完后一起送达。` };
      return d;
    }
    case 'case.closed':
      // Delivered with the other results of its 一件事: the bundle's one message tells of it.
      if (p.together) return undefined;
      // Older events carry the decision on closing; newer ones follow case.decided and tell how it was delivered.
      if (p.decision) return decision(topic, p, you, no, true);
      if (p.method === 'express') {
        return { kind: topic, title: '申请已办结', body: `${you}已办结，结果文书已寄出，请留意查收。`, sms: `${SMS_SIGNATURE}您的申请${no}已办结，结果文书已寄出，请留意查收。` };
      }
      return {
        kind: topic,
        title: '申请已办结',
        body: p.method === 'pickup' ? `${you}已办结，结果文书已领取。` : p.method === 'electronic' ? `${you}已办结，结果文书可以在“我的办件”中查看。` : `${you}已办结。`,
      };
    case 'case.verified':
      // 告知承诺制: only a false commitment is news (行政许可法 art. 69: the grant is revoked, with the reason).
      if (p.outcome !== 'false_commitment') return undefined;
      return {
        kind: topic,
        title: '许可已撤销',
        body: `经核查，${you}时作出的承诺与实际情况不符，依法撤销已作出的许可。${p.reason ? `原因：${sentence(p.reason)}` : ''}${REVIEW_RIGHTS}`,
        sms: `${SMS_SIGNATURE}您的申请${no}经核查承诺不实，许可已撤销，请登录通办查看原因。`,
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

/**
 * 我的证照: a license issued into the holder's wallet, or suspended, reinstated, revoked or annotated by its issuing
 * department. A re-issue tells through the new version's license.issued (one message, not two).
 */
export function composeLicenseMessage(topic: string, p: LicenseEventPayload, opts: { publicUrl?: string } = {}): ComposedMessage | undefined {
  const license = `${p.typeName}（电子证照，证号 ${p.number}）`;
  const why = p.reason?.trim() ? `原因：${sentence(p.reason)}` : '';
  let x: Parts;
  if (topic === 'license.issued') {
    x = {
      kind: topic,
      title: `${p.typeName}已发放`,
      body: `您的${license}已发放，可在“我的证照”中查看和出示。以后办事需要这份证照时，可以直接使用电子证照，免于提交。`,
      sms: `${SMS_SIGNATURE}您的${p.typeName}（电子证照）已发放，可登录通办在“我的证照”中查看和出示。`,
    };
  } else if (topic === 'license.changed') {
    switch (p.action) {
      case 'suspend':
        x = { kind: topic, title: `${p.typeName}已暂停使用`, body: `您的${license}已被发证部门暂停使用，暂停期间不能出示或用于办事。${why}`, sms: `${SMS_SIGNATURE}您的${p.typeName}（电子证照）已暂停使用，请登录通办查看原因。` };
        break;
      case 'reinstate':
        x = { kind: topic, title: `${p.typeName}已恢复使用`, body: `您的${license}已恢复使用，可以正常出示和用于办事。${why}`, sms: `${SMS_SIGNATURE}您的${p.typeName}（电子证照）已恢复使用。` };
        break;
      case 'revoke':
        x = { kind: topic, title: `${p.typeName}已注销`, body: `您的${license}已被发证部门注销，不能再出示或用于办事。${why}${REVIEW_RIGHTS}`, sms: `${SMS_SIGNATURE}您的${p.typeName}（电子证照）已注销，请登录通办查看原因。` };
        break;
      case 'annotate':
        x = { kind: topic, title: `${p.typeName}有新的加注`, body: `发证部门在您的${license}上增加了加注，可在“我的证照”中查看。` };
        break;
      default:
        return undefined;
    }
  } else {
    return undefined;
  }
  const link = `/my/licenses/${encodeURIComponent(p.ref)}`;
  const where = opts.publicUrl ? `查看详情：${opts.publicUrl}${link}` : '详情请登录通办，在“我的证照”中查看。';
  return { ...x, link, emailSubject: `${SMS_SIGNATURE}${x.title}（证号 ${p.number}）`, emailBody: `${x.body}\n\n证号：${p.number}\n${where}\n\n本邮件由系统自动发送，请勿直接回复。` };
}

const RESULT_LABELS = { grant: '准予许可', refuse: '不予许可', declined: '未受理' } as const;

/**
 * 一件事 (一次出件): one message when all results of the bundle are ready — what each member item decided and how
 * the results come (online now, one pickup at the lead department's window, or one express parcel) — and one more
 * when the pickup or parcel went out.
 */
export function composeBundleMessage(topic: string, p: BundleEventPayload, opts: { publicUrl?: string } = {}): ComposedMessage | undefined {
  const name = p.bundleName ? `“${p.bundleName}”` : '“一件事”';
  const no = `（编号${p.number}）`;
  const list = (p.items ?? []).map((i, n) => `${n + 1}. ${i.itemName}：${RESULT_LABELS[i.result] ?? i.result}`).join('\n');
  const refused = (p.items ?? []).some((i) => i.result !== 'grant') ? `未获准许的事项，理由请在各事项的办件中查看。${REVIEW_RIGHTS}` : '';
  const window = p.leadAgency ? `${p.leadAgency}的综合窗口` : '综合窗口';
  let x: Parts;
  if (topic === 'bundle.results_released') {
    const how =
      p.method === 'pickup'
        ? `请带上身份证件到${window}一次领取全部结果。`
        : p.method === 'express'
          ? `全部结果将装在一个快递包裹中寄往：${p.address ?? '您填写的地址'}。寄出后会把运单号告诉您。`
          : '全部结果文书可以在“我的办件”中查看和下载。';
    const short = p.method === 'pickup' ? '请到窗口一次领取全部结果' : p.method === 'express' ? '全部结果将一个包裹寄出' : '结果可登录通办查看';
    x = {
      kind: topic,
      title: '一件事已全部办完',
      body: `您申请的${name}已全部办完，各事项结果如下：\n${list}\n${refused}${how}`,
      sms: `${SMS_SIGNATURE}您的一件事${no}已全部办完，${short}。`,
    };
  } else if (topic === 'bundle.delivered') {
    const how = p.method === 'express' ? `已装在一个快递包裹中寄出${p.trackingNo ? `，运单号 ${p.trackingNo}` : ''}，请留意查收。` : '已在窗口一次领取。';
    x = {
      kind: topic,
      title: p.method === 'express' ? '一件事结果已寄出' : '一件事结果已领取',
      body: `您申请的${name}的全部结果（${(p.items ?? []).length} 件）${how}`,
      ...(p.method === 'express' ? { sms: `${SMS_SIGNATURE}您的一件事${no}全部结果已一个包裹寄出${p.trackingNo ? `，运单号${p.trackingNo}` : ''}。` } : {}),
    };
  } else {
    return undefined;
  }
  const link = `/my/bundles/${p.bundleCaseId}`;
  const where = opts.publicUrl ? `查看详情：${opts.publicUrl}${link}` : '详情请登录通办，在“我的办件”中查看。';
  return { ...x, link, emailSubject: `${SMS_SIGNATURE}${x.title}（编号 ${p.number}）`, emailBody: `${x.body}\n\n编号：${p.number}\n${where}\n\n本邮件由系统自动发送，请勿直接回复。` };
}
