/**
 * The shipped example plans say where their figures come from: each names its sources in the
 * Plan's `notes`, each indicator cites a document (《…》) or is marked illustrative, each projects
 * list is marked illustrative, and examples/README.md has a section on every example.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';

const ILLUSTRATIVE = '示例数据（非官方）';
const examples = nodePath.join(repoRoot(), 'examples');
const cleanPlans = fs
  .readdirSync(examples, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'broken')
  .map((e) => e.name);

interface Loaded {
  rel: string;
  text: string;
  data: Record<string, unknown>;
}

function load(name: string): Loaded[] {
  return pilotFilesUnder(nodePath.join(examples, name)).map((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return { rel: nodePath.relative(repoRoot(), f).split(nodePath.sep).join('/'), text, data: parse(text) as Record<string, unknown> };
  });
}

function list(data: Record<string, unknown>, key: string): Record<string, unknown>[] {
  return Array.isArray(data[key]) ? (data[key] as Record<string, unknown>[]) : [];
}

describe('examples say where their figures come from', () => {
  it('finds the example plans', () => {
    assert.deepEqual(cleanPlans.sort(), ['gaoan-hightech-park', 'guangzhou', 'shenzhen', 'zhaoqing-hightech-park']);
  });

  for (const name of cleanPlans) {
    describe(`examples/${name}`, () => {
      const files = load(name);

      it('names its sources, or says it has none, in the Plan notes', () => {
        const plans = files.filter((f) => f.data.kind === 'Plan');
        assert.equal(plans.length, 1);
        const notes = String(plans[0].data.notes ?? '');
        assert.match(notes, /示例方案，不是官方文件/, `${plans[0].rel}: notes`);
        assert.ok(notes.includes('《') || notes.includes(ILLUSTRATIVE), `${plans[0].rel}: notes name no document and mark nothing illustrative`);
      });

      it('cites a document or marks illustrative data on every indicator', () => {
        const indicators = files.flatMap((f) => list(f.data, 'indicators').map((i) => ({ rel: f.rel, i })));
        assert.ok(indicators.length > 0);
        const bad = indicators.filter(({ i }) => {
          const source = typeof i.source === 'string' ? i.source : '';
          return !/《[^》]+》/.test(source) && !source.includes(ILLUSTRATIVE);
        });
        assert.deepEqual(bad.map(({ rel, i }) => `${rel}: ${String(i.id)}`), []);
      });

      it('marks its projects as illustrative', () => {
        const withProjects = files.filter((f) => list(f.data, 'projects').length > 0);
        assert.ok(withProjects.length > 0);
        for (const f of withProjects) assert.ok(f.text.includes(ILLUSTRATIVE), `${f.rel}: projects not marked ${ILLUSTRATIVE}`);
      });

      it('has a section in examples/README.md', () => {
        const readme = fs.readFileSync(nodePath.join(examples, 'README.md'), 'utf8');
        assert.match(readme, new RegExp(`^### .*\`${name}/\``, 'm'));
      });
    });
  }
});
