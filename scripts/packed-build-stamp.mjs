// Whether the packed bundles in dist/ are what `node build.mjs --packed` makes of the sources as they
// are: a hash of the build's inputs and one of its outputs, written after a build (dist/.packed-stamp).
// npm runs `prepare` twice when pre-commit installs the hook (npm install in the clone, then npm pack):
// the second time nothing changed, and the stamp lets it skip the build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const STAMP = join(root, 'dist', '.packed-stamp');

// What build.mjs reads: sources, schemas, its scripts, the package (its version is in the CLI), the
// lock (the versions of the bundled libraries and of esbuild), the compiler settings.
const INPUTS = ['server/src', 'schemas', 'scripts', 'build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set([join(root, 'server/src/generated')]);
// The bundles the package carries (package.json's files list): where a build writes them.
const OUTPUTS = ['dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'dist/vendor'];

function filesUnder(path, out) {
  if (SKIP.has(path) || !existsSync(path)) return out;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) filesUnder(join(path, name), out);
  } else out.push(path);
  return out;
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const p of paths.flatMap((p) => filesUnder(join(root, p), []))) {
    hash.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether the last packed build is still what a new one would make. */
export function packedBuildIsCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return false; // no packed build yet
  }
  return stamp.inputs === hashOf(INPUTS) && stamp.outputs === hashOf(OUTPUTS);
}

export function stampPackedBuild() {
  writeFileSync(STAMP, JSON.stringify({ inputs: hashOf(INPUTS), outputs: hashOf(OUTPUTS) }) + '\n');
}
