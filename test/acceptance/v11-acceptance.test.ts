/**
 * The acceptance test of format v1.1: a plan written outside the project — a copy of
 * test/fixtures/v11-acceptance in a temporary folder, away from the repository — with every new
 * Plan section and two Progress years gets exactly two findings, in the checker and in the editor:
 * the 2025 non-fossil share behind its straight path (`indicator-behind`) and a baseline energy
 * structure that sums to 98.5 (`structure-sum`), each at its place.
 *
 * The places are stated below; the whole findings (messages included) are stated once for both
 * faces in test/golden/v11-acceptance.json, the CLI's JSON `files` with paths relative to the plan.
 * After an intended change of messages or ranges: UPDATE_GOLDEN=1 on this test, then review the diff.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { cliJson, type JsonFinding } from '../cli/run-cli';
import { LspClient, tempDir, uriOf } from '../lsp/client';
import { repoRoot } from '../util/plan';

const FIXTURE = nodePath.join(repoRoot(), 'test', 'fixtures', 'v11-acceptance');
const GOLDEN = nodePath.join(repoRoot(), 'test', 'golden', 'v11-acceptance.json');

/** The two planted faults, and nothing else: file, rule, severity, start and end (lines and columns from 1). */
const EXPECTED = [
  ['plan.pilot.yaml', 'structure-sum', 'error', 70, 5, 70, 14],
  ['progress-2025.pilot.yaml', 'indicator-behind', 'warning', 15, 39, 15, 42],
];

interface GoldenFile {
  path: string;
  findings: JsonFinding[];
}

const FILES = fs.readdirSync(FIXTURE).filter((f) => f.endsWith('.pilot.yaml')).sort();

/** A plan folder outside the repository: no configuration or plan of the project above it. */
function outsideCopy(): string {
  const dir = tempDir('pilot-v11-acceptance-');
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function places(files: GoldenFile[]): unknown[] {
  return files.flatMap((f) => f.findings.map((x) => [f.path, x.code, x.severity, x.line, x.column, x.endLine, x.endColumn]));
}

function golden(): GoldenFile[] {
  assert.ok(fs.existsSync(GOLDEN), `${nodePath.relative(repoRoot(), GOLDEN)} is missing: run this test with UPDATE_GOLDEN=1, review and commit it`);
  return JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as GoldenFile[];
}

/** What both faces state of a finding, in one key order: rule, severity, message, range. */
function norm(f: JsonFinding): JsonFinding {
  return { code: f.code, severity: f.severity, message: f.message, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn } as JsonFinding;
}

/** A published diagnostic in the CLI's JSON shape (lines and columns from 1). */
function asFinding(d: Diagnostic): JsonFinding {
  return norm({
    code: String(d.code),
    severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  } as JsonFinding);
}

describe('acceptance (format v1.1): a plan from outside with every new section and two Progress years', function () {
  this.timeout(60000);

  it('is the plan the issue describes: every v1.1 Plan section, new action fields, two Progress years', () => {
    const docs = FILES.map((f) => parse(fs.readFileSync(nodePath.join(FIXTURE, f), 'utf8')) as Record<string, unknown>);
    const plan = docs.find((d) => d.kind === 'Plan')!;
    for (const key of ['document', 'baseline', 'trend', 'reforms', 'technology', 'safeguards', 'actions']) assert.ok(plan[key], `Plan has ${key}`);
    const action = (plan.actions as Record<string, unknown>[])[0];
    for (const key of ['audience', 'lead', 'partners', 'startYear', 'endYear']) assert.ok(key in action, `an action has ${key}`);
    assert.deepEqual(docs.filter((d) => d.kind === 'Progress').map((d) => d.year).sort(), [2024, 2025]);
    for (const kind of ['Tasks', 'Projects', 'Indicators']) assert.ok(docs.some((d) => d.kind === kind), `a ${kind} file`);
  });

  it('the checker (`pilot-plan check --format json`) reports exactly those two findings at their places', () => {
    const dir = outsideCopy();
    const { result, report } = cliJson(['.'], { cwd: dir });
    assert.equal(result.status, 1, 'an error was found');
    const files = (report.files as GoldenFile[]).map((f) => ({ path: f.path, findings: f.findings.map(norm) })).sort((a, b) => a.path.localeCompare(b.path));
    assert.deepEqual(files.map((f) => f.path), FILES, 'every file of the plan is checked');
    assert.deepEqual(places(files), EXPECTED);
    assert.deepEqual(report.summary, { files: FILES.length, errors: 1, warnings: 1, infos: 0 });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, JSON.stringify(files, null, 2) + '\n');
    assert.deepEqual(files, golden(), `findings differ from ${nodePath.relative(repoRoot(), GOLDEN)}`);
  });

  it('the language server publishes exactly the same two diagnostics at the same ranges, every file open', async () => {
    const dir = outsideCopy();
    const expected = golden();
    assert.deepEqual(places(expected), EXPECTED, 'the golden file states the two planted faults');
    const client = await LspClient.start({ folder: dir, locale: 'en' });
    try {
      for (const f of FILES) client.open(nodePath.join(dir, f));
      const published = (): GoldenFile[] =>
        FILES.map((f) => ({ path: f, findings: (client.diagnostics.get(uriOf(nodePath.join(dir, f))) ?? []).map(asFinding).sort((a, b) => a.line - b.line || a.column - b.column) }));
      const lastPublication = () => Math.max(0, ...client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.at));
      const everyFilePublished = () => FILES.every((f) => client.diagnostics.has(uriOf(nodePath.join(dir, f))));
      try {
        // Equal, and still equal once the server has published nothing for a while (no late finding).
        await client.waitFor('diagnostics equal to the golden file, settled', () => everyFilePublished() && Date.now() - lastPublication() >= 500 && JSON.stringify(published()) === JSON.stringify(expected), 20000);
      } catch (e) {
        assert.deepEqual(published(), expected, 'published diagnostics');
        throw e;
      }
      assert.deepEqual(places(published()), EXPECTED);
    } finally {
      await client.stop();
    }
  });
});
