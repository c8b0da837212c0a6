/**
 * The npm package as a user gets it: `npm pack` of the built project, the tarball installed into
 * an empty folder (and globally, into a prefix of its own), and the installed `pilot-plan` run on
 * plans written outside the project: `check` and `lsp --stdio`. `npm test` builds first.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectations } from '../util/examples';
import { assertNoStack, englishEnv, ROOT, type JsonReport } from './run-cli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = englishEnv()): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120000 });
  if (r.error) throw r.error;
  return r;
}

/** npm's own settings from the environment (npm test sets some) must not steer the installs under test. */
function cleanNpmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(englishEnv()).filter(([k]) => !/^npm_/i.test(k)));
}

describe('npm package: packed, installed elsewhere, run', function () {
  this.timeout(180000);
  let work: string;
  let tarball: string;
  let installed: string;

  before(() => {
    work = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-pack-'));
    // The bundles are built (npm test builds first); prepare would build them again.
    const r = run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT, cleanNpmEnv());
    assert.equal(r.status, 0, r.stderr);
    const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = nodePath.join(work, info.filename);
    const project = nodePath.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(nodePath.join(project, 'package.json'), '{ "name": "uses-pilot-plan", "private": true }\n');
    const i = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], project, cleanNpmEnv());
    assert.equal(i.status, 0, `npm install of the tarball failed:\n${i.stderr}`);
    installed = nodePath.join(project, 'node_modules', '.bin', 'pilot-plan');
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the runtime files only: bundles, schemas, rule pages; no sources, tests, maps or benchmarks', () => {
    const r = run(NPM, ['pack', '--ignore-scripts', '--dry-run', '--json'], ROOT, cleanNpmEnv());
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const want of ['bin/pilot-plan.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/report-run.js', 'dist/export-run.js', 'dist/vendor/echarts.js', 'dist/vendor/docx.js', 'dist/vendor/exceljs.js', 'dist/server.js', 'dist/vendor/yaml.js', 'schemas/plan.schema.json', 'docs/rules/orphan.md', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(want), `${want} is not packed`);
    }
    const unwanted = files.filter((f) => /\.ts$|\.map$|^(test|bench|server|client|scripts|examples)\//.test(f));
    assert.deepEqual(unwanted, []);
    const pkg = JSON.parse(fs.readFileSync(nodePath.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object };
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'the bundles carry their libraries: nothing to install at run time');
  });

  it('checks a clean plan written outside the project: exit 0', () => {
    const plans = nodePath.join(work, 'clean');
    fs.cpSync(nodePath.join(ROOT, 'examples', 'guangzhou'), plans, { recursive: true });
    const r = run(installed, ['check', '.'], plans);
    assertNoStack(r);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No problems in 6 files/);
  });

  it('reports a plan written outside the project: HTML with a chart per indicator, and Markdown', () => {
    const plans = nodePath.join(work, 'report');
    fs.cpSync(nodePath.join(ROOT, 'examples', 'guangzhou'), plans, { recursive: true });
    const r = run(installed, ['report', '.', '--output', 'report.html', '--locale', 'en'], plans);
    assertNoStack(r);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const html = fs.readFileSync(nodePath.join(plans, 'report.html'), 'utf8');
    assert.equal(html.split('<div class="card"><h3>').length - 1, 11);
    assert.equal(html.split('<svg').length - 1, 11 + 4);
    const md = run(installed, ['report', '.', '--format', 'md'], plans);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /```mermaid\ngantt\n/);
  });

  it('exports a plan written outside the project: a Word document and an Excel workbook', () => {
    const plans = nodePath.join(work, 'export');
    fs.cpSync(nodePath.join(ROOT, 'examples', 'guangzhou'), plans, { recursive: true });
    for (const format of ['docx', 'xlsx']) {
      const r = run(installed, ['export', '.', '--format', format, '--output', `plan.${format}`, '--locale', 'zh-CN'], plans);
      assertNoStack(r);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const bytes = fs.readFileSync(nodePath.join(plans, `plan.${format}`));
      // A zip (both are), holding the part its format names.
      assert.equal(bytes.subarray(0, 2).toString(), 'PK');
      assert.ok(bytes.includes(format === 'docx' ? 'word/document.xml' : 'xl/workbook.xml'), `plan.${format} is no ${format}`);
    }
  });

  it('checks a broken plan written outside the project: every fault at its line, exit 1', () => {
    const plans = nodePath.join(work, 'broken');
    const want: string[] = [];
    for (const rule of ['schema', 'target-direction', 'unresolved-reference']) {
      fs.cpSync(nodePath.join(ROOT, 'examples', 'broken', rule), nodePath.join(plans, rule), { recursive: true });
      want.push(...expectations(nodePath.join(ROOT, 'examples', 'broken', rule)).map((e) => e.replace(/^examples\/broken\//, '')));
    }
    const r = run(installed, ['check', '.', '--format', 'json'], plans);
    assertNoStack(r);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    const got = report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.code}`)).sort();
    assert.deepEqual(got, want.sort());
  });

  it('serves LSP over stdio: initialize, then diagnostics for a broken file', async () => {
    const folder = nodePath.join(work, 'lsp');
    fs.cpSync(nodePath.join(ROOT, 'examples', 'broken', 'target-direction'), folder, { recursive: true });
    const file = fs.readdirSync(folder).map((f) => nodePath.join(folder, f)).find((f) => f.endsWith(".pilot.yaml"))!;
    const child = spawn(installed, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = Buffer.alloc(0);
    let stderr = '';
    const messages: { id?: number; method?: string; result?: { capabilities?: object }; params?: { uri: string; diagnostics: unknown[] } }[] = [];
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
        if (buf.length < head + 4 + length) return;
        messages.push(JSON.parse(buf.subarray(head + 4, head + 4 + length).toString('utf8')));
        buf = buf.subarray(head + 4 + length);
      }
    });
    const send = (m: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const waitFor = async <T>(what: string, pick: () => T | undefined): Promise<T> => {
      const deadline = Date.now() + 20000;
      for (;;) {
        const v = pick();
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`no ${what} from the installed server; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      const uri = pathToFileURL(folder).href;
      send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'lsp' }], capabilities: {} } });
      const init = await waitFor('initialize result', () => messages.find((m) => m.id === 1));
      assert.ok(init.result?.capabilities, JSON.stringify(init));
      send({ method: 'initialized', params: {} });
      const fileUri = pathToFileURL(file).href;
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri: fileUri, languageId: 'pilot-plan', version: 1, text: fs.readFileSync(file, 'utf8') } } });
      const published = await waitFor('diagnostics', () =>
        messages.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === fileUri && m.params.diagnostics.length > 0),
      );
      const planted = fs.readFileSync(file, 'utf8').split('\n').filter((l) => /#\s*expect:.*target-direction/.test(l)).length;
      assert.ok(planted > 0);
      assert.equal(published.params!.diagnostics.length, planted);
      send({ id: 2, method: 'shutdown' });
      await waitFor('shutdown result', () => messages.find((m) => m.id === 2));
      send({ method: 'exit' });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0);
    } finally {
      child.kill();
    }
  });

  it('installs globally (npm install -g) and runs from the prefix', () => {
    const prefix = nodePath.join(work, 'global');
    const i = run(NPM, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], work, cleanNpmEnv());
    assert.equal(i.status, 0, i.stderr);
    const bin = process.platform === 'win32' ? nodePath.join(prefix, 'pilot-plan.cmd') : nodePath.join(prefix, 'bin', 'pilot-plan');
    const plans = nodePath.join(work, 'global-plans');
    fs.cpSync(nodePath.join(ROOT, 'examples', 'shenzhen'), plans, { recursive: true });
    const r = run(bin, ['check', plans], work);
    assertNoStack(r);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const v = run(bin, ['--version'], work);
    assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(nodePath.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
