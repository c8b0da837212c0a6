/**
 * `pilotPlan.newPlan`: asks for a folder and the pilot's facts, then writes the
 * four files of scaffold.ts there. With an argument object
 * `{ folder, name, type, province, parkLevel?, id?, nameEn? }` it asks nothing
 * (tests, other extensions); from the Explorer's context menu it gets the folder.
 */
import * as vscode from 'vscode';
import { PILOT_FILE, PROVINCE_EN, PROVINCES } from './generated/tables';
import { SCAFFOLD_FILES, planIdProblem, scaffoldPlan, suggestPlanId, type ParkLevel, type PilotType } from './scaffold';
import { resolveLocale } from './settings';

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

class Cancelled extends Error {}

function orCancel<T>(v: T | undefined): T {
  if (v === undefined) throw new Cancelled();
  return v;
}

function toUri(folder: string | vscode.Uri): vscode.Uri {
  return typeof folder === 'string' ? vscode.Uri.file(folder) : folder;
}

async function exists(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return undefined;
  }
}

/** A pilot plan file directly in `folder`, other than ours, that is a Plan: the new one would be a duplicate-plan. */
async function otherPlanFile(folder: vscode.Uri): Promise<string | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !PILOT_FILE.test(name) || (SCAFFOLD_FILES as readonly string[]).includes(name)) continue;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
    if (/^kind:\s*["']?Plan["']?\s*(?:#.*)?$/m.test(text)) return name;
  }
  return undefined;
}

async function askFolder(): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Create the plan here'),
    title: vscode.l10n.t('Folder for the new pilot plan'),
  });
  return orCancel(picked?.[0]);
}

async function askType(): Promise<PilotType> {
  const items: (vscode.QuickPickItem & { value: PilotType })[] = [
    { label: vscode.l10n.t('City'), description: 'city', detail: vscode.l10n.t('A pilot city (prefecture level or above)'), value: 'city' },
    { label: vscode.l10n.t('Park'), description: 'park', detail: vscode.l10n.t('A pilot industrial park (provincial level or above)'), value: 'park' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New pilot plan: type of pilot'), ignoreFocusOut: true });
  return orCancel(pick).value;
}

async function askName(type: PilotType): Promise<string> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New pilot plan: name of the pilot'),
    prompt: type === 'park' ? vscode.l10n.t('The park\'s name as the plan states it, e.g. 苏州工业园区') : vscode.l10n.t('The city\'s name as the plan states it, e.g. 广州市'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The name must not be empty.')),
  });
  return orCancel(name).trim();
}

async function askProvince(): Promise<string> {
  const items = PROVINCES.map((p) => ({ label: p, description: PROVINCE_EN[p] }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New pilot plan: province'),
    placeHolder: vscode.l10n.t('The provincial-level division of the pilot'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return orCancel(pick).label;
}

async function askParkLevel(): Promise<ParkLevel> {
  const items: (vscode.QuickPickItem & { value: ParkLevel })[] = [
    { label: vscode.l10n.t('National'), description: 'national', detail: vscode.l10n.t('A national-level park'), value: 'national' },
    { label: vscode.l10n.t('Provincial'), description: 'provincial', detail: vscode.l10n.t('A provincial-level park'), value: 'provincial' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New pilot plan: level of the park'), ignoreFocusOut: true });
  return orCancel(pick).value;
}

function idMessage(id: string): string | undefined {
  switch (planIdProblem(id)) {
    case 'pattern':
      return vscode.l10n.t('Capital letters, digits and hyphens, starting with a letter (e.g. GZ, SZ-2025).');
    case 'reserved':
      return vscode.l10n.t('The skeleton uses IDs starting with T-, P-, IND-, M-, A- and R-: pick another plan ID.');
    default:
      return undefined;
  }
}

async function askId(suggested: string): Promise<string> {
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('New pilot plan: plan ID'),
    prompt: vscode.l10n.t('A short ID for the plan, e.g. GZ'),
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (v) => idMessage(v.trim()),
  });
  return orCancel(id).trim();
}

function parseArgs(arg: unknown): NewPlanArgs {
  if (arg instanceof vscode.Uri) return { folder: arg };
  if (arg && typeof arg === 'object') return arg as NewPlanArgs;
  return {};
}

/** The command. Resolves to the written files, or undefined when the user cancelled. */
export async function newPlan(arg?: unknown): Promise<NewPlanResult | undefined> {
  const args = parseArgs(arg);
  let asked = false;
  const ask = <T>(f: () => Promise<T>) => ((asked = true), f());
  try {
    const folder = args.folder ? toUri(args.folder) : await ask(askFolder);
    const type = args.type ?? (await ask(askType));
    if (type !== 'city' && type !== 'park') throw new Error(vscode.l10n.t('Unknown pilot type: {0}', String(type)));
    const name = args.name?.trim() || (await ask(() => askName(type)));
    const province = args.province ?? (await ask(askProvince));
    const parkLevel = type === 'park' ? (args.parkLevel ?? (asked ? await ask(askParkLevel) : 'national')) : undefined;
    const suggested = suggestPlanId({ name, nameEn: args.nameEn, type });
    const id = args.id ?? (asked ? await ask(() => askId(suggested)) : suggested);
    const idProblem = idMessage(id);
    if (idProblem) throw new Error(`${id}: ${idProblem}`);

    const locale = resolveLocale(vscode.workspace.getConfiguration('pilotPlan').get('locale'), vscode.env.language);
    const files = scaffoldPlan({ name, type, province, parkLevel, id, nameEn: args.nameEn, locale });

    const kind = await exists(folder);
    if (kind !== undefined && kind !== vscode.FileType.Directory) throw new Error(vscode.l10n.t('{0} is not a folder.', folder.fsPath));
    const other = kind === vscode.FileType.Directory ? await otherPlanFile(folder) : undefined;
    if (other) throw new Error(vscode.l10n.t('The folder already holds a plan ({0}); choose another folder.', other));
    const targets = files.map((f) => vscode.Uri.joinPath(folder, ...f.path.split('/')));
    const existing: string[] = [];
    for (let i = 0; i < targets.length; i++) if ((await exists(targets[i])) !== undefined) existing.push(files[i].path);
    if (existing.length && !args.overwrite) {
      if (!asked) throw new Error(vscode.l10n.t('These files exist already: {0}', existing.join(', ')));
      const overwrite = vscode.l10n.t('Overwrite');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('These files exist already: {0}', existing.join(', ')),
        { modal: true, detail: vscode.l10n.t('Overwrite them with the new plan?') },
        overwrite,
      );
      if (answer !== overwrite) return undefined;
    }

    await vscode.workspace.fs.createDirectory(folder);
    const encoder = new TextEncoder();
    for (let i = 0; i < files.length; i++) await vscode.workspace.fs.writeFile(targets[i], encoder.encode(files[i].content));

    if (args.open ?? asked) {
      await vscode.window.showTextDocument(targets[0], { preview: false });
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Created the pilot plan {0} in {1}: replace the placeholder figures with the real ones.', id, vscode.workspace.asRelativePath(folder)),
      );
    }
    return { folder, files: targets };
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Pilot Plan: the new plan was not created. {0}', message));
    if (!asked) throw e;
    return undefined;
  }
}
