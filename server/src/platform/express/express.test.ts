import { describe, expect, it } from 'vitest';
import { createExpressSimulator, createWaybillForDelivery, expressProviderFromEnv, expressSimulator, parseRecipient, simulatedWaybillTime, EXPRESS_SIMULATOR } from './index.ts';

const FROM = { name: '泰州市市场监督管理局', phone: '0523-86839000', address: '泰州市海陵区东进西路88号 泰州市政务服务中心' };
const TO = { name: '李明', phone: '13951234567', address: '泰州市海陵区青年南路 88 号' };
const T0 = new Date('2026-03-02T02:00:30Z');
const HOUR = 3_600_000;

function at(start: Date, ms = 0) {
  let t = start.getTime() + ms;
  return { now: () => new Date(t), advance: (d: number) => (t += d) };
}

describe('express simulator', () => {
  it('issues deterministic SIM waybill numbers: same request and minute, same number', async () => {
    const clock = at(T0);
    const sim = createExpressSimulator({ now: clock.now });
    const a = await sim.createWaybill({ from: FROM, to: TO, parcel: { description: '营业执照', reference: '321200-2026-000123' } });
    const b = await createExpressSimulator({ now: () => new Date(T0.getTime() + 20_000) }).createWaybill({ from: FROM, to: TO, parcel: { description: '营业执照', reference: '321200-2026-000123' } });
    expect(a).toEqual(b);
    expect(a.provider).toBe(EXPRESS_SIMULATOR);
    expect(a.trackingNo).toMatch(/^SIM\d{13}$/);
    expect(a.trackingNo).toBe('SIM2954028097240'); // 29540280 minutes since 1970, 9724 from the reference, Luhn 0
    const other = await sim.createWaybill({ from: FROM, to: TO, parcel: { description: '营业执照', reference: '321200-2026-000124' } });
    expect(other.trackingNo).not.toBe(a.trackingNo);
    expect(simulatedWaybillTime(a.trackingNo)!.toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('makes up a track from the time in the number: 揽收, 运输中, 派送中, 已签收', async () => {
    const clock = at(T0);
    const sim = createExpressSimulator({ now: clock.now });
    const { trackingNo } = await sim.createWaybill({ from: FROM, to: TO, parcel: { description: '营业执照', reference: 'R1' } });
    const labels = async () => (await sim.track(trackingNo)).map((e) => e.label);
    expect(await labels()).toEqual(['揽收']);
    clock.advance(4 * HOUR);
    expect(await labels()).toEqual(['揽收', '运输中']);
    clock.advance(16 * HOUR);
    expect(await labels()).toEqual(['揽收', '运输中', '派送中']);
    clock.advance(6 * HOUR);
    const track = await sim.track(trackingNo);
    expect(track.map((e) => e.status)).toEqual(['collected', 'in_transit', 'out_for_delivery', 'delivered']);
    expect(track.at(-1)).toMatchObject({ label: '已签收', at: '2026-03-03T04:00:00.000Z' });
    // The same number tracked by another process (another simulator instance) reads the same.
    expect(await createExpressSimulator({ now: clock.now }).track(trackingNo)).toEqual(track);
  });

  it('knows only its own numbers: wrong prefix or check digit gives no track', async () => {
    const { trackingNo } = await expressSimulator.createWaybill({ from: FROM, to: TO, parcel: { description: 'x', reference: 'R2' } });
    expect((await expressSimulator.track(trackingNo)).length).toBeGreaterThan(0);
    const last = Number(trackingNo.at(-1));
    expect(await expressSimulator.track(trackingNo.slice(0, -1) + String((last + 1) % 10))).toEqual([]);
    expect(await expressSimulator.track('SF1234567890123')).toEqual([]);
  });

  it('refuses a parcel without an address', async () => {
    await expect(expressSimulator.createWaybill({ from: FROM, to: { ...TO, address: ' ' }, parcel: { description: 'x' } })).rejects.toThrow(/address/);
  });

  it('is the provider unless another is configured; unknown providers stop the start', () => {
    expect(expressProviderFromEnv({}).provider).toBe(EXPRESS_SIMULATOR);
    expect(expressProviderFromEnv({ EXPRESS_PROVIDER: 'simulator' })).toBe(expressSimulator);
    expect(() => expressProviderFromEnv({ EXPRESS_PROVIDER: 'sf-express' })).toThrow(/no such express provider/);
  });
});

describe('splitting a one-line delivery address', () => {
  it('finds the phone and a trailing name', () => {
    expect(parseRecipient('泰州市海陵区青年南路 88 号 李明 13951234567', '申请人')).toEqual({ name: '李明', phone: '13951234567', address: '泰州市海陵区青年南路 88 号' });
  });

  it('reads labelled parts and separators in numbers', () => {
    expect(parseRecipient('收件人：王小红，电话：139-5123-4567，泰州市高港区通江路9号', '申请人')).toEqual({ name: '王小红', phone: '13951234567', address: '泰州市高港区通江路9号' });
    expect(parseRecipient('兴化市英武中路6号 0523-83231234', '张三')).toEqual({ name: '张三', phone: '0523-83231234', address: '兴化市英武中路6号' });
  });

  it('does not take the end of an address for a name', () => {
    expect(parseRecipient('泰州市 海陵区 凤凰小区', '李明', '13900000000')).toEqual({ name: '李明', phone: '13900000000', address: '泰州市 海陵区 凤凰小区' });
  });

  it('books the courier for a result from the case’s address line', async () => {
    const sim = createExpressSimulator({ now: () => T0 });
    const wb = await createWaybillForDelivery(sim, { reference: '321200-2026-000123', description: '营业执照 办理结果', from: FROM, toAddress: '泰州市海陵区青年南路 88 号 李明 13951234567', toName: '李明' });
    expect(wb).toEqual(await sim.createWaybill({ from: FROM, to: TO, parcel: { description: '营业执照 办理结果', reference: '321200-2026-000123' } }));
  });
});
