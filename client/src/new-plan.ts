/**
 * `pilotPlan.newPlan`: asks for the pilot's facts and a folder, then writes the four files of
 * scaffold.ts there. It asks first which pilot of the national lists the plan is for, whose facts
 * then need no question. With an argument object `{ folder, name, type, province, parkLevel?, id?,
 * nameEn? }` it asks nothing (tests, other extensions); from the Explorer's context menu it gets
 * the folder the new plan's folder is proposed in.
 */
import * as vscode from 'vscode';
import { PILOT_FILE, PILOTS, PROVINCE_EN, PROVINCES } from './generated/tables';
import { t, uiLocale } from './locale';
import { SCAFFOLD_FILES, planIdProblem, scaffoldPlan, suggestPlanId, type ParkLevel, type PilotType } from './scaffold';
import { BILINGUAL_LABELS } from './ui-text';

export interface NewPlanArgs {
  folder?: string | vscode.Uri;
  name?: string;
  type?: PilotType;
  province?: string;
  parkLevel?: ParkLevel;
  id?: string;
  nameEn?: string;
  /** Open plan.pilot.yaml afterwards (default: true when anything was asked, else false). */
  open?: boolean;
  /** Overwrite existing files of the same names without asking (default false). */
  overwrite?: boolean;
}

export interface NewPlanResult {
  folder: vscode.Uri;
  files: vscode.Uri[];
}

/** What New Plan knows so far: from the argument, then from each question. */
interface Answers {
  type?: PilotType;
  name?: string;
  nameEn?: string;
  province?: string;
  parkLevel?: ParkLevel;
  /** Set only by a pick from the national lists. */
  batch?: number;
  id?: string;
  folder?: vscode.Uri;
}

interface Context {
  /** The folder a new plan folder is proposed in: the one clicked in the Explorer, else the workspace's first. */
  base?: vscode.Uri;
}

/** One question: fills in what the answers lack, or leaves them as they are. */
type Step = (a: Answers, ctx: Context) => Promise<void>;

class Cancelled extends Error {}

function orCancel<T>(v: T | undefined): T {
  if (v === undefined) throw new Cancelled();
  return v;
}

/** A folder given as a path on disk or as a URI (`scheme:…`, any scheme: the web's folders are not on disk). */
function toUri(folder: string | vscode.Uri): vscode.Uri {
  if (typeof folder !== 'string') return folder;
  return /^[a-z][\w+.-]+:/i.test(folder) && !/^[a-z]:[\\/]/i.test(folder) ? vscode.Uri.parse(folder) : vscode.Uri.file(folder);
}

async function exists(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return undefined;
  }
}

const PLAN_KIND = /^kind:\s*["']?Plan["']?\s*(?:#.*)?$/m;
const PLAN_ID = /^id:\s*["']?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)["']?\s*(?:#.*)?$/m;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The first pilot plan file directly in `folder` that is a Plan (`kind: Plan`), other than the names in `skip`, with its ID. */
async function planFileIn(folder: vscode.Uri, skip: readonly string[] = []): Promise<{ name: string; id?: string } | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (type !== vscode.FileType.File || !PILOT_FILE.test(name) || skip.includes(name)) continue;
    const text = await readText(vscode.Uri.joinPath(folder, name));
    if (text && PLAN_KIND.test(text)) return { name, id: PLAN_ID.exec(text)?.[1] };
  }
  return undefined;
}

/**
 * The plan `folder` would lie in: the nearest folder above it that holds a Plan file, as the
 * engine finds a file's plan (docs/format.md, Files and plans), up to the file system's root.
 */
async function enclosingPlan(folder: vscode.Uri): Promise<{ folder: vscode.Uri; file: vscode.Uri; id?: string } | undefined> {
  let dir = folder;
  for (;;) {
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
    const plan = await planFileIn(dir);
    if (plan) return { folder: dir, file: vscode.Uri.joinPath(dir, plan.name), id: plan.id };
  }
}

/** The plan IDs of the workspace's Plan files (the first thousand pilot files), so that a suggested ID is a new one. */
async function takenPlanIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  let files: vscode.Uri[] = [];
  try {
    files = await vscode.workspace.findFiles('**/*.pilot.{yaml,yml}', '**/node_modules/**', 1000);
  } catch {
    return ids;
  }
  for (const f of files) {
    const text = await readText(f);
    const id = text && PLAN_KIND.test(text) ? PLAN_ID.exec(text)?.[1] : undefined;
    if (id) ids.add(id);
  }
  return ids;
}

const ZH_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A listed pilot as a pick item: the Chinese name, its facts in the UI's language, the English name to match on. */
type PilotItem = vscode.QuickPickItem & { pilot?: (typeof PILOTS)[number] };

function pilotItem(p: (typeof PILOTS)[number]): PilotItem {
  const zh = uiLocale() === 'zh-CN';
  const type = p.type === 'park' ? t('newPlanPilotPark') : t('newPlanPilotCity');
  const province = zh ? p.province : (PROVINCE_EN[p.province] ?? p.province);
  // Official documents write the batch in Chinese numerals (第一批).
  const batch = zh ? (ZH_NUMERALS[p.batch] ?? String(p.batch)) : String(p.batch);
  return { label: p.name, description: t('newPlanPilotDescription', type, province, batch), detail: p.nameEn, pilot: p };
}

