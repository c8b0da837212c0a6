/**
 * The language server's incremental path over the protocol: a plan's files
 * open in the real server, a few hundred planners' edits (test/util/item-edits.ts:
 * whole items inserted, replaced, pasted, moved, deleted, keys deleted, IDs
 * renamed with several cursors, items typed a keystroke at a time, undone) sent
 * as incremental didChange notifications, several ranges in one notification
 * too. After every edit's check has settled, the published diagnostics of every
 * file — code, severity, range, message and related places — must be what a
 * fresh check of the same texts gives (the engine's checker, as `pilot-plan
 * check` runs it; the CLI itself on the written files at a few points).
 *
 * PILOT_PLAN_LSP_DIFF_EDITS sets the number of edits of each plan.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, tempDir, uriOf } from './client';
import { PLAN_FILES, brokenGuangzhou, cliCheck, cliFindingKey, diagnosticKey, plan, type Plan } from './fixtures';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { CONFIG_FILE_NAME } from '../../server/src/engine/plan/config';
import { pilotFilesUnder } from '../util/examples';
import { repoRoot } from '../util/plan';
import { GENERATED_PLAN } from '../util/generated-plan';
import { rng } from '../util/mutants';
import { ItemPool, OPS, outline, randomEdit, type EditContext, type Version } from '../util/item-edits';

const EDITS = Number(process.env.PILOT_PLAN_LSP_DIFF_EDITS ?? 150);
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** A diagnostic as compared: code, severity, range, message, and each related place (file, range, message). */
function publishedKey(dir: string, d: Diagnostic): string {
  const related = (d.relatedInformation ?? []).map((r) => [nodePath.relative(dir, fileURLToPath(r.location.uri)), r.location.range, r.message]);
  return JSON.stringify([d.code, SEVERITY[d.severity ?? 1], d.range, d.message, related]);
}

/** What a fresh check of these texts (by path) gives each file, as publishedKey writes it. */
function freshCheck(dir: string, texts: Map<string, string>): Map<string, string[]> {
  const files: Record<string, string> = {};
  for (const [p, t] of texts) files[p] = t;
  const config = nodePath.join(dir, CONFIG_FILE_NAME);
  if (fs.existsSync(config)) files[config] = fs.readFileSync(config, 'utf8');
  const ws = new Workspace(new MemoryFileHost(files), { snapshot: true });
  const results = checkFiles(ws, [...texts.keys()], (_rule, e) => {
    throw e;
  });
  const lines = new Map([...texts].map(([p, t]) => [p, new LineIndex(t)]));
  const range = (file: string, span: { start: number; end: number }): Range => {
    const l = lines.get(file)!;
    return { start: l.positionAt(span.start), end: l.positionAt(span.end) };
  };
  const out = new Map<string, string[]>();
  for (const r of results) {
    const keys = r.findings.map((f) => {
      const related = (f.data?.related ?? []).map((x) => [nodePath.relative(dir, x.file), range(x.file, x.span), formatMessage(x.message, 'en')]);
      return JSON.stringify([f.code, f.severity, range(r.path, f.span), formatMessage(f.message, 'en'), related]);
    });
    out.set(nodePath.relative(dir, r.path).split(nodePath.sep).join('/'), keys.sort());
  }
  return out;
}

/**
 * Opens the plan's files in a started server, sends `edits` planners' edits (most to the focus
 * files), and after each compares every file's published diagnostics with a fresh check.
 */
