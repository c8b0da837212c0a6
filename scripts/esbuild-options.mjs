// The esbuild options every Node bundle of the project shares (build.mjs, bench/engine-bundle.mjs).
// Some dependencies are ESM that read import.meta.url; in a CommonJS bundle it comes from __filename.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
