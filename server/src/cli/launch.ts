/**
 * `dist/cli.js`, what `node dist/cli.js` and the `pilot-plan` command run: turns
 * on Node's compile cache where Node has one (22.1 and later), then loads the
 * command line bundle (`dist/cli-main.js`), which the cache then covers. On an
 * older Node the bundle compiles as it loads. What the cache saves, and why
 * there is no cache of our own: bench/README.md.
 */
import Module, { createRequire } from 'node:module';

// Node keeps the cache in its own folder (NODE_COMPILE_CACHE, else the temporary folder): an install may be read-only.
(Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
createRequire(__filename)('./cli-main.js');
