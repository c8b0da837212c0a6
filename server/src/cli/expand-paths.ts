/**
 * Command-line PATH arguments → pilot plan files: files as given, folders
 * searched recursively for *.pilot.yaml / *.pilot.yml, anything else tried as
 * a glob. Problems (a missing path, a folder named like a plan file) are
 * collected, not thrown: the other files are still checked.
 *
 * Symbolic links (docs/format.md, #plan-discovery): a path named here, and a
 * glob's static folder, are followed to their real paths; inside a folder no
 * link is followed, as plan discovery follows none (engine/plan/walk.ts, the
 * walk both share). So every file comes out at its real path, once, and is a
 * member of the plan of the folder it really is in.
 */
import { toPosix } from '../engine/display-path';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { defineMessages, msg, type Message } from '../engine/i18n/messages';
import { childPath, isPilotFile, SKIPPED_DIRS, walkPilotFiles } from '../engine/plan/walk';
import type { DirEntry } from '../engine/plan/workspace';

defineMessages({
  'paths.missing': { en: '{path}: no such file or folder, and no file matches it as a pattern.', zh: '{path}：文件或目录不存在，也没有文件匹配该模式。' },
  'paths.unreadable': { en: '{path}: cannot be read ({reason}).', zh: '{path}：无法读取（{reason}）。' },
  'paths.folder-named-like-file': {
    en: '{path}: a folder named like a pilot plan file; its contents are checked, but rename the folder so tools do not take it for a file.',
    zh: '{path}：该目录的名称像试点方案文件；已检查其中的文件，但请重命名该目录，以免被工具误认为文件。',
  },
  'paths.link-not-followed': {
    en: '{path}: a symbolic link; links inside a folder are not followed, so it is not checked and is no member of a plan. Name it on the command line to check the file it points to, or put the file itself here.',
    zh: '{path}：这是符号链接；文件夹中的链接不会被跟随，因此它不被检查，也不属于任何方案。可在命令行上直接指定它以检查其指向的文件，或将文件本身放在此处。',
  },
  'paths.none': { en: 'No pilot plan files (*.pilot.yaml, *.pilot.yml) found in {paths}.', zh: '在 {paths} 中未找到试点方案文件（*.pilot.yaml、*.pilot.yml）。' },
});

// Loaded only for an argument that is neither a file nor a folder: most checks name folders, and
// loading the glob library (and picomatch) is a few milliseconds of every start-up.
let globLib: typeof Tinyglobby | undefined;
const glob = (): typeof Tinyglobby => (globLib ??= require('tinyglobby') as typeof Tinyglobby);

/** A segment of a glob that may hold glob syntax: anything but a literal folder name (conservatively). */
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/;

/**
 * A glob split into its static folder (the leading segments without glob syntax: `..`, `.`, an
 * absolute root), resolved, and the rest. The glob library is given the folder as its working
 * directory: handed `../*` itself, tinyglobby 0.2 skipped the working directory's own subtree.
 */
function globBase(pattern: string, cwd: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  let i = 0;
  while (i < segments.length - 1 && !GLOB_SYNTAX.test(segments[i])) i++;
  // `/*`: the one static segment is the empty name before the root's `/`.
  const folder = segments.slice(0, i).join('/') || (i > 0 ? '/' : '.');
  return { base: nodePath.resolve(cwd, folder), rest: segments.slice(i).join('/') };
}

export interface Expanded {
  /** Real paths (no symbolic link in them), each once, in the order found. */
  files: string[];
  problems: Message[];
}

/** The real path of something that exists (a path named, a glob's folder); the path itself if it cannot be told. */
export function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export function expandPaths(args: string[], cwd: string): Expanded {
  const files = new Set<string>();
  const problems: Message[] = [];
  // The real paths of the folders entered, over all the arguments: a folder named twice, or named and below another, is walked once.
  const visited = new Set<string>();

  /** Walks the folder whose real path is `root`, shown in messages as `shown`. */
  const walk = (root: string, shown: string) => {
    const shownOf = (p: string) => toPosix(nodePath.join(shown, p.slice(root.length)));
    const readDir = (dir: string): DirEntry[] | undefined => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        problems.push(msg('paths.unreadable', { path: shownOf(dir), reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
        return undefined;
      }
      const out: DirEntry[] = [];
      for (const e of entries) {
        if (e.isDirectory()) out.push({ name: e.name, kind: 'dir' });
        else if (e.isFile()) out.push({ name: e.name, kind: 'file' });
        // A link to a folder is passed over in silence (it may be anything); one named like a pilot file is said.
        else if (e.isSymbolicLink() && isPilotFile(e.name)) problems.push(msg('paths.link-not-followed', { path: shownOf(childPath(dir, e.name)) }));
      }
      return out;
    };
    const enter = (dir: string, name: string) => {
      if (isPilotFile(name)) problems.push(msg('paths.folder-named-like-file', { path: shownOf(dir) }));
      return true;
    };
    walkPilotFiles(root, root, (p) => void files.add(p), { readDir, enter, visited });
  };

  for (const arg of args) {
    const abs = nodePath.resolve(cwd, arg);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      if (isPilotFile(nodePath.basename(abs))) problems.push(msg('paths.folder-named-like-file', { path: toPosix(arg) }));
      walk(realPath(abs), toPosix(arg));
    } else if (st?.isFile()) {
      files.add(realPath(abs));
    } else if (glob().isDynamicPattern(arg)) {
      // A glob: the pilot plan files it matches, and the folders it matches searched
      // like folders given by name (`plans/*`). Other files it matches (configs,
      // other YAML) are not plan files and are left alone. Below its static folder
      // it follows no link, as a folder's walk does not.
      let matched = 0;
      const { base, rest } = globBase(arg, cwd);
      const matches = glob().globSync([rest], { cwd: realPath(base), absolute: true, onlyFiles: false, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] })
        .map((m) => nodePath.normalize(m).replace(/(.)[\\/]+$/, '$1'))
        .sort();
      const dirs: string[] = [];
      for (const m of matches) {
        let mst: fs.Stats;
        try {
          mst = fs.lstatSync(m);
        } catch {
          continue;
        }
        if (mst.isDirectory()) {
          if (SKIPPED_DIRS.has(nodePath.basename(m))) continue;
          if (!dirs.some((d) => m.startsWith(d + nodePath.sep))) dirs.push(m);
        } else if (mst.isFile() && isPilotFile(nodePath.basename(m))) {
          files.add(m);
          matched++;
        }
      }
      for (const d of dirs) {
        const shown = toPosix(nodePath.relative(cwd, d) || '.');
        if (isPilotFile(nodePath.basename(d))) problems.push(msg('paths.folder-named-like-file', { path: shown }));
        walk(d, shown);
      }
      // Matches found before (`plans plans/*.pilot.yaml`) count: the pattern did match.
      if (!matched && !dirs.length) problems.push(msg('paths.missing', { path: arg }));
    } else {
      problems.push(msg('paths.missing', { path: arg }));
    }
  }
  return { files: [...files], problems };
}
