import { describe, expect, it } from 'vitest';
import { countCachedVisit, flushVisits } from './visits.ts';

describe('cached visits', () => {
  it('writes one batch per store, and puts back what a failed write could not store', async () => {
    for (let i = 0; i < 3; i += 1) countCachedVisit('A');
    countCachedVisit('B');
    const written: [string, number][] = [];
    await flushVisits(async (tenantId, n) => {
      if (tenantId === 'B') throw new Error('database down');
      written.push([tenantId, n]);
    });
    expect(written).toEqual([['A', 3]]);
    countCachedVisit('B');
    await flushVisits(async (tenantId, n) => void written.push([tenantId, n]));
    expect(written).toEqual([['A', 3], ['B', 2]]);
    await flushVisits(async (tenantId, n) => void written.push([tenantId, n]));
    expect(written).toHaveLength(2);
  });
});
