/**
 * dependency-cycle: tasks whose `dependsOn` form a cycle, reported on each
 * `dependsOn` reference that lies on one (a task depending on itself included).
 *
 * The graph's nodes are task IDs (every definition of a duplicated ID adds its
 * edges to the same node); references to IDs that are not tasks are left to
 * unresolved-reference and reference-kind. Strongly connected components come
 * from an iterative Tarjan (plans can hold thousands of tasks: no recursion);
 * an edge lies on a cycle iff both its ends are in the same component.
 *
 * Quick fix (data.fixes): remove the reported `dependsOn` entry, which breaks
 * the cycle through it (the key goes with its last entry).
 */
import { defineMessages, msg, type LocalText, type Message } from '../i18n/messages';
import type { PlanReference } from '../plan/plan-view';
import { MAX_RELATED, type RuleFix, type Span } from '../findings';
import type { Rule } from './rule';

defineMessages({
  'dependency-cycle': {
    en: 'Task `{from}` depends on `{to}`, which in turn depends on `{from}`: {path}. Tasks in a dependency cycle can never start: remove one of these `dependsOn` entries.',
    zh: '任务 `{from}` 依赖 `{to}`，而 `{to}` 又依赖回 `{from}`，形成循环依赖：{path}。处于循环依赖中的任务都无法启动，请删除其中一项 `dependsOn`。',
  },
  'dependency-cycle.self': {
    en: 'Task `{id}` depends on itself. Remove `{id}` from its own `dependsOn`.',
    zh: '任务 `{id}` 依赖其自身。请从它自己的 `dependsOn` 中删除 `{id}`。',
  },
  'dependency-cycle.related': { en: '`{from}` depends on `{to}` here', zh: '`{from}` 在此依赖 `{to}`' },
  'dependency-cycle.fix.remove': { en: 'Remove `{to}` from the `dependsOn` of `{from}`', zh: '从 `{from}` 的 `dependsOn` 中删除 `{to}`' },
});

function removeFix(ref: PlanReference, from: string): RuleFix[] {
  return [{ title: msg('dependency-cycle.fix.remove', { from, to: ref.id }), changes: [{ op: 'remove', path: ref.path }] }];
}

/** Shortest-path searches per edge while they cost less than this (node visits); beyond, a cheaper walk. */
const BFS_BUDGET = 2_000_000;
/** Nodes of a cycle shown in a message before the middle is elided. */
const SHOW_HEAD = 6;
const SHOW_TAIL = 3;

