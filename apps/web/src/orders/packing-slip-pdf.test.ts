import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ordersMessages } from '../i18n/messages/orders.ts';
import { packingSlipPdf, type PackingSlipData } from './packing-slip-pdf.ts';

/** The text drawn on a page, one string per text-showing operator, read back from its (deflated) content streams. */
function pageText(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const texts: string[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : Buffer.from(stream.contents);
    for (const match of bytes.toString('latin1').matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) texts.push(Buffer.from(match[1]!, 'hex').toString('latin1'));
  }
  return texts;
}

async function readBack(bytes: Uint8Array) {
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const doc = await PDFDocument.load(bytes);
  return { doc, pages: doc.getPages().map(pageText) };
}

const SLIP: PackingSlipData = {
  store: { name: 'Alpha Teas' },
  number: 1042,
  placedAt: new Date('2026-11-20T15:00:00Z'),
  buyerName: 'Bia Buyer',
  shippingMethodName: 'Standard',
  pickup: false,
  shipTo: { line1: 'Rua Augusta 100', line2: 'Apto 12', city: 'São Paulo', region: 'SP', postalCode: '01304-000', country: 'BR' },
  items: [
    { title: 'Green Tea', variantLabel: '', sku: 'ALPHA-GREEN-TEA', quantity: 3 },
    { title: 'Teapot', variantLabel: 'Blue / 1 L', sku: 'ALPHA-TEAPOT-B', quantity: 1 },
  ],
};

describe('packingSlipPdf', () => {
  it('writes the store, the order number and date, the address and each item with its SKU and quantity, on one page', async () => {
    const { doc, pages } = await readBack(await packingSlipPdf(SLIP, ordersMessages.en, 'en'));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Packing slip #1042');
    const text = pages[0]!;
    expect(text).toEqual(
      expect.arrayContaining([
        'Alpha Teas',
        'Packing slip',
        'Order #1042',
        'Date: November 20, 2026',
        'Ship to',
        'Bia Buyer',
        'Rua Augusta 100',
        'Apto 12',
        '01304-000 São Paulo SP',
        'BR',
        'Shipping: Standard',
        'ALPHA-GREEN-TEA',
        'Green Tea',
        '3',
        'ALPHA-TEAPOT-B',
        'Teapot (Blue / 1 L)',
        '1',
        'Units in this order: 4',
      ]),
    );
    // The SKU, the item and its quantity are drawn in that order, row by row.
    const at = (s: string) => text.indexOf(s);
    expect(at('ALPHA-GREEN-TEA')).toBeLessThan(at('Green Tea'));
    expect(at('Green Tea')).toBeLessThan(at('3'));
    expect(at('3')).toBeLessThan(at('ALPHA-TEAPOT-B'));
  });

  it('shows no price anywhere', async () => {
    const { pages } = await readBack(await packingSlipPdf(SLIP, ordersMessages.en, 'en'));
    expect(pages.flat().join('\n')).not.toMatch(/R\$|\$|\d+[.,]\d{2}\b/);
  });

  it('speaks the admin language and says when the buyer picks the order up', async () => {
    const { pages } = await readBack(await packingSlipPdf({ ...SLIP, pickup: true, shippingMethodName: 'Balcão da loja' }, ordersMessages['pt-BR'], 'pt-BR'));
    expect(pages[0]).toEqual(expect.arrayContaining(['Lista de separação', 'Pedido #1042', 'Data: 20 de novembro de 2026', 'Retirada na loja', 'Balcão da loja']));
    expect(pages[0]).not.toContain('Rua Augusta 100');
  });

  it('runs long orders on to more pages, every item printed once', async () => {
    const items = Array.from({ length: 90 }, (_, i) => ({ title: `Tea ${i + 1}`, variantLabel: '', sku: `SKU-${String(i + 1).padStart(3, '0')}`, quantity: 1 }));
    const { doc, pages } = await readBack(await packingSlipPdf({ ...SLIP, items }, ordersMessages.en, 'en'));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const skus = pages.flat().filter((t) => t.startsWith('SKU-'));
    expect(skus).toEqual(items.map((i) => i.sku));
    expect(pages[1]).toContain('Alpha Teas · Order #1042');
    expect(pages.at(-1)).toContain('Units in this order: 90');
  });

  it('prints names the standard font cannot write, accents dropped or replaced, instead of failing', async () => {
    const { pages } = await readBack(await packingSlipPdf({ ...SLIP, store: { name: 'Chá Őrség 茶' }, buyerName: 'Ōta Łukasz' }, ordersMessages.en, 'en'));
    expect(pages[0]).toEqual(expect.arrayContaining(['Chá Orség ?', 'Ota ?ukasz']));
  });
});
