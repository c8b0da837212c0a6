/**
 * Entry point of the end-to-end suite in the browser's web worker extension host
 * (out/test/e2e-web/suite/index.js, one bundle with every test file): the host
 * loads it as CommonJS with only `vscode` to require, and calls run(). Mocha is
 * its browser build, which brings its own stand-ins for `process` and timers.
 */
import { beforeLoading, format, mochaOptions, runMocha } from './common';

// Both are bundled (build.mjs): Mocha's browser build, and the test files as [name, load] in file-name order.
const mocha = require('mocha/mocha.js') as BrowserMocha;
const files = require('e2e-files') as [string, () => unknown][];

export async function run(): Promise<void> {
  const Base = (globalThis as unknown as { Mocha: typeof Mocha }).Mocha.reporters.Base;
  Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const { timeout, grep } = mochaOptions();
  // As in index.ts; a failure in one file's `before` must not hide the other files' tests.
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout, bail: false });
  if (grep) mocha.grep(grep);
  await beforeLoading(files.length);
  // What Mocha's loadFiles does for each file in Node: the bdd globals first, then the file.
  for (const [name, load] of files) {
    mocha.suite.emit('pre-require', globalThis, name, mocha);
    mocha.suite.emit('require', load(), name, mocha);
    mocha.suite.emit('post-require', globalThis, name, mocha);
  }
  return runMocha((done) => mocha.run(done));
}
