/**
 * "Did you mean …?" over many IDs: the candidate nearest a string by
 * Levenshtein distance, within a limit.
 *
 * The answer is exactly fastest-levenshtein's `closest` (the first candidate,
 * in the order given, of the smallest distance) kept only when that distance
 * is within the limit. But `closest` measures every candidate: a plan with a
 * deleted file has thousands of unresolved references against ten thousand
 * IDs, which took seconds. Here the candidates share a prefix tree, searched
 * with one row of the distance table per tree level and cut off wherever the
 * row exceeds the bound; the bound starts at 0 and grows to the limit, so the
 * usual answer (one typo away) is found after a look at a few branches.
 */

interface TrieNode {
  children: Map<number, TrieNode>;
  /** Position among the candidates of the first one spelled by this node, or -1. */
  first: number;
}

const node = (): TrieNode => ({ children: new Map(), first: -1 });

export class NearestStrings {
  private readonly root = node();
  private readonly candidates: string[] = [];
  private depth = 0;
  // A missing ID is often referenced from many places: each is looked up once.
  private readonly answers = new Map<string, string | undefined>();

  constructor(candidates: Iterable<string>) {
    for (const c of candidates) {
      const index = this.candidates.push(c) - 1;
      let n = this.root;
      for (let i = 0; i < c.length; i++) {
        const code = c.charCodeAt(i);
        let next = n.children.get(code);
        if (!next) n.children.set(code, (next = node()));
        n = next;
      }
      if (n.first < 0) n.first = index; // a repeated candidate never wins over its first occurrence
      if (c.length > this.depth) this.depth = c.length;
    }
  }

  /** The first candidate at the smallest distance from `query`, if that distance is at most `limit`. */
  nearest(query: string, limit: number): string | undefined {
    const key = `${limit}\0${query}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.search(query, limit);
    this.answers.set(key, answer);
    return answer;
  }

  private search(query: string, limit: number): string | undefined {
    // No candidate is nearer than the difference in length: a query far longer than every candidate
    // (a broken file's reference can be a whole paragraph) is answered without a search as long as it.
    const least = query.length - this.depth;
    if (least > limit) return undefined;
    const width = query.length + 1;
    // One row per tree level, made once per query: row d holds the distances from the
    // first d characters of a candidate to every prefix of the query.
    const rows: Int32Array[] = [];
    for (let d = 0; d <= this.depth; d++) rows.push(new Int32Array(width));
    for (let i = 0; i < width; i++) rows[0][i] = i;
    for (let bound = Math.max(0, least); bound <= limit; bound++) {
      let best = -1;
      const walk = (n: TrieNode, level: number) => {
        const prev = rows[level];
        const row = rows[level + 1];
        for (const [code, child] of n.children) {
          row[0] = prev[0] + 1;
          let least = row[0];
          for (let i = 1; i < width; i++) {
            const sub = prev[i - 1] + (query.charCodeAt(i - 1) === code ? 0 : 1);
            const v = Math.min(sub, prev[i] + 1, row[i - 1] + 1);
            row[i] = v;
            if (v < least) least = v;
          }
          if (child.first >= 0 && row[width - 1] <= bound && (best < 0 || child.first < best)) best = child.first;
          if (least <= bound) walk(child, level + 1);
        }
      };
      if (query.length <= bound && this.root.first >= 0) best = this.root.first; // the empty candidate
      walk(this.root, 0);
      // Nothing was within bound - 1, so everything found is at exactly `bound`: the first of them wins.
      if (best >= 0) return this.candidates[best];
    }
    return undefined;
  }
}
