// `npm install` in a clone, `npm pack`, `npm publish`, and `npm install -g` of a clone or a git URL
// all run this: build the bundles the package carries (build.mjs --packed). npm installs a clone or a
// git URL globally without its dev dependencies, which hold the build tools, so they are installed
// here first when missing. Consumers of the packed tarball never run it: the tarball carries the
// built bundles. Nothing is printed on standard output, where `npm pack` names its tarball.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { packedBuildIsCurrent, stampPackedBuild } from './packed-build-stamp.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function has(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: ['inherit', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// pre-commit's install runs prepare twice, in `npm install` and in `npm pack`: build once.
if (packedBuildIsCurrent()) {
  console.error('pilot-plan: the bundles are up to date');
  process.exit(0);
}
if (!has('esbuild') || !has('ajv/dist/standalone')) {
  console.error('pilot-plan: installing the build tools (dev dependencies) to build the bundles');
  // The outer npm's settings (--global, --prefix, --omit) would send this install elsewhere.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
  run('npm', ['install', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], env);
}
run(process.execPath, ['build.mjs', '--packed']);
stampPackedBuild();
