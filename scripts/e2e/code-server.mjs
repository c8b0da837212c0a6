// Installs and starts code-server (a full VS Code: workbench, server and Node
// extension host) so the e2e suite runs offline, following the recipe in
// scripts/e2e/README.md ("How the offline runner works"). Used by run-offline.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, writeFileSync, rmSync, symlinkSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export const CODE_SERVER_VERSION = '4.100.3'; // 4.100.x is the last line that runs on Node 20 (VS Code 1.100.3 inside)

export function codeServerPaths(root) {
  const dir = join(root, '.vscode-test', 'code-server');
  const pkg = join(dir, 'node_modules', 'code-server');
  return {
    dir,
    pkg,
    entry: join(pkg, 'out', 'node', 'entry.js'),
    vscode: join(pkg, 'lib', 'vscode'),
    marker: join(dir, `.installed-${CODE_SERVER_VERSION}`),
  };
}

const log = (...a) => console.error('[e2e]', ...a);

function run(cmd, args, cwd, env = {}) {
  log(`$ (cd ${cwd} && ${cmd} ${args.join(' ')})`);
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

/** The Debian packages the recipe needs: Chromium to open the workbench, rg for search, gssapi headers for kerberos. */
export function ensureSystemPackages({ forInstall }) {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (forInstall && !existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (forInstall && !existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  // Not in the recipe, and optional: a small CJK font, so that screenshots show the plans' Chinese text, not boxes.
  const optional = hasCjkFont() ? [] : ['fonts-wqy-microhei'];
  if (!missing.length && (!optional.length || process.getuid?.() !== 0)) {
    if (optional.length) log(`no CJK font: screenshots will show boxes for Chinese text (apt-get install ${optional.join(' ')})`);
    return 0;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} — run: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const t0 = Date.now();
  run('apt-get', ['update'], '/');
  run('apt-get', ['install', '-y', ...missing, ...optional], '/', { DEBIAN_FRONTEND: 'noninteractive' });
  return Date.now() - t0;
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0; // no fontconfig yet: no fonts either
}

/** Installs code-server into .vscode-test/code-server unless the marker of a finished install is there. Returns ms spent. */
export function ensureCodeServer(root) {
  const p = codeServerPaths(root);
  if (existsSync(p.marker) && existsSync(p.entry)) return 0;
  const t0 = Date.now();
  mkdirSync(p.dir, { recursive: true });
  if (!existsSync(join(p.dir, 'package.json'))) {
    writeFileSync(join(p.dir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');
  }
  const yes = { npm_config_yes: 'true' };
  // code-server's postinstall downloads ripgrep and wants --unsafe-perm as root: skip scripts, rebuild natives by hand.
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], p.dir);
  run('npm', ['rebuild', 'argon2'], p.dir, yes);
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], p.vscode);
  run('npm', ['rebuild', 'kerberos', 'node-pty', '@vscode/spdlog', '@parcel/watcher', 'native-watchdog', '@vscode/deviceid'], p.vscode, yes);
  const asar = join(p.vscode, 'node_modules.asar');
  if (!existsSync(asar)) symlinkSync('node_modules', asar);
  const rgDir = join(p.vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  const rg = join(rgDir, 'rg');
  try {
    lstatSync(rg);
    rmSync(rg);
  } catch {}
  symlinkSync('/usr/bin/rg', rg);
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], join(p.vscode, 'extensions'));
  writeFileSync(p.marker, new Date().toISOString() + '\n');
  return Date.now() - t0;
}

export function vscodeVersion(root) {
  try {
    return JSON.parse(readFileSync(join(codeServerPaths(root).vscode, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group (so that stop() ends its extension
 * host, file watchers and our language server with it). Output goes to logFile.
 */
export function startCodeServer(root, { port, userDataDir, extensionsDir, folder, logFile, env }) {
  const p = codeServerPaths(root);
  const fd = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      p.entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      folder,
    ],
    { cwd: root, detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } },
  );
  closeSync(fd);
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  return {
    child,
    exitPromise,
    get exited() {
      return exited;
    },
    /** Polls until the server answers HTTP, or throws at the deadline / when it exits. */
    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (exited) throw new Error(`code-server exited early; see ${logFile}`);
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
          if (res.ok) return;
        } catch {}
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`code-server did not answer on port ${port} within ${timeoutMs} ms; see ${logFile}`);
    },
    /** Ends the whole process group: TERM, then KILL after a grace period. */
    async stop(graceMs = 5000) {
      killGroup(child.pid, 'SIGTERM');
      const t = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, graceMs + 1000))]);
      clearTimeout(t);
      // Children that outlive the leader (extension host, language server) are in the same group.
      killGroup(child.pid, 'SIGKILL');
    },
    /** Synchronous last resort for process 'exit'. */
    killNow() {
      killGroup(child.pid, 'SIGKILL');
    },
  };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {}
}
