import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../context.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { csvOf } from './export.ts';
import { runImport } from './imports.ts';

let h: ApiHarness;
let ana: SessionUser;
let bia: SessionUser;
let storeA: string;
let storeB: string;

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const asAna = () => h.caller(ana, { tenantId: storeA });
const asBia = () => h.caller(bia, { tenantId: storeB });

const GOOD = `handle,title,description,status,category,option1_name,option1_value,sku,price,stock
camiseta-basica,Camiseta Básica,Algodão,active,Roupas,Tamanho,P,CAM-P,"49,90",5
camiseta-basica,,,,,Tamanho,M,CAM-M,"49,90",7
caneca,Caneca,,draft,Casa,,,CAN-1,25.00,
`;

async function commitAndRun(id: string) {
  await asAna().productIo.commit({ id });
  return runImport(await h.db.forTenant(storeA), { tenantId: storeA, importId: id });
}

beforeAll(async () => {
  h = await createApiHarness('product_io');
  ana = await h.createUser('ana-io');
  bia = await h.createUser('bia-io');
  storeA = (await h.createStore(ana, 'io-a')).id;
  storeB = (await h.createStore(bia, 'io-b')).id;
});
afterAll(() => h?.close());

describe('product import', () => {
  it('checks a good file, then commits every row with its categories, options and prices', async () => {
    const preview = await asAna().productIo.preview({ fileName: 'catalogo.csv', contentBase64: b64(GOOD) });
    expect(preview).toMatchObject({
      status: 'VALIDATED',
      rows: 3,
      errorCount: 0,
      summary: { productsCreated: 2, productsUpdated: 0, variantsCreated: 3, variantsUpdated: 0, categoriesCreated: 2 },
    });
    expect(await h.auditRows(storeA, 'product.import.queued')).toHaveLength(0);
    expect(await commitAndRun(preview.id)).toMatchObject({ status: 'SUCCEEDED' });

    const done = await asAna().productIo.get({ id: preview.id });
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: { done: 3, total: 3 } });
    const tdb = await h.db.forTenant(storeA);
    const tee = await tdb.product.findFirstOrThrow({ where: { slug: 'camiseta-basica' }, include: { variants: { orderBy: { position: 'asc' } }, category: true } });
    expect(tee).toMatchObject({ title: 'Camiseta Básica', status: 'ACTIVE', description: 'Algodão', category: { name: 'Roupas' } });
    expect(tee.variants.map((v) => [v.sku, v.attributes, v.priceAmount, v.stock, v.currency])).toEqual([
      ['CAM-P', { Tamanho: 'P' }, 4990, 5, 'BRL'],
      ['CAM-M', { Tamanho: 'M' }, 4990, 7, 'BRL'],
    ]);
    expect((await h.auditRows(storeA, 'product.import.completed'))[0]).toMatchObject({ actorUserId: ana.id, targetId: preview.id });
    // Search terms and total stock are refreshed once per product at the end of the import.
    expect((await tdb.product.findFirstOrThrow({ where: { slug: 'camiseta-basica' } })).totalStock).toBe(12);
    expect((await asAna().catalog.products.list({ search: 'camiseta', limit: 10 })).items.map((p: { slug: string }) => p.slug)).toContain('camiseta-basica');
  });

  it('names every bad row and column, keeps nothing of the file, and refuses to commit it', async () => {
    const before = await (await h.db.forTenant(storeA)).product.count();
    const bad = `handle,title,sku,price,stock
ok-item,Ok,OK-1,10,1
,No handle,NH-1,10,1
price-bad,Price bad,PB-1,dez,1
stock-bad,Stock bad,SB-1,10,-3
`;
    const preview = await asAna().productIo.preview({ fileName: 'bad.csv', contentBase64: b64(bad) });
    expect(preview.status).toBe('INVALID');
    expect(preview.errors).toEqual([
      { row: 3, column: 'handle', message: 'Give every row the handle (address) of its product.' },
      { row: 4, column: 'price', message: '"dez" is not a price: write it like 19.90.' },
      { row: 5, column: 'stock', message: 'Stock "-3" must be a whole number from 0 to 10,000,000.' },
    ]);
    await expectTRPCError(asAna().productIo.commit({ id: preview.id }), 'CONFLICT', /has errors/);
    expect(await (await h.db.forTenant(storeA)).product.count()).toBe(before);
  });

  it('is all or nothing: a SKU given to another product after the check fails the whole file', async () => {
    const file = `handle,title,sku,price
lamp,Lamp,LAMP-1,10
vase,Vase,VASE-1,10
`;
    const preview = await asAna().productIo.preview({ fileName: 'race.csv', contentBase64: b64(file) });
    expect(preview.status).toBe('VALIDATED');
    await asAna().catalog.products.create({ title: 'Other', variants: [{ sku: 'VASE-1', priceAmount: 100 }] });
    expect(await commitAndRun(preview.id)).toEqual({ status: 'FAILED' });
    const failed = await asAna().productIo.get({ id: preview.id });
    expect(failed.errors).toEqual([{ row: 3, column: 'sku', message: 'SKU "VASE-1" already belongs to the product "other" in your store.' }]);
    expect(await (await h.db.forTenant(storeA)).product.findFirst({ where: { slug: 'lamp' } })).toBeNull();
    // A retried job does nothing more.
    expect(await runImport(await h.db.forTenant(storeA), { tenantId: storeA, importId: preview.id })).toEqual({ status: 'FAILED' });
  });

  it('updates by handle and SKU: empty cells keep what is stored', async () => {
    const file = `handle,title,description,sku,price,stock
camiseta-basica,,,CAM-M,"59,90",2
`;
    const preview = await asAna().productIo.preview({ fileName: 'update.csv', contentBase64: b64(file) });
    expect(preview.summary).toMatchObject({ productsUpdated: 1, variantsUpdated: 1, productsCreated: 0, variantsCreated: 0 });
    await commitAndRun(preview.id);
    const tee = await (await h.db.forTenant(storeA)).product.findFirstOrThrow({ where: { slug: 'camiseta-basica' }, include: { variants: true } });
    expect(tee).toMatchObject({ title: 'Camiseta Básica', description: 'Algodão', status: 'ACTIVE' });
    expect(tee.variants.find((v) => v.sku === 'CAM-M')).toMatchObject({ priceAmount: 5990, stock: 2 });
    expect(tee.variants.find((v) => v.sku === 'CAM-P')).toMatchObject({ priceAmount: 4990, stock: 5 });
  });

  it('reads Excel workbooks, and refuses other files and broken headers with a sentence', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Produtos');
    sheet.addRow(['Endereço', 'Título', 'Código', 'Preço', 'Estoque']);
    sheet.addRow(['xicara', 'Xícara', 'XIC-1', 12.5, 4]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await asAna().productIo.preview({ fileName: 'planilha.xlsx', contentBase64: b64(xlsx) });
    expect(preview).toMatchObject({ status: 'VALIDATED', summary: { productsCreated: 1, variantsCreated: 1 } });

    await expectTRPCError(asAna().productIo.preview({ fileName: 'notes.txt', contentBase64: b64('x') }), 'BAD_REQUEST', /\.csv or \.xlsx/);
    await expectTRPCError(asAna().productIo.preview({ fileName: 'x.csv', contentBase64: b64('title,price\nA,1\n') }), 'BAD_REQUEST', /"handle" is missing/);
    await expectTRPCError(asAna().productIo.preview({ fileName: 'x.xlsx', contentBase64: b64('not a zip') }), 'BAD_REQUEST', /cannot be read/);
  });

  it('exports what it imports: the export of the store reads back unchanged', async () => {
    const page = await asAna().productIo.exportPage({ limit: 500 });
    const csv = csvOf(page.rows, true);
    expect(csv.split('\n')[0]).toBe('handle,title,description,status,category,seo_title,seo_description,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price,compare_at_price,stock');
    const untitled = await asAna().productIo.preview({ fileName: 'new.csv', contentBase64: b64('handle,sku,price\nbrand-new,BN-1,1\n') });
    expect(untitled.errors).toEqual([{ row: 2, column: 'title', message: '"brand-new" is a new product: its first row needs the title.' }]);
    expect(csv).toContain('camiseta-basica,Camiseta Básica,Algodão,active,Roupas,,,Tamanho,P,,,,,CAM-P,49.90,,5');
    const again = await asAna().productIo.preview({ fileName: 'export.csv', contentBase64: b64(csv) });
    expect(again).toMatchObject({ status: 'VALIDATED', summary: { productsCreated: 0, variantsCreated: 0 } });
  });
});

