/**
 * The shipped validators check uniqueItems with a Map (scripts/ajv-unique-items.mjs)
 * instead of Ajv's own code: they must give exactly Ajv's errors, on lists of
 * every kind of item, repeated or not, and of the wrong type.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as generated from '../../server/src/generated/validators';
import { repoRoot } from '../util/plan';
import { rng } from '../util/mutants';

function stockAjv() {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addVocabulary(['x-pilot-rule', 'x-aliases', 'enumDescriptions']);
  const dir = path.join(repoRoot(), 'schemas');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  return ajv.getSchema('https://pilot-plan.dev/schemas/v1/pilot-plan.schema.json')!;
}

const errorsOf = (v: { errors?: unknown[] | null }) => JSON.stringify((v.errors ?? []).map((e) => ({ ...(e as object), schema: undefined, parentSchema: undefined })));

describe('uniqueItems with a Map = Ajv', () => {
  it('same verdict and errors as stock Ajv on 4,000 random lists, short and long', () => {
    const stock = stockAjv();
    const ours = generated.pilotPlan;
    const r = rng(7);
    const pool: unknown[] = ['a', 'b', '市财政局', 'IND-1', 'T-1', 1, 2, 2025, 2030, '2025', true, null, 1.5, NaN, { a: 1 }, ['x']];
    // Mostly short lists (compared in place), some past 8 items (compared with a Map).
    const list = () => Array.from({ length: Math.floor(r() * (r() < 0.8 ? 6 : 16)) }, () => pool[Math.floor(r() * pool.length)]);
    let repeats = 0;
    for (let k = 0; k < 4000; k++) {
      const doc = [
        { apiVersion: 'pilot-plan/v1', kind: 'Tasks', tasks: [{ id: 'T-1', title: 't', area: 'industry', lead: 'l', partners: list(), indicators: list(), dependsOn: list() }] },
        { apiVersion: 'pilot-plan/v1', kind: 'Plan', id: 'P', targetYears: list() },
        { apiVersion: 'pilot-plan/v1', kind: 'Projects', projects: [{ id: 'P-1', name: 'n', tasks: list(), funding: list() }] },
      ][k % 3];
      assert.equal(ours(doc), stock(doc), JSON.stringify(doc));
      assert.equal(errorsOf(ours), errorsOf(stock), JSON.stringify(doc));
      if (errorsOf(ours).includes('uniqueItems')) repeats++;
    }
    assert.ok(repeats > 400, `repeats were exercised (${repeats})`);
  });
});
