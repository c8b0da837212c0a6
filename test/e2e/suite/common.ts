/**
 * What both indexes of the suite share (index.ts, the Node extension host's; index.web.ts, the
 * web worker host's): Mocha's options from the runner, the lines the runner reads, the verdict.
 */
import * as vscode from 'vscode';
import { e2eEnv, e2eHost } from '../env';
import { prepareSuite, workspaceUri } from '../util';

export function mochaOptions(): { timeout: number; grep?: string } {
  return { timeout: Number(e2eEnv('PILOT_PLAN_E2E_TEST_TIMEOUT_MS')) || 60_000, grep: e2eEnv('PILOT_PLAN_E2E_GREP') || undefined };
}

/**
 * printf as Node's util.format does it for the patterns Mocha's reporters use: the extension
 * host forwards console output as one string per call, without formatting.
 */
export function format(...args: unknown[]): string {
  if (typeof args[0] !== 'string') return args.map(String).join(' ');
  let i = 1;
  const text = args[0].replace(/%([sdifjoOc%])/g, (m, k: string) => {
    if (k === '%') return '%';
    if (i >= args.length) return m;
    const v = args[i++];
    if (k === 'c') return '';
    if (k === 'd' || k === 'i') return String(k === 'i' ? Math.trunc(Number(v)) : Number(v));
    if (k === 'f') return String(Number(v));
    if (k === 'j' || k === 'o' || k === 'O') return JSON.stringify(v);
    return String(v);
  });
  return [text, ...args.slice(i).map(String)].join(' ');
}

/** Lists what the tests list when they load, then prints the line the runner waits for before it shows the suite's output. */
export async function beforeLoading(fileCount: number): Promise<void> {
  await prepareSuite();
  console.log(
    `[e2e] ${fileCount} test files, VS Code ${vscode.version}, ${e2eHost()} extension host, workspace ${workspaceUri().toString()}, screenshots ${e2eEnv('PILOT_PLAN_E2E_SCREENSHOTS') ?? 'off'}`,
  );
}

/** Runs the loaded suite; rejects when a test failed or none ran, so the runner's exit code tells. */
export function runMocha(run: (done: (failures: number) => void) => { stats?: { passes: number } }): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const runner = run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`[e2e] done: ${passes} passing, ${failures} failing`);
        if (failures > 0) reject(new Error(`${failures} e2e tests failed`));
        else if (passes === 0) reject(new Error('no e2e test ran'));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
