// `npm run package`: the .vsix, from a staging folder. package.json's `files` list is the npm
// package's; vsce refuses a package.json with one beside a .vscodeignore, so the staging folder
// gets what .vscodeignore lets through (as `vsce ls` lists it) and package.json without the
// npm-only fields. Usage: node scripts/package-vsix.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const { values } = parseArgs({ options: { out: { type: 'string' } } });

function run(args, cwd) {
  const r = spawnSync(process.execPath, [vsce, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const listed = run(['ls', '--no-dependencies'], root).split('\n').filter(Boolean);
// The entries VS Code starts, on the desktop (`main`) and on the web (`browser`): a package without one does not run there.
const missing = [manifest.main, manifest.browser].filter((f) => f && !listed.includes(f.replace(/^\.\//, '')));
if (missing.length) {
  process.stderr.write(`package-vsix: ${missing.join(', ')} not built (run node build.mjs first)\n`);
  process.exit(1);
}
const stage = mkdtempSync(join(tmpdir(), 'pilot-plan-vsix-'));
try {
  for (const file of listed) {
    if (file === 'package.json') continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(root, file), join(stage, file));
  }
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  const { files, scripts, devDependencies, bin, ...vsix } = manifest;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(vsix, null, 2) + '\n');
  const out = resolve(values.out ?? join(root, `${manifest.name}-${manifest.version}.vsix`));
  run(['package', '--no-dependencies', '--out', out], stage);
  console.log(out);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
