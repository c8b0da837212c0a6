// `npm run mutation:summary`: the mutation score of each module from StrykerJS's JSON report
// (mutation-testing-report-schema), as a Markdown table for notes, weakest module first.
//   node scripts/mutation-summary.mjs [report.json ...] [--survivors] [--rerun]
// Several reports are merged, a later one's result for a mutant replacing an earlier one's where that
// did not detect it: a run over the survivors only, after tests were added, updates the full run it
// came from (the sources must be the same, and the tests only added to). --survivors lists the mutants the tests let pass,
// where and what they changed; --rerun prints the commands that run only those again.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const USAGE = 'usage: node scripts/mutation-summary.mjs [report.json ...] [--survivors] [--rerun]';
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('-')));
for (const f of flags) if (f !== '--survivors' && f !== '--rerun') fail(`unknown option ${f}; ${USAGE}`);
const paths = args.filter((a) => !a.startsWith('-'));
if (!paths.length) paths.push(join(root, 'reports/mutation/mutation.json'));

/** File name → { source, mutants by key }, the later reports' results over the earlier ones'. */
const files = new Map();
for (const path of paths) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(e.code === 'ENOENT' ? `no report at ${path}: run \`npm run mutation\` first` : `${path} is not a JSON report: ${e.message}`);
  }
  if (!report || typeof report.files !== 'object' || report.files === null) fail(`${path} is not a mutation testing report (it has no "files")`);
  for (const [name, f] of Object.entries(report.files)) {
    const file = files.get(name) ?? { source: f.source, mutants: new Map() };
    if (file.source !== f.source) fail(`${name} differs between the reports: merge only runs over the same sources`);
    for (const m of f.mutants) file.mutants.set(key(m), merged(file.mutants.get(key(m)), m));
    files.set(name, file);
  }
}

/**
 * A mutant's result over two runs, the later with tests added: what the earlier tests detected stays
 * detected (a re-run's ranges take in mutants nested in a survivor's, which its new tests alone may
 * let pass), and a survivor the new tests do not reach is still covered by the old ones.
 */
function merged(before, after) {
  if (!before) return after;
  if (before.status === 'Killed' || before.status === 'Timeout') return before;
  if (after.status === 'NoCoverage' && before.status === 'Survived') return before;
  return after;
}

/** A mutant's identity across runs (ids are only unique within one report). */
function key(m) {
  const { start, end } = m.location;
  return `${m.mutatorName} ${start.line}:${start.column}-${end.line}:${end.column} ${m.replacement ?? ''}`;
}

/** Stryker's counts: detected = killed + timeout; the score is over the valid mutants (not errors, not ignored). */
function count(mutants) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status === 'CompileError' || m.status === 'RuntimeError') c.errors++;
    else c.ignored++;
  }
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  c.score = valid ? (100 * detected) / valid : NaN;
  c.covered = detected + c.survived ? (100 * detected) / (detected + c.survived) : NaN;
  return c;
}

const pct = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(1));
const row = (name, c) => `| ${name} | ${pct(c.score)} | ${pct(c.covered)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.errors} | ${c.ignored} |`;
const orderKey = (c) => (Number.isNaN(c.score) ? 101 : c.score);

const rows = [...files].map(([name, f]) => ({ name: displayName(name), f, mutants: [...f.mutants.values()] })).map((r) => ({ ...r, c: count(r.mutants) }));
rows.sort((a, b) => orderKey(a.c) - orderKey(b.c) || a.name.localeCompare(b.name));
console.log(
  [
    '| module | score % | covered % | killed | timeout | survived | no coverage | errors | ignored |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(({ name, c }) => row(`\`${name}\``, c)),
    row('**all**', count(rows.flatMap((r) => r.mutants))),
  ].join('\n'),
);

const left = (r) => r.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);

if (flags.has('--survivors')) {
  for (const r of rows) {
    const ms = left(r);
    if (!ms.length) continue;
    const source = r.f.source.split('\n');
    console.log(`\n### \`${r.name}\`\n`);
    for (const m of ms) {
      const { start, end } = m.location;
      console.log(`- ${start.line}:${start.column} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''}: \`${oneLine(original(source, start, end))}\` → \`${oneLine(m.replacement ?? '')}\``);
    }
  }
}

if (flags.has('--rerun')) {
  // Stryker's ranges count columns from 0 and include their end; the report's count from 1, end excluded.
  const ranges = rows.flatMap((r) => left(r).map(({ location: { start, end } }) => `${r.name}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`));
  if (!ranges.length) console.log('\nNo mutant survived: nothing to run again.');
  else {
    // The run writes the same report file: keep this one to merge with.
    console.log('\ncp reports/mutation/mutation.json reports/mutation/before.json');
    console.log('# Optionally only the new test files, as built (the others let these mutants pass): PILOT_PLAN_MUTATION_SPEC=out/test/engine/new.test.js');
    console.log(`npm run mutation -- --mutate ${[...new Set(ranges)].join(',')}`);
    console.log('node scripts/mutation-summary.mjs reports/mutation/before.json reports/mutation/mutation.json');
  }
}

/** Report file names are relative to the project, or absolute on some platforms. */
function displayName(name) {
  return name.startsWith('/') ? relative(root, name) : name;
}

/** The text a mutant replaced (lines and columns from 1, end excluded). */
function original(source, start, end) {
  if (start.line === end.line) return source[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  return [source[start.line - 1]?.slice(start.column - 1), ...source.slice(start.line, end.line - 1), source[end.line - 1]?.slice(0, end.column - 1)].join('\n');
}

function oneLine(s) {
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ').replace(/`/g, "'");
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}

function fail(message) {
  console.error(`mutation-summary: ${message}`);
  process.exit(2);
}
