/** Lowercase without diacritics ("Câmera Sem Fio" → "camera sem fio"): how search text is stored and queried. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded, each matched as a substring (LIKE wildcards escaped). */
export function searchPatterns(q: string): string[] {
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
}
