/**
 * A stand-in for the `vscode` module, so that the client's modules run in plain Node: the
 * parts of the API the status bar, the commands and New Plan use. Files are the real file
 * system (`file:` URIs); everything the UI would show is recorded in `ui.calls` and answered
 * by `ui.respond`, which a test sets. Importing this module installs it: import it before
 * any module of client/src (each test bundle gets its own copy, used by its own client code).
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as nodePath from 'node:path';

type Listener<T> = (e: T) => unknown;

class Emitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly fragment = '',
    readonly authority = '',
  ) {}
  static file(p: string): Uri {
    return new Uri('file', nodePath.posix.normalize(p.replace(/\\/g, '/')));
  }
  static parse(s: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/]*))?([^#]*)(?:#(.*))?$/i.exec(s);
    if (!m) throw new Error(`not a URI: ${s}`);
    return new Uri(m[1], decodeURIComponent(m[3]), m[4] ? decodeURIComponent(m[4]) : '', m[2] ? decodeURIComponent(m[2]) : '');
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, nodePath.posix.join(base.path, ...parts), '', base.authority);
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { fragment?: string }): Uri {
    return new Uri(this.scheme, this.path, change.fragment ?? this.fragment, this.authority);
  }
  toString(skipEncoding = false): string {
    const enc = skipEncoding ? (x: string) => x : encodeURI;
    return `${this.scheme}://${this.authority}${enc(this.path)}${this.fragment ? `#${skipEncoding ? this.fragment : encodeURIComponent(this.fragment)}` : ''}`;
  }
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}
export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}
export enum ConfigurationTarget {
  Global = 1,
}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class MarkdownString {
  isTrusted = false;
  constructor(public value = '') {}
  appendText(text: string): this {
    // As VS Code escapes plain text in Markdown.
    this.value += text.replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&');
    return this;
  }
}

// The tree view API (plan-tree.ts): items as plain records, a view whose visibility a test sets.
export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}
export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string | MarkdownString;
  iconPath?: ThemeIcon;
  resourceUri?: Uri;
  command?: { title: string; command: string; arguments?: unknown[] };
  contextValue?: string;
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}
export { Emitter as EventEmitter };

/** What the UI was asked to show. */
export interface UiCall {
  kind: 'quickPick' | 'inputBox' | 'openDialog' | 'saveDialog' | 'info' | 'warning' | 'error';
  title?: string;
  message?: string;
  detail?: string;
  prompt?: string;
  placeHolder?: string;
  /** An input box's prefilled value. */
  value?: string;
  items?: readonly unknown[];
  /** A quick pick's filter also matches the items' descriptions / details. */
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  buttons?: string[];
  modal?: boolean;
  /** An input box's validation message for the answer given. */
  validation?: string;
}

export const ui = {
  calls: [] as UiCall[],
  /** The user: returns the picked item, the typed text, the pressed button or a folder list; undefined cancels. */
  respond: (_call: UiCall): unknown => undefined,
  reset(): void {
    this.calls = [];
    this.respond = () => undefined;
  },
};

function ask(call: UiCall): unknown {
  ui.calls.push(call);
  return ui.respond(call);
}

