/**
 * The pilot lists (server/src/engine/pilots.ts) against what their notices publish: the first
 * batch's 25 cities and 10 parks (entries and the gaps that stand for unconfirmed ones), its
 * places per province as the national pilot plan allotted them, the second batch's count and the
 * entries of it confirmed so far; every entry cited, no name twice, every value one the schema allows.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { PILOTS, PILOT_BATCHES, PILOT_GAPS, batchAccountedFor, batchInfo, gapFor, pilotNamed, pilotsOfBatch, type PilotSource } from '../../server/src/engine/pilots';
import { repoRoot } from '../util/plan';

const schema = (name: string) => JSON.parse(fs.readFileSync(nodePath.join(repoRoot(), 'schemas', name), 'utf8'));

function checkSource(s: PilotSource, what: string): void {
  assert.ok(s.title.trim() && s.publisher.trim(), `${what}: a source without a title or publisher`);
  assert.match(s.url, /^https?:\/\/[^\s/]+\.[^\s/]+\//, `${what}: ${s.url}`);
  if (s.date !== undefined) assert.match(s.date, /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${what}: ${s.date}`);
}

describe('engine: the lists of national carbon peak pilots', () => {
  const b1 = pilotsOfBatch(1);
  const gaps1 = PILOT_GAPS.filter((g) => g.batch === 1);

  it('batch 1: 25 cities and 10 parks, as its notice counts them (entries plus the unconfirmed parks)', () => {
    const info = batchInfo(1)!;
    assert.deepEqual(info.published, { total: 35, cities: 25, parks: 10 });
    assert.equal(b1.filter((p) => p.type === 'city').length + gaps1.filter((g) => g.type === 'city').length, 25);
    assert.equal(b1.filter((p) => p.type === 'park').length + gaps1.filter((g) => g.type === 'park').length, 10);
    assert.equal(b1.length + gaps1.length, 35);
    // What is confirmed: every city, and all parks but the two in Chifeng and Kuqa.
    assert.equal(b1.filter((p) => p.type === 'city').length, 25);
    assert.deepEqual(gaps1.map((g) => g.locality), ['赤峰', '库车']);
    assert.equal(info.date, '2023-12-06');
  });

  it('batch 1: the entries of each province make up the places the national pilot plan gave it, in the 15 provinces it named', () => {
    const quota = batchInfo(1)!.quota!;
    assert.equal(Object.keys(quota).length, 15);
    assert.equal(Object.values(quota).reduce((a, b) => a + b, 0), 35);
    const count = new Map<string, number>();
    for (const p of [...b1, ...gaps1]) count.set(p.province, (count.get(p.province) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries([...count].sort()), Object.fromEntries(Object.entries(quota).sort()));
  });

  it('batch 2: the notice 发改办环资〔2025〕248号 of 15 March 2025, 27 pilots; its addressees include the Corps and the Yangtze Delta demonstration zone', () => {
    const info = batchInfo(2)!;
    assert.equal(info.number, '发改办环资〔2025〕248号');
    assert.equal(info.date, '2025-03-15');
    assert.equal(info.published.total, 27);
    assert.ok(info.addressees!.some((a) => a.includes('新疆生产建设兵团')));
    assert.ok(info.addressees!.some((a) => a.includes('长三角生态绿色一体化发展示范区')));
    assert.equal(batchAccountedFor(1), true);
    assert.equal(batchAccountedFor(3), false);
  });

  it('batch 2: 2 of its 27 entries confirmed, the two parks Guizhou announced; the rest has no place known, so the list is not known whole', () => {
    const b2 = pilotsOfBatch(2);
    assert.deepEqual(
      b2.map((p) => [p.name, p.type, p.province, p.parkLevel]),
      [
        ['黔南高新技术产业开发区', 'park', '贵州省', undefined],
        ['和平（苟江）经济开发区', 'park', '贵州省', undefined],
      ],
    );
    // Each is cited to the province's announcement and to the notice itself.
    for (const p of b2) {
      assert.ok(p.sources.some((s) => s.url === 'https://movement.gzstv.com/news/detail/qx4Dp' && s.title.includes(p.name)), p.name);
      assert.ok(p.sources.some((s) => batchInfo(2)!.sources.includes(s)), `${p.name}: the notice`);
    }
    assert.equal(PILOT_GAPS.filter((g) => g.batch === 2).length, 0);
    assert.equal(batchAccountedFor(2), false);
    assert.equal(pilotNamed('和平（苟江）经济开发区')?.batch, 2);
  });

  it('no batch holds more entries and gaps than its notice names, of each type where the notice counts them', () => {
    for (const b of PILOT_BATCHES) {
      const of = (type: string) => pilotsOfBatch(b.batch).filter((p) => p.type === type).length + PILOT_GAPS.filter((g) => g.batch === b.batch && g.type === type).length;
      assert.ok(of('city') + of('park') <= b.published.total, `batch ${b.batch}`);
      if (b.published.cities !== undefined) assert.ok(of('city') <= b.published.cities, `batch ${b.batch} cities`);
      if (b.published.parks !== undefined) assert.ok(of('park') <= b.published.parks, `batch ${b.batch} parks`);
      assert.equal(batchAccountedFor(b.batch), of('city') + of('park') === b.published.total, `batch ${b.batch}`);
    }
    // Entries are kept in batch order, as completion and the client's picker list them.
    const batches = PILOTS.map((p) => p.batch);
    assert.deepEqual(batches, [...batches].sort((a, b) => a - b));
  });

  it('every entry, gap and batch cites a source with a title, a publisher and an address', () => {
    for (const p of PILOTS) {
      assert.ok(p.sources.length > 0, p.name);
      p.sources.forEach((s) => checkSource(s, p.name));
    }
    for (const g of PILOT_GAPS) {
      assert.ok(g.sources.length > 0 && g.note.trim(), g.locality);
      g.sources.forEach((s) => checkSource(s, g.locality));
    }
    for (const b of PILOT_BATCHES) {
      assert.ok(b.sources.length > 0 && b.title.trim() && b.issuer.trim(), `batch ${b.batch}`);
      b.sources.forEach((s) => checkSource(s, `batch ${b.batch}`));
      assert.match(b.date, /^20\d\d-\d\d-\d\d$/);
    }
  });

  it('no pilot twice: names and English names are unique', () => {
    const names = PILOTS.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
    const en = PILOTS.flatMap((p) => (p.nameEn ? [p.nameEn.toLowerCase()] : []));
    assert.equal(new Set(en).size, en.length);
    for (const n of names) assert.equal(n, n.trim(), n);
  });

  it('every value is one the schema allows for the pilot block', () => {
    const pilotSchema = schema('plan.schema.json').$defs.pilot.properties;
    const provinces: string[] = schema('common.schema.json').$defs.province.enum;
    for (const p of [...PILOTS, ...PILOT_GAPS]) {
      assert.ok(pilotSchema.type.enum.includes(p.type), p.type);
      assert.ok(provinces.includes(p.province), p.province);
      assert.ok(PILOT_BATCHES.some((b) => b.batch === p.batch));
    }
    for (const p of PILOTS) {
      if (p.parkLevel !== undefined) {
        assert.equal(p.type, 'park', `${p.name}: a city has no park level`);
        assert.ok(pilotSchema.parkLevel.enum.includes(p.parkLevel));
        assert.match(p.parkKind ?? '', p.parkLevel === 'national' ? /^国家级/ : /^省级/, p.name);
      }
      if (p.type === 'city') assert.match(p.name, /市$/, p.name);
    }
  });

  it('looks a pilot up by its name, spaces around it ignored', () => {
    assert.equal(pilotNamed(' 广州市 ')?.province, '广东省');
    assert.equal(pilotNamed('肇庆高新技术产业开发区')?.type, 'park');
    assert.equal(pilotNamed('广州'), undefined);
  });

  it('a name that may be an unconfirmed entry: its place, its batch, its province if given', () => {
    assert.equal(gapFor('赤峰高新技术产业开发区', 1, '内蒙古自治区')?.locality, '赤峰');
    assert.equal(gapFor('赤峰高新技术产业开发区', 1, undefined)?.locality, '赤峰');
    assert.equal(gapFor('赤峰高新技术产业开发区', 1, '广东省'), undefined);
    assert.equal(gapFor('赤峰高新技术产业开发区', 2, '内蒙古自治区'), undefined);
    assert.equal(gapFor('测试市', 1, '内蒙古自治区'), undefined);
  });
});
