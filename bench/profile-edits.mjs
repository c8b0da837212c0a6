#!/usr/bin/env node
// CPU profile of the language server over one-line edits: where a keystroke's time goes.
//
//   node bench/profile-edits.mjs [--dataset lines-10k] [--edits 60] [--top 25]
//   node bench/profile-edits.mjs --stress duplicated [--edits 30]
//
// Starts `node --cpu-prof dist/server.js --stdio` at debounce 0, opens the dataset's edit file
// (bench/generate.mjs), makes the same one-line title edits as `npm run bench` (a title made longer,
// then back), waits for each edit's diagnostics, and prints the median edit time and the
// functions and modules by self time, mapped through the bundle's source map (bench/profile.mjs).
// With --stress, a plan full of findings (bench/stress.mjs) with every file open, as `npm run bench`
// times it. The profile covers the server's start and the open too: many edits make them a small part.
// Raw profile in bench/results/prof/edits-<dataset>/. Run `node build.mjs` first.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { editText, editTitle, generate } from './generate.mjs';
import { stressPlans } from './stress.mjs';
import { LspSession, sleep } from './lsp-client.mjs';
import { summarize } from './profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const stress = opt('--stress', undefined);
const name = stress ? `stress-${stress}` : opt('--dataset', 'lines-10k');
const edits = Number(opt('--edits', '60'));

const manifest = generate({ log: () => {} });
const big = manifest.datasets.find((d) => d.name === 'files-1000');
const ds = stress ? stressPlans(big.dir, dirname(big.dir)).find((p) => p.name === stress) : manifest.datasets.find((d) => d.name === name);
if (!ds?.editFile) throw new Error(stress ? `no stress plan ${stress} (bench/stress.mjs)` : `no dataset ${name} with an edit file (lines-1k, lines-10k, lines-100k, files-*)`);
const dir = join(HERE, 'results', 'prof', `edits-${name}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const s = new LspSession({
  name: 'Pilot Plan server',
  command: [process.execPath, '--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', join(ROOT, 'dist', 'server.js'), '--stdio'],
  rootDir: ds.dir,
  settings: { pilotPlan: {} },
  initializationOptions: { debounceMs: 0 },
  doneNotifications: ['pilotPlan/status'],
});
await s.initialize(30_000);
await sleep(300);
let opened;
if (stress) {
  // Every file open, as the bench's plans full of findings: the edit file's URI is what is edited.
  const uris = ds.files.map((f) => pathToFileURL(join(ds.dir, f)).href);
  const wait = s.waitDiagnostics(uris, 600_000, `diagnostics for ${uris.length} files`);
  const t0 = performance.now();
  for (const f of ds.files) s.open(join(ds.dir, f));
  await wait;
  opened = { uri: pathToFileURL(join(ds.dir, ds.editFile)).href, ms: performance.now() - t0 };
  await sleep(1500);
} else {
  opened = await s.timeOpen(join(ds.dir, ds.editFile), 120_000);
  await sleep(300);
}
const times = [];
for (let k = 0; k < edits; k++) {
  const title = editTitle(ds.editTitles, k);
  const r = await s.timeLineEdit(opened.uri, title.line, '    title: '.length, editText(title, k), 120_000);
  times.push(r.ms);
  await sleep(20);
}
await s.shutdown();
await sleep(500); // the profile is written as the server exits

times.sort((a, b) => a - b);
const median = times[times.length >> 1];
const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
if (!f) throw new Error(`the server wrote no profile in ${dir}`);
const sum = summarize(join(dir, f));
const busy = sum.functions.filter((x) => x.name.startsWith('(idle)')).reduce((t, x) => t - x.ms, sum.totalMs);
console.log(`${name}: ${edits} edits at debounce 0, median ${median.toFixed(1)} ms (fastest ${times[0].toFixed(1)} ms); open ${opened.ms.toFixed(0)} ms`);
console.log(`profile: ${sum.totalMs} ms sampled, ${busy} ms not idle (start, open and the edits), ${join('bench/results/prof', `edits-${name}`, f)}`);
console.log('\nTop functions by self time:');
for (const x of sum.functions) console.log(`  ${String(x.ms).padStart(6)} ms ${String(x.pct).padStart(5)}%  ${x.name}`);
console.log('\nTop files/modules by self time:');
for (const x of sum.files) console.log(`  ${String(x.ms).padStart(6)} ms ${String(x.pct).padStart(5)}%  ${x.name}`);