interface StatusItem {
  id: string;
  name?: string;
  text: string;
  tooltip?: string | MarkdownString;
  command?: unknown;
  backgroundColor?: ThemeColor;
  visible: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

interface MessageOptions {
  modal?: boolean;
  detail?: string;
}

function message(kind: 'info' | 'warning' | 'error') {
  return async (text: string, ...rest: unknown[]) => {
    const options = rest[0] && typeof rest[0] === 'object' ? (rest.shift() as MessageOptions) : {};
    const buttons = rest.filter((x): x is string => typeof x === 'string');
    return ask({ kind, message: text, detail: options.detail, modal: options.modal, buttons });
  };
}

const activeEditorChanged = new Emitter<unknown>();
const configurationChanged = new Emitter<{ affectsConfiguration(key: string): boolean }>();
const foldersChanged = new Emitter<{ added: unknown[]; removed: unknown[] }>();

export const window = {
  activeTextEditor: undefined as { document: { uri: Uri; languageId: string } } | undefined,
  statusBarItems: [] as StatusItem[],
  onDidChangeActiveTextEditor: activeEditorChanged.event,
  createStatusBarItem(id: string): StatusItem {
    const item: StatusItem = {
      id,
      text: '',
      visible: false,
      show: () => (item.visible = true),
      hide: () => (item.visible = false),
      dispose: () => undefined,
    };
    window.statusBarItems.push(item);
    return item;
  },
  async showQuickPick(items: readonly unknown[], options: { title?: string; placeHolder?: string; matchOnDescription?: boolean; matchOnDetail?: boolean } = {}) {
    const { title, placeHolder, matchOnDescription, matchOnDetail } = options;
    return ask({ kind: 'quickPick', title, placeHolder, items, matchOnDescription, matchOnDetail });
  },
  async showInputBox(options: { title?: string; prompt?: string; value?: string; validateInput?: (v: string) => string | undefined } = {}) {
    const call: UiCall = { kind: 'inputBox', title: options.title, prompt: options.prompt, value: options.value };
    const answer = ask(call);
    if (typeof answer === 'string' && options.validateInput) {
      call.validation = options.validateInput(answer) ?? undefined;
      // VS Code keeps the box open on an invalid answer; here that is a cancel.
      if (call.validation) return undefined;
    }
    return answer as string | undefined;
  },
  async showOpenDialog(options: { title?: string } = {}) {
    return ask({ kind: 'openDialog', title: options.title }) as Uri[] | undefined;
  },
  async showSaveDialog(options: { title?: string; defaultUri?: Uri } = {}) {
    return ask({ kind: 'saveDialog', title: options.title, value: options.defaultUri?.fsPath }) as Uri | undefined;
  },
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  shownDocuments: [] as Uri[],
  async showTextDocument(uri: Uri) {
    window.shownDocuments.push(uri);
    return {};
  },
  progressTitles: [] as string[],
  async withProgress<T>(options: { title?: string }, task: () => Promise<T>): Promise<T> {
    if (options.title) window.progressTitles.push(options.title);
    return task();
  },
  treeViews: [] as { id: string; title?: string; visible: boolean; options: unknown; setVisible(v: boolean): void; dispose(): void }[],
  createTreeView(id: string, options: unknown) {
    const visibility = new Emitter<{ visible: boolean }>();
    const view = {
      id,
      title: undefined as string | undefined,
      visible: false,
      options,
      onDidChangeVisibility: visibility.event,
      setVisible(v: boolean) {
        view.visible = v;
        visibility.fire({ visible: v });
      },
      dispose: () => undefined,
    };
    window.treeViews.push(view);
    return view;
  },
  decorationProviders: [] as { provideFileDecoration(uri: Uri): unknown }[],
  registerFileDecorationProvider(provider: { provideFileDecoration(uri: Uri): unknown }) {
    window.decorationProviders.push(provider);
    return { dispose: () => (window.decorationProviders = window.decorationProviders.filter((p) => p !== provider)) };
  },
  /** Tests: makes `doc` the active editor's document. */
  setActive(doc: { uri: Uri; languageId: string } | undefined): void {
    window.activeTextEditor = doc && { document: doc };
    activeEditorChanged.fire(window.activeTextEditor);
  },
};

/** Settings by full key (`pilotPlan.locale`). */
export const settings = new Map<string, unknown>();

function statType(p: string): FileType {
  const s = fs.statSync(p);
  return s.isDirectory() ? FileType.Directory : s.isFile() ? FileType.File : FileType.Unknown;
}

function walkPilotFiles(dir: string, out: string[], config = false): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = nodePath.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') walkPilotFiles(p, out, config);
    else if (e.isFile() && (/\.pilot\.ya?ml$/.test(e.name) || (config && e.name === 'pilot-plan.config.yaml'))) out.push(p);
  }
}

