/** Test plans for the protocol tests: temporary copies of examples/guangzhou, some with problems put in. */
import type { LocatedFinding } from '../../server/src/engine/output/located';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { execFileSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { copyExample, uriOf, type LspClient } from './client';
import { repoRoot } from '../util/plan';

export interface Plan {
  dir: string;
  path(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
}

export function plan(dir: string): Plan {
  return {
    dir,
    path: (rel) => nodePath.join(dir, rel),
    read: (rel) => fs.readFileSync(nodePath.join(dir, rel), 'utf8'),
    write: (rel, text) => fs.writeFileSync(nodePath.join(dir, rel), text),
  };
}

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture: not found: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** A clean copy of the Guangzhou example. */
export function cleanGuangzhou(): Plan {
  return plan(copyExample('guangzhou'));
}

/**
 * The Guangzhou example with problems in several files:
 * - tasks/energy: `IND-NONFOSIL-SHARE` (unresolved, did you mean IND-NONFOSSIL-SHARE);
 * - projects: `status: under-constructon` (schema enum, did you mean);
 * - tasks/transport-others: T-TRANSPORT-PORT without `lead` (missing key);
 *   and a second definition of T-ENERGY-GRID (duplicate-id across files);
 * - plan: risk R-GAS affects `T-GAS-PEAKING` (unresolved, no suggestion: create it).
 */
export function brokenGuangzhou(): Plan {
  const p = cleanGuangzhou();
  const edit = (rel: string, from: string, to: string) => p.write(rel, replaceOnce(p.read(rel), from, to));
  edit('tasks/energy.pilot.yaml', 'indicators: [IND-NONFOSSIL-SHARE]', 'indicators: [IND-NONFOSIL-SHARE]');
  edit('projects.pilot.yaml', 'status: under-construction', 'status: under-constructon');
  edit('tasks/transport-others.pilot.yaml', '    area: transport\n    lead: 市港务局\n', '    area: transport\n');
  edit(
    'tasks/transport-others.pilot.yaml',
    '  # ---- 碳汇能力巩固提升行动 ----\n',
    '  - id: T-ENERGY-GRID\n    title: 重复的任务\n    area: other\n    lead: 市发展改革委\n    indicators: [IND-NEV-SHARE]\n\n  # ---- 碳汇能力巩固提升行动 ----\n',
  );
  edit('plan.pilot.yaml', 'affects: [T-ENERGY-GRID]', 'affects: [T-ENERGY-GRID, T-GAS-PEAKING]');
  return p;
}

export const PLAN_FILES = [
  'indicators.pilot.yaml',
  'plan.pilot.yaml',
  'projects.pilot.yaml',
  'tasks/energy.pilot.yaml',
  'tasks/industry-buildings.pilot.yaml',
  'tasks/transport-others.pilot.yaml',
];

/** A finding as the CLI's JSON reports it. */
export type CliFinding = LocatedFinding;

/** `pilot-plan check --format json` over a folder: findings by path relative to the folder. */
export function cliCheck(dir: string, locale = 'en', paths = ['.']): { files: Map<string, CliFinding[]>; summary: { files: number; errors: number; warnings: number; infos: number } } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [nodePath.join(repoRoot(), 'dist/cli.js'), 'check', ...paths, '--format', 'json', '--locale', locale], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  const json = JSON.parse(out) as { files: { path: string; findings: CliFinding[] }[]; summary: { files: number; errors: number; warnings: number; infos: number } };
  return { files: new Map(json.files.map((f) => [f.path, f.findings])), summary: json.summary };
}

/** A published diagnostic as the CLI's JSON would report it (lines and columns from 1). */
export function diagnosticKey(d: { code?: unknown; severity?: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }): string {
  const sev = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
  return JSON.stringify([d.code, sev, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message]);
}

export function cliFindingKey(f: CliFinding): string {
  return JSON.stringify([f.code, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message]);
}

/** Pilot plan files and configuration files under a folder (paths relative to it), as `check .` walks it. */
export function workspaceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(nodePath.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(r);
      } else if (e.isFile() && (/\.pilot\.ya?ml$/.test(e.name) || e.name === 'pilot-plan.config.yaml')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** When the server last published diagnostics (ms since the epoch), 0 if never. */
function lastPublication(client: LspClient): number {
  for (let i = client.notifications.length - 1; i >= 0; i--) if (client.notifications[i].method === 'textDocument/publishDiagnostics') return client.notifications[i].at;
  return 0;
}

/**
 * Waits until the published diagnostics of every file of the folder — open or closed, and any
 * file the server published for that is gone — are what `pilot-plan check .` says about the texts
 * on disk, and stay so while the server publishes nothing for `settleMs`; else fails on the first
 * file that differs. Unpublished counts as no diagnostics.
 */
export async function expectWorkspaceLikeCli(client: LspClient, dir: string, step: string, opts: { timeoutMs?: number; settleMs?: number; locale?: string } = {}): Promise<void> {
  const cli = cliCheck(dir, opts.locale ?? 'en');
  const settleMs = opts.settleMs ?? 300;
  const mismatch = () => {
    const rels = new Set(workspaceFiles(dir));
    for (const uri of client.diagnostics.keys()) {
      if (!uri.startsWith('file:')) continue;
      const rel = nodePath.relative(dir, fileURLToPath(uri));
      if (!rel.startsWith('..') && !nodePath.isAbsolute(rel)) rels.add(rel.split(nodePath.sep).join('/'));
    }
    for (const rel of [...rels].sort()) {
      const mine = (client.diagnostics.get(uriOf(nodePath.join(dir, rel))) ?? []).map(diagnosticKey).sort();
      const theirs = (cli.files.get(rel) ?? []).map(cliFindingKey).sort();
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) return { rel, mine, theirs };
    }
    return undefined;
  };
  try {
    await client.waitFor(`every file's diagnostics equal to the CLI's after: ${step}`, () => Date.now() - lastPublication(client) >= settleMs && mismatch() === undefined, opts.timeoutMs ?? 10000);
  } catch (e) {
    const m = mismatch();
    if (m) assert.deepEqual(m.mine, m.theirs, `${step}: ${m.rel}`);
    throw e;
  }
}
