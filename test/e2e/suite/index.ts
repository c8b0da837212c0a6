/**
 * Entry point of the end-to-end suite in the Node extension host: VS Code requires
 * this module (extensionTestsPath) and calls run(). Runs every compiled *.e2e.js
 * beside it with Mocha (bdd), in file-name order, and rejects when a test fails
 * or when none ran, so the runner's exit code tells. (index.web.ts is the web worker host's.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { beforeLoading, format, mochaOptions, runMocha } from './common';

export async function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const { timeout, grep } = mochaOptions();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout,
    // A failure in one file's `before` must not hide the other files' tests.
    bail: false,
  });
  if (grep) mocha.grep(grep);
  const dir = path.resolve(__dirname, '..');
  const files = walk(dir).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const f of files) mocha.addFile(f);
  await beforeLoading(files.length);
  return runMocha((done) => mocha.run(done));
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