async function editSession(c: LspClient, p: Plan, files: string[], seed: number, edits: number, focusFiles: string[]): Promise<void> {
  const r = rng(seed);
  const paths = files.map((rel) => p.path(rel));
  // A third of the documents have CRLF line breaks in the editor.
  for (const [i, path] of paths.entries()) c.open(path, i % 3 === 1 ? p.read(files[i]).replace(/\n/g, '\r\n') : p.read(files[i]));
  const pool = new ItemPool([...paths.map((f) => c.text(f)), ...pilotFilesUnder(nodePath.join(repoRoot(), 'examples', 'shenzhen')).map((f) => fs.readFileSync(f, 'utf8'))]);
  let fresh = 0;
  const cx: EditContext = { pool, fresh: () => fresh++ };
  const texts = () => new Map(paths.map((f) => [f, c.text(f)]));
  const originals = texts();
  const done: string[] = [];

  const mismatch = () => {
    const expected = freshCheck(p.dir, texts());
    for (const rel of files) {
      const mine = (c.diagnostics.get(uriOf(p.path(rel))) ?? []).map((d) => publishedKey(p.dir, d)).sort();
      const theirs = expected.get(rel) ?? [];
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) return { rel, mine, theirs };
    }
    return undefined;
  };
  /**
   * The check settled: Check Workspace answers after checking every plan now (what it publishes
   * comes before its answer); or, without it, the debounced check published what is expected.
   */
  const settle = async (changes: unknown, barrier: boolean) => {
    if (barrier) await c.request('pilotPlan/checkWorkspace', {});
    else {
      try {
        await c.waitFor(`diagnostics equal to a fresh check after: ${done[done.length - 1]}`, () => mismatch() === undefined, 10000);
      } catch {
        // Reported with the difference below.
      }
    }
    const m = mismatch();
    if (m) assert.deepEqual(m.mine, m.theirs, `${m.rel} after version ${done.length}: ${done[done.length - 1]}\nversions before: ${done.slice(-6, -1).join(' | ')}\nlast changes: ${JSON.stringify(changes)}`);
  };
  /** The CLI on the texts written to disk: the fresh check above is what it says. */
  const likeCli = async (step: string) => {
    for (const [path, text] of texts()) fs.writeFileSync(path, text);
    await c.request('pilotPlan/checkWorkspace', {});
    const cli = cliCheck(p.dir);
    for (const rel of files) {
      const mine = (c.diagnostics.get(uriOf(p.path(rel))) ?? []).map(diagnosticKey).sort();
      assert.deepEqual(mine, (cli.files.get(rel) ?? []).map(cliFindingKey).sort(), `${step}: ${rel} against the CLI`);
    }
  };

  await settle([], true);
  await likeCli('opening');
  const counts = { versions: 0, notifications: 0, multi: 0, typed: 0 };
  const focus = focusFiles.map((rel) => p.path(rel));
  // Edits with several ranges in one notification (several cursors, cut and paste) weigh more; typing, with its many versions, less.
  const weight: Record<string, number> = { type: 2, rename: 4, addField: 4, move: 4, deleteSeveral: 4, deleteAll: 1, deleteKey: 1 };
  const ops = Object.keys(OPS).flatMap((op) => Array<string>(weight[op] ?? 2).fill(op));
  const send = (path: string, v: Version, changes = v.changes) => {
    c.editMany(path, changes);
    counts.notifications++;
    if (changes.length > 1) counts.multi++;
  };
  for (let e = 0; e < edits; e++) {
    const path = r() < 0.8 ? focus[Math.floor(r() * focus.length)] : paths[Math.floor(r() * paths.length)];
    const { op, versions } = randomEdit(c.text(path), r, cx, ops);
    if (op === 'type') counts.typed++;
    for (const [k, v] of versions.entries()) {
      send(path, v);
      done.push(`${nodePath.basename(path)}: ${v.what}`);
      counts.versions++;
      // Keystrokes go in bursts: now and then a check settles in the middle of one.
      if (k < versions.length - 1 && r() < 0.05) await settle(v.changes, true);
    }
    await settle(versions[versions.length - 1].changes, e % 5 !== 4);
    // Now and then the edit is undone (a list or key deleted, mostly): its versions' inverses, the last first.
    if (r() < (op === 'deleteAll' || op === 'deleteKey' ? 0.7 : 0.15)) {
      for (const v of [...versions].reverse()) {
        send(path, v, v.inverse);
        done.push(`${nodePath.basename(path)}: undo ${v.what}`);
        counts.versions++;
      }
      await settle(versions[0].inverse, true);
    }
    // A file left without list items is reverted whole, so that item edits go on.
    if (!outline(c.text(path)).some((k) => k.list?.items.length)) {
      send(path, { what: 'revert', changes: [], inverse: [] }, [{ text: originals.get(path)! }]);
      done.push(`${nodePath.basename(path)}: reverted whole (no range)`);
      await settle([], true);
    }
    if (e === Math.floor(edits / 2)) await likeCli(`after ${e + 1} edits`);
  }
  if (process.env.DBG) console.log(done.filter((d) => d.startsWith("indicators")).join("\n"));
  await likeCli("at the end");
  console.log(`      (${edits} edits: ${counts.versions} versions in ${counts.notifications} didChange notifications, ${counts.multi} with several ranges; ${counts.typed} items typed a keystroke at a time)`);
  assert.ok(counts.multi > edits / 20, 'several ranges in one notification');
}

describe('lsp: incremental edits, every file against a fresh check after each', function () {
  this.timeout(300_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it(`${EDITS} planners' edits of the Guangzhou example with problems put in, as incremental didChange notifications (several ranges in one too): the published diagnostics equal a fresh check of the same texts`, async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    await editSession(client, p, PLAN_FILES, 4242, EDITS, ['tasks/energy.pilot.yaml', 'projects.pilot.yaml']);
  });

  it(`${EDITS} edits of a generated plan (items of one length, a list not indented, no final line break)`, async () => {
    const p = plan(tempDir('pilot-lsp-generated-'));
    for (const [rel, text] of Object.entries(GENERATED_PLAN)) p.write(rel, text);
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    await editSession(client, p, Object.keys(GENERATED_PLAN), 777, EDITS, ['indicators.pilot.yaml', 'tasks.pilot.yaml']);
  });
});