export const workspace = {
  workspaceFolders: undefined as { uri: Uri; name: string; index: number }[] | undefined,
  onDidCloseTextDocument: new Emitter<unknown>().event,
  onDidOpenTextDocument: new Emitter<unknown>().event,
  onDidChangeConfiguration: configurationChanged.event,
  getConfiguration(section?: string) {
    return { get: (key: string) => settings.get(section ? `${section}.${key}` : key) };
  },
  asRelativePath(uri: Uri | string): string {
    const p = typeof uri === 'string' ? uri : uri.fsPath;
    const root = workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (root && (p === root || p.startsWith(root + '/'))) return nodePath.relative(root, p) || p;
    return p;
  },
  /**
   * Every *.pilot.yaml / *.pilot.yml of the workspace folders (the first only unless `allFolders`), whatever the glob (the client
   * asks for those), and pilot-plan.config.yaml when the glob names it; never in node_modules.
   */
  async findFiles(include: string, _exclude?: string, max = Infinity): Promise<Uri[]> {
    const out: string[] = [];
    const folders = workspace.workspaceFolders ?? [];
    for (const f of workspace.allFolders ? folders : folders.slice(0, 1)) walkPilotFiles(f.uri.fsPath, out, include.includes('pilot-plan.config.yaml'));
    return out.slice(0, max).map((p) => Uri.file(p));
  },
  /** findFiles searches every workspace folder, as VS Code does (the workspace mirror's tests); else the first only. */
  allFolders: false,
  onDidChangeWorkspaceFolders: foldersChanged.event,
  /** Tests: the workspace's folders become `roots`, and the listeners are told. */
  setFolders(roots: string[]): void {
    const before = workspace.workspaceFolders ?? [];
    workspace.workspaceFolders = roots.map((r, index) => ({ uri: Uri.file(r), name: nodePath.basename(r), index }));
    const after = workspace.workspaceFolders;
    foldersChanged.fire({ added: after.filter((a) => !before.some((b) => b.uri.path === a.uri.path)), removed: before.filter((b) => !after.some((a) => a.uri.path === b.uri.path)) });
  },
  getWorkspaceFolder(uri: Uri) {
    return workspace.workspaceFolders?.find((f) => f.uri.scheme === uri.scheme && (uri.path === f.uri.path || uri.path.startsWith(f.uri.path.replace(/\/$/, '') + '/')));
  },
  /** The file system watchers made, by glob: a test fires their events. */
  watchers: [] as { glob: string; create: Emitter<Uri>; change: Emitter<Uri>; delete: Emitter<Uri>; disposed: boolean }[],
  createFileSystemWatcher(glob: string) {
    const w = { glob, create: new Emitter<Uri>(), change: new Emitter<Uri>(), delete: new Emitter<Uri>(), disposed: false };
    workspace.watchers.push(w);
    return { onDidCreate: w.create.event, onDidChange: w.change.event, onDidDelete: w.delete.event, dispose: () => (w.disposed = true) };
  },
  fs: {
    async stat(uri: Uri) {
      return { type: statType(uri.fsPath), size: fs.statSync(uri.fsPath).size };
    },
    async readDirectory(uri: Uri): Promise<[string, FileType][]> {
      return fs.readdirSync(uri.fsPath).map((n) => [n, statType(nodePath.join(uri.fsPath, n))]);
    },
    /** The URIs read, in order (the workspace mirror's tests). */
    read: [] as string[],
    async readFile(uri: Uri): Promise<Uint8Array> {
      workspace.fs.read.push(uri.toString());
      return fs.readFileSync(uri.fsPath);
    },
    async writeFile(uri: Uri, content: Uint8Array): Promise<void> {
      fs.writeFileSync(uri.fsPath, content);
    },
    async createDirectory(uri: Uri): Promise<void> {
      fs.mkdirSync(uri.fsPath, { recursive: true });
    },
  },
  /** Tests: changes a setting and tells the listeners, as VS Code does. */
  setSetting(key: string, value: unknown): void {
    if (value === undefined) settings.delete(key);
    else settings.set(key, value);
    configurationChanged.fire({ affectsConfiguration: (k: string) => key === k || key.startsWith(k + '.') });
  },
};

export const env = { language: 'en' };

const handlers = new Map<string, (...args: unknown[]) => unknown>();
export const commands = {
  executed: [] as { command: string; args: unknown[] }[],
  registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
    handlers.set(id, handler);
    return { dispose: () => handlers.delete(id) };
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    const h = handlers.get(id);
    if (h) return h(...args);
    commands.executed.push({ command: id, args });
    return undefined;
  },
};

const vscode = {
  Uri,
  FileType,
  StatusBarAlignment,
  ProgressLocation,
  ConfigurationTarget,
  ThemeColor,
  MarkdownString,
  TreeItem,
  TreeItemCollapsibleState,
  ThemeIcon,
  EventEmitter: Emitter,
  Range,
  Position,
  window,
  workspace,
  env,
  commands,
};

// Installed on import: `require('vscode')` in the client's bundled modules gets the stub.
const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const load = loader._load;
loader._load = function (request: string, parent: unknown, isMain: boolean) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, parent, isMain);
};

/** Back to a fresh state between tests: no UI answers or records, no settings, no workspace, English. */
export function resetStub(): void {
  ui.reset();
  settings.clear();
  env.language = 'en';
  workspace.workspaceFolders = undefined;
  workspace.allFolders = false;
  workspace.watchers = [];
  workspace.fs.read = [];
  window.activeTextEditor = undefined;
  window.shownDocuments = [];
  window.progressTitles = [];
  commands.executed = [];
}

/** Tests: opens `root` as the workspace's one folder. */
export function openWorkspace(root: string): void {
  workspace.workspaceFolders = [{ uri: Uri.file(root), name: nodePath.basename(root), index: 0 }];
}
