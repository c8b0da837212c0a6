/**
 * The server's answer to pilotPlan/planTree, read leniently (no `vscode` here): plans, groups and
 * entities of the right shape kept, anything else dropped, counts as counts.
 */
import { count, type PlanTreeCounts, type PlanTreeEntityNode, type PlanTreeGroupNode, type PlanTreePlanNode, type PlanTreeResult } from './protocol';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** More would be a server gone wrong, not a plan: a tree shows what a person can read. */
const MAX_NODES = 50_000;

function counts(v: unknown): PlanTreeCounts {
  const c = obj(v) ?? {};
  return { errors: count(c.errors), warnings: count(c.warnings), infos: count(c.infos) };
}

function position(v: unknown): { line: number; character: number } | undefined {
  const p = obj(v);
  return p && Number.isSafeInteger(p.line) && Number.isSafeInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0
    ? { line: p.line as number, character: p.character as number }
    : undefined;
}

export function readPlanTreeResult(raw: unknown): PlanTreeResult {
  let budget = MAX_NODES;
  const entity = (v: unknown): PlanTreeEntityNode[] => {
    const e = obj(v);
    const id = str(e?.id);
    const uri = str(e?.uri);
    const range = obj(e?.range);
    const start = position(range?.start);
    const end = position(range?.end);
    if (!e || !id || !uri || !start || !end || budget-- <= 0) return [];
    return [{ id, kind: str(e.kind) ?? '', label: str(e.label) || id, facts: list(e.facts).filter((f): f is string => typeof f === 'string').slice(0, 20), uri, range: { start, end }, counts: counts(e.counts) }];
  };
  const group = (v: unknown, depth: number): PlanTreeGroupNode[] => {
    const g = obj(v);
    const key = str(g?.key);
    if (!g || !key || depth > 4 || budget-- <= 0) return [];
    return [{ key, label: str(g.label) || key, kind: str(g.kind) ?? '', counts: counts(g.counts), groups: list(g.groups).flatMap((x) => group(x, depth + 1)), entities: list(g.entities).flatMap(entity) }];
  };
  const plans: PlanTreePlanNode[] = [];
  for (const v of list(obj(raw)?.plans)) {
    const p = obj(v);
    const root = str(p?.root);
    if (!p || !root) continue;
    plans.push({ root, ...(str(p.rootUri) ? { rootUri: str(p.rootUri) } : {}), planId: str(p.planId) ?? null, label: str(p.label) || str(p.planId) || root, checked: p.checked === true, counts: counts(p.counts), groups: list(p.groups).flatMap((x) => group(x, 0)) });
  }
  return { plans };
}

/** The highest severity among counts, or undefined for none. */
export function highest(c: PlanTreeCounts): 'error' | 'warning' | 'info' | undefined {
  return c.errors ? 'error' : c.warnings ? 'warning' : c.infos ? 'info' : undefined;
}
