/**
 * The offline runner's verdict in the web worker extension host (scripts/e2e/run-offline.mjs
 * --host web): a run whose suite has a failing assertion (PILOT_PLAN_E2E_PLANT=1) exits 1 and
 * reports `1 failing`, and the same tests without it pass, on the in-memory workspace too. Only
 * the suite's host checks run (PILOT_PLAN_E2E_GREP), which need no build of the extension for
 * the web. Skipped, saying why, where code-server or Chromium is not installed (npm test installs
 * both before this test when it runs the end-to-end suite, as CI does) or PILOT_PLAN_E2E=skip.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../cli/run-cli';

const RUNNER = nodePath.join(ROOT, 'scripts', 'e2e', 'run-offline.mjs');
const HOST_CHECKS = 'host: the extension host and the workspace the runner asked for';

describe('end-to-end runner in the web worker extension host: its verdict', function () {
  this.timeout(10 * 60_000);
  let artifacts: string;

  before(async function () {
    const why = await whyNot();
    if (why) {
      console.log(`    (skipped: ${why})`);
      this.skip();
    }
    artifacts = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-e2e-runner-'));
  });
  after(() => {
    if (artifacts) fs.rmSync(artifacts, { recursive: true, force: true });
  });

  function run(args: string[], extra: Record<string, string>) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('PILOT_PLAN_E2E_')) delete env[k];
    Object.assign(env, { PILOT_PLAN_E2E_GREP: HOST_CHECKS, PILOT_PLAN_E2E_ARTIFACTS: artifacts, PILOT_PLAN_E2E_TIMEOUT_MS: '300000' }, extra);
    const r = spawnSync(process.execPath, [RUNNER, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 8 * 60_000 });
    return { status: r.status, out: r.stdout, all: `${r.stdout}\n${r.stderr}` };
  }

  it('a planted failing assertion: exit status 1, `1 failing`, the planted test named', () => {
    const r = run(['--host', 'web'], { PILOT_PLAN_E2E_PLANT: '1' });
    assert.equal(r.status, 1, r.all);
    assert.match(r.out, /^\s*1 failing\b/m, r.all);
    assert.match(r.out, /^\s*[1-9]\d* passing\b/m, 'the other host checks still pass');
    assert.match(r.out, /1\) host: the extension host and the workspace the runner asked for\s+the examples are found and read through vscode\.workspace\.fs:/, r.all);
    assert.match(r.out, /no line "kind: Planted"/, 'the planted expectation is the reason');
    // The suite ran in the web worker host, inside the run's own folder of logs.
    assert.match(r.out, /\[e2e\] \d+ test files, .* web extension host, workspace vscode-remote:\/\//, r.all);
    assert.ok(fs.existsSync(nodePath.join(artifacts, 'web', 'e2e.log')));
  });

  it('the same checks without it pass, on the in-memory workspace too: exit status 0, no failing', () => {
    const r = run(['--host', 'web', '--fs', 'memfs'], {});
    assert.equal(r.status, 0, r.all);
    assert.doesNotMatch(r.out, /^\s*\d+ failing\b/m, r.all); // Mocha's summary line
    assert.match(r.out, /^\s*[1-9]\d* passing\b/m, r.all);
    assert.match(r.out, /\[e2e\] \d+ test files, .* web-memfs extension host, workspace memfs:\/workspace/, r.all);
  });
});

/** Why the runner cannot run here, or undefined. */
async function whyNot(): Promise<string | undefined> {
  if (process.env.PILOT_PLAN_E2E === 'skip') return 'PILOT_PLAN_E2E=skip leaves out the end-to-end runs, this one too';
  if (!fs.existsSync('/usr/bin/chromium')) return 'Debian\'s Chromium (/usr/bin/chromium) is not installed';
  const { codeServerPaths } = (await import(pathToFileURL(nodePath.join(ROOT, 'scripts', 'e2e', 'code-server.mjs')).href)) as {
    codeServerPaths(root: string): { marker: string; entry: string };
  };
  const p = codeServerPaths(ROOT);
  if (!fs.existsSync(p.marker) || !fs.existsSync(p.entry)) return `code-server is not installed (node scripts/e2e/run-offline.mjs --install; npm test does it)`;
  for (const f of ['out/test/e2e-web/suite/index.js', 'out/test/e2e-web/memfs/extension.js']) {
    if (!fs.existsSync(nodePath.join(ROOT, f))) return `${f} is missing: node build.mjs`;
  }
  return undefined;
}
