// Which extension host and file system a run of the offline runner uses, and what the web
// worker host needs for it (scripts/e2e/README.md, "The web worker extension host"):
//
//   --host node           the Node extension host, workspace on disk (the default)
//   --host web            the browser's web worker extension host, workspace on disk (vscode-remote:)
//   --host web --fs memfs the web worker host, workspace on the suite's in-memory file system (memfs:)
//
// The web host loads the tests module with only `vscode` to require and has no environment, so
// the runner writes a copy of the suite's web bundle, with the settings before it, inside a copy of
// the suite's web extension (test/e2e/memfs: the in-memory file system, and the workspace it copies
// at activation), installed into the run's extensions folder.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_SUITE = join('out', 'test', 'e2e-web', 'suite', 'index.js');
export const MEMFS_EXTENSION = join('out', 'test', 'e2e-web', 'memfs', 'extension.js');
/** Where the memfs extension shows the workspace: the page opens this folder. */
export const MEMFS_FOLDER = 'memfs:/workspace';
/** The runner's settings the suite reads (test/e2e/env.ts), passed on to the web host as they are. */
const PASSED_ON = ['PILOT_PLAN_E2E_GREP', 'PILOT_PLAN_E2E_TEST_TIMEOUT_MS', 'PILOT_PLAN_E2E_PLANT'];

/** `{ host, fs, name }` from the command line; name is the run's: node, web or web-memfs. Throws on anything else. */
export function parseHostArgs(argv) {
  const value = (flag, fallback) => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
    return argv[i + 1];
  };
  const host = value('--host', 'node');
  const fs = value('--fs', 'disk');
  if (!['node', 'web'].includes(host)) throw new Error(`--host must be node or web, not ${host}`);
  if (!['disk', 'memfs'].includes(fs)) throw new Error(`--fs must be disk or memfs, not ${fs}`);
  if (fs === 'memfs' && host !== 'web') throw new Error('--fs memfs needs --host web (the in-memory file system is a web extension)');
  return { host, fs, name: fs === 'memfs' ? 'web-memfs' : host };
}

/** The bundles a run needs, relative to the repository; the runner says which is missing. */
export function neededFiles({ host }) {
  if (host === 'node') return [join('dist', 'client.js'), join('out', 'test', 'e2e', 'suite', 'index.js')];
  return [WEB_SUITE, MEMFS_EXTENSION];
}

/** Node's process.env entries the web host gets, with the run's own. */
export function suiteSettings(env, own) {
  const out = {};
  for (const k of PASSED_ON) if (env[k] !== undefined) out[k] = env[k];
  return { ...out, ...own };
}

/**
 * Installs the run's copy of the suite's web extension, sets the run's user settings for the web host,
 * and returns the page's `folder` parameter and payload.
 * `remote(path)` is the vscode-remote: URI of a path on this machine; `workspace` the prepared folder.
 */
export function prepareRun(root, { host, fs }, { workspace, userDataDir, extensionsDir, remote, settings }) {
  const payload = [['extensionDevelopmentPath', remote(root)]];
  if (host === 'node') {
    payload.push(['extensionTestsPath', remote(join(root, 'out', 'test', 'e2e', 'suite', 'index.js'))]);
    return { folder: workspace, payload };
  }
  // The workbench runs a tests module in the extension host of the extension whose folder holds it
  // (the Node one when none does), and its payload takes one extensionDevelopmentPath (a Map: the
  // last wins). So the suite goes inside the suite's own web extension (the memfs file system, which
  // activates only when a memfs: folder is opened), installed into the run's extensions folder.
  const manifest = join(root, 'test', 'e2e', 'memfs', 'package.json');
  const { publisher, name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const id = `${publisher}.${name}`;
  const dirName = `${id}-${version}`;
  const ext = join(extensionsDir, dirName);
  mkdirSync(join(ext, 'suite'), { recursive: true });
  copyFileSync(manifest, join(ext, 'package.json'));
  copyFileSync(join(root, MEMFS_EXTENSION), join(ext, 'extension.js'));
  writeFileSync(join(ext, 'workspace.json'), JSON.stringify({ workspace: remote(workspace) }) + '\n');
  // On the bundle's first line, so that its source map still fits (only that line's columns move).
  const preamble = `globalThis.__pilotPlanE2eEnv = ${JSON.stringify(settings)};`;
  writeFileSync(join(ext, 'suite', 'index.js'), preamble + readFileSync(join(root, WEB_SUITE), 'utf8'));
  if (existsSync(join(root, `${WEB_SUITE}.map`))) copyFileSync(join(root, `${WEB_SUITE}.map`), join(ext, 'suite', 'index.js.map'));
  // The list of installed extensions VS Code keeps in the extensions folder.
  const installed = [{ identifier: { id }, version, location: { $mid: 1, scheme: 'file', path: ext }, relativeLocation: dirName }];
  writeFileSync(join(extensionsDir, 'extensions.json'), JSON.stringify(installed));
  // VS Code 1.100's web workbench reads the payload's extensionDevelopmentKind but does not act on it
  // (its extension host picker asks the environment for a property only the desktop's has), and runs
  // an extension with both `main` and `browser` in the Node host: the user setting remote.extensionKind
  // is what puts the extension under development into the web worker host.
  const { publisher: devPublisher, name: devName } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const userSettings = join(userDataDir, 'User', 'settings.json');
  const current = JSON.parse(readFileSync(userSettings, 'utf8'));
  writeFileSync(userSettings, JSON.stringify({ ...current, 'remote.extensionKind': { [`${devPublisher}.${devName}`]: ['web'] } }, null, 2) + '\n');
  payload.push(
    ['extensionDevelopmentKind', 'web'],
    // For the memfs extension's file search provider, a proposed API (without it findFiles waits for ever on memfs:).
    ['enableProposedApi', ''],
    ['extensionTestsPath', remote(join(ext, 'suite', 'index.js'))],
  );
  return { folder: fs === 'memfs' ? MEMFS_FOLDER : workspace, payload };
}
