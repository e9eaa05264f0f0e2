/**
 * Booking the courier for a result sent by express: what the case engine's `deliver` action calls when the
 * applicant chose express delivery and the clerk typed no waybill number.
 *
 * Applicants give one line of address (the case's `delivery.address`, e.g. "泰州市海陵区青年南路 88 号 李明
 * 13951234567"); the courier needs name, phone and address apart, so the line is split here.
 */
import type { ExpressParty, ExpressProvider, Waybill } from './provider.ts';

const PHONE = /(?:\+?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4})(?!\d)|(0\d{2,3}-?\d{7,8})(?!\d)/;
const LABELLED_NAME = /(?:收件人|联系人|收货人)\s*[:：]?\s*([\u4e00-\u9fa5·]{2,6})/;
const LABELLED_PHONE = /(?:电话|手机|联系电话)\s*[:：]?\s*/g;
/** A trailing bare name: 2–4 hanzi standing alone (not the end of an address like …88号 or …小区). */
const TRAILING_NAME = /^[\u4e00-\u9fa5·]{2,4}$/;
const ADDRESS_ENDINGS = /[号室楼层栋幢座区村组路街道巷弄苑园城镇乡县市省门店处厦院场站]$/;

/** Split a one-line Chinese delivery address into recipient name, phone and address. */
export function parseRecipient(text: string, fallbackName: string, fallbackPhone = ''): ExpressParty {
  let rest = text.replace(/\s+/g, ' ').trim();
  let phone = '';
  const p = PHONE.exec(rest);
  if (p) {
    // Mobile numbers lose their separators; landlines keep the dash after the area code.
    phone = p[1] ? p[1].replace(/[-\s]/g, '') : p[2]!;
    rest = (rest.slice(0, p.index) + ' ' + rest.slice(p.index + p[0].length)).trim();
  }
  rest = rest.replace(LABELLED_PHONE, ' ');
  let name = '';
  const labelled = LABELLED_NAME.exec(rest);
  if (labelled) {
    name = labelled[1]!;
    rest = (rest.slice(0, labelled.index) + ' ' + rest.slice(labelled.index + labelled[0].length)).trim();
  } else {
    const tokens = rest.split(/[\s,，;；]+/).filter(Boolean);
    const last = tokens.at(-1);
    if (tokens.length > 1 && last && TRAILING_NAME.test(last) && !ADDRESS_ENDINGS.test(last)) {
      name = last;
      tokens.pop();
      rest = tokens.join(' ');
    }
  }
  const address = rest.replace(/[\s,，;；]+$/g, '').replace(/^[\s,，;；]+/g, '').replace(/\s+/g, ' ').trim();
  return { name: name || fallbackName, phone: phone || fallbackPhone, address };
}

export type ResultShipment = {
  /** Our reference on the waybill: the case number. */
  reference: string;
  /** What is sent, e.g. "营业执照（个体工商户） 办理结果". */
  description: string;
  /** The agency (or its window) that sends the result. */
  from: ExpressParty;
  /** The applicant's one-line delivery address as captured with the application. */
  toAddress: string;
  /** Used when the address line names nobody. */
  toName: string;
  toPhone?: string;
};

/** Book the courier for a result; resolves with the provider's waybill. */
export async function createWaybillForDelivery(provider: ExpressProvider, s: ResultShipment): Promise<Waybill> {
  const to = parseRecipient(s.toAddress, s.toName, s.toPhone);
  return provider.createWaybill({ from: s.from, to, parcel: { description: s.description, reference: s.reference } });
}
