/**
 * Check Workspace (pilotPlan/checkWorkspace): every plan of the pilot plan files under the
 * workspace folders, and of the open documents. The walk lists at most a limit of files (to
 * keep the server's time and memory in bounds); the plans of those are checked whole, and the
 * files left unchecked beyond the limit are counted and said in the result, never dropped in
 * silence.
 */
import { defineMessages, formatMessage, msg, type Locale } from '../engine/i18n/messages';
import { walkPilotFiles } from '../engine/plan/walk';
import type { ServerContext } from './context';
import type { CheckWorkspaceResult } from './protocol';

defineMessages({
  'lsp.workspace-check.not-checked': {
    en: 'Not checked: {files} pilot plan files of the workspace. “Check All Plans in the Workspace” takes the first {limit} files it finds and checks their plans, to keep the language server\'s time and memory in bounds; check the rest with `pilot-plan check <folder>`, or open them.',
    zh: '未检查：工作区中还有 {files} 个试点方案文件未检查。“检查工作区中的全部方案”只取找到的前 {limit} 个文件，检查其所属方案，以控制语言服务器的用时和内存；其余文件请用 `pilot-plan check <文件夹>` 检查，或在编辑器中打开。',
  },
});

/** What a user is told of the files a workspace check left out. */
export function notCheckedNote(files: number, limit: number, locale: Locale): string {
  return formatMessage(msg('lsp.workspace-check.not-checked', { files, limit }), locale);
}

/**
 * Calls `visit` with the pilot plan files under the folders, by the engine's walk (walk.ts: names
 * sorted, skipped folders, no link followed), each real folder once over all of them, until it
 * returns false.
 */
function eachPilotFile(ctx: ServerContext, folders: string[], visit: (path: string) => boolean): void {
  const visited = new Set<string>();
  const readDir = (dir: string) => ctx.session.host.readDir(dir);
  for (const folder of folders) {
    const real = ctx.realPath(folder);
    if (real === undefined) continue;
    let going = true;
    walkPilotFiles(folder, real, (p) => (going = visit(p)), { readDir, visited });
    if (!going) return;
  }
}

/** Up to `limit` pilot plan files under the folders (each once); `more` when the walk stopped short. */
export function pilotFilesUnder(ctx: ServerContext, folders: string[], limit: number): { files: string[]; more: boolean } {
  const files: string[] = [];
  let more = false;
  eachPilotFile(ctx, folders, (p) => {
    if (files.length === limit) {
      more = true;
      return false;
    }
    files.push(p);
    return true;
  });
  return { files, more };
}

export async function checkWorkspace(ctx: ServerContext, limit: number): Promise<CheckWorkspaceResult> {
  const t0 = performance.now();
  const { session, diagnostics } = ctx;
  const listed = pilotFilesUnder(ctx, ctx.folders, limit);
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
  let notChecked = 0;
  if (listed.more) {
    eachPilotFile(ctx, ctx.folders, (p) => {
      if (!checked.has(p)) notChecked++;
      return true;
    });
  }
  if (notChecked) {
    total.notChecked = { files: notChecked, limit };
    const note = notCheckedNote(notChecked, limit, ctx.locale);
    total.notes = [note];
    ctx.connection.console.log(`pilot-plan: ${note}`);
  }
  total.elapsedMs = Math.round(performance.now() - t0);
  return total;
}
