/**
 * Property-based fuzzing of the engine (fast-check): generated plan-like YAML
 * with the hostile classes of input (generators.ts) through the parse and the
 * rules, and odd configuration files through the plan's configuration.
 *
 * Properties, for every input: nothing throws; the work finishes within a
 * budget (a hang detector, not a benchmark: PILOT_PLAN_FUZZ_BUDGET_MS, 5 s);
 * every finding lies inside its file's text; the same input gives the same
 * findings twice, and after other input was checked in between; and every
 * parse path gives the full `yaml` parse's verdict, data and findings.
 *
 * Small in `npm test` (a fixed seed, 100 runs a property); long with
 * `node scripts/fuzz.mjs` (PILOT_PLAN_FUZZ_RUNS runs each, a fresh seed, or
 * PILOT_PLAN_FUZZ_SEED to replay one).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';
import { parseConfig } from '../../server/src/engine/plan/config';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import type { Finding } from '../../server/src/engine/findings';
import { pathsAgree } from '../util/parse-paths';
import { configText, damaged, deepNesting, planLike } from './generators';

const RUNS = Number(process.env.PILOT_PLAN_FUZZ_RUNS) || 100;
const SEED = process.env.PILOT_PLAN_FUZZ_SEED ? Number(process.env.PILOT_PLAN_FUZZ_SEED) : process.env.PILOT_PLAN_FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261207;
const BUDGET_MS = Number(process.env.PILOT_PLAN_FUZZ_BUDGET_MS) || 5000;

const PLAN = 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\nbaseYear: 2020\ntargetYears: [2025, 2030]\n';

/** Inputs checked and properties held, for the closing note. */
const counts = new Map<string, number>();
let slowest = 0;
let slowestInput = '';

interface Outcome {
  /** Per file: each finding as a comparable line. */
  findings: Record<string, string[]>;
  ms: number;
}

/** A plan folder in memory with the Plan file, `text` as a Tasks file and optionally a configuration, checked whole. */
function checkTree(text: string, config?: string): Outcome {
  const files: Record<string, string> = { '/p/plan.pilot.yaml': PLAN, '/p/x.pilot.yaml': text };
  if (config !== undefined) files['/p/pilot-plan.config.yaml'] = config;
  const ws = new Workspace(new MemoryFileHost(files), { snapshot: true });
  const t0 = performance.now();
  const results = checkFiles(ws, ['/p/plan.pilot.yaml', '/p/x.pilot.yaml'], (rule, e) => {
    throw new Error(`rule ${rule.code} threw: ${(e as Error)?.stack ?? e}`);
  });
  const ms = performance.now() - t0;
  const findings: Record<string, string[]> = {};
  for (const r of results) {
    for (const f of r.findings) assertInside(f, files, r.path);
    findings[r.path] = r.findings.map((f) => `${f.code} ${f.severity} ${f.span.start}-${f.span.end} ${formatMessage(f.message, 'en')}`);
  }
  return { findings, ms };
}

/**
 * The placeholders of a message's templates (and of the messages among its arguments) that it gives
 * no argument for. The text itself may hold `{a}`: a value quoted from the file.
 */
function missingArguments(m: Finding['message']): string[] {
  const out: string[] = [];
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const [, name] of formatMessage({ id: m.id }, locale).matchAll(/\{(\w+)\}/g)) if (!(m.args && name in m.args)) out.push(`${m.id}: {${name}}`);
  }
  for (const a of Object.values(m.args ?? {})) if (a && typeof a === 'object' && 'id' in a) out.push(...missingArguments(a as Finding['message']));
  return out;
}

/** A finding, and each place it relates to, within the text of its file. */
function assertInside(f: Finding, files: Record<string, string>, path: string): void {
  const length = (file: string) => (files[file] ?? '').replace(/^\uFEFF/, '').length;
  const ok = (s: { start: number; end: number }, file: string) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length(file);
  assert.equal(f.file, path, 'a finding of the file it is reported for');
  assert.ok(ok(f.span, f.file), `${f.code} at ${f.span.start}-${f.span.end}, outside the text (${length(f.file)} characters)`);
  for (const r of f.data?.related ?? []) assert.ok(ok(r.span, r.file), `a related place of ${f.code} at ${r.span.start}-${r.span.end} in ${r.file}, outside its text`);
  assert.deepEqual(missingArguments(f.message), [], 'a message with every argument');
}

function within(label: string, ms: number, input: string): void {
  if (ms > slowest) {
    slowest = ms;
    slowestInput = `${label}, ${input.length} characters: ${JSON.stringify(input.slice(0, 60))}…`;
  }
  assert.ok(ms < BUDGET_MS, `${label}: ${ms.toFixed(0)} ms, over the budget of ${BUDGET_MS} ms`);
}

function held(name: string): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

// A failure is shrunk to a small example; PILOT_PLAN_FUZZ_SHRINK=no reports the first failing input as it
// came, since shrinking a large input that hangs runs the hang hundreds of times.
const params = (): fc.Parameters<unknown> => ({ numRuns: RUNS, seed: SEED, endOnFailure: process.env.PILOT_PLAN_FUZZ_SHRINK === 'no' });

describe(`engine fuzz (fast-check, ${RUNS} runs a property, seed ${SEED})`, function () {
  this.timeout(Math.max(120_000, RUNS * 200));

  after(() => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    // The long run (scripts/fuzz.mjs) closes with these counts.
    const report = process.env.PILOT_PLAN_FUZZ_REPORT;
    if (report) fs.writeFileSync(report, JSON.stringify({ inputs: total, properties: Object.fromEntries(counts), runs: RUNS, seed: SEED, slowestMs: Math.round(slowest), slowestInput }));
    console.log(`      (fuzz: ${total} inputs over ${counts.size} properties, ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}; slowest ${slowest.toFixed(0)} ms (${slowestInput}); seed ${SEED})`);
  });

  it('a plan-like file, damaged or not: no throw, within the budget, findings inside the text, the same twice and after other input', () => {
    fc.assert(
      fc.property(damaged(planLike), planLike, (text, other) => {
        const first = checkTree(text);
        within('a plan file', first.ms, text);
        checkTree(other);
        const again = checkTree(text);
        assert.deepStrictEqual(again.findings, first.findings, 'the same findings after other input');
        held('plan files');
      }),
      params(),
    );
  });

  it('every parse path gives the full parse\'s verdict, data and findings', () => {
    fc.assert(
      fc.property(fc.oneof(planLike, damaged(planLike)), (text) => {
        pathsAgree(text, 'generated');
        held('parse paths');
      }),
      params(),
    );
  });

  it('deep nesting in every shape: one verdict on every path, no throw, within the budget', () => {
    fc.assert(
      fc.property(deepNesting, (text) => {
        const t0 = performance.now();
        pathsAgree(text, 'deep', false);
        within('deep nesting', performance.now() - t0, text);
        held('deep nesting');
      }),
      params(),
    );
  });

  it('an odd configuration file: findings on it, never an exception; the plan is still checked', () => {
    fc.assert(
      fc.property(fc.oneof(configText, damaged(configText)), (config) => {
        const c = parseConfig('/p/pilot-plan.config.yaml', config);
        for (const f of c.findings) assertInside(f, { '/p/pilot-plan.config.yaml': config }, '/p/pilot-plan.config.yaml');
        const first = checkTree('apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n', config);
        within('a configuration', first.ms, config);
        assert.ok(first.findings['/p/x.pilot.yaml'], 'the plan is checked');
        assert.deepStrictEqual(checkTree('apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n', config).findings, first.findings);
        held('configuration files');
      }),
      params(),
    );
  });
});
