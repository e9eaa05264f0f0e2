/**
 * QR codes (GB/T 18284-2000 / ISO/IEC 18004) for license verification links and offline payloads: error
 * correction level M (about 15% of the symbol may be damaged), a one-module quiet margin as printed on licenses.
 * The qrcode package is imported with the first symbol (ADR 0007).
 */
const qrcode = async () => (await import('qrcode')).default;

const OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** The QR symbol as an SVG document (scales without loss in HTML and PDF). */
export async function qrSvg(text: string): Promise<string> {
  return (await qrcode()).toString(text, { ...OPTIONS, type: 'svg' });
}

/** The QR symbol as a PNG (4 pixels per module). */
export async function qrPng(text: string): Promise<Buffer> {
  return (await qrcode()).toBuffer(text, { ...OPTIONS, type: 'png', scale: 4 });
}
