/**
 * NearestStrings must answer exactly what the rules answered before it:
 * fastest-levenshtein's `closest` (first candidate of the smallest distance),
 * kept when `distance` is within the limit.
 */
import * as assert from 'node:assert/strict';
import { closest, distance } from 'fastest-levenshtein';
import { NearestStrings } from '../../server/src/engine/text/nearest-string';
import { rng } from '../util/mutants';

function reference(query: string, candidates: string[], limit: number): string | undefined {
  if (!candidates.length) return undefined;
  const best = closest(query, candidates);
  return distance(query, best) <= limit ? best : undefined;
}

const ALPHABET = ['T', 'P', 'I', '-', '0', '1', '2', '9', 'E', 'N', '碳', '达', '峰', 'a', 'b'];

describe('NearestStrings = closest + distance within a limit', () => {
  it('agrees on 3,000 random queries over random candidate lists (repeats, empty strings, CJK)', () => {
    const r = rng(11);
    const word = (n: number) => Array.from({ length: n }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join('');
    const edit = (s: string) => {
      const i = Math.floor(r() * (s.length + 1));
      const c = ALPHABET[Math.floor(r() * ALPHABET.length)];
      switch (Math.floor(r() * 3)) {
        case 0:
          return s.slice(0, i) + c + s.slice(i);
        case 1:
          return s.slice(0, i) + s.slice(i + 1);
        default:
          return s.slice(0, i) + c + s.slice(i + 1);
      }
    };
    for (let round = 0; round < 100; round++) {
      const candidates = Array.from({ length: Math.floor(r() * 40) }, () => word(Math.floor(r() * 8)));
      if (candidates.length && r() < 0.3) candidates.push(candidates[Math.floor(r() * candidates.length)]);
      const index = new NearestStrings(candidates);
      for (let q = 0; q < 30; q++) {
        let query = candidates.length && r() < 0.7 ? candidates[Math.floor(r() * candidates.length)] : word(Math.floor(r() * 9));
        for (let e = Math.floor(r() * 4); e > 0; e--) query = edit(query);
        const limit = Math.floor(r() * 5);
        assert.equal(index.nearest(query, limit), reference(query, candidates, limit), `query ${JSON.stringify(query)} limit ${limit} in ${JSON.stringify(candidates)}`);
      }
    }
  });

  it('prefers the first of equally near candidates, and answers nothing beyond the limit', () => {
    const index = new NearestStrings(['T-ET-0302', 'T-ET-0300', 'T-BLD-0001', 'T-ET-0302']);
    assert.equal(index.nearest('T-ET-0301', 3), 'T-ET-0302');
    assert.equal(index.nearest('T-ET-03', 1), undefined);
    assert.equal(index.nearest('T-ET-03', 2), 'T-ET-0302');
    assert.equal(new NearestStrings([]).nearest('x', 5), undefined);
    assert.equal(new NearestStrings(['', 'ab']).nearest('a', 1), '');
  });

  it('agrees on 2,000 near misses among 10,000 sequential IDs (the shape of a plan with a file missing)', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `T-ENERGY-${String(i * 2).padStart(5, '0')}`);
    const index = new NearestStrings(ids);
    for (let i = 0; i < 2_000; i++) {
      const query = `T-ENERGY-${String(i * 2 + 1).padStart(5, '0')}`;
      assert.equal(index.nearest(query, 4), reference(query, ids, 4));
    }
  });

  it('a query far longer than every candidate is answered at once: no candidate can be within the limit (the fuzz suite found an 80,000-character reference that took minutes)', () => {
    const ids = new NearestStrings(['T-1', 'T-2', 'IND-10', 'P']);
    const long = 'T-1' + 'x'.repeat(80_000);
    assert.equal(ids.nearest(long, Math.floor(long.length / 3)), undefined);
    assert.equal(reference('T-1xx', ['T-1', 'T-2'], 2), ids.nearest('T-1xx', 2));
    // The distance is at least the difference in length: just within it, and just past it.
    assert.equal(new NearestStrings(['ABCDEF']).nearest('ABCDEFGH', 2), 'ABCDEF');
    assert.equal(new NearestStrings(['ABCDEF']).nearest('ABCDEFGHI', 2), undefined);
    assert.equal(new NearestStrings(['ABCDEFGH']).nearest('AB', 6), 'ABCDEFGH');
  });
});
