/**
 * One file, one verdict, whatever the parse path: the block reader on the whole
 * file, each segment on its own (the block reader, else `yaml`), and the full
 * `yaml` parse are each forced on every example, every conformance case,
 * numbers in every spelling and thousands of mutants, and must agree on the
 * verdict, the data and the findings. (A value once depended on the path: `+.5`
 * was text through the fast path and 0.5 through `yaml`, so an unrelated anchor
 * changed a file's findings.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as yamlParse } from 'yaml';
import { parseText, parseVia } from '../../server/src/engine/parse/load';
import { typePlainScalar } from '../../server/src/engine/parse/core-scalars';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { mutate, rng } from '../util/mutants';
import { conformanceCases } from '../util/conformance';
import { findingsOf, numericLookingScalars, pathsAgree, PATHS, scalarContexts } from '../util/parse-paths';

const root = repoRoot();
const exampleFiles = pilotFilesUnder(path.join(root, 'examples'));

describe('parse paths: one verdict, one value, the same findings', function () {
  this.timeout(300_000);

  it('a plain scalar is typed as `yaml`\'s core schema types it', () => {
    for (const s of numericLookingScalars()) {
      let theirs: unknown;
      try {
        theirs = (yamlParse(`x: ${s}\n`) as { x: unknown }).x;
      } catch {
        continue; // not a plain scalar there (`-`)
      }
      assert.ok(Object.is(typePlainScalar(s), theirs) || (typeof theirs === 'string' && typePlainScalar(s) === theirs), `${s}: ${String(typePlainScalar(s))} / ${String(theirs)}`);
    }
  });

  it('the issue\'s repro: `value: +.5` is 0.5 on every path, with or without an anchor elsewhere in the file', () => {
    const text = 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: I-A\n    name: a\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: {year: 2020, value: +.5}\n    targets:\n      - { year: 2025, value: 1 }\n';
    for (const t of [text, text.replace('indicators:\n', 'x-note: &n x\nindicators:\n')]) {
      const f = parseText('/p/i.pilot.yaml', t);
      assert.equal((f.data as { indicators: { baseline: { value: unknown } }[] }).indicators[0].baseline.value, 0.5);
      assert.ok(!findingsOf(f).some((x) => /must be a number/.test(x)), findingsOf(f).join('\n'));
    }
    for (const [s, v] of [['-.5', -0.5], ['0x1F', 31], ['0o17', 15], ['1e400', Infinity], ['-.inf', -Infinity], ['-0', -0]] as const) {
      for (const route of PATHS) {
        const f = parseVia(route, '/p/i.pilot.yaml', text.replace('+.5', s))!;
        assert.ok(Object.is((f.data as { indicators: { baseline: { value: unknown } }[] }).indicators[0].baseline.value, v), `${s} through ${route}`);
      }
    }
    // Not numbers in the core schema: text on every path.
    for (const s of ['0b101', '1_000', '.', '+', '1:30']) {
      for (const route of PATHS) {
        const f = parseVia(route, '/p/i.pilot.yaml', text.replace('+.5', s));
        if (f) assert.equal((f.data as { indicators: { baseline: { value: unknown } }[] }).indicators[0].baseline.value, s, `${s} through ${route}`);
      }
    }
  });

  it('numbers, nulls and booleans in every spelling, where plans put values and keys: every path agrees', () => {
    const taken = new Map<string, number>();
    for (const s of numericLookingScalars()) {
      for (const text of scalarContexts(s)) for (const p of pathsAgree(text, JSON.stringify(s))) taken.set(p, (taken.get(p) ?? 0) + 1);
    }
    console.log(`      (paths taken: ${[...taken].map(([p, n]) => `${p} ${n}`).join(', ')})`);
    for (const p of ['block-reader', 'segments']) assert.ok((taken.get(p) ?? 0) > 100, `${p} is exercised`);
  });

  it('every example file, broken ones included', () => {
    for (const f of exampleFiles) pathsAgree(fs.readFileSync(f, 'utf8'), path.relative(root, f));
  });

  it('every case of the YAML conformance suite: the same verdict and data', () => {
    for (const c of conformanceCases()) pathsAgree(c.text, c.name, false);
  });

  it('3,000 mutants of the examples, numbers and keys among the stray edits', () => {
    const r = rng(20261207);
    const scalars = numericLookingScalars();
    const texts = exampleFiles.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20000);
    let fast = 0;
    let bySegment = 0;
    for (let k = 0; k < 3000; k++) {
      let t = texts[Math.floor(r() * texts.length)];
      // A value replaced by a numeric-looking scalar, then random edits that may use one too.
      const values = [...t.matchAll(/: ([^\s#[\]{},][^\n#,\]}]*)/g)];
      if (values.length) {
        const m = values[Math.floor(r() * values.length)];
        t = t.slice(0, m.index! + 2) + scalars[Math.floor(r() * scalars.length)] + t.slice(m.index! + m[0].length);
      }
      const strays = [...scalars.slice(0, 40).map((s) => ` ${s}`), ': ', '- ', '[', ']', '{', '}', ',', ' #', '"', "'", '~: ', 'null: ', '? ', '\r'];
      for (let e = Math.floor(r() * 3); e > 0; e--) t = mutate(t, r, strays);
      const took = pathsAgree(t, `mutant ${k}`, k % 3 === 0);
      if (took.length) fast++;
      // Segmented although the block reader declined the file: a segment went to `yaml`, or was read alone.
      if (took.includes('segments') && !took.includes('block-reader')) bySegment++;
    }
    console.log(`      (${fast} of 3,000 mutants took a fast path, ${bySegment} segment by segment only)`);
    assert.ok(fast > 1000, 'the fast paths are exercised');
    assert.ok(bySegment > 300, 'segments the block reader declines are exercised');
  });
});
