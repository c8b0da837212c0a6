/**
 * docs/format.md#pilot-lists against the engine's lists: the table after `<!-- pilot-list: N -->`
 * holds exactly the entries of batch N, in order, with their type, province, park level and batch;
 * the batches' numbers and counts, and how many entries of each are confirmed, appear as the data gives them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { PILOT_BATCHES, PILOT_GAPS, pilotsOfBatch } from '../../server/src/engine/pilots';
import { repoRoot } from '../util/plan';

const doc = fs.readFileSync(nodePath.join(repoRoot(), 'docs/format.md'), 'utf8');

/** Body rows of the table after `<!-- pilot-list: N -->`. */
function listTable(batch: number): string[][] | undefined {
  const lines = doc.split('\n');
  const at = lines.indexOf(`<!-- pilot-list: ${batch} -->`);
  if (at < 0) return undefined;
  const rows: string[][] = [];
  for (let i = at + 3; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i].slice(1, -1).split('|').map((c) => c.trim()));
  return rows;
}

describe('docs/format.md: the lists of pilots', () => {
  it('the table of each batch whose entries are known holds them, in order', () => {
    for (const b of PILOT_BATCHES) {
      const entries = pilotsOfBatch(b.batch);
      const rows = listTable(b.batch);
      if (!entries.length) {
        assert.equal(rows, undefined, `batch ${b.batch} has no entries, so no table`);
        continue;
      }
      assert.ok(rows, `a table for batch ${b.batch}`);
      assert.deepEqual(
        rows.map(([name, en, type, province, level, batch]) => [name, en, type, province, /`(\w+)`/.exec(level)?.[1], Number(batch)]),
        entries.map((p) => [p.name, p.nameEn ?? '', `\`${p.type}\``, p.province, p.parkLevel, p.batch]),
      );
    }
  });

  it('names each notice, its number where known, its date and count, and every gap', () => {
    const section = doc.slice(doc.indexOf('<a id="pilot-lists"></a>'), doc.indexOf('<a id="plan-peak"></a>'));
    for (const b of PILOT_BATCHES) {
      assert.ok(section.includes(`《${b.title}》`), b.title);
      assert.ok(section.includes(b.date), b.date);
      if (b.number) assert.ok(section.includes(b.number), b.number);
      assert.ok(section.includes(String(b.published.total)) || section.includes(`${b.published.cities} 个城市、${b.published.parks} 个园区`), `batch ${b.batch}'s count`);
    }
    for (const g of PILOT_GAPS) assert.ok(section.includes(g.locality), g.locality);
  });

  it('says how many entries of each batch are confirmed, as the data holds them, in both languages', () => {
    const section = doc.slice(doc.indexOf('<a id="pilot-lists"></a>'), doc.indexOf('<a id="plan-peak"></a>'));
    const ordinalsZh = ['首批', '第二批'];
    const ordinalsEn = ['first', 'second'];
    for (const b of PILOT_BATCHES) {
      const n = pilotsOfBatch(b.batch).length;
      assert.ok(section.includes(`${ordinalsZh[b.batch - 1]}已核实 ${n} 个（共 ${b.published.total} 个）`), `batch ${b.batch} in Chinese`);
      assert.ok(section.replace(/\s+/g, ' ').includes(`${n} of the ${ordinalsEn[b.batch - 1]} batch's ${b.published.total}`), `batch ${b.batch} in English`);
    }
  });
});
