// Bundles bench/engine-entry.ts into bench/results/engine.js: the engine as the CLI bundles it
// (the esbuild options build.mjs uses, scripts/esbuild-options.mjs), not minified so that profiles show names.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from '../scripts/esbuild-options.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const ENGINE_BUNDLE = join(HERE, 'results', 'engine.js');

export async function buildEngineBundle() {
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [join(HERE, 'engine-entry.ts')],
    outfile: ENGINE_BUNDLE,
    ...nodeBundle,
  });
}
