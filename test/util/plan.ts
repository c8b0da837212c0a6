/**
 * Test helpers: check an in-memory plan and get findings as the CLI's JSON
 * reports them (lines and columns from 1), with paths relative to the plan.
 */
import * as nodePath from 'node:path';
import * as fs from 'node:fs';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';
import { locate, type LocatedFinding } from '../../server/src/engine/output/located';
import type { Locale } from '../../server/src/engine/i18n/messages';

export const ROOT = '/mem/plan';

export interface TestFinding extends LocatedFinding {
  file: string;
}

/** Checks every file of an in-memory tree (paths relative to /mem/plan). */
export function checkMemory(files: Record<string, string>, opts: { locale?: Locale; only?: string[] } = {}): TestFinding[] {
  const abs: Record<string, string> = {};
  for (const [p, t] of Object.entries(files)) abs[nodePath.join(ROOT, p)] = t;
  const ws = new Workspace(new MemoryFileHost(abs));
  const targets = Object.keys(abs).filter((p) => /\.pilot\.ya?ml$/.test(p));
  const rethrow = (_rule: unknown, e: unknown) => {
    throw e;
  };
  const out: TestFinding[] = [];
  for (const r of checkFiles(ws, targets, rethrow)) {
    for (const f of r.findings) {
      if (opts.only && !opts.only.includes(f.code)) continue;
      out.push({ file: nodePath.relative(ROOT, r.path), ...locate(f, r.lines, opts.locale ?? 'en') });
    }
  }
  return out;
}

/** `code@file:line` strings, sorted: compact to compare in assertions. */
export function summary(findings: TestFinding[]): string[] {
  return findings.map((f) => `${f.code}@${f.file}:${f.line}`).sort();
}

/** The repository root (tests are bundled into out/test/…). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(nodePath.join(dir, 'package.json'))) {
    const up = nodePath.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

/** A minimal clean plan, one file; tests change a part of it. */
export const MINIMAL_PLAN = `apiVersion: pilot-plan/v1
kind: Plan
id: TEST
pilot:
  name: 测试市
  type: city
  province: 广东省
baseYear: 2020
targetYears: [2025, 2030]
tasks:
  - id: T-1
    title: 推进能源转型
    area: energy-transition
    lead: 市发展改革委
    indicators: [IND-1]
indicators:
  - id: IND-1
    name: 非化石能源消费比重
    type: share
    unit: "%"
    direction: increase
    baseline: { year: 2020, value: 15 }
    targets:
      - { year: 2025, value: 20 }
      - { year: 2030, value: 25 }
`;
