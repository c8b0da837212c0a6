#!/usr/bin/env node
// CPU profile of the engine (bench/results/engine.js) on one dataset, summarised by self time.
//
//   node bench/profile.mjs [--datasets lines-10k,files-1000 [--cli]] [--top 15] [--no-readme]
//   node bench/profile.mjs --readme   (re-render the README tables from bench/results/profile.json)
//
// Runs `node --cpu-prof bench/floor.mjs --only engine-check` per dataset (warm-up + 3 checks),
// and `node --cpu-prof dist/cli.js check` on the 1,000-file plan,
// maps every sample through the bundle's source map to the original TypeScript file or
// package module, and prints the top functions and the top files by self time. Writes the raw
// profiles to bench/results/prof/ (open them in Chrome DevTools) and the summaries to
// bench/results/profile.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngineBundle } from './engine-bundle.mjs';
import { generate } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
// By default: the engine in process on lines-10k and files-1000, and one `pilot-plan check` process
// on files-1000. --datasets a,b [--cli] profiles those instead (the engine, or the CLI with --cli).
const JOBS = args.includes('--datasets')
  ? opt('--datasets').split(',').map((ds) => ({ ds, cli: args.includes('--cli') }))
  : [{ ds: 'lines-10k', cli: false }, { ds: 'files-1000', cli: false }, { ds: 'files-1000', cli: true }];
const TOP = Number(opt('--top', '15'));

// Bundles (bench/results/engine.js, dist/cli-main.js, which dist/cli.js loads) are mapped back to their sources through their maps.
const maps = new Map();
function mapFor(path) {
  if (!maps.has(path)) {
    let m = null;
    try {
      m = new SourceMap(JSON.parse(readFileSync(path + '.map', 'utf8')));
    } catch {
      /* no map */
    }
    maps.set(path, m);
  }
  return maps.get(path);
}

function where(cf) {
  if (!cf.url) return { file: `(${cf.functionName || 'native'})`, line: 0 };
  const path = cf.url.replace(/^file:\/\//, '');
  const map = path.endsWith('.js') && path.startsWith(ROOT) && !path.includes('node_modules') ? mapFor(path) : null;
  if (!map) return { file: path.replace(ROOT + '/', ''), line: cf.lineNumber + 1 };
  const e = map.findEntry(cf.lineNumber, cf.columnNumber);
  if (!e || !e.originalSource) return { file: relative(ROOT, path), line: cf.lineNumber + 1 };
  let f = e.originalSource.replace(/^file:\/\//, '');
  f = f.replace(/^(\.\.\/)+/, '');
  return { file: f, line: e.originalLine + 1 };
}

function group(file) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  if (m) {
    const sub = m[2].replace(/^dist\//, '').replace(/\.(c|m)?js$/, '');
    return `${m[1]}: ${sub}`;
  }
  return file;
}

export function summarize(profilePath) {
  const p = JSON.parse(readFileSync(profilePath, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  let total = 0;
  const fns = new Map();
  const files = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    total += us;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') {
      // counted in the total, shown as such
    }
    const w = where(cf);
    const fkey = `${cf.functionName || '(anonymous)'} — ${w.file}${w.line ? ':' + w.line : ''}`;
    fns.set(fkey, (fns.get(fkey) ?? 0) + us);
    const g = group(w.file);
    files.set(g, (files.get(g) ?? 0) + us);
  }
  // Self time spent in each package, charged to the first engine function outside parse/
  // on the stack: which rule or stage asked for that work.
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const askers = new Map();
  for (const [id, us] of self) {
    const g = group(where(byId.get(id).callFrame).file);
    const pkg = /^(yaml|js-yaml):/.exec(g)?.[1] ?? (g.includes('generated/validators') ? 'validators' : /^\((stat|lstat|readdir|open|read|close)\)$/.test(g) ? `fs ${g}` : undefined);
    if (!pkg) continue;
    // File-system time is charged to the two engine frames above the hosts and Workspace.load
    // (e.g. planFilesIn ← planRootOf), parser time to the first engine frame outside parse/.
    const fs = pkg.startsWith('fs');
    const skip = (f) => f.includes('/parse/') || f.includes('/generated/') || (fs && /plan\/(node|overlay)-host\.ts$/.test(f));
    let cur = id;
    const chain = [];
    while ((cur = parent.get(cur)) !== undefined) {
      const cf = byId.get(cur).callFrame;
      const w = where(cf);
      if (!w.file.startsWith('server/src/') || skip(w.file)) continue;
      if (fs && ((cf.functionName === 'load' && w.file.endsWith('workspace.ts')) || !cf.functionName)) continue;
      chain.push(`${cf.functionName || '(anonymous)'} — ${w.file}:${w.line}`);
      if (chain.length >= (fs ? 2 : 1)) break;
    }
    const asker = chain.length ? chain.join(' ← ') : '(top level)';
    const k = `${pkg} ← ${asker}`;
    askers.set(k, (askers.get(k) ?? 0) + us);
  }
  const top = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, us]) => ({ name: k, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / total) / 10 }));
  return { totalMs: Math.round(total / 1000), functions: top(fns), files: top(files), parsersAskedBy: top(askers).slice(0, 10) };
}

