/**
 * Express delivery of results: the `ExpressProvider` interface, the express simulator (the only provider connected
 * today) and the booking helper the case engine calls when a result goes out by courier.
 *
 * Environment (README):
 * - EXPRESS_PROVIDER  `simulator` (default): the express simulator. No real courier is connected yet; any other
 *                     value stops the server at start so that a misconfiguration is not mistaken for shipping.
 */
import { expressSimulator } from './simulator.ts';
import type { ExpressProvider } from './provider.ts';

export type { ExpressProvider, ExpressParty, Parcel, WaybillRequest, Waybill, TrackEvent, TrackStatus } from './provider.ts';
export { TRACK_STATUSES, TRACK_STATUS_LABELS } from './provider.ts';
export { createExpressSimulator, expressSimulator, simulatedWaybillTime, EXPRESS_SIMULATOR, SIMULATED_TRACK } from './simulator.ts';
export { createWaybillForDelivery, parseRecipient, type ResultShipment } from './delivery.ts';

export function expressProviderFromEnv(env: { EXPRESS_PROVIDER?: string } = process.env): ExpressProvider {
  const name = env.EXPRESS_PROVIDER?.trim().toLowerCase() || 'simulator';
  if (name === 'simulator' || name === 'express-simulator') return expressSimulator;
  throw new Error(`EXPRESS_PROVIDER="${env.EXPRESS_PROVIDER}": no such express provider is connected; use "simulator"`);
}
