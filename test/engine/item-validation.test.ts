/**
 * Item-by-item schema validation (the language server's) must give exactly
 * the whole-file validator's errors: over every example file, thousands of
 * data mutants (keys dropped, added, values of the wrong type), and chains of
 * text edits validated with one long-lived ItemValidation, as an editor makes
 * them, where unchanged items' errors are kept from earlier versions.
 */
import { edited as nextVersion } from '../util/text-change';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import { parseText } from '../../server/src/engine/parse/load';
import { ItemValidation } from '../../server/src/engine/schema/item-validation';
import { validatorFor } from '../../server/src/engine/schema/validators';
import { buildFileModel, type FileKind } from '../../server/src/engine/plan/model';
import { runFileRules } from '../../server/src/engine/run-rules';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';
import { RULES } from '../../server/src/engine/rules/registry';
import { compareFindings } from '../../server/src/engine/findings';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { mutate, rng } from '../util/mutants';

const exampleFiles = pilotFilesUnder(path.join(repoRoot(), 'examples'));
const texts = exampleFiles.map((f) => fs.readFileSync(f, 'utf8'));

/** An error as the rule reads it, in a canonical order (the rule sorts its findings by place). */
function canonical(errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => JSON.stringify([e.instancePath, e.schemaPath, e.keyword, e.params, e.message, e.data])).sort();
}

function whole(kind: FileKind | undefined, data: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

function kindOf(data: unknown): FileKind | undefined {
  const k = (data as { kind?: unknown } | null)?.kind;
  return k === 'Plan' || k === 'Tasks' || k === 'Projects' || k === 'Indicators' || k === 'Progress' ? k : undefined;
}

function same(v: ItemValidation, data: unknown, label: string): void {
  const kind = kindOf(data);
  const split = v.errors(kind, data);
  if (kind === undefined) return assert.equal(split, undefined, `${label}: no split without a kind`);
  assert.ok(split, label);
  assert.deepEqual(canonical(split), canonical(whole(kind, data)), label);
}

const WRONG: unknown[] = [null, 0, -1, 2.5, '', 'x', 'T-ENERGY-01', true, [], ['a'], {}, { a: 1 }, 2024, '2025-13'];

/** One random change somewhere in a copy of `data`: a key dropped or added, a value replaced. */
function mutateData(data: unknown, r: () => number): unknown {
  const copy = structuredClone(data);
  const nodes: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (nodes.push([v, i]), walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nodes.push([v as Record<string, unknown>, k]), walk(x);
  };
  walk(copy);
  if (!nodes.length) return copy;
  const [parent, key] = nodes[Math.floor(r() * nodes.length)];
  const c = Math.floor(r() * 4);
  if (c === 0 && !Array.isArray(parent)) delete parent[key as string];
  else if (c === 1 && !Array.isArray(parent)) parent[['extra', 'x-note', 'titel', 'lead', 'id'][Math.floor(r() * 5)]] = WRONG[Math.floor(r() * WRONG.length)];
  else (parent as Record<string | number, unknown>)[key] = WRONG[Math.floor(r() * WRONG.length)];
  return copy;
}

describe('item-by-item schema validation = whole-file validation', function () {
  this.timeout(120_000);

  it('every example file, broken ones included', () => {
    let split = 0;
    for (const [i, t] of texts.entries()) {
      const data = parseText(exampleFiles[i], t).data;
      same(new ItemValidation(), data, exampleFiles[i]);
      if (kindOf(data)) split++;
    }
    assert.ok(split > 20, 'the examples are validated item by item');
  });

  it('4,000 data mutants: keys dropped and added, values of the wrong type', () => {
    const r = rng(20261202);
    const datas = texts.map((t, i) => parseText(exampleFiles[i], t).data).filter((d) => kindOf(d));
    let failing = 0;
    for (let k = 0; k < 4000; k++) {
      let d = datas[Math.floor(r() * datas.length)];
      for (let e = 1 + Math.floor(r() * 3); e > 0; e--) d = mutateData(d, r);
      same(new ItemValidation(), d, `data mutant ${k}: ${JSON.stringify(d).slice(0, 400)}`);
      if (kindOf(d) && !validatorFor(kindOf(d))(d)) failing++;
    }
    assert.ok(failing > 1000, `mutants with schema errors: ${failing}`);
  });

  it('chains of edits with one long-lived validation, as in the editor: unchanged items keep their errors', () => {
    const r = rng(7);
    const v = new ItemValidation();
    const edited = texts.filter((t) => /^kind: (Tasks|Projects|Indicators|Plan|Progress)/m.test(t) && t.length < 20000);
    let asked = 0;
    let validated = 0;
    for (let chain = 0; chain < 300; chain++) {
      const file = `/mem/chain-${chain}.pilot.yaml`;
      let text = edited[Math.floor(r() * edited.length)];
      let parsed = parseText(file, text);
      same(v, parsed.data, `chain ${chain}, first version`);
      for (let step = 0; step < 6; step++) {
        text = mutate(text, r, ['x', ': 1', ' [', '- ', 'bogus', '2031', '"']);
        parsed = nextVersion(parsed, text);
        if (parsed.syntax.length) continue; // the rule skips a file that does not parse
        const [a, b] = [v.itemsAsked, v.itemsValidated];
        same(v, parsed.data, `chain ${chain}, step ${step}:\n${text}`);
        asked += v.itemsAsked - a;
        validated += v.itemsValidated - b;
      }
    }
    // Kept, not validated again: most items of an edited version are those of the version before.
    assert.ok(asked > 1000 && validated < asked / 3, `after edits, ${validated} of ${asked} items validated`);
  });

  it('the schema rule reports the same findings either way', () => {
    for (const [i, t] of texts.entries()) {
      const m = buildFileModel(parseText(exampleFiles[i], t));
      const index = new PlanIndex(undefined);
      const schemaRule = RULES.filter((x) => x.code === 'schema');
      const a = runFileRules(index, m, undefined, schemaRule);
      const b = runFileRules(index, m, undefined, schemaRule, undefined, new ItemValidation());
      assert.deepEqual([...b].sort(compareFindings), [...a].sort(compareFindings), exampleFiles[i]);
    }
  });
});