function markdown(all) {
  const L = [`Profiles of ${new Date().toISOString().slice(0, 10)} (\`node bench/profile.mjs\`, sampling every 200 µs; self time, so callers are not double-counted).`];
  const short = (n) => n.replace(/\(?RegExp: (.{0,32}).*/, (_, r) => `RegExp \`${r}…\``).replace(/\|/g, '\\|');
  for (const [k, s] of Object.entries(all)) {
    L.push('', `**${k}** — ${s.totalMs} ms sampled`, '', '| self time | % | function — source |', '|---:|---:|---|');
    for (const x of s.functions.slice(0, 12)) L.push(`| ${x.ms} ms | ${x.pct} | ${short(x.name)} |`);
    L.push('', '| self time | % | module |', '|---:|---:|---|');
    for (const x of s.files.slice(0, 10)) L.push(`| ${x.ms} ms | ${x.pct} | ${short(x.name)} |`);
    if (s.parsersAskedBy?.length) {
      L.push('', '| self time | % | parser, validator or file system ← the engine function that asked |', '|---:|---:|---|');
      for (const x of s.parsersAskedBy) L.push(`| ${x.ms} ms | ${x.pct} | ${short(x.name)} |`);
    }
  }
  return L.join('\n');
}

function updateReadme(all) {
  const p = join(HERE, 'README.md');
  const a = '<!-- bench:profile:start -->';
  const b = '<!-- bench:profile:end -->';
  let s;
  try {
    s = readFileSync(p, 'utf8');
  } catch {
    return;
  }
  const i = s.indexOf(a);
  const j = s.indexOf(b);
  if (i < 0 || j < 0) return;
  writeFileSync(p, s.slice(0, i + a.length) + '\n' + markdown(all) + '\n' + s.slice(j));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && args.includes('--readme')) {
  // Re-render the README tables from the last bench/results/profile.json, profiling nothing.
  updateReadme(JSON.parse(readFileSync(join(HERE, 'results', 'profile.json'), 'utf8')));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generate({ log: () => {} });
  await buildEngineBundle();
  const outDir = join(HERE, 'results', 'prof');
  mkdirSync(outDir, { recursive: true });
  const result = {};
  for (const { ds, cli: CLI } of JOBS) {
    const dir = join(outDir, CLI ? `cli-${ds}` : ds);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const work = join(HERE, 'results', 'plans', ds);
    const target = CLI ? [join(ROOT, 'dist', 'cli.js'), 'check', work, '--format', 'json'] : [join(HERE, 'floor.mjs'), '--only', 'engine-check', '--datasets', ds, '--runs', '3'];
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', ...target], { stdio: ['ignore', 'ignore', 'inherit'] });
    const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
    const s = summarize(join(dir, f));
    const key = CLI ? `cli ${ds}` : ds;
    result[key] = { profile: relative(ROOT, join(dir, f)), ...s };
    console.log(`\n## ${key}: ${s.totalMs} ms sampled (${CLI ? 'one `pilot-plan check` process' : 'warm-up + 3 in-process checks, plus loading'})`);
    console.log('\nTop functions by self time:');
    for (const x of s.functions) console.log(`  ${String(x.ms).padStart(6)} ms ${String(x.pct).padStart(5)}%  ${x.name}`);
    console.log('\nTop files/modules by self time:');
    for (const x of s.files) console.log(`  ${String(x.ms).padStart(6)} ms ${String(x.pct).padStart(5)}%  ${x.name}`);
    console.log('\nParser, validator and file-system time, by the engine function that asked for it:');
    for (const x of s.parsersAskedBy) console.log(`  ${String(x.ms).padStart(6)} ms ${String(x.pct).padStart(5)}%  ${x.name}`);
  }
  writeFileSync(join(HERE, 'results', 'profile.json'), JSON.stringify(result, null, 1));
  if (!args.includes('--no-readme') && !args.includes('--datasets')) updateReadme(result);
}
