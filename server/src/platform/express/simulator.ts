/**
 * Express simulator: a stand-in courier behind the same `ExpressProvider` interface a real one would use. It sends
 * nothing anywhere and keeps no state, so any number of server processes agree on every waybill:
 *
 * - Waybill numbers are `SIM` + 13 digits: the minute the waybill was created (8 digits, minutes since 1970 UTC),
 *   4 digits from a SHA-256 of the request (the parcel reference, else the recipient), and a Luhn check digit.
 *   The same request in the same minute gives the same number (a retried delivery books no second parcel).
 * - The track is made up from the time encoded in the number: 揽收 at once, 运输中 after 4 hours, 派送中 after
 *   20 hours, 已签收 after 26 hours. Numbers it did not issue (wrong prefix or check digit) have no track.
 */
import { createHash } from 'node:crypto';
import { TRACK_STATUS_LABELS, type ExpressProvider, type TrackEvent, type TrackStatus, type Waybill, type WaybillRequest } from './provider.ts';

export const EXPRESS_SIMULATOR = 'express-simulator';
export const SIMULATOR_PREFIX = 'SIM';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** When each status is reached, counted from the creation of the waybill. */
export const SIMULATED_TRACK: ReadonlyArray<{ after: number; status: TrackStatus; description: string; location: string }> = [
  { after: 0, status: 'collected', description: '快件已由寄件网点揽收', location: '寄件网点' },
  { after: 4 * HOUR, status: 'in_transit', description: '快件已发往目的地转运中心，运输中', location: '转运中心' },
  { after: 20 * HOUR, status: 'out_for_delivery', description: '快件已到达派送网点，快递员正在派送', location: '派送网点' },
  { after: 26 * HOUR, status: 'delivered', description: '快件已签收，签收人：本人', location: '收件地址' },
];

/** Luhn check digit of a digit string. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The creation time a simulator waybill number encodes; undefined when the simulator did not issue it. */
export function simulatedWaybillTime(trackingNo: string): Date | undefined {
  const m = /^SIM(\d{8})(\d{4})(\d)$/.exec(trackingNo.trim());
  if (!m || luhnDigit(m[1]! + m[2]!) !== m[3]) return undefined;
  return new Date(Number(m[1]) * MINUTE);
}

export type ExpressSimulatorOptions = { now?: () => Date };

export function createExpressSimulator(opts: ExpressSimulatorOptions = {}): ExpressProvider {
  const now = opts.now ?? (() => new Date());
  return {
    provider: EXPRESS_SIMULATOR,
    simulated: true,
    async createWaybill(r: WaybillRequest): Promise<Waybill> {
      if (!r.to.address.trim()) throw new Error('express simulator: the recipient address is empty');
      const minute = String(Math.floor(now().getTime() / MINUTE)).padStart(8, '0').slice(-8);
      const key = r.parcel.reference?.trim() || `${r.to.name}|${r.to.phone}|${r.to.address}`;
      const hash = String(createHash('sha256').update(`${key}|${minute}`).digest().readUInt32BE(0) % 10_000).padStart(4, '0');
      return { trackingNo: `${SIMULATOR_PREFIX}${minute}${hash}${luhnDigit(minute + hash)}`, provider: EXPRESS_SIMULATOR };
    },
    async track(trackingNo: string): Promise<TrackEvent[]> {
      const created = simulatedWaybillTime(trackingNo);
      if (!created) return [];
      const elapsed = now().getTime() - created.getTime();
      return SIMULATED_TRACK.filter((s) => elapsed >= s.after).map((s) => ({
        at: new Date(created.getTime() + s.after).toISOString(),
        status: s.status,
        label: TRACK_STATUS_LABELS[s.status],
        description: s.description,
        location: s.location,
      }));
    },
  };
}

/** The express simulator on the real clock (the default provider; see `expressProviderFromEnv`). */
export const expressSimulator: ExpressProvider = createExpressSimulator();
