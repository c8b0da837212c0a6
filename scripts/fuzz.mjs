// The fuzz suites, long: `npm run fuzz [-- runs]` (node scripts/fuzz.mjs) builds, then runs
// test/fuzz with PILOT_PLAN_FUZZ_RUNS runs a property (default 100,000) and a fresh
// seed (or PILOT_PLAN_FUZZ_SEED; the server and command-line suite: PILOT_PLAN_FUZZ_SERVER_RUNS,
// default 200 edit sequences), and closes with the counts and the failures.
// PILOT_PLAN_FUZZ_SHRINK=no reports a failing input without shrinking it first.
// `npm test` runs the same suite small, with a fixed seed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const runs = Number(process.argv[2] ?? process.env.PILOT_PLAN_FUZZ_RUNS ?? 100_000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`fuzz: the number of runs must be a whole number above 0, not ${process.argv[2]}`);
  process.exit(2);
}

const build = spawnSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('fuzz: the build failed');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'pilot-plan-fuzz-'));
const report = join(dir, 'report.json');
process.env.PILOT_PLAN_FUZZ_RUNS = String(runs);
process.env.PILOT_PLAN_FUZZ_REPORT = report;

const Mocha = require('mocha');
const mocha = new Mocha({ timeout: 0, reporter: 'spec' });
const suite = join(root, 'out', 'test', 'fuzz');
for (const f of readdirSync(suite).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(suite, f));
const t0 = Date.now();
const stats = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve(runner.stats));
});
const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
rmSync(dir, { recursive: true, force: true });

const minutes = ((Date.now() - t0) / 60000).toFixed(1);
if (counts) {
  const each = Object.entries(counts.properties).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`\nfuzz: ${counts.inputs} inputs (${each}), ${runs} runs a property, seed ${counts.seed}, slowest check ${counts.slowestMs} ms, ${minutes} min`);
}
console.log(`fuzz: ${stats.passes} properties held, ${stats.failures} failed`);
process.exit(stats.failures || !stats.passes ? 1 : 0);
