// The GitHub Action's bundle, action/index.js, which action.yml runs on node20. It is committed,
// since the runner installs nothing: everything is inside it (yaml and tinyglobby too,
// not the checker's lazy dist/vendor split), minified, with no source map, legal comments or
// anything else that changes from build to build, so that a fresh build equals the committed file
// (test/action/bundle.test.ts). `npm run build:action` (node build.mjs --action) writes it.
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './esbuild-options.mjs';

export const ACTION_BUNDLE = 'action/index.js';

export const actionBundle = {
  ...nodeBundle,
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['server/src/action/main.ts'],
  outfile: ACTION_BUNDLE,
  minify: true,
  sourcemap: false,
  charset: 'utf8',
};
