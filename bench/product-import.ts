// Importing a product sheet of ROWS rows (default 10,000: 2,500 products × 4 variants, with categories and
// options) into a fresh store: the preview check (read + validate + check against the store) and the commit
// (one transaction, as the worker runs it) through the same code the admin page and the worker use, on a fresh
// test database. Target from the issue: 10,000 rows imported in under 30 s.
//
//   pnpm --filter @vitrine/bench product-import        (ROWS can be set; FORMAT=xlsx for an Excel file)
import ExcelJS from 'exceljs';
import { createApiHarness } from '@vitrine/api/testing';
import { runImport } from '@vitrine/api/product-io';

const ROWS = Number(process.env.ROWS ?? 10_000);
const FORMAT = process.env.FORMAT === 'xlsx' ? 'xlsx' : 'csv';
const TARGET_S = 30;
const SIZES = ['P', 'M', 'G', 'GG'];
const CATEGORIES = ['Camisetas', 'Canecas', 'Mochilas', 'Bonés', 'Garrafas', 'Cadernos', 'Meias', 'Chaveiros'];

const header = ['handle', 'title', 'description', 'status', 'category', 'option1_name', 'option1_value', 'option2_name', 'option2_value', 'sku', 'price', 'stock'];
const rows: string[][] = [];
for (let n = 0; rows.length < ROWS; n++) {
  for (const [i, size] of SIZES.entries()) {
    if (rows.length >= ROWS) break;
    const first = i === 0;
    rows.push([
      `produto-${n}`, first ? `Produto ${n} Edição Limitada` : '', first ? `Descrição do produto ${n}, feito no Brasil.` : '', first ? 'active' : '',
      first ? CATEGORIES[n % CATEGORIES.length]! : '', 'Tamanho', size, 'Cor', n % 2 ? 'Preto' : 'Branco', `P${n}-${size}`, `${19 + (n % 80)},90`, String(n % 50),
    ]);
  }
}

async function fileBytes(): Promise<Buffer> {
  if (FORMAT === 'csv') return Buffer.from([header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('produtos');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const h = await createApiHarness('bench_import');
try {
  const user = await h.createUser('bench-importer');
  const tenantId = (await h.createStore(user, 'bench-import')).id;
  await h.setPlan(tenantId, 'enterprise'); // 2,500 products: past Free's limit, which is not what this measures
  const caller = h.caller(user, { tenantId });
  const bytes = await fileBytes();
  console.log(`${ROWS} rows (${rows.length / SIZES.length} products × ${SIZES.length} variants), ${FORMAT}, ${(bytes.length / 1024).toFixed(0)} KB`);

  const t0 = performance.now();
  const preview = await caller.productIo.preview({ fileName: `bench.${FORMAT}`, contentBase64: bytes.toString('base64') });
  const t1 = performance.now();
  if (preview.status !== 'VALIDATED') throw new Error(`preview: ${preview.status} ${JSON.stringify(preview.errors.slice(0, 3))}`);
  await caller.productIo.commit({ id: preview.id });
  const t2 = performance.now();
  const result = await runImport(await h.db.forTenant(tenantId), { tenantId, importId: preview.id });
  const t3 = performance.now();
  if (result.status !== 'SUCCEEDED') throw new Error(`import: ${result.status}`);

  const tdb = await h.db.forTenant(tenantId);
  const [products, variants, terms] = await Promise.all([tdb.product.count(), tdb.productVariant.count(), h.owner.productSearchTerm.count({ where: { tenantId } })]);
  const total = (t3 - t0) / 1000;
  console.log(`  check (read, validate, against the store)  ${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(`  commit (queued)                            ${((t2 - t1) / 1000).toFixed(2)} s`);
  console.log(`  import (one transaction)                   ${((t3 - t2) / 1000).toFixed(1)} s   (${(ROWS / ((t3 - t2) / 1000)).toFixed(0)} rows/s)`);
  console.log(`  stored: ${products} products, ${variants} variants, ${terms} search terms`);
  console.log(`\ntotal ${total.toFixed(1)} s; target < ${TARGET_S} s for 10,000 rows: ${total < TARGET_S && variants === ROWS ? 'met' : 'MISSED'}`);
  if (variants !== ROWS) process.exitCode = 1;
} finally {
  await h.close();
}
