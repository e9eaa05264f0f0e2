import { describe, expect, it } from 'vitest';
import { chineseDate, composeBundleMessage, composeCaseMessage, composeLicenseMessage } from './messages.ts';

const base = { caseId: '0190aaaa-0000-7000-8000-000000000001', number: '321202-2026-000042', itemName: '食品经营许可（仅销售预包装食品备案）', applicantId: 'x' };

describe('what applicants are told', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日');
    expect(chineseDate('2027-01-15')).toBe('2027年1月15日');
    expect(chineseDate('soon')).toBe('soon');
  });

  it('submitted: the case number, and when acceptance is due if known', () => {
    const m = composeCaseMessage('case.submitted', base)!;
    expect(m.body).toBe('您的《食品经营许可（仅销售预包装食品备案）》申请已提交，办件编号 321202-2026-000042。工作人员审查材料后会告诉您是否受理，请留意消息。');
    expect(composeCaseMessage('case.submitted', { ...base, dueDate: '2026-11-27' })!.body).toContain('会在 2026年11月27日 前告诉您是否受理');
    expect(m.link).toBe(`/my/cases/${base.caseId}`);
  });

  it('SMS texts are short, signed and carry the case number', () => {
    for (const [topic, extra] of [
      ['case.submitted', {}],
      ['case.supplement_requested', { missing: [{ name: '营业执照', reason: '已过期' }] }],
      ['case.accepted', { dueDate: '2026-12-01' }],
      ['case.declined', { reason: '不属于本机关职权范围，请向县级市场监管部门申请' }],
      ['case.closed', { decision: 'grant' }],
      ['case.closed', { decision: 'refuse', reason: '现场核查发现经营场所与申报不符' }],
      ['case.decided', { decision: 'grant' }],
      ['case.decided', { decision: 'refuse', reason: '不符合选址要求' }],
      ['case.extended', { days: 10, dueDate: '2026-12-15', reason: '需要多个科室会审' }],
      ['case.suspended', { procedure: '专家评审', expectedDays: 20, reason: '涉及特种设备' }],
      ['case.closed', { method: 'express' }],
    ] as const) {
      const sms = composeCaseMessage(topic, { ...base, ...extra })!.sms!;
      expect(sms.startsWith('【通办】')).toBe(true);
      expect(sms).toContain(base.number);
      expect(sms.length).toBeLessThanOrEqual(70); // one SMS segment of Chinese text
      const m = composeCaseMessage(topic, { ...base, ...extra })!;
      expect(m.emailBody).toContain(m.body);
    }
  });

  it('an extension gives its reason; a stopped clock names the procedure (行政许可法 arts. 42, 45)', () => {
    const ext = composeCaseMessage('case.extended', { ...base, days: 10, dueDate: '2026-12-15', reason: '需要多个科室会审。' })!;
    expect(ext.body).toBe('您的《食品经营许可（仅销售预包装食品备案）》申请的办理期限延长 10 个工作日，新的期限为 2026年12月15日。理由：需要多个科室会审。');
    const sus = composeCaseMessage('case.suspended', { ...base, procedure: '专家评审', expectedDays: 20, reason: '涉及特种设备' })!;
    expect(sus.body).toContain('需要进行专家评审，预计需要 20 天，这段时间不计入办理期限。说明：涉及特种设备。');
  });

  it('minor steps stay in the portal: no SMS for resuming or an electronic delivery', () => {
    expect(composeCaseMessage('case.resumed', { ...base, procedure: '专家评审', dueDate: '2026-12-20' })!.sms).toBeUndefined();
    expect(composeCaseMessage('case.closed', { ...base, method: 'electronic' })!.sms).toBeUndefined();
    expect(composeCaseMessage('case.closed', { ...base, decision: 'grant' })!.sms).toContain('准予许可');
  });

  it('without the item name it names the case number instead; punctuation stays single', () => {
    const m = composeCaseMessage('case.declined', { caseId: base.caseId, number: base.number, reason: '缺少身份证复印件。' })!;
    expect(m.body).toBe('很抱歉，您的申请（办件编号 321202-2026-000042）未被受理。原因：缺少身份证复印件。您可以按说明准备好后重新申请。');
  });

  it('emails link to the portal when PUBLIC_URL is known', () => {
    expect(composeCaseMessage('case.accepted', base, { publicUrl: 'https://zwfw.example.gov.cn' })!.emailBody).toContain(`https://zwfw.example.gov.cn/my/cases/${base.caseId}`);
    expect(composeCaseMessage('case.accepted', base)!.emailBody).toContain('我的办件');
  });

  it('ignores topics it does not know', () => {
    expect(composeCaseMessage('catalog.item_published', base)).toBeUndefined();
  });

  it('一件事: one message with every result and how they come; SMS short and without the address', () => {
    const items = [
      { caseId: 'a', itemName: '出生医学证明', result: 'grant' },
      { caseId: 'b', itemName: '出生登记', result: 'refuse' },
    ] as const;
    const p = { bundleCaseId: 'x1', number: 'YJS-2026-000042', bundleName: '新生儿出生“一件事”', leadAgency: '泰州市卫生健康委员会', items };
    const express = composeBundleMessage('bundle.results_released', { ...p, method: 'express', address: '泰州市海陵区青年南路 88 号' })!;
    expect(express.body).toContain('1. 出生医学证明：准予许可\n2. 出生登记：不予许可');
    expect(express.body).toContain('一个快递包裹中寄往：泰州市海陵区青年南路 88 号');
    expect(express.body).toContain('依法申请行政复议');
    expect(express.sms).not.toContain('青年南路');
    expect(express.link).toBe('/my/bundles/x1');
    const pickup = composeBundleMessage('bundle.results_released', { ...p, method: 'pickup' })!;
    expect(pickup.body).toContain('到泰州市卫生健康委员会的综合窗口一次领取全部结果');
    for (const m of [express, pickup, composeBundleMessage('bundle.delivered', { ...p, method: 'express', trackingNo: 'SIM1234567890' })!]) {
      expect(m.sms!.length).toBeLessThanOrEqual(70);
      expect(m.sms).toContain(p.number);
    }
    expect(composeBundleMessage('bundle.delivered', { ...p, method: 'pickup' })!.sms).toBeUndefined();
    expect(composeBundleMessage('bundle.other', p)).toBeUndefined();
  });

  it('一件事 members: a held decision stays in the portal; a delivery made together is not told again', () => {
    const held = composeCaseMessage('case.decided', { ...base, decision: 'grant', heldForBundle: '新生儿出生“一件事”' })!;
    expect(held.sms).toBeUndefined();
    expect(held.body).toContain('全部办完后一起送达');
    expect(composeCaseMessage('case.closed', { ...base, method: 'express', together: true })).toBeUndefined();
  });
});

