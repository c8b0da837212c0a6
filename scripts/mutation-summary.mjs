// `npm run mutation:summary [-- report.json] [-- --survivors]`: the mutation score of each module
// from StrykerJS's JSON report (mutation-testing-report-schema), as a Markdown table for notes,
// weakest module first; with --survivors, the mutants the tests let pass, where and what they changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const survivors = args.includes('--survivors');
const unknown = args.filter((a) => a.startsWith('-') && a !== '--survivors');
if (unknown.length) fail(`unknown option ${unknown[0]}; usage: node scripts/mutation-summary.mjs [report.json] [--survivors]`);
const path = args.find((a) => !a.startsWith('-')) ?? join(root, 'reports/mutation/mutation.json');

let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (e) {
  fail(e.code === 'ENOENT' ? `no report at ${path}: run \`npm run mutation\` first` : `${path} is not a JSON report: ${e.message}`);
}
if (!report || typeof report.files !== 'object') fail(`${path} is not a mutation testing report (no "files")`);

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
const row = (name, c) => `| ${name} | ${pct(c.score)} | ${pct(c.covered)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.errors} |`;

const files = Object.entries(report.files).map(([name, f]) => ({ name, f, c: count(f.mutants) }));
files.sort((a, b) => (Number.isNaN(a.c.score) ? 101 : a.c.score) - (Number.isNaN(b.c.score) ? 101 : b.c.score) || a.name.localeCompare(b.name));
const lines = [
  '| module | score % | covered % | killed | timeout | survived | no coverage | errors |',
  '|---|--:|--:|--:|--:|--:|--:|--:|',
  ...files.map(({ name, c }) => row(`\`${name}\``, c)),
  row('**all**', count(files.flatMap(({ f }) => f.mutants))),
];
console.log(lines.join('\n'));

if (survivors) {
  for (const { name, f } of files) {
    const left = f.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    if (!left.length) continue;
    const source = f.source.split('\n');
    console.log(`\n### \`${name}\`\n`);
    for (const m of left) {
      const { start, end } = m.location;
      console.log(`- ${start.line}:${start.column} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''}: \`${oneLine(original(source, start, end))}\` → \`${oneLine(m.replacement ?? '')}\``);
    }
  }
}

/** The text a mutant replaced (lines from 1, columns from 1, end exclusive). */
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
