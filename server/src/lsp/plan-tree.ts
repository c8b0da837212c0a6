/**
 * pilotPlan/planTree: the engine's plan tree (engine/editor/plan-tree.ts) of every plan under
 * the workspace folders and of the open documents, with LSP ranges. Counts come from each
 * plan's last check; a plan not checked yet is checked now, and its tree-changed notification
 * brings the counts.
 */
import { planTree, type PlanTreeGroup } from '../engine/editor/plan-tree';
import type { ServerContext } from './context';
import { toRange } from './convert';
import type { PlanTreeGroupNode, PlanTreeParams, PlanTreePlanNode, PlanTreeResult } from './protocol';
import { pilotFilesUnder } from './workspace-check';

/** The plan folders the last walk found, until the folders or the structure of plans change. */
const found = new WeakMap<ServerContext, { folders: string; version: number; roots: string[] }>();

function workspacePlanRoots(ctx: ServerContext): string[] {
  const folders = ctx.folders.join('\0');
  const version = ctx.diagnostics.structureVersion;
  const cached = found.get(ctx);
  if (cached && cached.folders === folders && cached.version === version) return cached.roots;
  const roots = new Set<string>();
  for (const f of pilotFilesUnder(ctx, ctx.folders, ctx.maxWorkspaceFiles).files) {
    const root = ctx.session.planRootOf(f);
    if (root) roots.add(root);
  }
  const list = [...roots];
  found.set(ctx, { folders, version, roots: list });
  return list;
}

export function planTreeOf(ctx: ServerContext, params: PlanTreeParams | null | undefined): PlanTreeResult {
  const { session, diagnostics } = ctx;
  const roots = new Set(workspacePlanRoots(ctx));
  for (const p of session.open.keys()) {
    if (session.isConfig(p)) continue;
    const root = session.planRootOf(p);
    if (root) roots.add(root);
  }
  const active = params?.activeUri ? session.planRootOf(session.pathOf(params.activeUri)) : undefined;
  const ordered = [...roots].sort((a, b) => Number(b === active) - Number(a === active) || a.localeCompare(b));
  const tasksBy = params?.tasksBy === 'lead' ? 'lead' : 'area';
  const plans: PlanTreePlanNode[] = [];
  for (const root of ordered) {
    const state = session.stateOf(root);
    // The files changed since the last check are read now: the tree shows the text as it is.
    if (state.dirty.size && session.sync(state)) {
      diagnostics.structureChanged();
      continue;
    }
    const findings = diagnostics.lastFindings.get(root);
    if (!findings && !diagnostics.pending(root)) diagnostics.schedule(state, 0);
    const tree = planTree(session.editorPlan(state), findings, ctx.locale, tasksBy);
    const group = (g: PlanTreeGroup): PlanTreeGroupNode => ({
      key: g.key,
      label: g.label,
      kind: g.kind,
      counts: g.counts,
      groups: g.groups.map(group),
      entities: g.entities.flatMap((e) => {
        const m = state.index.file(e.file);
        if (!m) return [];
        return [{ id: e.id, kind: e.kind, label: e.label, facts: e.facts, uri: session.uriOf(e.file), range: toRange(m.parsed.lines, e.span), counts: e.counts }];
      }),
    });
    plans.push({ root, rootUri: session.uriOf(root), planId: tree.planId ?? null, label: tree.label, checked: !!findings, counts: tree.counts, groups: tree.groups.map(group) });
  }
  return { plans };
}
