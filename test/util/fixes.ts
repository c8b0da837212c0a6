/**
 * Quick fixes in the engine, as the language server computes them, over an
 * in-memory tree: check every file (whole models, findings with their data),
 * ask for a finding's fixes, apply a fix's edits (and file move) to the texts,
 * and check again.
 */
import * as nodePath from 'node:path';
import * as fs from 'node:fs';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { groupByPlan } from '../../server/src/engine/checker';
import { checkPlan } from '../../server/src/engine/run-rules';
import type { Finding } from '../../server/src/engine/findings';
import type { EditorPlan } from '../../server/src/engine/editor/context';
import { quickFixes, type QuickFix } from '../../server/src/engine/editor/quick-fixes';
import type { FileModel } from '../../server/src/engine/plan/model';
import type { Locale } from '../../server/src/engine/i18n/messages';

export type Tree = Record<string, string>;

export interface Checked {
  /** Every finding of every pilot file, by absolute path. */
  findings: Map<string, Finding[]>;
  plans: Map<string, EditorPlan>;
  models: Map<string, FileModel>;
}

const isPilot = (p: string) => /\.pilot\.ya?ml$/.test(p);

export function checkTree(tree: Tree): Checked {
  const ws = new Workspace(new MemoryFileHost(tree));
  const files = Object.keys(tree).filter(isPilot).sort();
  const findings = new Map<string, Finding[]>();
  const plans = new Map<string, EditorPlan>();
  const models = new Map<string, FileModel>();
  for (const g of groupByPlan(ws, files)) {
    const index = ws.buildPlan(g.root, g.root ? undefined : g.files[0]);
    const plan: EditorPlan = { root: g.root, index, lastGood: () => undefined };
    for (const [path, f] of checkPlan(index, index.files.filter((m) => g.files.includes(m.path)))) {
      findings.set(path, f);
      plans.set(path, plan);
      models.set(path, index.file(path) as FileModel);
    }
  }
  return { findings, plans, models };
}

/** The quick fixes of a finding, the silencing one left out unless asked for. */
export function fixesOf(c: Checked, f: Finding, locale: Locale = 'en', disable = false): QuickFix[] {
  return quickFixes(c.plans.get(f.file)!, c.models.get(f.file)!, { code: f.code, span: f.span, data: f.data }, locale, { disable });
}

/** The tree after a fix: its edits applied (each file's from the end), its file moved. */
export function applyFix(tree: Tree, fix: QuickFix): Tree {
  const out = { ...tree };
  const byFile = new Map<string, QuickFix['edits']>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    let t = out[file];
    if (t === undefined) throw new Error(`no file ${file}`);
    for (const e of [...edits].sort((a, b) => b.start - a.start)) t = t.slice(0, e.start) + e.newText + t.slice(e.end);
    out[file] = t;
  }
  if (fix.moveTo) {
    out[fix.moveTo.to] = out[fix.moveTo.from];
    delete out[fix.moveTo.from];
  }
  return out;
}

/** Errors per code over the whole tree. */
export function errorCounts(c: Checked): Map<string, number> {
  const out = new Map<string, number>();
  for (const fs of c.findings.values()) for (const f of fs) if (f.severity === 'error') out.set(f.code, (out.get(f.code) ?? 0) + 1);
  return out;
}

/** Findings of one code in one file (moved files followed). */
export function countIn(c: Checked, file: string, code: string): number {
  return (c.findings.get(file) ?? []).filter((f) => f.code === code).length;
}

/** Every pilot file under a folder of the repository, with its text, at its absolute path. */
export function treeOf(dir: string): Tree {
  const out: Tree = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = nodePath.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (isPilot(e.name) || e.name === 'pilot-plan.config.yaml') out[p] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
