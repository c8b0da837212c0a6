/**
 * Files on disk (or in an editor) → parsed files → plans.
 *
 * The folder rule of docs/format.md (#plan-discovery): a plan is the folder that holds a
 * `kind: Plan` file, with every pilot file below it except below a sub-folder
 * that holds a Plan file of its own. Parsed files are cached by a stamp the
 * host gives (mtime and size on disk, the version in an editor), so a plan
 * is re-read only where something changed.
 */
import * as nodePath from 'node:path';
import { decode } from '../parse/decode';
import { bytesInclude, lenientUtf8Text } from '../parse/bytes';
import { parseBytes, parseText, tooLargeFile } from '../parse/load';
import { buildFileModel, type FileModel } from './model';
import type { ParsedFile } from '../parse/parsed-file';
import { PlanIndex } from './plan-index';
import { CONFIG_FILE_NAME, configTooLarge, parseConfig, type RuleConfig } from './config';
import { childPath, isPilotFile, walkPilotFiles } from './walk';

export { childPath, isPilotFile, PILOT_FILE, SKIPPED_DIRS } from './walk';

export interface DirEntry {
  name: string;
  kind: 'file' | 'dir';
}

export interface FileContent {
  /** An editor's document, parsed as it changed (parse/edit.ts). */
  parsed?: ParsedFile;
  /** Editor text (preferred) or bytes from disk. */
  text?: string;
  bytes?: Uint8Array;
  /** The size in bytes of a file above the size limit (decode.ts MAX_FILE_BYTES), not read: neither text nor bytes. */
  tooLarge?: number;
  /** Changes whenever the content may have changed. */
  stamp: string;
}

export interface FileHost {
  readDir(dir: string): DirEntry[] | undefined;
  read(path: string): FileContent | undefined;
  /** A cheap stamp without reading the content, or undefined if the file does not exist. */
  stamp(path: string): string | undefined;
}

/** A file read ahead of its parse (snapshot workspaces): its content, and whether its text can hold a Plan kind. */
interface ReadAhead {
  content: FileContent;
  mayBePlan: boolean;
}

const BACKSLASH = 0x5c;

export interface WorkspaceOptions {
  /**
   * The files do not change while this workspace lives (one run of the
   * checker): stamps, folder listings and plan folders are read once. Without
   * it (the language server) every question goes to the host again.
   */
  snapshot?: boolean;
}

export class Workspace {
  private readonly models = new Map<string, { stamp: string; model: FileModel }>();
  private readonly configs = new Map<string, { stamp: string; config: RuleConfig }>();
  private readonly stamps = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, DirEntry[] | undefined>();
  private readonly planDirs = new Map<string, string[]>();
  /** In a snapshot: files read ahead of their parse (see canRead), until load() parses them. */
  private readonly read = new Map<string, ReadAhead>();

  constructor(
    readonly host: FileHost,
    private readonly options: WorkspaceOptions = {},
  ) {}

  /** The files do not change while this workspace lives (see WorkspaceOptions). */
  get snapshot(): boolean {
    return this.options.snapshot === true;
  }

  private stampOf(path: string): string | undefined {
    if (!this.options.snapshot) return this.host.stamp(path);
    if (!this.stamps.has(path)) this.stamps.set(path, this.host.stamp(path));
    return this.stamps.get(path);
  }

  private readDir(dir: string): DirEntry[] | undefined {
    if (!this.options.snapshot) return this.host.readDir(dir);
    if (!this.dirs.has(dir)) this.dirs.set(dir, this.host.readDir(dir));
    return this.dirs.get(dir);
  }

  /** In a snapshot: the file was looked for once and could not be read. */
  private knownMissing(path: string): boolean {
    return this.stamps.has(path) && this.stamps.get(path) === undefined;
  }

  /** The parsed model of a file, from cache when its stamp is unchanged. */
  load(path: string): FileModel | undefined {
    // A snapshot never sees a file change: what it read once is what it has, and reading tells the stamp.
    if (this.options.snapshot) {
      const hit = this.models.get(path);
      if (hit) return hit.model;
      if (this.knownMissing(path)) return undefined;
      const model = this.readModel(path, this.read.get(path)?.content);
      this.read.delete(path);
      this.stamps.set(path, model ? this.models.get(path)!.stamp : undefined);
      return model;
    }
    const stamp = this.stampOf(path);
    if (stamp === undefined) {
      this.models.delete(path);
      return undefined;
    }
    const hit = this.models.get(path);
    if (hit && hit.stamp === stamp) return hit.model;
    return this.readModel(path);
  }

  private readModel(path: string, known?: FileContent): FileModel | undefined {
    const content = known ?? this.host.read(path);
    if (!content) return undefined;
    const parsed = content.parsed ??
      (content.tooLarge !== undefined
        ? tooLargeFile(path, content.tooLarge)
        : content.text !== undefined ? parseText(path, content.text) : parseBytes(path, content.bytes ?? new Uint8Array()));
    const model = buildFileModel(parsed);
    this.models.set(path, { stamp: content.stamp, model });
    return model;
  }

