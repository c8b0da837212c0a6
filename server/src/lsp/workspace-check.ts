/**
 * Check Workspace (pilotPlan/checkWorkspace): every plan of the pilot plan files under the
 * workspace folders, and of the open documents.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { isPilotFile } from '../engine/plan/workspace';
import type { ServerContext } from './context';
import type { CheckWorkspaceResult } from './protocol';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_DEPTH = 32;

/**
 * Visits the pilot plan files under the folders in a stable order (names sorted), skipping
 * node_modules and version-control folders; each real folder once, so a link back up the tree
 * ends the walk there. Stops when `visit` returns false.
 */
export function walkPilotFiles(ctx: ServerContext, folders: string[], visit: (path: string) => boolean): void {
  const seen = new Set<string>();
  let going = true;
  const walk = (dir: string, depth: number) => {
    if (!going || depth > MAX_DEPTH) return;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    const entries = ctx.session.host.readDir(dir) ?? [];
    for (const e of entries.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!going) return;
      const p = nodePath.join(dir, e.name);
      if (e.kind === 'dir') {
        if (!SKIPPED_DIRS.has(e.name)) walk(p, depth + 1);
      } else if (isPilotFile(e.name)) going = visit(p);
    }
  };
  for (const f of folders) walk(f, 0);
}

/** Up to `limit` pilot plan files under the folders (each once); `more` when the walk stopped short. */
export function pilotFilesUnder(ctx: ServerContext, folders: string[], limit = 20000): { files: string[]; more: boolean } {
  const files = new Set<string>();
  let more = false;
  walkPilotFiles(ctx, folders, (p) => {
    if (files.size >= limit) {
      if (!files.has(p)) more = true;
      return !more;
    }
    files.add(p);
    return true;
  });
  return { files: [...files], more };
}

export async function checkWorkspace(ctx: ServerContext): Promise<CheckWorkspaceResult> {
  const t0 = performance.now();
  const { session, diagnostics } = ctx;
  const listed = pilotFilesUnder(ctx, ctx.folders);
  const files = listed.files;
  const known = new Set(files);
  for (const p of session.open.keys()) if (!known.has(p) && !session.isConfig(p)) files.push(p);
  const total: CheckWorkspaceResult = { plans: 0, files: 0, errors: 0, warnings: 0, infos: 0, elapsedMs: 0 };
  const checked = new Set<string>();
  const checkedPlans = new Set<string>();
  // Each file's plan is asked for when its turn comes, not all up front: a change of structure
  // while the check runs (a Plan file edited away) moves the files not checked yet to their new plans.
  for (const f of files) {
    if (checked.has(f)) continue;
    const key = session.planKeyOf(f);
    if (checkedPlans.has(key)) continue; // a file its plan could not read
    const result = await diagnostics.checkNow(key);
    if (!result) continue;
    checkedPlans.add(key);
    for (const p of result.paths) checked.add(p);
    if (!key.startsWith('\0')) total.plans++;
    total.files += result.files;
    total.errors += result.errors;
    total.warnings += result.warnings;
    total.infos += result.infos;
  }
  total.elapsedMs = Math.round(performance.now() - t0);
  return total;
}