/** Strongly connected components, iteratively: comp[v] is v's component number. */
export function stronglyConnected(adj: readonly (readonly number[])[]): Int32Array {
  const n = adj.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  let counter = 0;
  let comps = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    frameNode.push(s);
    frameEdge.push(0);
    while (frameNode.length) {
      const top = frameNode.length - 1;
      const v = frameNode[top];
      const i = frameEdge[top];
      if (i < adj[v].length) {
        frameEdge[top] = i + 1;
        const w = adj[v][i];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frameNode.push(w);
          frameEdge.push(0);
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      frameNode.pop();
      frameEdge.pop();
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
      if (frameNode.length) {
        const u = frameNode[frameNode.length - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return comp;
}

/**
 * Whether the edges from[k] → to[k] over nodes 0..n-1 form a cycle (a node
 * depending on itself counts): Kahn's algorithm, in typed arrays only. Nearly
 * every plan has none, and finding that out this way skips the per-node lists,
 * maps and components that describing a cycle needs.
 */
export function hasCycle(n: number, from: Int32Array, to: Int32Array): boolean {
  const start = new Int32Array(n + 1); // node x's edges: next[start[x] .. start[x + 1])
  for (let k = 0; k < from.length; k++) start[from[k] + 1]++;
  for (let x = 0; x < n; x++) start[x + 1] += start[x];
  const fill = start.slice(0, n);
  const next = new Int32Array(from.length);
  const waiting = new Int32Array(n); // edges into x not yet removed
  for (let k = 0; k < from.length; k++) {
    next[fill[from[k]]++] = to[k];
    waiting[to[k]]++;
  }
  const queue = new Int32Array(n);
  let tail = 0;
  for (let x = 0; x < n; x++) if (waiting[x] === 0) queue[tail++] = x;
  for (let head = 0; head < tail; head++) {
    const x = queue[head];
    for (let e = start[x]; e < start[x + 1]; e++) if (--waiting[next[e]] === 0) queue[tail++] = next[e];
  }
  return tail < n; // the nodes never freed are on a cycle or after one
}

/**
 * A cycle through one edge, as much of it as a finding shows: u, v, …, u.
 * `head` holds its first nodes, `tail` its last ones, `length` counts nodes
 * with u twice; when the cycle is short, head is all of it and tail is empty.
 */
interface CycleSummary {
  head: number[];
  tail: number[];
  length: number;
}

/** "A → B → … (5 more) … → Y → A" in both languages. */
function pathArg(c: CycleSummary, ids: readonly string[]): LocalText {
  const names = (nodes: readonly number[]) => nodes.map((x) => ids[x]).join(' → ');
  if (!c.tail.length) {
    const s = names(c.head);
    return { en: s, zh: s };
  }
  const head = names(c.head.slice(0, SHOW_HEAD));
  const tail = names(c.tail);
  const more = c.length - SHOW_HEAD - c.tail.length;
  return { en: `${head} → … (${more} more) … → ${tail}`, zh: `${head} → …（另 ${more} 个任务）… → ${tail}` };
}

export const dependencyCycle: Rule = {
  code: 'dependency-cycle',
  defaultSeverity: 'error',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'Task dependencies (`dependsOn`) that form a cycle', zh: '任务依赖（`dependsOn`）形成循环' },
  checkPlan(ctx) {
    const { plan } = ctx;
    // The graph holds only tasks at either end of a dependsOn between tasks: a plan of
    // thousands of tasks has far fewer in dependencies, and only those can form a cycle.
    // Nodes are numbered as the references first name them (plan order), one lookup each.
    const ids: string[] = [];
    const node = new Map<string, number>();
    const nodeOf = (id: string): number => {
      let x = node.get(id);
      if (x === undefined) {
        x = ids.length;
        node.set(id, x);
        ids.push(id);
      }
      return x;
    };
    const deps: PlanReference[] = [];
    const { references: refs, targets } = plan;
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k];
      // `from` is a task entry, so its ID (when it has one) is a task's; the target must be one too.
      if (ref.field !== 'dependsOn' || ref.from.kind !== 'task' || !ref.from.id || !ref.id) continue;
      for (const d of targets[k]) {
        if (d.kind !== 'task') continue;
        deps.push(ref);
        break;
      }
    }
    if (!deps.length) return;
    // Each reference's edge, as two node numbers (typed arrays: a big plan has thousands, and most checks find no cycle).
    const from = new Int32Array(deps.length);
    const to = new Int32Array(deps.length);
    for (let k = 0; k < deps.length; k++) {
      from[k] = nodeOf(deps[k].from.id);
      to[k] = nodeOf(deps[k].id);
    }
    if (!hasCycle(ids.length, from, to)) return;
    // Edges, each with the first reference that states it.
    const adj: number[][] = ids.map(() => []);
    const firstRef = new Map<number, PlanReference>(); // key u * n + v
    const n = ids.length;
    for (let k = 0; k < deps.length; k++) {
      const key = from[k] * n + to[k];
      if (firstRef.has(key)) continue;
      firstRef.set(key, deps[k]);
      adj[from[k]].push(to[k]);
    }
    const comp = stronglyConnected(adj);

    // Per component on a cycle: its size and edge count, to choose how to find paths.
    const compNodes = new Map<number, number[]>();
    const compEdges = new Map<number, number>();
    for (let k = 0; k < deps.length; k++) {
      const u = from[k];
      const v = to[k];
      if (comp[u] !== comp[v] || u === v) continue;
      compEdges.set(comp[u], (compEdges.get(comp[u]) ?? 0) + 1);
    }
    if (!compEdges.size && !deps.some((_, k) => from[k] === to[k])) return; // no cycle, not even a task depending on itself
    for (let x = 0; x < n; x++) {
      if (!compEdges.has(comp[x])) continue;
      const list = compNodes.get(comp[x]);
      if (list) list.push(x);
      else compNodes.set(comp[x], [x]);
    }

    // Scratch arrays shared by the searches: no allocation per edge, even in a component of thousands.
    const stamp = new Int32Array(n);
    const prev = new Int32Array(n);
    const pos = new Int32Array(n);
    const seq = new Int32Array(2 * n + 1);
    const out = new Int32Array(n + 1);
    let epoch = 0;

    /** Shortest path from `from` to `to` inside component c, into `out`; returns its length. */
    const bfs = (from: number, to: number, c: number): number => {
      epoch++;
      const queue = [from];
      stamp[from] = epoch;
      prev[from] = -1;
      for (let qi = 0; qi < queue.length; qi++) {
        const x = queue[qi];
        if (x === to) break;
        for (const y of adj[x]) {
          if (stamp[y] === epoch || comp[y] !== c) continue;
          stamp[y] = epoch;
          prev[y] = x;
          queue.push(y);
        }
      }
      let len = 0;
      for (let x = to; x !== -1; x = prev[x]) seq[len++] = x;
      for (let i = 0; i < len; i++) out[i] = seq[len - 1 - i];
      return len;
    };

    /** For large components: BFS trees from one root, forward and backward, built once per component. */
    const fwdParent = new Int32Array(n).fill(-1); // root ⇝ x: x's parent
    const backNext = new Int32Array(n).fill(-1); // x ⇝ root: the next node
    const roots = new Map<number, number>();
    const rootOf = (c: number): number => {
      const known = roots.get(c);
      if (known !== undefined) return known;
      const members = compNodes.get(c)!;
      const root = members[0];
      const radj = new Map<number, number[]>();
      for (const x of members) {
        for (const y of adj[x]) {
          if (comp[y] !== c) continue;
          const l = radj.get(y);
          if (l) l.push(x);
          else radj.set(y, [x]);
        }
      }
      const search = (next: (x: number) => readonly number[], link: Int32Array) => {
        epoch++;
        stamp[root] = epoch;
        const queue = [root];
        for (let qi = 0; qi < queue.length; qi++) {
          for (const y of next(queue[qi])) {
            if (comp[y] !== c || stamp[y] === epoch) continue;
            stamp[y] = epoch;
            link[y] = queue[qi];
            queue.push(y);
          }
        }
      };
      search((x) => adj[x], fwdParent);
      search((x) => radj.get(x) ?? [], backNext);
      roots.set(c, root);
      return root;
    };

    /** A simple path from `from` to `to` inside component c, via the component's root, into `out`; returns its length. */
    const walk = (from: number, to: number, c: number): number => {
      const root = rootOf(c);
      let len = 0;
      for (let x = from; ; x = backNext[x]) {
        seq[len++] = x; // from ⇝ root
        if (x === root) break;
      }
      const mid = len;
      for (let x = to; x !== root; x = fwdParent[x]) seq[len++] = x; // to ⇝ root, backwards
      seq.subarray(mid, len).reverse(); // root ⇝ to
      // Stop at the first arrival at `to`, erasing loops on the way: a simple path remains.
      epoch++;
      let m = 0;
      for (let i = 0; i < len; i++) {
        const x = seq[i];
        const at = pos[x];
        if (stamp[x] === epoch && at < m && out[at] === x) m = at + 1;
        else {
          stamp[x] = epoch;
          pos[x] = m;
          out[m++] = x;
        }
        if (x === to) break;
      }
      return m;
    };

    const keepHead = Math.max(SHOW_HEAD, MAX_RELATED + 1);
    const summaries = new Map<number, CycleSummary>();
    /** The cycle through edge u → v (u ≠ v): u, v, …, u. */
    const cycleThrough = (u: number, v: number): CycleSummary => {
      const key = u * n + v;
      const known = summaries.get(key);
      if (known) return known;
      const c = comp[u];
      const size = compNodes.get(c)?.length ?? 0;
      const edges = compEdges.get(c) ?? 0;
      const len = edges * (size + edges) <= BFS_BUDGET ? bfs(v, u, c) : walk(v, u, c);
      // The cycle is u followed by out[0..len) (v … u).
      const length = len + 1;
      const at = (i: number) => (i === 0 ? u : out[i - 1]);
      const full = length <= SHOW_HEAD + SHOW_TAIL + 1;
      const summary: CycleSummary = {
        head: Array.from({ length: full ? length : Math.min(keepHead, length) }, (_, i) => at(i)),
        tail: full ? [] : Array.from({ length: SHOW_TAIL }, (_, i) => at(length - SHOW_TAIL + i)),
        length,
      };
      summaries.set(key, summary);
      return summary;
    };

    const spans = new Map<PlanReference, Span | undefined>();
    const spanOf = (ref: PlanReference): Span | undefined => {
      if (spans.has(ref)) return spans.get(ref);
      const span = plan.file(ref.file)?.parsed.span(ref.path, 'value');
      spans.set(ref, span);
      return span;
    };

    for (let e = 0; e < deps.length; e++) {
      const ref = deps[e];
      const u = from[e];
      const v = to[e];
      if (comp[u] !== comp[v]) continue;
      const file = plan.file(ref.file);
      if (!file) continue;
      const span = spanOf(ref) ?? { start: 0, end: 0 };
      if (u === v) {
        ctx.report({ file: ref.file, span, message: msg('dependency-cycle.self', { id: ids[u] }), data: { path: ref.path, fixes: removeFix(ref, ids[u]) } });
        continue;
      }
      const cycle = cycleThrough(u, v);
      const related: { file: string; span: Span; message: Message }[] = [];
      // The cycle's other references, in its order (the first MAX_RELATED of them).
      for (let k = 1; k + 1 < cycle.head.length && related.length < MAX_RELATED; k++) {
        const other = firstRef.get(cycle.head[k] * n + cycle.head[k + 1]);
        const otherSpan = other && spanOf(other);
        if (other && otherSpan) {
          related.push({ file: other.file, span: otherSpan, message: msg('dependency-cycle.related', { from: ids[cycle.head[k]], to: ids[cycle.head[k + 1]] }) });
        }
      }
      ctx.report({
        file: ref.file,
        span,
        message: msg('dependency-cycle', { from: ids[u], to: ids[v], path: pathArg(cycle, ids) }),
        data: { path: ref.path, related, fixes: removeFix(ref, ids[u]) },
      });
    }
  },
};
