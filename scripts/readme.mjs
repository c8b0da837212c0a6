// Writes README.md's generated sections (the rule table, the checker's usage) from the code:
// node scripts/readme.mjs
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBundle } from './esbuild-options.mjs';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pilot-plan-readme-'));
try {
  const out = join(dir, 'sections.js');
  await esbuild.build({ ...nodeBundle, sourcemap: false, entryPoints: [join(root, 'scripts/readme-sections.ts')], outfile: out, logLevel: 'error' });
  const { withSections } = createRequire(import.meta.url)(out);
  const path = join(root, 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = withSections(before);
  writeFileSync(path, after);
  console.log(before === after ? 'README.md is up to date' : 'README.md: generated sections rewritten');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
