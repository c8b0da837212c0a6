/**
 * server/src/common/yaml-scalar.ts: the one way a value is written into a plan file. Every string
 * reads back as itself in every context it is written in (by both YAML libraries), the values that
 * need quotes get them, and the engine's completion and the client's skeleton write a value alike.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import * as fc from 'fast-check';
import * as jsYaml from 'js-yaml';
import { parse } from 'yaml';
import { yamlScalar } from '../../server/src/common/yaml-scalar';
import { scaffoldPlan } from '../../client/src/scaffold';
import { completionsAt } from '../../server/src/engine/editor/completion';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MINIMAL_PLAN, ROOT } from '../util/plan';

/** Where a scalar is written: a block value, a flow mapping's value, a flow list's item, a block list's item, a key; and how to get it back. */
const CONTEXTS: [string, (x: string) => string, (data: any) => unknown][] = [
  ['block value', (x) => `k: ${x}\n`, (d) => d.k],
  ['flow mapping value', (x) => `k: { v: ${x}, w: 1 }\n`, (d) => d.k.v],
  ['flow list item', (x) => `k: [${x}, 1]\n`, (d) => d.k[0]],
  ['block list item', (x) => `k:\n  - ${x}\n`, (d) => d.k[0]],
  ['key', (x) => `${x}: 1\n`, (d) => Object.keys(d)[0]],
];

function readsBack(s: string): void {
  const written = yamlScalar(s);
  for (const [where, write, read] of CONTEXTS) {
    const text = write(written);
    assert.equal(read(parse(text)), s, `yaml, ${where}: ${text}`);
    assert.equal(read(jsYaml.load(text)), s, `js-yaml, ${where}: ${text}`);
  }
}

/** Values that need quotes, each for a reason of its own, and text that needs none. */
const NEED_QUOTES = ['yes', 'No', 'y', 'off', 'null', '~', '<<', '=', '1.0', '12', '0x1F', '.inf', '+1', '-1', 'a: b', 'x:', '#x', 'a #b', ' 前有空格', '后有空格 ', '', '- x', '? x', '[x]', 'a,b', '{x}', '%', '@x', '`x`', '!x', '&x', '*x', '|', '>', "'q'", '"q"', 'ab\u200b', 'a\nb', 'a\tb', 'a\u2028b', '\ufeffx'];
const PLAIN = ['广州市', '建设虚拟电厂，提升需求侧响应能力', '万tCO2/a', 'Test City', 'tce/万元', "it's", 'a:b', 'a#b', '亿元', 'T-ENERGY-01', 'yes please'];

describe('common: yamlScalar, how a value is written into a plan file', () => {
  it('quotes what a reader would take for something else, and nothing more', () => {
    for (const s of NEED_QUOTES) assert.ok(yamlScalar(s).startsWith('"'), `${JSON.stringify(s)} → ${yamlScalar(s)}`);
    for (const s of PLAIN) assert.equal(yamlScalar(s), s);
    assert.deepEqual([yamlScalar('yes'), yamlScalar('1.0'), yamlScalar('a: b'), yamlScalar('#x'), yamlScalar(' x')], ['"yes"', '"1.0"', '"a: b"', '"#x"', '" x"']);
    assert.deepEqual([yamlScalar(2030), yamlScalar(0.5), yamlScalar(true), yamlScalar(null)], ['2030', '0.5', 'true', 'null']);
  });

  it('every value, plain or quoted, reads back as itself in every context, by both YAML libraries', () => {
    for (const s of [...NEED_QUOTES, ...PLAIN, '\u0085', '\u007f', '\ud800', 'a\udc00b', '\ufffe', 'a\uffffb', '\u{1F600}']) readsBack(s);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), readsBack), { numRuns: 3000 });
    // Strings made of the characters that matter to YAML, far likelier to hit a case than any string.
    const yamlish = fc.string({ unit: fc.constantFrom(...'-?:,[]{}#&*!|>\'"%@`0123456789+.~=< \t\nxyesnoYN\u00a0\u3000广'), maxLength: 8 });
    fc.assert(fc.property(yamlish, readsBack), { numRuns: 5000 });
  });

  it('every character of the Basic Multilingual Plane, at the start and at the end of a value, reads back', function () {
    this.timeout(120000); // 131,072 values read four ways: seconds on a quiet machine
    for (let base = 0; base < 0x10000; base += 2048) {
      const values: string[] = [];
      for (let c = base; c < base + 2048; c++) {
        const ch = String.fromCharCode(c);
        values.push(`${ch}a`, `a${ch}`);
      }
      const block = values.map((v, i) => `k${i}: ${yamlScalar(v)}\n`).join('');
      const flow = `[${values.map(yamlScalar).join(', ')}]\n`;
      for (const [name, load] of [['yaml', parse], ['js-yaml', jsYaml.load]] as const) {
        for (const [where, got] of [['block', Object.values(load(block) as object)], ['flow', load(flow) as unknown[]]] as const) {
          const i = values.findIndex((v, j) => got[j] !== v);
          assert.equal(i, -1, `${name}, ${where}: ${JSON.stringify(values[i])} written ${yamlScalar(values[i])} reads back ${JSON.stringify(got[i])}`);
        }
      }
    }
  });

  it('is how the engine (completion) and the client (a new plan) write a value, the same wherever it is written', () => {
    const values = ['yes', '1.0', 'a: b', '#x', '测试市: "新区" #1', '广州市'];
    // Completion offers the departments a plan names; each task here names one of the values.
    const plan = nodePath.join(ROOT, 'plan.pilot.yaml');
    const tasks = nodePath.join(ROOT, 'tasks.pilot.yaml');
    const taskText = (lead: string, i: number) => `  - id: T-${i}\n    title: 任务\n    area: other\n    lead: ${JSON.stringify(lead)}\n`;
    const text = `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n${values.map(taskText).join('')}  - id: T-NEW\n    title: 任务\n    area: other\n    lead: `;
    const ws = new Workspace(new MemoryFileHost({ [plan]: MINIMAL_PLAN, [tasks]: text }));
    const model = ws.load(tasks)!;
    const candidates = completionsAt({ path: tasks, model }, { root: ROOT, index: ws.buildPlan(ROOT), lastGood: () => undefined }, text.length, 'en');
    for (const v of values) {
      const offered = candidates.find((c) => c.label === v);
      assert.ok(offered, `completion offers ${v}`);
      // The skeleton writes the pilot's name so.
      const skeleton = scaffoldPlan({ name: v, type: 'city', province: '广东省', id: 'GZ' })[0].content;
      const line = /^ {2}name: (.*)$/m.exec(skeleton)![1];
      assert.equal(offered.insertText, line, `${v}: completion and the skeleton`);
      assert.equal(line, yamlScalar(v));
      assert.equal(parse(skeleton).pilot.name, v);
      assert.equal(parse(text + offered.insertText).tasks.at(-1).lead, v);
    }
    // A leading space is quoted, by completion too (the skeleton trims the names it is given).
    const lead = ' 前有空格';
    const spaced = text.replace('lead: "yes"', `lead: ${JSON.stringify(lead)}`);
    const ws2 = new Workspace(new MemoryFileHost({ [plan]: MINIMAL_PLAN, [tasks]: spaced }));
    const offered = completionsAt({ path: tasks, model: ws2.load(tasks)! }, { root: ROOT, index: ws2.buildPlan(ROOT), lastGood: () => undefined }, spaced.length, 'en').find((c) => c.label === lead);
    assert.equal(offered?.insertText, '" 前有空格"');
  });
});
