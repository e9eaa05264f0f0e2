/**
 * Express (courier) delivery of case results: the one interface a courier company's API sits behind. The platform
 * ships with the express simulator only (simulator.ts); a real provider (SF, EMS, JD, …) implements the same two calls.
 */

/** A sender or a recipient as a courier needs them. */
export type ExpressParty = { name: string; phone: string; address: string };

export type Parcel = {
  /** What is inside, printed on the waybill (e.g. "营业执照（个体工商户） 办理结果"). */
  description: string;
  /** Our own reference (the case number): the provider may use it to answer a repeated request with the same waybill. */
  reference?: string;
  weightGrams?: number;
};

export type WaybillRequest = { from: ExpressParty; to: ExpressParty; parcel: Parcel };
export type Waybill = { trackingNo: string; provider: string };

export const TRACK_STATUSES = ['collected', 'in_transit', 'out_for_delivery', 'delivered'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** Chinese labels of the track statuses, as couriers print them. */
export const TRACK_STATUS_LABELS: Record<TrackStatus, string> = {
  collected: '揽收',
  in_transit: '运输中',
  out_for_delivery: '派送中',
  delivered: '已签收',
};

export type TrackEvent = { at: string; status: TrackStatus; label: string; description: string; location?: string };

export interface ExpressProvider {
  /** Stable name, stored with the waybill and shown with the track. */
  readonly provider: string;
  /** True when nothing leaves the machine. */
  readonly simulated: boolean;
  /** Book a pick-up; resolves with the waybill number. Throws when the provider refuses. */
  createWaybill(request: WaybillRequest): Promise<Waybill>;
  /** The track of a waybill, oldest event first; empty when the provider does not know the number (yet). */
  track(trackingNo: string): Promise<TrackEvent[]>;
}
