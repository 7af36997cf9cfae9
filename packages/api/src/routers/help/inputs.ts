import { z } from 'zod';
import { idSchema, itemSlugSchema } from '../../lib/schemas.ts';

/** The languages the help center is written in (the web app's languages). */
export const HELP_LOCALES = ['en', 'pt-BR'] as const;
export const helpLocaleSchema = z.enum(HELP_LOCALES, { message: 'Choose the language: en or pt-BR' });

export const helpListInput = z.object({
  locale: helpLocaleSchema,
  search: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
});
export type HelpListInput = z.infer<typeof helpListInput>;

export const helpSlugInput = z.object({ slug: z.string().trim().min(1, 'An address is required').max(80, 'This address is too long') });
export type HelpSlugInput = z.infer<typeof helpSlugInput>;

export const articleFields = z.object({
  slug: itemSlugSchema,
  locale: helpLocaleSchema,
  title: z.string().trim().min(3, 'Write a title of at least 3 characters').max(150, 'Keep the title under 150 characters'),
  category: z.string().trim().min(2, 'Name a category (at least 2 characters)').max(60, 'Keep the category under 60 characters'),
  body: z.string().trim().min(20, 'Write the article (at least 20 characters)').max(50_000, 'Keep the article under 50,000 characters'),
  published: z.boolean().default(false),
});

export const createArticleInput = articleFields;
export type CreateArticleInput = z.infer<typeof createArticleInput>;

export const updateArticleInput = articleFields.extend({ id: idSchema });
export type UpdateArticleInput = z.infer<typeof updateArticleInput>;

export const articleIdInput = z.object({ id: idSchema });
export type ArticleIdInput = z.infer<typeof articleIdInput>;

export const publishArticleInput = z.object({ id: idSchema, published: z.boolean() });
export type PublishArticleInput = z.infer<typeof publishArticleInput>;
