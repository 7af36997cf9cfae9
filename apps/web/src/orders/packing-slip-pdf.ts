import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** What the router's orders.packingSlip gives (no prices: a packing slip travels in the box). */
export interface PackingSlipData {
  store: { name: string };
  number: number;
  placedAt: Date;
  buyerName: string;
  shippingMethodName: string;
  pickup: boolean;
  shipTo: { line1: string; line2?: string | null; city: string; region?: string | null; postalCode: string; country: string };
  items: { title: string; variantLabel: string; sku: string; quantity: number }[];
}

export interface PackingSlipLabels {
  slip_title: string;
  slip_order: string;
  slip_date: string;
  slip_shipTo: string;
  slip_pickup: string;
  slip_shipping: string;
  slip_item: string;
  slip_sku: string;
  slip_qty: string;
  slip_count: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const ROW = 18;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const COLUMNS = { sku: MARGIN, item: MARGIN + 150, qty: A4[0] - MARGIN - 40 };

/**
 * Text the PDF's standard font can write (WinAnsi: Latin letters with their accents): other characters lose
 * their accent when they have one (ő → o), else become "?". A store name in another script still prints.
 */
export function printable(text: string, font: PDFFont): string {
  const known = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || char === '\t') out += ' ';
    else if (known.has(char.codePointAt(0)!)) out += char;
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare && [...bare].every((c) => known.has(c.codePointAt(0)!)) ? bare : '?';
    }
  }
  return out;
}

/** Cuts `text` with an ellipsis so that it fits `width` points. */
function fitted(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, size) > width) cut = cut.slice(0, -1);
  return `${cut}...`;
}

const dateFormats: Record<string, Intl.DateTimeFormat> = {};
function formatDay(date: Date, locale: string): string {
  dateFormats[locale] ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return dateFormats[locale].format(date);
}

/**
 * The packing slip as a PDF (A4, the standard Helvetica fonts, no images): the store's name as its heading, the
 * order number and date, where it goes, and each item with its SKU and quantity. Items run on to further pages.
 */
export async function packingSlipPdf(slip: PackingSlipData, t: PackingSlipLabels, locale: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${t.slip_title} #${slip.number}`);
  doc.setCreator('Vitrine');
  doc.setCreationDate(slip.placedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (text: string, x: number, options: { size?: number; font?: PDFFont; color?: typeof INK; width?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 11;
    const clean = printable(text, font);
    page.drawText(options.width ? fitted(clean, font, size, options.width) : clean, { x, y, size, font, color: options.color ?? INK });
  };
  const line = () => page.drawLine({ start: { x: MARGIN, y: y + ROW - 12 }, end: { x: A4[0] - MARGIN, y: y + ROW - 12 }, thickness: 0.5, color: MUTED });

  write(slip.store.name, MARGIN, { size: 22, font: bold, width: A4[0] - 2 * MARGIN });
  y -= 30;
  write(t.slip_title, MARGIN, { size: 14, color: MUTED });
  y -= 34;
  write(`${t.slip_order} #${slip.number}`, MARGIN, { size: 13, font: bold });
  write(`${t.slip_date}: ${formatDay(slip.placedAt, locale)}`, A4[0] / 2, { size: 11 });
  y -= 30;

  write(slip.pickup ? t.slip_pickup : t.slip_shipTo, MARGIN, { size: 10, font: bold, color: MUTED });
  y -= ROW;
  const cityLine = [slip.shipTo.postalCode, slip.shipTo.city, slip.shipTo.region].filter(Boolean).join(' ');
  const addressLines = slip.pickup ? [slip.buyerName, slip.shippingMethodName] : [slip.buyerName, slip.shipTo.line1, slip.shipTo.line2, cityLine, slip.shipTo.country];
  for (const text of addressLines.filter((l): l is string => Boolean(l))) {
    write(text, MARGIN, { width: A4[0] - 2 * MARGIN });
    y -= ROW;
  }
  if (!slip.pickup) {
    write(`${t.slip_shipping}: ${slip.shippingMethodName}`, MARGIN, { size: 10, color: MUTED });
    y -= ROW;
  }
  y -= ROW;

  const header = () => {
    write(t.slip_sku, COLUMNS.sku, { size: 10, font: bold, color: MUTED });
    write(t.slip_item, COLUMNS.item, { size: 10, font: bold, color: MUTED });
    write(t.slip_qty, COLUMNS.qty, { size: 10, font: bold, color: MUTED });
    line();
    y -= ROW + 4;
  };
  header();
  for (const item of slip.items) {
    if (y < MARGIN + ROW * 2) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
      write(`${slip.store.name} · ${t.slip_order} #${slip.number}`, MARGIN, { size: 10, color: MUTED, width: A4[0] - 2 * MARGIN });
      y -= ROW * 2;
      header();
    }
    write(item.sku, COLUMNS.sku, { width: COLUMNS.item - COLUMNS.sku - 10 });
    write(item.variantLabel ? `${item.title} (${item.variantLabel})` : item.title, COLUMNS.item, { width: COLUMNS.qty - COLUMNS.item - 10 });
    write(String(item.quantity), COLUMNS.qty, { font: bold });
    y -= ROW;
  }
  y -= 6;
  line();
  y -= ROW;
  write(`${t.slip_count}: ${slip.items.reduce((n, i) => n + i.quantity, 0)}`, MARGIN, { size: 10, color: MUTED });
  return doc.save();
}