/** Which pilot: one of the national lists fills the facts it knows, so the later steps skip them. */
const askPilot: Step = async (a) => {
  // An argument that names any of the pilot's facts has chosen the pilot already.
  if (a.name || a.type || a.province) return;
  const other: PilotItem = { label: t('newPlanOtherPilot'), detail: t('newPlanOtherPilotDetail'), alwaysShow: true };
  const pick = await vscode.window.showQuickPick([other, ...PILOTS.map(pilotItem)], {
    title: t('newPlanPilotTitle'),
    placeHolder: t('newPlanPilotPlaceholder'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  const p = orCancel(pick).pilot;
  if (!p) return;
  a.name = p.name;
  a.nameEn = p.nameEn;
  a.type = p.type;
  a.province = p.province;
  a.parkLevel = p.parkLevel;
  a.batch = p.batch;
};

const askType: Step = async (a) => {
  if (a.type) return;
  const items: (vscode.QuickPickItem & { value: PilotType })[] = [
    { label: BILINGUAL_LABELS.city, detail: t('newPlanCityDetail'), value: 'city' },
    { label: BILINGUAL_LABELS.park, detail: t('newPlanParkDetail'), value: 'park' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: t('newPlanTypeTitle'), ignoreFocusOut: true });
  a.type = orCancel(pick).value;
};

const askName: Step = async (a) => {
  if (a.name) return;
  const name = await vscode.window.showInputBox({
    title: t('newPlanNameTitle'),
    prompt: a.type === 'park' ? t('newPlanParkNamePrompt') : t('newPlanCityNamePrompt'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : t('newPlanNameEmpty')),
  });
  a.name = orCancel(name).trim();
};

const askProvince: Step = async (a) => {
  if (a.province) return;
  // The English name helps those who type a province in Latin letters.
  const items = PROVINCES.map((p) => ({ label: p, description: PROVINCE_EN[p] }));
  const pick = await vscode.window.showQuickPick(items, {
    title: t('newPlanProvinceTitle'),
    placeHolder: t('newPlanProvincePlaceholder'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  a.province = orCancel(pick).label;
};

const askParkLevel: Step = async (a) => {
  if (a.type !== 'park' || a.parkLevel) return;
  const items: (vscode.QuickPickItem & { value: ParkLevel })[] = [
    { label: BILINGUAL_LABELS.national, detail: t('newPlanNationalDetail'), value: 'national' },
    { label: BILINGUAL_LABELS.provincial, detail: t('newPlanProvincialDetail'), value: 'provincial' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: t('newPlanParkLevelTitle'), ignoreFocusOut: true });
  a.parkLevel = orCancel(pick).value;
};

function idMessage(id: string): string | undefined {
  switch (planIdProblem(id)) {
    case 'pattern':
      return t('newPlanIdPattern');
    case 'reserved':
      return t('newPlanIdReserved');
    default:
      return undefined;
  }
}

const askId: Step = async (a) => {
  if (a.id) return;
  const suggested = suggestPlanId({ name: a.name ?? '', nameEn: a.nameEn, type: a.type ?? 'city', province: a.province, taken: await takenPlanIds() });
  const id = await vscode.window.showInputBox({
    title: t('newPlanIdTitle'),
    prompt: t('newPlanIdPrompt'),
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (v) => idMessage(v.trim()),
  });
  a.id = orCancel(id).trim();
};

/** A folder name from the pilot's name: the characters no file system allows made hyphens. */
function folderName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
}

/** `typed` relative to `base` (empty: `base`), or an absolute path. */
export function resolveFolder(base: vscode.Uri, typed: string): vscode.Uri {
  const v = typed.trim();
  if (!v) return base;
  if (base.scheme === 'file' && (/^[\\/]/.test(v) || /^[a-z]:[\\/]/i.test(v))) return vscode.Uri.file(v);
  return vscode.Uri.joinPath(base, ...v.split(/[\\/]+/).filter(Boolean));
}

const askFolder: Step = async (a, ctx) => {
  if (a.folder) return;
  const base = ctx.base ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!base) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: t('newPlanFolderDialogButton'),
      title: t('newPlanFolderDialogTitle'),
    });
    a.folder = orCancel(picked?.[0]);
    return;
  }
  const typed = await vscode.window.showInputBox({
    title: t('newPlanFolderTitle'),
    prompt: t('newPlanFolderPrompt', base.scheme === 'file' ? base.fsPath : base.toString(true)),
    value: folderName(a.name ?? ''),
    ignoreFocusOut: true,
  });
  a.folder = resolveFolder(base, orCancel(typed));
};

/**
 * The questions, in order; each asks only for what the answers still lack. A step that answers
 * several at once (a pick from the national lists of pilots, filling name, name in English, type,
 * province, park level and batch) goes first, and the steps after it then ask only for the rest.
 */
const STEPS: readonly Step[] = [askPilot, askType, askName, askProvince, askParkLevel, askId, askFolder];

/** The answers' facts checked, each problem said in the UI's language (an argument object may hold anything). */
function checkAnswers(a: Answers): void {
  if (a.type !== 'city' && a.type !== 'park') throw new Error(t('newPlanUnknownType', String(a.type)));
  if (!a.name?.trim()) throw new Error(t('newPlanNameEmpty'));
  if (!a.province || !PROVINCES.includes(a.province)) throw new Error(t('newPlanUnknownProvince', String(a.province)));
  if (a.parkLevel !== undefined && a.parkLevel !== 'national' && a.parkLevel !== 'provincial') throw new Error(t('newPlanUnknownParkLevel', String(a.parkLevel)));
  const idProblem = a.id === undefined ? undefined : idMessage(a.id);
  if (idProblem) throw new Error(`${a.id}: ${idProblem}`);
}

/** Asks a modal question with one button; true when the user pressed it. */
async function confirm(message: string, detail: string | undefined, button: string, warning = true): Promise<boolean> {
  const options: vscode.MessageOptions = { modal: true, detail };
  const answer = warning ? await vscode.window.showWarningMessage(message, options, button) : await vscode.window.showInformationMessage(message, options, button);
  return answer === button;
}

function parseArgs(arg: unknown): { args: NewPlanArgs; ctx: Context } {
  // From the Explorer's context menu: the folder clicked.
  if (arg instanceof vscode.Uri) return { args: {}, ctx: { base: arg } };
  if (arg && typeof arg === 'object') return { args: arg as NewPlanArgs, ctx: {} };
  return { args: {}, ctx: {} };
}

/** The command. Resolves to the written files, or undefined when the user cancelled. */
export async function newPlan(arg?: unknown): Promise<NewPlanResult | undefined> {
  const { args, ctx } = parseArgs(arg);
  const a: Answers = {
    type: args.type,
    name: args.name?.trim() || undefined,
    nameEn: args.nameEn,
    province: args.province,
    parkLevel: args.parkLevel,
    id: args.id,
    folder: args.folder ? toUri(args.folder) : undefined,
  };
  // With every fact and the folder given, nothing is asked (an API call); else each missing one is.
  const interactive = !(a.type && a.name && a.province && a.folder);
  try {
    if (interactive) for (const step of STEPS) await step(a, ctx);
    if (a.type === 'park') a.parkLevel ??= 'national';
    checkAnswers(a);
    const type = a.type as PilotType;
    const name = a.name as string;
    const province = a.province as string;
    const folder = a.folder as vscode.Uri;
    const id = a.id ?? suggestPlanId({ name, nameEn: a.nameEn, type, province, taken: await takenPlanIds() });
    const files = scaffoldPlan({ name, type, province, parkLevel: a.parkLevel, batch: a.batch, id, nameEn: a.nameEn, locale: uiLocale() });

    const kind = await exists(folder);
    if (kind !== undefined && kind !== vscode.FileType.Directory) throw new Error(t('newPlanNotAFolder', folder.scheme === 'file' ? folder.fsPath : folder.toString(true)));
    const other = kind === vscode.FileType.Directory ? await planFileIn(folder, SCAFFOLD_FILES) : undefined;
    if (other) throw new Error(t('newPlanFolderHoldsPlan', other.name));
    const shown = (u: vscode.Uri) => vscode.workspace.asRelativePath(u, true);
    const outer = interactive ? await enclosingPlan(folder) : undefined;
    if (outer) {
      const plan = outer.id ?? shown(outer.folder);
      if (!(await confirm(t('newPlanNested', shown(folder), plan, shown(outer.file)), t('newPlanNestedDetail', plan), t('newPlanNestedButton')))) return undefined;
    }
    if (interactive && kind === undefined && !(await confirm(t('newPlanCreateFolder', shown(folder)), undefined, t('newPlanCreateFolderButton'), false))) return undefined;
    const targets = files.map((f) => vscode.Uri.joinPath(folder, ...f.path.split('/')));
    const existing: string[] = [];
    for (let i = 0; i < targets.length; i++) if ((await exists(targets[i])) !== undefined) existing.push(files[i].path);
    if (existing.length && !args.overwrite) {
      if (!interactive) throw new Error(t('newPlanFilesExist', existing.join(', ')));
      if (!(await confirm(t('newPlanFilesExist', existing.join(', ')), t('newPlanOverwriteQuestion'), t('newPlanOverwriteButton')))) return undefined;
    }

    await vscode.workspace.fs.createDirectory(folder);
    const encoder = new TextEncoder();
    for (let i = 0; i < files.length; i++) await vscode.workspace.fs.writeFile(targets[i], encoder.encode(files[i].content));

    if (args.open ?? interactive) {
      await vscode.window.showTextDocument(targets[0], { preview: false });
      void vscode.window.showInformationMessage(t('newPlanCreated', id, shown(folder)));
    }
    return { folder, files: targets };
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(t('newPlanNotCreated', message));
    if (!interactive) throw e;
    return undefined;
  }
}
