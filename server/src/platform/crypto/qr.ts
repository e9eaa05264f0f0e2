/**
 * QR codes (GB/T 18284-2000 / ISO/IEC 18004) for license verification links and offline payloads: error
 * correction level M (about 15% of the symbol may be damaged), a one-module quiet margin as printed on licenses.
 */
import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** The QR symbol as an SVG document (scales without loss in HTML and PDF). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** The QR symbol as a PNG (4 pixels per module). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', scale: 4 });
}
