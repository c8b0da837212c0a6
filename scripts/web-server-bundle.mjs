// The esbuild options of dist/web/server.js, the language server for a web worker
// (server/src/lsp/browser-main.ts); shared by build.mjs and the test that bundles it with a node built-in.
import { builtinModules, createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * For the web worker: node:path is path-browserify (POSIX, which the paths of uri-path.ts are);
 * a module with a `<name>.browser.ts` beside it is replaced by that (parse/bytes.ts, common/file-url.ts);
 * any other node built-in fails the build, naming who imports it.
 */
export const webPlatform = {
  name: 'web-platform',
  setup(b) {
    b.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: require.resolve('path-browserify') }));
    b.onResolve({ filter: /^\.\.?\// }, (a) => {
      const variant = resolve(a.resolveDir, `${a.path}.browser.ts`);
      return existsSync(variant) ? { path: variant } : undefined;
    });
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (a) => {
      if (!builtins.has(a.path)) return undefined;
      // A library's own browser field may map a built-in away (to false): that is no import of it.
      if (a.kind === 'require-call' && !a.path.startsWith('node:') && !a.importer.includes('/server/src/')) return undefined;
      return { errors: [{ text: `node built-in "${a.path}" in the web worker bundle, imported by ${a.importer}` }] };
    });
  },
};

export const webServerBundle = {
  entryPoints: { 'web/server': 'server/src/lsp/browser-main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Libraries that still name Node's `global` (the Plan Overview's chart renderer) find the worker's.
  define: { global: 'globalThis' },
  plugins: [webPlatform],
};
