import { z } from 'zod';
import { ITEM_SLUG } from './slugify.ts';

/** Shared input pieces, each with a message a person understands. */
export const idSchema = z.string().trim().min(1, 'An id is required').max(64, 'This id is too long');
export const localeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a locale like pt-BR or en');
/** The languages a storefront can be offered in. */
export const STORE_LOCALES = ['pt-BR', 'en', 'es'] as const;
export const storeLocaleSchema = z.enum(STORE_LOCALES, { message: 'Choose among pt-BR, en and es' });
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like BRL or USD');
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code like BR or US');
export const hexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1a2b3c');
export const itemSlugSchema = z
  .string()
  .trim()
  .min(1, 'The address cannot be empty')
  .max(80, 'Use at most 80 characters for the address')
  .regex(ITEM_SLUG, 'Use lowercase letters, digits and single hyphens for the address');
export const limitSchema = z.number().int().min(1, 'Ask for at least 1 item').max(100, 'Ask for at most 100 items at a time');
