#!/usr/bin/env node
// In-process timings on the same texts: the parse floor (js-yaml, `yaml`) and the engine.
//
//   node bench/floor.mjs [--runs N] [--datasets a,b] [--only engine-check]
//
// Prints one JSON object on standard output. Run by bench/run.mjs as a child process so
// nothing else (LSP clients, spawned checkers) shares its heap or event loop; also the
// target of `node --cpu-prof` for the profiles in bench/README.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const jsyaml = require('js-yaml');
const YAML = require('yaml');
const engine = require(process.env.BENCH_ENGINE ?? join(HERE, 'results', 'engine.js'));
// The floor is js-yaml at its fastest on these files: the YAML 1.2 core schema (what plan files
// use; the default schema also tries timestamps, merge keys and binary on every scalar).
const CORE = { schema: jsyaml.CORE_SCHEMA };

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const manifest = JSON.parse(readFileSync(opt('--manifest', join(HERE, 'results', 'plans', 'manifest.json')), 'utf8'));
const wantedSets = opt('--datasets', manifest.datasets.map((d) => d.name).join(',')).split(',');
const runsArg = Number(opt('--runs', '0'));
const only = opt('--only', 'all');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Timings in rounds: each round runs every measure once, one after the other (in rotated order), so whatever else
 * the machine is doing hits them all alike; ratios are taken per round (paired) and their
 * median reported. At least `runs` rounds, more (up to 30) while the time budget lasts, so one
 * GC pause or one preemption cannot decide a median.
 */
async function rounds(measures, runs, warmup, budgetMs) {
  const names = Object.keys(measures);
  for (let i = 0; i < warmup; i++) for (const n of names) await measures[n]();
  const xs = Object.fromEntries(names.map((n) => [n, []]));
  let spent = 0;
  let k = 0;
  while (k < runs || (k < 30 && spent < budgetMs)) {
    // Each round starts at a different measure, so no measure always follows the same one
    // (the first after an async check would pay for its leftovers).
    for (let j = 0; j < names.length; j++) {
      const n = names[(k + j) % names.length];
      // No forced gc() here: a full collection before a run makes the next allocation-heavy
      // run slower (the heap has just been shrunk), up to 3× for js-yaml on 10k lines.
      await new Promise((r) => setImmediate(r));
      const t0 = performance.now();
      await measures[n]();
      const dt = performance.now() - t0;
      xs[n].push(dt);
      spent += dt;
    }
    k++;
  }
  const r = {};
  for (const n of names) r[n] = { median: median(xs[n]), min: Math.min(...xs[n]), n: xs[n].length, runs: xs[n].map((x) => Math.round(x * 10) / 10) };
  r.pairedRatio = (a, b) => median(xs[a].map((x, i) => x / xs[b][i]));
  return r;
}

const out = { yamlVersion: require('yaml/package.json').version, jsYamlVersion: require('js-yaml/package.json').version, datasets: {} };
const chosen = manifest.datasets.filter((x) => wantedSets.includes(x.name));

// Warm every code path up once on a mid-sized plan first, so the first dataset measured does
// not pay for JIT compilation that the later ones get for free.
const warm = manifest.datasets.find((d) => d.name === 'lines-10k') ?? chosen[0];
if (warm) {
  const paths = warm.files.map((f) => join(warm.dir, f));
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  for (let i = 0; i < 3; i++) {
    if (only === 'all') {
      texts.forEach((t) => jsyaml.load(t, CORE));
      texts.forEach((t) => jsyaml.load(t));
      texts.forEach((t) => YAML.parseDocument(t));
      paths.forEach((p, k) => engine.parseOnly(p, texts[k]));
    }
    await engine.checkLikeCli([warm.dir], warm.dir);
  }
}

for (const d of chosen) {
  const paths = d.files.map((f) => join(d.dir, f));
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const big = d.totalLines > 50_000;
  const runs = runsArg || (big ? 3 : 7);
  const warmup = big ? 1 : 2;
  const r = { lines: d.totalLines, files: d.fileCount, bytes: d.totalBytes };
  let check;
  const budget = big ? 0 : 3000;
  // The whole check through the CLI's own code, over the files on disk (in the page cache).
  const checkAll = async () => (check = await engine.checkLikeCli([d.dir], d.dir));
  if (only === 'all') {
    const t = await rounds(
      {
        jsYaml: () => texts.forEach((x) => jsyaml.load(x, CORE)),
        jsYamlDefault: () => texts.forEach((x) => jsyaml.load(x)),
        yamlParseDocument: () => texts.forEach((x) => YAML.parseDocument(x)),
        engineParse: () => paths.forEach((p, i) => engine.parseOnly(p, texts[i])),
        engineCheck: checkAll,
      },
      runs,
      warmup,
      budget,
    );
    Object.assign(r, { jsYaml: t.jsYaml, jsYamlDefault: t.jsYamlDefault, yamlParseDocument: t.yamlParseDocument, engineParse: t.engineParse, engineCheck: t.engineCheck });
    r.paired = { checkOverJsYaml: t.pairedRatio('engineCheck', 'jsYaml'), yamlOverJsYaml: t.pairedRatio('yamlParseDocument', 'jsYaml') };
    // A big plan gets few joint rounds (`yaml` alone takes seconds per round); the check, which the
    // linearity target reads, gets more of its own so that one garbage collection cannot set its median.
    if (big && t.engineCheck.n < 9) {
      const more = (await rounds({ engineCheck: checkAll }, 9 - t.engineCheck.n, 0, 0)).engineCheck;
      const runsAll = [...t.engineCheck.runs, ...more.runs];
      r.engineCheck = { median: median(runsAll), min: Math.min(...runsAll), n: runsAll.length, runs: runsAll };
    }
  } else {
    r.engineCheck = (await rounds({ engineCheck: checkAll }, runs, warmup, budget)).engineCheck;
  }
  r.engineFindings = check;
  // The one-file case the editor sees: the tasks file, its plan read from disk.
  if (d.kind === 'lines' && only === 'all') {
    const editPath = join(d.dir, d.editFile);
    const t = texts[paths.indexOf(editPath)];
    const e = await rounds(
      {
        jsYaml: () => jsyaml.load(t, CORE),
        yamlParseDocument: () => YAML.parseDocument(t),
        engineCheck: () => engine.checkLikeCli([editPath], d.dir),
      },
      runs,
      warmup,
      budget,
    );
    r.editFile = { lines: d.editFileLines, jsYaml: e.jsYaml, yamlParseDocument: e.yamlParseDocument, engineCheck: e.engineCheck };
  }
  out.datasets[d.name] = r;
  process.stderr.write(`floor ${d.name}: ${JSON.stringify({ jsYaml: r.jsYaml?.median, yaml: r.yamlParseDocument?.median, engineParse: r.engineParse?.median, engineCheck: r.engineCheck.median })}\n`);
}
process.stdout.write(JSON.stringify(out));
