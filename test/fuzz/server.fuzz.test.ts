/**
 * Fuzzing the faces over the engine (fast-check): the language server's edit path — sequences of
 * incremental edits of hostile and plan-like text, after which every file's diagnostics must equal
 * what the checker says of the same texts — and the command line, given argument lists from a pool
 * of options, values and hostile paths: it ends, with a status of the contract, and prints no stack.
 * Few runs in `npm test`; `node scripts/fuzz.mjs` runs more (PILOT_PLAN_FUZZ_SERVER_RUNS).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import * as fc from 'fast-check';
import { LspClient, positionAt } from '../lsp/client';
import { cleanGuangzhou, expectWorkspaceLikeCli } from '../lsp/fixtures';
import { cli } from '../cli/run-cli';
import { damaged, planLike, scalar } from './generators';

const LONG = process.env.PILOT_PLAN_FUZZ_RUNS !== undefined;
const RUNS = Number(process.env.PILOT_PLAN_FUZZ_SERVER_RUNS ?? (LONG ? 200 : 6));
const SEED = Number(process.env.PILOT_PLAN_FUZZ_SEED ?? 20261207);
const params = (runs: number): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED, endOnFailure: true });

const FILES = ['plan.pilot.yaml', 'indicators.pilot.yaml', 'projects.pilot.yaml', 'tasks/energy.pilot.yaml', 'tasks/industry-buildings.pilot.yaml'];

/** Text a planner types or pastes, and text that breaks things. */
const inserted: fc.Arbitrary<string> = fc.oneof(
  scalar,
  fc.constantFrom(
    '  - id: T-NEW\n    title: 新任务\n    area: other\n    lead: 市发展改革委\n',
    '  - id: T-ENERGY-01\n    title: 重复\n    area: other\n    lead: x\n',
    '\n',
    '#',
    ': ',
    '- ',
    '    indicators: [IND-MISSING]\n',
    'kind: Plan\n',
    '\t',
    '\r',
    '[[[[',
  ),
  damaged(planLike).map((t) => t.slice(0, 200)),
);

interface Edit {
  file: number;
  at: number;
  remove: number;
  text: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  file: fc.nat({ max: FILES.length - 1 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 40 }), fc.nat({ max: 400 })),
  text: fc.oneof(fc.constant(''), inserted),
});

describe(`server and command-line fuzz (fast-check, ${RUNS} edit sequences, seed ${SEED})`, function () {
  this.timeout(Math.max(120_000, RUNS * 20_000));

  it('edits of every kind, in open files: the diagnostics of every file equal the checker on the same texts', async () => {
    const p = cleanGuangzhou();
    const client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    try {
      for (const rel of FILES) client.open(p.path(rel));
      await expectWorkspaceLikeCli(client, p.dir, 'opening the files');
      let sequences = 0;
      // Sequences the long run found wrong, first.
      const examples: [Edit[]][] = [
        [
          [
            { file: 3, at: 0, remove: 7, text: '' },
            { file: 2, at: 0.999999999999998, remove: 35, text: 'kind: Plan\n' },
            { file: 4, at: 0, remove: 0, text: ': ' },
          ],
        ],
      ];
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
          for (const e of edits) {
            const path = p.path(FILES[e.file]);
            const text = client.text(path);
            const start = Math.floor(e.at * text.length);
            const end = Math.min(text.length, start + e.remove);
            client.edit(path, { start: positionAt(text, start), end: positionAt(text, end) }, e.text);
            // The checker reads the files from disk: the same texts there.
            fs.writeFileSync(path, client.text(path));
          }
          await expectWorkspaceLikeCli(client, p.dir, `edits ${JSON.stringify(edits).slice(0, 300)}`, { timeoutMs: 15000 });
          assert.ok(client.alive, 'the server is still running');
          sequences++;
        }),
        { ...params(RUNS), examples },
      );
      console.log(`      (server fuzz: ${sequences} edit sequences, every file equal to the checker after each)`);
    } finally {
      await client.stop();
    }
  });

  it('argument lists of options, values and hostile paths: a status of the contract, no stack, no hang', () => {
    const dir = fs.mkdtempSync(nodePath.join(require('node:os').tmpdir(), 'pilot-cli-fuzz-'));
    try {
      fs.writeFileSync(nodePath.join(dir, 'a.pilot.yaml'), 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
      const arg = fc.oneof(
        fc.constantFrom('--format', '-f', 'json', 'sarif', 'junit', 'github', 'markdown', 'stylish', 'xml', '--fail-on', 'never', 'info', 'bogus', '--locale', 'zh-CN', 'fr', '--color', '--no-color', '--stdin-filename', '--whole-plans', '-o', '--output', '--', '-', '-h', '--version'),
        fc.constantFrom('.', 'a.pilot.yaml', 'missing.pilot.yaml', '*.pilot.yaml', './*', '**/x', '[', '\u001b[2J', '::error::x', 'a\nb', '/dev/null', 'a.pilot.yaml/..'),
        // Not an absolute path: `/` would walk the whole machine.
        fc.string({ maxLength: 6 }).filter((x) => !x.startsWith('/')),
      );
      let runs = 0;
      fc.assert(
        fc.property(fc.array(arg, { maxLength: 6 }), (args) => {
          // Paths stay inside the folder (a pattern that climbs out would walk the whole machine's temporary folder);
      // a report named with --output goes to a fresh name.
          const safe = args.map((a, i) => ((args[i - 1] === '-o' || args[i - 1] === '--output') && a !== '-' ? `out-${runs}.txt` : a));
          cli(['check', ...safe], { cwd: dir }); // asserts: it ended, status 0/1/2, no stack, no internal error
          assert.equal(fs.readFileSync(nodePath.join(dir, 'a.pilot.yaml'), 'utf8'), 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n', 'the plan file is unchanged');
          runs++;
        }),
        params(LONG ? RUNS * 10 : 25),
      );
      console.log(`      (command-line fuzz: ${runs} argument lists)`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
