#!/usr/bin/env node
// Runs the e2e suite in a VS Code (Electron) that @vscode/test-electron downloads
// into .vscode-test/ — for machines that can reach update.code.visualstudio.com.
// On machines that cannot (this project's CI), use run-offline.mjs; run.mjs picks.
//
// Environment: PILOT_PLAN_E2E_VSCODE_VERSION (default 'stable'; e.g. 1.91.0 for the
// engines.vscode minimum), PILOT_PLAN_E2E_GREP, PILOT_PLAN_E2E_KEEP=1.
// Headless Linux needs a display: run under `xvfb-run -a`.
import { runTests } from '@vscode/test-electron';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace } from './workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (...a) => console.error('[e2e]', ...a);

async function main() {
  const host = process.argv.indexOf('--host');
  if (host >= 0 && process.argv[host + 1] !== 'node') {
    log('the Electron runner has the Node extension host only; --host web needs the offline runner (PILOT_PLAN_E2E=offline)');
    return 2;
  }
  const suite = join(root, 'out', 'test', 'e2e', 'suite', 'index.js');
  if (!existsSync(suite) || !existsSync(join(root, 'dist', 'client.js'))) {
    log('build first: node build.mjs (scripts/e2e/run.mjs does)');
    return 2;
  }
  const { tmp, workspace, userDataDir, extensionsDir } = prepareWorkspace(root);
  const t0 = Date.now();
  try {
    await runTests({
      version: process.env.PILOT_PLAN_E2E_VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
      ],
      extensionTestsEnv: { PILOT_PLAN_E2E_RUNNER: 'electron', ...(process.env.PILOT_PLAN_E2E_GREP ? { PILOT_PLAN_E2E_GREP: process.env.PILOT_PLAN_E2E_GREP } : {}) },
    });
    // run() in the suite rejects on any failure and when no test ran, so reaching here means it passed.
    log(`passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    log(`failed: ${e?.message ?? e}`);
    return 1;
  } finally {
    if (process.env.PILOT_PLAN_E2E_KEEP !== '1') rmSync(tmp, { recursive: true, force: true });
  }
}

process.exit(await main());