  forget(path: string): void {
    this.models.delete(path);
  }

  /**
   * In a snapshot: whether the file can be read. It is read now and its text
   * kept for its parse, so asking costs no second read (and no parse).
   */
  canRead(path: string): boolean {
    if (!this.options.snapshot) return this.load(path) !== undefined;
    if (this.models.has(path) || this.read.has(path)) return true;
    return this.readAhead(path) !== undefined;
  }

  /** Reads a file of a snapshot ahead of its parse; its text (decoded once) waits in `read` for load(). */
  private readAhead(path: string): ReadAhead | undefined {
    if (this.knownMissing(path)) return undefined;
    const content = this.host.read(path);
    if (!content) {
      this.stamps.set(path, undefined);
      return undefined;
    }
    let kept: ReadAhead = { content, mayBePlan: true };
    if (content.tooLarge !== undefined) kept.mayBePlan = false; // never parsed, so never of kind Plan
    else if (content.text === undefined) {
      const bytes = content.bytes ?? new Uint8Array();
      const d = decode(bytes);
      // Looked for in the bytes: native and half the size of the text, where a search of the text is not.
      const mayBePlan = bytesInclude(bytes, 'Plan') || bytesInclude(bytes, BACKSLASH);
      if (!d.problem) kept = { content: { text: d.text, stamp: content.stamp }, mayBePlan };
    } else {
      kept.mayBePlan = content.text.includes('Plan') || content.text.includes('\\');
    }
    this.read.set(path, kept);
    return kept;
  }

  /**
   * Whether a file's kind is Plan. In a snapshot, a file whose text cannot
   * spell `Plan` is answered without parsing: YAML can write the word only
   * as itself or through a backslash escape, so text with neither `Plan` nor
   * `\` holds no Plan kind. Finding a plan's folder asks this of every file
   * around, long before their turn to be parsed.
   */
  private isPlanFile(path: string): boolean {
    if (this.options.snapshot && !this.models.has(path)) {
      const ahead = this.read.get(path) ?? this.readAhead(path);
      if (!ahead) return false;
      if (!ahead.mayBePlan) return false;
    }
    return this.load(path)?.kind === 'Plan';
  }

  /**
   * In a snapshot: keeps `model` for its file from now on, in place of the
   * one load() made (the checker's compact model, plan-view.ts).
   */
  replaceModel(model: FileModel): void {
    if (!this.options.snapshot) throw new Error('replaceModel is for snapshot workspaces');
    const hit = this.models.get(model.path);
    if (hit) this.models.set(model.path, { stamp: hit.stamp, model });
  }

  /** Pilot files directly in `dir` whose kind is Plan. */
  planFilesIn(dir: string): string[] {
    const known = this.planDirs.get(dir);
    if (known) return known;
    const entries = this.readDir(dir);
    if (!entries) return [];
    const plans = entries
      .filter((e) => e.kind === 'file' && isPilotFile(e.name))
      .map((e) => childPath(dir, e.name))
      .filter((p) => this.isPlanFile(p));
    if (this.options.snapshot) this.planDirs.set(dir, plans);
    return plans;
  }

  /** The plan folder a file belongs to: the nearest folder, from its own upward, that holds a Plan file. */
  planRootOf(file: string): string | undefined {
    let dir = nodePath.dirname(file);
    for (;;) {
      if (this.planFilesIn(dir).length > 0) return dir;
      const parent = nodePath.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Every pilot file of the plan at `root`, sub-plans excluded (walk.ts: no symbolic link followed). */
  planMembers(root: string): string[] {
    const out: string[] = [];
    walkPilotFiles(root, root, (p) => void out.push(p), {
      readDir: (dir) => this.readDir(dir),
      enter: (dir) => this.planFilesIn(dir).length === 0, // a sub-folder with a Plan file is a plan of its own
    });
    return out;
  }

  config(root: string): RuleConfig {
    const path = nodePath.join(root, CONFIG_FILE_NAME);
    const stamp = this.stampOf(path);
    if (stamp === undefined) return { severities: new Map(), findings: [] };
    const hit = this.configs.get(path);
    if (hit && hit.stamp === stamp) return hit.config;
    const content = this.host.read(path);
    const text = content?.text ?? (content?.bytes ? lenientUtf8Text(content.bytes) : '');
    const config = content?.tooLarge !== undefined ? configTooLarge(path, content.tooLarge) : parseConfig(path, text);
    this.configs.set(path, { stamp, config });
    return config;
  }

  /** A fresh index of the plan at `root` (or of one loose file when root is undefined). */
  buildPlan(root: string | undefined, looseFile?: string): PlanIndex {
    const index = new PlanIndex(root, root ? this.config(root) : undefined);
    const members = root ? this.planMembers(root) : looseFile ? [looseFile] : [];
    for (const p of members) {
      const m = this.load(p);
      if (m) index.setFile(m);
    }
    return index;
  }
}
