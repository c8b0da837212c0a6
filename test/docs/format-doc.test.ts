/**
 * docs/format.md against what the project implements: every object the
 * schemas define has a field table with exactly its fields (and which are
 * required), every enumeration a table with exactly its values, the rule
 * catalogue lists the registry's rules with their severities and scopes, the
 * national table is the engine's, the checker's options are all there; and
 * every relative link of the docs resolves, anchors included, inside the
 * repository. The tables are found by the HTML comments that precede them
 * (`<!-- schema-object: … -->`, `<!-- schema-enum: … -->`, …).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';
import { RULES } from '../../server/src/engine/rules/registry';
import { NATIONAL_TARGETS } from '../../server/src/engine/national-targets';
import { MAX_FILE_BYTES } from '../../server/src/engine/parse/decode';
import { SKIPPED_DIRS } from '../../server/src/engine/plan/workspace';
import { CONFIG_FILE_NAME } from '../../server/src/engine/plan/config';
import { SUPPORTED_API_VERSIONS } from '../../server/src/engine/rules/api-version';
import { FORMATS } from '../../server/src/cli/formats/index';
import { CHECK_OPTIONS } from '../../server/src/cli/check-command';
import { COMMON_OPTIONS } from '../../server/src/cli/command-args';

const root = repoRoot();
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const DOC = 'docs/format.md';

type Json = Record<string, unknown>;
const SCHEMAS: Record<string, Json> = Object.fromEntries(
  fs
    .readdirSync(path.join(root, 'schemas'))
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => [f, JSON.parse(read(`schemas/${f}`))]),
);

/** `plan.schema.json#/$defs/pilot` → the subschema. */
function schemaAt(ref: string): Json {
  const [file, pointer] = ref.split('#');
  let node: unknown = SCHEMAS[file];
  assert.ok(node, `no schema file ${file}`);
  for (const step of (pointer ?? '').split('/').slice(1)) node = (node as Json)[step.replace(/~1/g, '/').replace(/~0/g, '~')];
  assert.ok(node && typeof node === 'object', `nothing at ${ref}`);
  return node as Json;
}

/** Every subschema of every schema file with its `file#pointer`, branches of if/then/else left out (they refine, they do not define). */
function* subschemas(): Generator<[string, Json]> {
  function* walk(file: string, node: unknown, pointer: string): Generator<[string, Json]> {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node)) yield [`${file}#${pointer}`, node as Json];
    for (const [k, v] of Object.entries(node)) {
      if (k === 'if' || k === 'then' || k === 'else' || k === 'examples' || k === 'enumDescriptions') continue;
      yield* walk(file, v, `${pointer}/${k}`);
    }
  }
  for (const [file, schema] of Object.entries(SCHEMAS)) yield* walk(file, schema, '');
}

/** The cells of a Markdown table row (`\|` is a pipe inside a cell). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

interface MarkedTable {
  marker: string;
  args: string[];
  rows: string[][];
  line: number;
}

/** The tables right after `<!-- name: args -->` comments, body rows only. */
function markedTables(text: string): MarkedTable[] {
  const lines = text.split('\n');
  const out: MarkedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!--\s*([a-z-]+)(?::\s*(.*?))?\s*-->\s*$/.exec(lines[i]);
    if (!m) continue;
    const rows: string[][] = [];
    let j = i + 1;
    while (j < lines.length && lines[j].startsWith('|')) rows.push(cells(lines[j++]));
    assert.ok(rows.length >= 2, `${DOC}:${i + 1}: the marker ${m[1]} is not followed by a table`);
    out.push({ marker: m[1], args: (m[2] ?? '').split(/\s+/).filter(Boolean), rows: rows.slice(2), line: i + 1 });
  }
  return out;
}

/** The first `code` of a cell: a field name, a value, an option. */
function codeOf(cell: string): string | undefined {
  return /`([^`]+)`/.exec(cell)?.[1];
}

const doc = read(DOC);
const tables = markedTables(doc);
const tablesOf = (marker: string) => tables.filter((t) => t.marker === marker);

/** The text of the section under the heading with anchor `id`, up to the next heading of its level or above (code blocks skipped). */
function section(id: string): string {
  const lines = doc.split('\n');
  const at = lines.indexOf(`<a id="${id}"></a>`);
  assert.ok(at >= 0, `${DOC} has no anchor ${id}`);
  let start = at + 1;
  while (start < lines.length && !/^#+ /.test(lines[start])) start++;
  assert.ok(start < lines.length, `no heading after anchor ${id}`);
  const level = /^#+/.exec(lines[start])![0].length;
  let end = start + 1;
  let fenced = false;
  for (; end < lines.length; end++) {
    if (/^\s*(```|~~~)/.test(lines[end])) fenced = !fenced;
    const h = !fenced && /^(#+) /.exec(lines[end]);
    if (h && h[1].length <= level) break;
  }
  return lines.slice(start, end).join('\n');
}

