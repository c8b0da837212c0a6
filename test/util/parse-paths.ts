/**
 * One file, one verdict: every parse path forced on the same text must give
 * the same verdict and, where the file parses, the same data and findings.
 * Shared by the differential tests and the fuzz suite.
 */
import * as assert from 'node:assert/strict';
import { parseVia, type ParsePath } from '../../server/src/engine/parse/load';
import type { ParsedFile } from '../../server/src/engine/parse/parsed-file';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';
import { checkPlan } from '../../server/src/engine/run-rules';
import { formatMessage } from '../../server/src/engine/i18n/messages';

export const PATHS: readonly ParsePath[] = ['block-reader', 'segments', 'yaml'];

/** The findings of a file checked alone (a plan of its own), as comparable strings. */
export function findingsOf(parsed: ParsedFile): string[] {
  const plan = new PlanIndex(undefined);
  const model = buildFileModel(parsed);
  plan.setFile(model);
  const rethrow = (_rule: unknown, e: unknown) => {
    throw e;
  };
  return (checkPlan(plan, [model], rethrow).get(parsed.path) ?? []).map((f) => {
    const related = (f.data?.related ?? []).map((r) => `${r.span.start}-${r.span.end}`).join(',');
    return `${f.code} ${f.severity} ${f.span.start}-${f.span.end} ${formatMessage(f.message, 'en')}${related ? ` [${related}]` : ''}`;
  });
}

/**
 * Asserts that every path that takes `text` agrees with the full `yaml` parse:
 * the same verdict, and for a file that parses, the same data (numbers by
 * Object.is: -0, NaN) and the same findings. Returns the paths that took it.
 */
export function pathsAgree(text: string, label: string, findings = true): ParsePath[] {
  const full = parseVia('yaml', '/p/x.pilot.yaml', text)!;
  const fullBad = full.syntax.length > 0;
  const fullFindings = findings && !fullBad ? findingsOf(full) : undefined;
  const took: ParsePath[] = [];
  for (const route of PATHS) {
    if (route === 'yaml') continue;
    const fast = parseVia(route, '/p/x.pilot.yaml', text);
    if (!fast) continue;
    took.push(route);
    const bad = fast.syntax.length > 0;
    assert.equal(bad, fullBad, `${label}: ${route} says ${bad ? 'broken' : 'valid'}, yaml ${fullBad ? 'broken' : 'valid'} (${full.syntax.map((p) => formatMessage(p.message, 'en')).join('; ')})\n${text}`);
    // Both broken: the verdict is what must agree (a segment's parse stops at its end, the file's further on).
    if (fullBad) continue;
    assert.deepStrictEqual(fast.data, full.data, `${label}: ${route} data differs\n${text}`);
    if (fullFindings) assert.deepStrictEqual(findingsOf(fast), fullFindings, `${label}: ${route} findings differ\n${text}`);
  }
  return took;
}

/**
 * Plain scalars that look like numbers, nulls or booleans in some YAML
 * dialect: each sign with each body, and the words.
 */
export function numericLookingScalars(): string[] {
  const bodies = ['0', '1', '12', '012', '0.', '.5', '5.', '1.5', '00.5', '1_000', '1_', '0b101', '0b2', '0o17', '0o8', '0x1F', '0x1f', '0xG', '0x', '1e3', '1E+3', '1e-5', '.5e3', '1.e3', '1e', 'e5', '1e400', '1e1_0', '.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', '.', '1:30', '12:00:00', '2025-06', '2025-06-30', '1.2.3', '123456789012345', '12345678901234567', '99999999999999999999999', '1.234567890123456789'];
  const out: string[] = [];
  for (const sign of ['', '+', '-']) for (const b of bodies) out.push(sign + b);
  out.push('~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', '0o', '-', '+', '１２');
  return out;
}

/** Plan-shaped texts that put `s` where plans put numbers: a block value, flow values, a list item, a key. */
export function scalarContexts(s: string): string[] {
  return [
    `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: I-A\n    name: a\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: {year: 2020, value: ${s}}\n    targets:\n      - { year: 2025, value: ${s} }\n      - year: 2030\n        value: ${s}\n`,
    `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    title: ${s}\n    area: other\n    lead: x\n    x-list: [${s}, a, ${s}]\n    x-map:\n      ${s}: 1\n      k: ${s}\n`,
    `x-a: ${s}\nx-b:\n  - ${s}\n  - [${s}]\nx-c: {k: ${s}, ${s}: k}\n`,
  ];
}
