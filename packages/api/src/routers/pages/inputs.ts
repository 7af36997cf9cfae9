import { z } from 'zod';

/** The institutional pages every store is offered; any other slug is a custom page. */
export const STANDARD_PAGES = ['about', 'returns', 'privacy'] as const;

export const pageSlugSchema = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters for the page address')
  .max(60, 'Use at most 60 characters for the page address')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens for the page address, like "shipping-times"');

export const pageSlugInput = z.object({ slug: pageSlugSchema });
export type PageSlugInput = z.infer<typeof pageSlugInput>;

export const savePageInput = z.object({
  slug: pageSlugSchema,
  title: z.string().trim().min(1, 'Give the page a title').max(120, 'Use at most 120 characters for the title'),
  /** Plain text: blank lines separate paragraphs; links as https://… or [words](https://…). */
  body: z.string().max(20_000, 'Keep the page under 20,000 characters').default(''),
  published: z.boolean().default(true),
});
export type SavePageInput = z.infer<typeof savePageInput>;