describe('docs/format.md: the format document', () => {
  it('has a section for every kind the schemas define', () => {
    const kinds = schemaAt('pilot-plan.schema.json#/properties/kind').enum as string[];
    assert.deepEqual(kinds, ['Plan', 'Tasks', 'Projects', 'Indicators', 'Progress']);
    for (const kind of kinds) {
      const text = section(`kind-${kind.toLowerCase()}`);
      assert.match(text, new RegExp(`^### kind: ${kind}\\n`), `the section of kind ${kind}`);
      assert.match(text, new RegExp(`\\nkind: ${kind}\\n`), `an example file of kind ${kind}`);
      assert.ok(text.includes(`<!-- schema-object: ${kind === 'Plan' ? 'plan' : kind.toLowerCase()}.schema.json# -->`), `the fields of a ${kind} file`);
    }
  });

  it('has a table with exactly the values of every enumeration in the schemas', () => {
    const enums = [...subschemas()].filter(([, s]) => Array.isArray(s.enum));
    assert.ok(enums.length >= 18, `found ${enums.length} enumerations`);
    const documented = new Map<string, MarkedTable>();
    // The national targets table is also the table of `nationalRef`'s values.
    for (const t of [...tablesOf('schema-enum'), ...tablesOf('national-targets')]) {
      assert.equal(t.args.length, 1, `${DOC}:${t.line}: one enumeration per table`);
      assert.ok(!documented.has(t.args[0]), `${DOC}:${t.line}: ${t.args[0]} documented twice`);
      documented.set(t.args[0], t);
    }
    for (const [ref, s] of enums) {
      const t = documented.get(ref);
      assert.ok(t, `${DOC} has no table of the values of ${ref} (a <!-- schema-enum: ${ref} --> table)`);
      const values = t.rows.map((r) => codeOf(r[0]));
      assert.deepEqual([...values].sort(), (s.enum as string[]).map(String).sort(), `${DOC}:${t.line}: the values of ${ref}`);
      documented.delete(ref);
    }
    assert.deepEqual([...documented.keys()], [], 'tables of enumerations the schemas do not have');
  });

  it('has a field table for every object the schemas define, with exactly its fields and which are required', () => {
    // requireApiVersion only declares the required key for the file schemas (schemas/README.md).
    const objects = [...subschemas()].filter(([ref, s]) => s.properties && typeof s.properties === 'object' && !ref.endsWith('/requireApiVersion'));
    assert.ok(objects.length >= 20, `found ${objects.length} objects`);
    const documented = new Map<string, MarkedTable>();
    for (const t of tablesOf('schema-object')) for (const ref of t.args) documented.set(ref, t);
    for (const [ref, s] of objects) {
      const t = documented.get(ref);
      assert.ok(t, `${DOC} has no field table of ${ref} (a <!-- schema-object: ${ref} --> table)`);
      const fields = t.rows.map((r) => codeOf(r[0]));
      assert.deepEqual([...fields].sort(), Object.keys(s.properties as Json).sort(), `${DOC}:${t.line}: the fields of ${ref}`);
      const required = new Set((s.required as string[] | undefined) ?? []);
      // The file schemas require apiVersion through an allOf.
      if (JSON.stringify(s.allOf ?? []).includes('requireApiVersion')) required.add('apiVersion');
      const conditional = new Set<string>();
      for (const branch of [s, ...((s.allOf as Json[] | undefined) ?? [])])
        for (const part of [branch.then, branch.else] as (Json | undefined)[]) for (const k of (part?.required as string[] | undefined) ?? []) conditional.add(k);
      for (const row of t.rows) {
        const field = codeOf(row[0])!;
        const says = row[1].startsWith('必填') ? 'required' : row[1].startsWith('条件必填') ? 'conditional' : row[1] === '' ? 'optional' : `"${row[1]}"`;
        const is = required.has(field) ? 'required' : conditional.has(field) ? 'conditional' : 'optional';
        assert.equal(says, is, `${DOC}:${t.line}: \`${field}\` of ${ref}`);
        assert.ok(row.length >= 5 && row[3] && row[4], `${DOC}:${t.line}: \`${field}\` of ${ref} is described in Chinese and English`);
      }
      documented.delete(ref);
    }
    assert.deepEqual([...documented.keys()], [], 'field tables of objects the schemas do not have');
  });

  it('states the ID pattern, the supported versions, the limits, the skipped folders and the configuration file', () => {
    assert.ok(doc.includes(`\`${schemaAt('common.schema.json#/$defs/id').pattern}\``), 'the ID pattern');
    for (const v of SUPPORTED_API_VERSIONS) assert.ok(doc.includes(`apiVersion: ${v}`), v);
    assert.ok(doc.includes(`${MAX_FILE_BYTES / (1024 * 1024)} MiB`), 'the file size limit');
    const discovery = section('plan-discovery');
    for (const dir of SKIPPED_DIRS) assert.ok(discovery.includes(`\`${dir}\``), `the skipped folder ${dir}`);
    assert.ok(section('configuration').includes(CONFIG_FILE_NAME));
    assert.ok(section('suppression').includes('# pilot-plan-disable-next-line'));
  });

  it('lists every rule of the registry in its catalogue, in order, with its severity, scope and whether it needs a plan', () => {
    const [t] = tablesOf('rule-catalogue');
    assert.ok(t, 'the rule catalogue table');
    assert.deepEqual(
      t.rows.map((r) => codeOf(r[0])),
      RULES.map((r) => r.code),
    );
    for (const [i, rule] of RULES.entries()) {
      const [code, severity, scope, needsPlan, zh, en] = t.rows[i];
      assert.ok(code.includes(`(rules/${rule.code}.md)`), `${rule.code} links to its page`);
      assert.equal(severity, rule.defaultSeverity, `the default severity of ${rule.code}`);
      assert.equal(scope, rule.scope, `the scope of ${rule.code}`);
      assert.equal(needsPlan.startsWith('是'), !!rule.needsPlan, `whether ${rule.code} needs a plan`);
      assert.ok(zh && en, `${rule.code} is described in Chinese and English`);
    }
  });

  it('holds the engine\'s national targets table', () => {
    const [t] = tablesOf('national-targets');
    assert.ok(t, 'the national targets table');
    assert.deepEqual(
      t.rows.map((r) => codeOf(r[0])),
      Object.keys(NATIONAL_TARGETS),
    );
    assert.deepEqual(Object.keys(NATIONAL_TARGETS).sort(), (schemaAt('indicators.schema.json#/$defs/indicator/properties/nationalRef').enum as string[]).slice().sort());
    for (const row of t.rows) {
      const ind = NATIONAL_TARGETS[codeOf(row[0]) as keyof typeof NATIONAL_TARGETS];
      assert.equal(codeOf(row[3]), ind.type, `the type of ${ind.key}`);
      // What the rule compares the indicator's targets with (docs/rules/national-target.md).
      const compared = { national: '国家同期降幅', province: '所在省份的目标', none: '不比较' }[ind.comparison];
      assert.ok(row[7]?.startsWith(compared), `${ind.key}: compared with ${ind.comparison}, in "${row[7]}"`);
      for (const [year, cell] of [
        [2025, row[4]],
        [2030, row[5]],
        [2035, row[6]],
      ] as const) {
        const target = ind.targets.find((x) => x.year === year);
        if (!target) {
          assert.equal(cell, '—', `${ind.key} has no national target for ${year}`);
          continue;
        }
        // Capacities are in MW in the table of the engine, in GW in the document.
        const figure = ind.quantity === 'capacity' ? `${(target.value / 1000).toLocaleString('en-US')} GW` : `${target.value}%`;
        assert.ok(cell.includes(figure), `${ind.key} ${year}: ${figure} in "${cell}"`);
        if (target.referenceYear) assert.ok(cell.includes(String(target.referenceYear)), `${ind.key} ${year}: against ${target.referenceYear}`);
      }
      assert.deepEqual(ind.targets.map((x) => x.year).filter((y) => y !== 2025 && y !== 2030 && y !== 2035), [], `${ind.key}: every year has a column`);
    }
  });

  it("lists every option of the checker, every output format and the exit statuses", () => {
    // The checker's parseArgs options: its own and those every command takes.
    const options = Object.entries({ ...CHECK_OPTIONS, ...COMMON_OPTIONS }).map(([name, o]) => [name, name, 'short' in o ? o.short : undefined] as const);
    assert.ok(options.length >= 8, `found ${options.length} options`);
    const table = section('checker-options')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => cells(l)[0]);
    for (const [, name, short] of options) {
      assert.ok(table.some((c) => c.includes(`\`--${name}\``)), `--${name} in the options table`);
      if (short) assert.ok(table.some((c) => c.includes(`\`--${name}\`, \`-${short}\``)), `-${short} beside --${name}`);
    }
    const formats = section('output-formats')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => codeOf(cells(l)[0]));
    assert.deepEqual(formats.slice().sort(), Object.keys(FORMATS).sort());
    const statuses = section('exit-status')
      .split('\n')
      .filter((l) => /^\| \d /.test(l))
      .map((l) => cells(l)[0]);
    assert.deepEqual(statuses, ['0', '1', '2', '3']);
    assert.ok(section('language-server').includes('pilot-plan lsp --stdio'));
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** The anchors a Markdown file offers: explicit `<a id>`s and its headings' slugs (repeats numbered as GitHub does). */
function anchorsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) out.add(m[1]);
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const h = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!h) continue;
    const base = slug(h[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** The link targets of a Markdown text, outside code blocks and code spans. */
function linksOf(text: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const prose = line.replace(/`[^`]*`/g, '``');
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push({ target: m[1], line: i + 1 });
  });
  return out;
}

/** The documents whose links must resolve: the docs, and the READMEs beside the code. */
function documents(): string[] {
  const list = (dir: string) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${dir}/${f}`);
  return [...list('docs'), ...list('docs/rules'), 'schemas/README.md', 'examples/README.md', 'examples/broken/README.md', 'scripts/e2e/README.md', 'bench/README.md'];
}

describe('docs: links', () => {
  const docs = documents();

  it('covers the format document and every rule page', () => {
    assert.ok(docs.includes(DOC));
    for (const r of RULES) assert.ok(docs.includes(`docs/rules/${r.code}.md`), `docs/rules/${r.code}.md`);
  });

  it('every relative link resolves to a file of the repository, and to an anchor in it', () => {
    const problems: string[] = [];
    const anchors = new Map<string, Set<string>>();
    const anchorsIn = (file: string) => {
      let a = anchors.get(file);
      if (!a) anchors.set(file, (a = anchorsOf(fs.readFileSync(file, 'utf8'))));
      return a;
    };
    let checked = 0;
    for (const d of docs) {
      const from = path.join(root, d);
      for (const { target, line } of linksOf(read(d))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: — not files of the repository
        const [file, anchor] = target.split('#');
        const resolved = file ? path.resolve(path.dirname(from), decodeURI(file)) : from;
        checked++;
        if (path.relative(root, resolved).startsWith('..')) {
          problems.push(`${d}:${line}: ${target} leads out of the repository`);
          continue;
        }
        if (!fs.existsSync(resolved)) {
          problems.push(`${d}:${line}: ${target} does not exist`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchorsIn(resolved).has(decodeURI(anchor))) problems.push(`${d}:${line}: ${target}: no such anchor`);
      }
    }
    assert.ok(checked > 100, `only ${checked} links checked`);
    assert.deepEqual(problems, []);
  });

  it('names no document outside the repository, in the docs or beside the code', () => {
    // Built from parts, so that this file does not name them itself.
    const outside = [new RegExp('\\.\\./' + 'shared'), new RegExp('(^|[^\\w.-])/wo' + 'rk/'), new RegExp('plan-' + 'format\\.md'), new RegExp('\\bdomain' + '\\.md'), new RegExp('vscode-' + 'e2e\\.md')];
    const self = path.join('test', 'docs', 'format-doc.test.ts');
    const skip = new Set(['node_modules', 'out', 'dist', 'generated', 'results', 'fixtures', '.vscode-test', 'test-artifacts']);
    const files: string[] = [...docs];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!skip.has(e.name)) walk(p);
        } else if (/\.(ts|mjs|js|json|ya?ml|md)$/.test(e.name) && p !== self && p !== path.join('bench', 'HISTORY.md')) files.push(p);
      }
    };
    for (const dir of ['docs', 'schemas', 'examples', 'scripts', 'server/src', 'client/src', 'test', 'bench', '.ci']) if (fs.existsSync(path.join(root, dir))) walk(dir);
    if (fs.existsSync(path.join(root, '.ci', 'run'))) files.push(path.join('.ci', 'run'));
    const problems: string[] = [];
    for (const f of new Set(files)) {
      read(f)
        .split('\n')
        .forEach((l, i) => {
          if (outside.some((o) => o.test(l))) problems.push(`${f}:${i + 1}: ${l.trim().slice(0, 100)}`);
        });
    }
    assert.ok(files.length > 100, `only ${files.length} files read`);
    assert.deepEqual(problems, []);
  });
});
