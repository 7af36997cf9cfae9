import type { Prisma } from '@vitrine/db';
import { notFound } from '../../errors.ts';
import type { Context } from '../../context.ts';
import type { HelpListInput, HelpSlugInput } from './inputs.ts';

/** The public help center: published articles only, in the visitor's language. */

const NOT_FOUND = 'There is no help article at this address.';
const EXCERPT_LENGTH = 180;

/** The article's first paragraph, cut at a word near EXCERPT_LENGTH characters. */
export function excerptOf(body: string): string {
  const first = body.trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ') ?? '';
  if (first.length <= EXCERPT_LENGTH) return first;
  const cut = first.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : EXCERPT_LENGTH)}…`;
}

/** Every word of the search must appear in the title, the category or the text. */
function searchWhere(search: string | undefined): Prisma.HelpArticleWhereInput[] {
  const words = (search ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  return words.map((word) => ({
    OR: [
      { title: { contains: word, mode: 'insensitive' } },
      { category: { contains: word, mode: 'insensitive' } },
      { body: { contains: word, mode: 'insensitive' } },
    ],
  }));
}

export async function listHelpArticles(ctx: Pick<Context, 'db'>, input: HelpListInput) {
  const rows = await ctx.db.platform.helpArticle.findMany({
    where: { locale: input.locale, published: true, AND: searchWhere(input.search) },
    orderBy: [{ category: 'asc' }, { title: 'asc' }],
    take: 200,
    select: { slug: true, title: true, category: true, body: true, updatedAt: true },
  });
  return { articles: rows.map(({ body, ...a }) => ({ ...a, excerpt: excerptOf(body) })) };
}

export async function getHelpArticle(ctx: Pick<Context, 'db'>, input: HelpSlugInput) {
  const article = await ctx.db.platform.helpArticle.findFirst({
    where: { slug: input.slug, published: true },
    select: { slug: true, locale: true, title: true, category: true, body: true, updatedAt: true },
  });
  if (!article) throw notFound(NOT_FOUND);
  return article;
}
