/**
 * Hostile values and hostile file names in every format: a value or a name may hold line
 * breaks, terminal escape sequences, bidirectional overrides and GitHub workflow commands
 * (`::error …::` at the start of a line, `##[error]` anywhere in one). Each format prints
 * them escaped for its medium (server/src/cli/formats/escape.ts): nothing raw reaches a
 * terminal or a CI log, and no line of a report is a workflow command but the github
 * format's own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { parseWorkflowCommand } from '../action/run-bundle';
import { check, cleanup, findAll, parseXml, tempTree } from './run-cli';
import { terminalText } from '../../server/src/cli/formats/escape';
import { valueText } from '../../server/src/engine/value-text';

/** What a value becomes in YAML's double-quoted escapes below. */
const VALUE = '\n::error file=evil.js,line=1::injected \u001b]0;TITLE\u0007 ##[error]legacy \u009b31m \u202eRTL |`<img src=x>[l](u)';
const YAML_VALUE = '"\\n::error file=evil.js,line=1::injected \\e]0;TITLE\\a ##[error]legacy \\x9b31m \\u202eRTL |`<img src=x>[l](u)"';
/** How the engine's messages show the value (cut short, its controls as escapes): the formats escape what is left for their medium. */
const SHOWN = valueText(VALUE);
const FILE = `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - {id: T-1, title: t, area: ${YAML_VALUE}, lead: x}\n`;
/** A file name with a line break, an escape sequence, both kinds of workflow command and Markdown. */
const NAME = '\n::warning::name \u001b[31mred ##[notice]n |`<b>[x](y).pilot.yaml';
/** A name that would itself start a line with a workflow command (after spaces). */
const COLONS = ' ::error file=a::starts.pilot.yaml';

/** Characters that must never be printed raw: controls but the line feed, DEL, C1, separators, bidi controls. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function assertTame(out: string, what: string, commandsAllowed = false) {
  const raw = RAW.exec(out);
  assert.ok(!raw, `${what}: a raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw?.index}: ${JSON.stringify(out.slice(Math.max(0, (raw?.index ?? 0) - 40), (raw?.index ?? 0) + 40))}`);
  if (!commandsAllowed) {
    // A line that starts with `::` is read as a command of that syntax first: in the github format's own commands, a `##[` is data.
    assert.ok(!out.includes('##['), `${what}: a legacy workflow command \`##[\`:\n${out}`);
    for (const line of out.split('\n')) assert.equal(parseWorkflowCommand(line), undefined, `${what}: a workflow command: ${JSON.stringify(line)}`);
  }
}

describe('cli: hostile values and file names are escaped in every format', function () {
  let dir: string;
  before(function () {
    // Windows holds no line break or `:` in a file name.
    if (process.platform === 'win32') this.skip();
    dir = tempTree({ [NAME]: FILE, [COLONS]: FILE });
  });
  after(() => dir && cleanup(dir));

  const run = (format: string) => {
    const r = check(['.', '-f', format], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    return r.stdout;
  };

  it('stylish: control characters as visible escapes, no line a workflow command', () => {
    const out = run('stylish');
    assertTame(out, 'stylish');
    assert.ok(out.includes(`\`${terminalText(SHOWN)}\``), out);
    assert.ok(terminalText(SHOWN).includes('##\\u005berror]'), 'the legacy command in the value is broken');
    assert.ok(out.includes('\\n::warning::name \\u001b[31mred ##\\u005bnotice]n |`<b>[x](y).pilot.yaml\n'), out);
    assert.match(out, /^ \\u003a:error file=a::starts\.pilot\.yaml$/m);
    // With colour the path is underlined: still escaped inside the colour codes.
    const coloured = check(['.', '--color'], { cwd: dir }).stdout.replace(/\u001b\[[0-9;]*m/g, '');
    assertTame(coloured, 'stylish --color');
  });

  it('json and sarif: the values exactly, as JSON escapes (DEL, C1, separators, bidi and `##[` too)', () => {
    const json = run('json');
    assertTame(json, 'json');
    const report = JSON.parse(json) as { files: { path: string; findings: { message: string }[] }[] };
    assert.deepEqual(report.files.map((f) => f.path).sort(), [COLONS, NAME].sort());
    for (const f of report.files) assert.ok(f.findings.some((x) => x.message.includes(`\`${SHOWN}\``)), JSON.stringify(f.findings));
    const sarif = run('sarif');
    assertTame(sarif, 'sarif');
    const log = JSON.parse(sarif);
    const results = log.runs[0].results as { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.some((r) => r.message.text.includes(`\`${SHOWN}\``)));
    assert.ok(results.some((r) => decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri) === NAME));
  });

  it('junit: well-formed XML; what XML cannot hold as a visible escape, line breaks as character references', () => {
    const xml = run('junit');
    assertTame(xml, 'junit');
    const root = parseXml(xml);
    const names = findAll(root, 'testcase').map((c) => c.attrs.name);
    assert.ok(names.includes(NAME.replace('\u001b', '\\u001b')), JSON.stringify(names));
    const text = findAll(root, 'failure').map((f) => f.text).join('\n');
    assert.ok(text.includes(SHOWN), text);
  });

  it('markdown: cells escaped (no HTML, link, code span or line break of the file), a row per finding', () => {
    const md = run('markdown');
    assertTame(md, 'markdown');
    assert.ok(!/(^|[^\\])<(img|b)\b/.test(md), md);
    assert.ok(!/(^|[^\\])\[(l|x)\]\(/.test(md), md);
    const rows = md.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l));
    assert.equal(rows.length, 4, md);
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 6, `a row has four cells: ${row}`);
    const headings = md.split('\n').filter((l) => l.startsWith('### '));
    assert.equal(headings.length, 2, md);
  });

  it('github: one command per finding, nothing else; the names and values reach the runner (controls but line breaks as escapes)', () => {
    const out = run('github');
    assertTame(out, 'github', true);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 4, out);
    const commands = lines.map((l) => parseWorkflowCommand(l));
    for (const c of commands) assert.ok(c && ['error', 'notice'].includes(c.command), JSON.stringify(c));
    assert.deepEqual([...new Set(commands.map((c) => c!.properties.file))].sort(), [COLONS, NAME.replace('\u001b', '\\u001b')].sort());
    // The engine's text keeps the C1 control (JSON escapes none above U+001F): here it is a visible escape.
    assert.ok(commands.some((c) => c!.message.includes(SHOWN.replace('\u009b', '\\u009b'))), JSON.stringify(commands.map((c) => c!.message)));
  });

  it('messages on standard error: a path named on the command line, a folder found in a walk', () => {
    const folder = tempTree({}, [`d/x\u001b]0;T\u0007##[error]y\n::error::z.pilot.yaml`]);
    try {
      fs.writeFileSync(nodePath.join(folder, 'd', 'ok.pilot.yaml'), 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
      const r = check(['d', `missing\u001b[2J##[error]x\n::error::y`], { cwd: folder });
      assert.equal(r.status, 2);
      assert.equal(r.stderr.trimEnd().split('\n').length, 2, r.stderr);
      assertTame(r.stderr, 'stderr');
      assertTame(r.stdout, 'stdout');
    } finally {
      cleanup(folder);
    }
  });
});