describe('what license holders are told', () => {
  const lic = { licenseId: 'l1', ref: 'AbC_d-9', typeName: '食品经营许可证', number: 'JY0000000012', holderAccountId: 'x' };

  it('issued: where to find it, and that it replaces the paper next time', () => {
    const m = composeLicenseMessage('license.issued', lic)!;
    expect(m.title).toBe('食品经营许可证已发放');
    expect(m.body).toBe('您的食品经营许可证（电子证照，证号 JY0000000012）已发放，可在“我的证照”中查看和出示。以后办事需要这份证照时，可以直接使用电子证照，免于提交。');
    expect(m.sms).toBe('【通办】您的食品经营许可证（电子证照）已发放，可登录通办在“我的证照”中查看和出示。');
    expect(m.link).toBe('/my/licenses/AbC_d-9');
    expect(composeLicenseMessage('license.issued', lic, { publicUrl: 'https://zwfw.example.gov.cn' })!.emailBody).toContain('https://zwfw.example.gov.cn/my/licenses/AbC_d-9');
  });

  it('changed: suspension, reinstatement and revocation with the reason (revocation with the rights of review); an annotation stays in the portal', () => {
    const suspended = composeLicenseMessage('license.changed', { ...lic, action: 'suspend', reason: '经营场所正在整改' })!;
    expect(suspended.title).toBe('食品经营许可证已暂停使用');
    expect(suspended.body).toContain('原因：经营场所正在整改。');
    expect(suspended.sms).not.toContain('整改'); // SMS is not a private channel: no reasons
    expect(composeLicenseMessage('license.changed', { ...lic, action: 'reinstate', reason: '整改完成' })!.title).toBe('食品经营许可证已恢复使用');
    const revoked = composeLicenseMessage('license.changed', { ...lic, action: 'revoke', reason: '申请人以欺骗手段取得' })!;
    expect(revoked.body).toContain('依法申请行政复议或者提起行政诉讼');
    const annotated = composeLicenseMessage('license.changed', { ...lic, action: 'annotate' })!;
    expect(annotated.sms).toBeUndefined();
  });

  it('a re-issue is told once, by the new version’s license.issued; unknown topics say nothing', () => {
    expect(composeLicenseMessage('license.changed', { ...lic, action: 'reissue', reason: '变更经营场所' })).toBeUndefined();
    expect(composeLicenseMessage('license.verified', lic)).toBeUndefined();
  });
});
