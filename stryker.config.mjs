// Mutation testing of the engine's parse and plan modules (StrykerJS, `npm run mutation`): which
// changes to their code the tests let pass. Not part of `npm test` or CI: it takes hours in full.
// Narrow it to some modules with `npm run mutation -- --mutate server/src/engine/parse/segments.ts`
// (a comma-separated list or globs), or PILOT_PLAN_MUTATE=... in the environment.
// Stryker instruments the TypeScript sources in its working copy (.stryker-tmp), `build.mjs
// --tests-only` bundles them into out/test (the bundles read the active mutant from a global),
// and mocha runs the in-process tests there. `node scripts/mutation-summary.mjs` prints the
// scores per module from the JSON report. The warnings that test files were "not found in input
// files" are expected: the test bundles are made in the working copy, not read from the project.
const MUTATE = ['server/src/engine/parse/**/*.ts', 'server/src/engine/plan/**/*.ts'];
// PILOT_PLAN_MUTATION_FULL=1: also the slowest tests and the static mutants (below); many times longer.
const FULL = Boolean(process.env.PILOT_PLAN_MUTATION_FULL);
// PILOT_PLAN_MUTATION_SPEC=out/test/engine/x.test.js,...: only these test bundles. For a re-run of the
// survivors with only the tests added since (scripts/mutation-summary.mjs --rerun): the others let them pass.
const SPEC = process.env.PILOT_PLAN_MUTATION_SPEC?.split(',');
// The slowest in-process tests (30 to 90 s each on a busy two-core machine, while a mutant that
// survives runs every test that reached it): left out unless FULL. Each has quicker siblings that
// compare the same paths (fewer mutants, every example, the conformance suite).
const SLOW = ['\\b5,000 mutants of the examples', '\\b3,000 mutants of the examples', '130,000 commas in a flow list', '50,000 keys and an anchor'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: process.env.PILOT_PLAN_MUTATE ? process.env.PILOT_PLAN_MUTATE.split(',') : MUTATE,
  testRunner: 'mocha',
  // No checker: a mutant that does not type-check is still bundled by esbuild and run.
  checkers: [],
  disableTypeChecks: true,
  buildCommand: 'node build.mjs --tests-only --quiet',
  // The tests that run the engine in this process. Left out: test/engine/hostile.test (runs
  // dist/cli.js, which this build does not make), test/cli, test/lsp, test/client, test/action,
  // test/precommit, test/docs (processes, VS Code, Neovim, packing) and test/fuzz (time budgets).
  mochaOptions: {
    'no-config': true,
    'no-package': true,
    'no-opts': true,
    // Quick tests first: a mutant is killed by the first test that fails, and the rules' tests fail first.
    spec: SPEC ?? ['out/test/rules/*.test.js', 'out/test/golden/*.test.js', 'out/test/engine/*.test.js'],
    ignore: ['out/test/engine/hostile.test.js'],
    ...(FULL ? {} : { grep: `^(?!.*(?:${SLOW.join('|')}))` }),
  },
  coverageAnalysis: 'perTest',
  // A static mutant (run once, when a module loads: the screens' regular expressions, tables)
  // needs a new test process and every test, each: ignored unless FULL, and counted as ignored.
  ignoreStatic: !FULL,
  // Nothing the build and the tests do not read: the previous build's output, results, reports.
  ignorePatterns: ['dist', 'out', 'server/src/generated', 'bench/results', 'reports', '.vscode-test', 'test-artifacts', '*.vsix'],
  tempDirName: '.stryker-tmp',
  // Two workers at most: a mutant run is a whole test process, and the builds of others share the cores.
  concurrency: 2,
  // A slow machine makes slow runs, not endless ones: a mutant times out only well past the dry run's time.
  timeoutFactor: 2,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', process.stdout.isTTY ? 'progress' : 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/incremental.json',
  // The mutants that survived, without the list of every test; colours only on a terminal.
  clearTextReporter: { reportTests: false, logTests: false },
  allowConsoleColors: Boolean(process.stdout.isTTY),
};
