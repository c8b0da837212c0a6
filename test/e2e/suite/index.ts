/**
 * Entry point of the end-to-end suite: VS Code's extension host requires this
 * module (extensionTestsPath) and calls run(). Runs every compiled *.e2e.js
 * beside it with Mocha (bdd), in file-name order, and rejects when a test fails
 * or when none ran, so the runner's exit code tells.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  // The extension host forwards console output as one string per call without printf
  // formatting, and Mocha's reporters print with format strings: format here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.PILOT_PLAN_E2E_TEST_TIMEOUT_MS) || 60_000,
    // A failure in one file's `before` must not hide the other files' tests.
    bail: false,
  });
  const grep = process.env.PILOT_PLAN_E2E_GREP;
  if (grep) mocha.grep(grep);
  const dir = path.resolve(__dirname, '..');
  const files = walk(dir).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const f of files) mocha.addFile(f);
  console.log(`[e2e] ${files.length} test files, VS Code ${vscode.version}, workspace ${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath}, screenshots ${process.env.PILOT_PLAN_E2E_SCREENSHOTS ?? 'off'}`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
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

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
