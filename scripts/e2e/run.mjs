#!/usr/bin/env node
// End-to-end tests in a real VS Code: picks the runner this machine allows.
//
//   PILOT_PLAN_E2E=electron  @vscode/test-electron downloads VS Code (needs the internet)
//   PILOT_PLAN_E2E=offline   code-server from the npm registry + Debian's Chromium (default)
//
// The default is offline because it needs only the npm and Debian registries,
// which is what this project's machines and CI can reach; a developer with the
// internet may prefer electron. Builds first when the bundles are missing.
// Extra arguments go to the runner (e.g. --install for the offline one).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.env.PILOT_PLAN_E2E || 'offline';
if (!['offline', 'electron'].includes(mode)) {
  console.error(`[e2e] PILOT_PLAN_E2E must be offline or electron, not ${mode}`);
  process.exit(2);
}
const needed = ['dist/client.js', 'dist/server.js', 'out/test/e2e/suite/index.js', 'out/test/e2e-web/suite/index.js', 'out/test/e2e-web/memfs/extension.js'];
if (needed.some((f) => !existsSync(join(root, f)))) {
  console.error('[e2e] building first (node build.mjs)');
  const b = spawnSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(2);
}
console.error(`[e2e] runner: ${mode}`);
const child = spawn(process.execPath, [join(root, 'scripts', 'e2e', `run-${mode}.mjs`), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Pass signals on, so the runner stops what it started (code-server runs in its own process group).
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
