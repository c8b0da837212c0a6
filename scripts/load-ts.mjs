// A TypeScript module of the repository, bundled by esbuild and loaded, for the build's scripts
// that make files from the code (README.md's sections, the client's tables).
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBundle } from './esbuild-options.mjs';

export async function loadTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'pilot-plan-script-'));
  try {
    const out = join(dir, 'module.js');
    await esbuild.build({ ...nodeBundle, sourcemap: false, entryPoints: [entry], outfile: out, logLevel: 'error' });
    return createRequire(import.meta.url)(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
