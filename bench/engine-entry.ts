/**
 * The engine, bundled for in-process timing (bench/floor.mjs) and profiles (bench/profile.mjs).
 * Bundled by bench/engine-bundle.mjs with esbuild into bench/results/engine.js, with the same
 * options as the real CLI bundle (not minified), so what is timed is the code that ships.
 */
import { runCheck } from '../server/src/cli/check-command';
import { parseText } from '../server/src/engine/parse/load';

/**
 * The checker's whole work, in process: `pilot-plan check PATH… --format json` through the
 * CLI's own code (path expansion, plan discovery, parse, schema, every rule, the JSON report),
 * with standard output captured instead of written. Follows whatever the CLI does today.
 */
export async function checkLikeCli(paths: string[], cwd: string): Promise<{ exit: number; files: number; errors: number; warnings: number; infos: number }> {
  let out = '';
  const sink = { write: (s: string | Uint8Array) => ((out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), true), isTTY: false };
  const err = { write: () => true, isTTY: false };
  type Io = NonNullable<Parameters<typeof runCheck>[1]>;
  const io = { cwd, stdout: sink as unknown as Io['stdout'], stderr: err as unknown as Io['stderr'], env: {} };
  const exit = await runCheck([...paths, '--format', 'json'], io);
  const summary = JSON.parse(out).summary;
  return { exit, ...summary };
}

/** The engine's parse alone (whatever parse it ships): text → ParsedFile. */
export function parseOnly(path: string, text: string): unknown {
  return parseText(path, text);
}
