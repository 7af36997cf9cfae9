import { Prisma, type TenantDb } from '@vitrine/db';

/** A word of the query and the store's own words it may have been meant as (typos), best first. */
export interface SearchWord {
  word: string;
  /** Title words or SKUs of the store's published products similar to `word` (empty when `word` itself is known). */
  alternatives: string[];
}

/** At most this many words of a query count (the rest is ignored). */
export const MAX_WORDS = 6;
/** A word this short is matched as typed (trigrams of shorter words match almost anything). */
const MIN_FUZZY_LENGTH = 4;
const ALTERNATIVES_PER_WORD = 3;

/**
 * The query folded by the database exactly as the stored words are (lowercase, no accents) and cut into words.
 * A word that starts no title word or SKU of a published product gets the store's most similar words as
 * alternatives (pg_trgm `%`, threshold 0.3): "camista" → "camiseta". Words known as typed get none, which keeps
 * the trigram lookup for the queries that need it.
 */
export async function searchWords(tdb: TenantDb, query: string): Promise<SearchWord[]> {
  if (!query.trim()) return [];
  const rows = await tdb.$scopedRaw<{ word: string; alternatives: string[] | null }[]>(Prisma.sql`
    WITH words AS (
      SELECT w.word COLLATE "C" AS word, min(w.ord) AS ord
        FROM regexp_split_to_table(catalog_fold(${query}), '[^a-z0-9]+') WITH ORDINALITY AS w(word, ord)
       WHERE w.word <> ''
       GROUP BY 1
       ORDER BY min(w.ord)
       LIMIT ${MAX_WORDS}
    )
    SELECT words.word,
           CASE WHEN length(words.word) < ${MIN_FUZZY_LENGTH} OR EXISTS (
                  SELECT 1 FROM product_search_terms t
                    JOIN products p ON p.tenant_id = t.tenant_id AND p.id = t.product_id
                   WHERE t.term >= words.word AND t.term < words.word || chr(1114111)
                     AND p.status = 'ACTIVE' AND p.archived_at IS NULL)
                THEN NULL
                ELSE ARRAY(
                  SELECT near.term FROM (SELECT DISTINCT t.term FROM product_search_terms t WHERE t.term % words.word) near
                   WHERE near.term ~ '^[a-z0-9]+$'
                     AND EXISTS (
                       SELECT 1 FROM product_search_terms t
                         JOIN products p ON p.tenant_id = t.tenant_id AND p.id = t.product_id
                        WHERE t.term = near.term AND p.status = 'ACTIVE' AND p.archived_at IS NULL)
                   ORDER BY similarity(near.term, words.word) DESC, near.term
                   LIMIT ${ALTERNATIVES_PER_WORD})
           END AS alternatives
      FROM words
     ORDER BY words.ord`);
  return rows.map((r) => ({ word: r.word, alternatives: r.alternatives ?? [] }));
}

/**
 * The full-text queries for these words (to_tsquery syntax; words are [a-z0-9]+ only, so nothing needs quoting):
 * `strict` has the words as typed, `full` lets each word be one of its alternatives. Every word must match; the
 * last one also as the start of a longer word ("cami" finds "camiseta"), since people search as they type.
 */
export function tsqueriesOf(words: readonly SearchWord[]): { strict: string; full: string } | null {
  if (words.length === 0) return null;
  const last = words.length - 1;
  const typed = (w: SearchWord, i: number) => (i === last ? `${w.word}:*` : w.word);
  return {
    strict: words.map(typed).join(' & '),
    full: words.map((w, i) => (w.alternatives.length ? `(${[typed(w, i), ...w.alternatives].join(' | ')})` : typed(w, i))).join(' & '),
  };
}

/** "Did you mean": the query with each unknown word replaced by its best alternative; null when nothing changes. */
export function suggestionOf(words: readonly SearchWord[]): string | null {
  if (!words.some((w) => w.alternatives.length)) return null;
  return words.map((w) => w.alternatives[0] ?? w.word).join(' ');
}