describe('product import isolation', () => {
  it('another store can neither see, commit nor export this store’s imports and products', async () => {
    const mine = await asAna().productIo.preview({ fileName: 'mine.csv', contentBase64: b64('handle,title,sku,price\nsecret,Secret,SEC-1,1\n') });
    await expectTRPCError(asBia().productIo.get({ id: mine.id }), 'NOT_FOUND');
    await expectTRPCError(asBia().productIo.commit({ id: mine.id }), 'NOT_FOUND');
    expect((await asBia().productIo.list()).map((i) => i.id)).not.toContain(mine.id);
    expect((await asBia().productIo.exportPage({ limit: 500 })).rows).toEqual([]);
    // A SKU of store A is free in store B.
    const theirs = await asBia().productIo.preview({ fileName: 'b.csv', contentBase64: b64('handle,title,sku,price\nlamp,Lamp,CAM-P,1\n') });
    expect(theirs.status).toBe('VALIDATED');
    // Staff without the catalog permission are refused.
    const staff = await h.createUser('staff-io');
    await h.addMember(storeA, staff, 'STAFF', ['orders']);
    await expectTRPCError(h.caller(staff, { tenantId: storeA }).productIo.preview({ fileName: 'a.csv', contentBase64: b64('x') }), 'FORBIDDEN');
  });
});
