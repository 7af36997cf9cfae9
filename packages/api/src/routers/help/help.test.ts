import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { excerptOf } from './articles.ts';

let h: ApiHarness;
let staff: SessionUser;
let seller: SessionUser;

beforeAll(async () => {
  h = await createApiHarness('help');
  staff = await h.createUser('writer', 'SUPER_ADMIN');
  seller = await h.createUser('seller');
});
afterAll(() => h?.close());

const editor = () => h.caller(staff).help.editor;
const visitor = () => h.caller(null).help;
const body = (first: string) => `${first}\n\nSecond paragraph with more details about the steps.`;

describe('help center', () => {
  let draftId: string;

  it('staff write articles; only published ones are public, in the asked language', async () => {
    const published = await editor().create({
      slug: 'connect-mercado-livre', locale: 'en', title: 'Connecting Mercado Livre', category: 'Mercado Livre',
      body: body('Connect your seller account from the admin.'), published: true,
    });
    expect(published).toMatchObject({ published: true, publishedAt: expect.any(Date), authorUserId: staff.id });
    await editor().create({
      slug: 'conectar-mercado-livre', locale: 'pt-BR', title: 'Conectando o Mercado Livre', category: 'Mercado Livre',
      body: body('Conecte sua conta de vendedor pelo painel.'), published: true,
    });
    const draft = await editor().create({ slug: 'secret-draft', locale: 'en', title: 'Unfinished draft', category: 'Store', body: body('Not ready yet, do not show.') });
    draftId = draft.id;
    expect(draft.published).toBe(false);

    const en = await visitor().list({ locale: 'en' });
    expect(en.articles.map((a) => a.slug)).toEqual(['connect-mercado-livre']);
    expect(en.articles[0]!.excerpt).toBe('Connect your seller account from the admin.');
    expect((await visitor().list({ locale: 'pt-BR' })).articles.map((a) => a.slug)).toEqual(['conectar-mercado-livre']);
    expect(await visitor().get({ slug: 'connect-mercado-livre' })).toMatchObject({ title: 'Connecting Mercado Livre', locale: 'en' });
    await expectTRPCError(visitor().get({ slug: 'secret-draft' }), 'NOT_FOUND', /no help article/);
    await expectTRPCError(visitor().get({ slug: 'no-such-article' }), 'NOT_FOUND');
    expect((await visitor().list({ locale: 'en', search: 'unfinished' })).articles).toEqual([]);
  });

  it('searches title, category and text; every word must match, in any case', async () => {
    expect((await visitor().list({ locale: 'en', search: 'SELLER admin' })).articles.map((a) => a.slug)).toEqual(['connect-mercado-livre']);
    expect((await visitor().list({ locale: 'en', search: 'seller nothing-like-this' })).articles).toEqual([]);
    expect((await visitor().list({ locale: 'pt-BR', search: 'painel' })).articles).toHaveLength(1);
    await expectTRPCError(visitor().list({ locale: 'fr' as never }), 'BAD_REQUEST', /en or pt-BR/);
  });

  it('publishes, edits, unpublishes and deletes, each audited with the staff member', async () => {
    await editor().setPublished({ id: draftId, published: true });
    expect(await visitor().get({ slug: 'secret-draft' })).toMatchObject({ title: 'Unfinished draft' });
    await expectTRPCError(editor().setPublished({ id: draftId, published: true }), 'CONFLICT', /already published/);

    const edited = await editor().update({ id: draftId, slug: 'store-basics', locale: 'en', title: 'Store basics', category: 'Store', body: body('How a store works.'), published: true });
    expect(edited).toMatchObject({ slug: 'store-basics', published: true });
    await expectTRPCError(visitor().get({ slug: 'secret-draft' }), 'NOT_FOUND');
    await expectTRPCError(
      editor().update({ id: draftId, slug: 'connect-mercado-livre', locale: 'en', title: 'Clash', category: 'Store', body: body('Taking a used address.'), published: true }),
      'CONFLICT',
      /already uses this address/,
    );
    await editor().setPublished({ id: draftId, published: false });
    await expectTRPCError(visitor().get({ slug: 'store-basics' }), 'NOT_FOUND');
    await editor().delete({ id: draftId });
    await expectTRPCError(editor().get({ id: draftId }), 'NOT_FOUND');
    await expectTRPCError(editor().delete({ id: draftId }), 'NOT_FOUND');

    const rows = await h.owner.platformAuditLog.findMany({ where: { targetId: draftId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual([
      'help.article_created', 'help.article_published', 'help.article_updated', 'help.article_unpublished', 'help.article_deleted',
    ]);
    expect(rows.every((r) => r.actorUserId === staff.id && r.requestId !== null)).toBe(true);
    expect(rows[2]!.data).toMatchObject({ slug: 'store-basics', previousSlug: 'secret-draft' });
  });

  it('refuses bad input beside its field, and everyone but staff', async () => {
    const error = await expectTRPCError(editor().create({ slug: 'Bad Slug', locale: 'en', title: 'x', category: 'Store', body: 'short' }), 'BAD_REQUEST');
    const issues = (error.cause as unknown as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
    expect(issues.sort()).toEqual(['body', 'slug', 'title']);
    await expectTRPCError(h.caller(seller).help.editor.setPublished({ id: 'x', published: true }), 'FORBIDDEN');
    await expectTRPCError(h.caller(null).help.editor.list(), 'UNAUTHORIZED');
  });

  it('keeps the platform audit log append-only for the application role', async () => {
    await expect(h.db.platform.platformAuditLog.updateMany({ data: { action: 'forged' } })).rejects.toThrow();
    await expect(h.db.platform.platformAuditLog.deleteMany({})).rejects.toThrow();
    expect(await h.owner.platformAuditLog.count({ where: { action: 'forged' } })).toBe(0);
  });
});

describe('excerptOf', () => {
  it('takes the first paragraph and cuts a long one at a word', () => {
    expect(excerptOf('One.\n\nTwo.')).toBe('One.');
    const long = excerptOf(`${'word '.repeat(60)}end`);
    expect(long.endsWith('word…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(181);
  });
});
