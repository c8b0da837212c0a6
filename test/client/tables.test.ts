/**
 * The client's tables (client/src/generated/tables.ts, written by build.mjs from
 * scripts/client-tables.ts) hold what the schemas and the rule registry hold, and the client
 * keeps no copy of its own and imports no engine module.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { RULES as ENGINE_RULES } from '../../server/src/engine/rules/registry';
import { PILOT_FILE as ENGINE_PILOT_FILE } from '../../server/src/engine/plan/walk';
import { ID_PATTERN, PILOT_FILE, PILOTS, PROVINCE_CODE, PROVINCE_EN, PROVINCES, RULES } from '../../client/src/generated/tables';
import { PROVINCE_CODES } from '../../scripts/province-codes';
import { PILOTS as ENGINE_PILOTS } from '../../server/src/engine/pilots';
import { repoRoot } from '../util/plan';

const root = repoRoot();
const schema = (name: string) => JSON.parse(fs.readFileSync(nodePath.join(root, 'schemas', name), 'utf8'));

/** Every .ts file under client/src, relative to the repository. */
function clientSources(dir = 'client/src'): string[] {
  return fs.readdirSync(nodePath.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    return e.isDirectory() ? clientSources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('client: the tables generated from the schemas and the rule registry', () => {
  const province = schema('common.schema.json').$defs.province;

  it('the provinces are the schema\'s enum, in its order', () => {
    assert.deepEqual(PROVINCES, province.enum);
    assert.equal(PROVINCES.length, 31);
  });

  it('each province\'s English name is the one its description in the schema gives', () => {
    assert.deepEqual(Object.keys(PROVINCE_EN), province.enum);
    province.enum.forEach((p: string, i: number) => assert.ok(province.enumDescriptions[i].startsWith(`${p} · ${PROVINCE_EN[p]} — `), p));
    assert.equal(PROVINCE_EN['西藏自治区'], 'Xizang (Tibet)');
  });

  it('each province has its own two-letter code (ISO 3166-2:CN), from scripts/province-codes.ts', () => {
    assert.deepEqual(Object.keys(PROVINCE_CODE), province.enum);
    assert.deepEqual(PROVINCE_CODE, PROVINCE_CODES);
    const codes = Object.values(PROVINCE_CODE);
    assert.ok(codes.every((c) => /^[A-Z]{2}$/.test(c)));
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(PROVINCE_CODE['广东省'], 'GD');
  });

  it('the ID pattern is the schema\'s for a plan\'s ID', () => {
    const ref = /#\/\$defs\/(\w+)$/.exec(schema('plan.schema.json').properties.id.$ref)![1];
    assert.equal(ID_PATTERN.source, new RegExp(schema('common.schema.json').$defs[ref].pattern).source);
    assert.equal(ID_PATTERN.flags, '');
  });

  it('the names of pilot files are the engine\'s', () => {
    assert.deepEqual([PILOT_FILE.source, PILOT_FILE.flags], [ENGINE_PILOT_FILE.source, ENGINE_PILOT_FILE.flags]);
  });

  it('the rules are the registry\'s: codes in order, default severities, titles in both languages', () => {
    assert.deepEqual(
      RULES.map((r) => [r.code, r.severity, r.en, r.zh]),
      ENGINE_RULES.map((r) => [r.code, r.defaultSeverity, r.title.en, r.title.zh]),
    );
  });

  it('the pilots are the engine\'s lists: name, English name, type, province, park level and batch, in order', () => {
    assert.deepEqual(
      PILOTS.map((p) => [p.name, p.nameEn, p.type, p.province, p.parkLevel, p.batch]),
      ENGINE_PILOTS.map((p) => [p.name, p.nameEn, p.type, p.province, p.parkLevel, p.batch]),
    );
    assert.ok(PILOTS.some((p) => p.name === '广州市' && p.type === 'city' && p.province === '广东省' && p.batch === 1));
    // The sources stay with the engine's data.
    assert.ok(PILOTS.every((p) => !('sources' in p)));
  });

  it('no other client module holds a copy of them', () => {
    const copies = [province.enum[4], PROVINCE_EN[province.enum[4]], ID_PATTERN.source, ENGINE_RULES[4].title.en, ENGINE_RULES[4].title.zh, ENGINE_PILOTS[ENGINE_PILOTS.length - 1].name, ENGINE_PILOTS.filter((p) => p.nameEn).at(-1)!.nameEn!];
    for (const f of clientSources().filter((f) => !f.startsWith('client/src/generated/'))) {
      const text = fs.readFileSync(nodePath.join(root, f), 'utf8');
      for (const c of copies) assert.ok(!text.includes(c), `${f} holds ${c}`);
    }
  });

  it('the client imports vscode, the language client, its own modules and dependency-free server modules only: never the engine', () => {
    const allowed = (from: string, spec: string) => {
      if (!spec.startsWith('.')) return spec === 'vscode' || spec.startsWith('vscode-languageclient');
      const p = nodePath.posix.join(nodePath.posix.dirname(from), spec);
      return p.startsWith('client/src/') || p === 'server/src/lsp/protocol' || p.startsWith('server/src/common/');
    };
    const specs = (text: string) => [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    const bad: string[] = [];
    for (const f of clientSources()) for (const s of specs(fs.readFileSync(nodePath.join(root, f), 'utf8'))) if (!allowed(f, s)) bad.push(`${f}: ${s}`);
    assert.deepEqual(bad, []);
    // …and the server modules it imports import nothing themselves (server/src/common/uri-path.ts, the server's, may).
    const shared = new Set<string>();
    for (const f of clientSources()) {
      for (const spec of specs(fs.readFileSync(nodePath.join(root, f), 'utf8'))) {
        const p = spec.startsWith('.') ? nodePath.posix.join(nodePath.posix.dirname(f), spec) : '';
        if (p.startsWith('server/src/')) shared.add(`${p}.ts`);
      }
    }
    assert.ok(shared.has('server/src/lsp/protocol.ts') && shared.has('server/src/common/yaml-scalar.ts'), [...shared].join(', '));
    for (const f of shared) assert.deepEqual(specs(fs.readFileSync(nodePath.join(root, f), 'utf8')), [], f);
  });
});
