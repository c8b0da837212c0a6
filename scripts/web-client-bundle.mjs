// The extension's browser entry, dist/web/client.js (package.json's `browser`), which vscode.dev and
// github.dev run in their web worker extension host: one CommonJS bundle, `vscode` left to the host.
// No Node built-in may get in (the host has none): `noNodeBuiltins` fails the build on an import of
// one, naming who imports it; test/client/web-bundle.test.ts checks the bundle too.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

export const WEB_CLIENT_BUNDLE = 'dist/web/client.js';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build on any import of a Node built-in module (`fs`, `node:path`, …). */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      const top = a.path.startsWith('node:') ? a.path : a.path.split('/')[0];
      if (!BUILTINS.has(top) && !a.path.startsWith('node:')) return undefined;
      return { errors: [{ text: `the web bundle may not import the Node built-in "${a.path}" (imported by ${a.importer})` }] };
    });
  },
};

export const webClientBundle = {
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: { 'web/client': 'client/src/browser-extension.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [noNodeBuiltins],
};
