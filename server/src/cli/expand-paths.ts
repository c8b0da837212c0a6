/**
 * Command-line PATH arguments → pilot plan files: files as given, folders
 * searched recursively for *.pilot.yaml / *.pilot.yml, anything else tried as
 * a glob. Problems (a missing path, a folder named like a plan file) are
 * collected, not thrown: the other files are still checked.
 */
import { toPosix } from '../engine/display-path';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { defineMessages, msg, type Message } from '../engine/i18n/messages';
import { childPath, isPilotFile, SKIPPED_DIRS } from '../engine/plan/workspace';

defineMessages({
  'paths.missing': { en: '{path}: no such file or folder, and no file matches it as a pattern.', zh: '{path}：文件或目录不存在，也没有文件匹配该模式。' },
  'paths.unreadable': { en: '{path}: cannot be read ({reason}).', zh: '{path}：无法读取（{reason}）。' },
  'paths.folder-named-like-file': {
    en: '{path}: a folder named like a pilot plan file; its contents are checked, but rename the folder so tools do not take it for a file.',
    zh: '{path}：该目录的名称像试点方案文件；已检查其中的文件，但请重命名该目录，以免被工具误认为文件。',
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
  files: string[];
  problems: Message[];
}

export function expandPaths(args: string[], cwd: string): Expanded {
  const files = new Set<string>();
  const problems: Message[] = [];
  const walk = (dir: string, shown: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(msg('paths.unreadable', { path: shown, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = childPath(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link is not a plan file
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(e.name)) continue;
        const s = toPosix(nodePath.join(shown, e.name));
        if (isPilotFile(e.name)) problems.push(msg('paths.folder-named-like-file', { path: s }));
        walk(p, s);
      } else if (isFile && isPilotFile(e.name)) files.add(p);
    }
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
      const shown = toPosix(arg);
      if (isPilotFile(nodePath.basename(abs))) problems.push(msg('paths.folder-named-like-file', { path: shown }));
      walk(abs, shown);
    } else if (st?.isFile()) {
      files.add(abs);
    } else if (glob().isDynamicPattern(arg)) {
      // A glob: the pilot plan files it matches, and the folders it matches searched
      // like folders given by name (`plans/*`). Other files it matches (configs,
      // other YAML) are not plan files and are left alone.
      const before = files.size;
      const { base, rest } = globBase(arg, cwd);
      const matches = glob().globSync([rest], { cwd: base, absolute: true, onlyFiles: false, ignore: ['**/node_modules/**', '**/.git/**'] })
        .map((m) => nodePath.normalize(m).replace(/(.)[\\/]+$/, '$1'))
        .sort();
      const dirs: string[] = [];
      for (const m of matches) {
        let mst: fs.Stats;
        try {
          mst = fs.statSync(m);
        } catch {
          continue;
        }
        if (mst.isDirectory()) {
          if (SKIPPED_DIRS.has(nodePath.basename(m))) continue;
          if (!dirs.some((d) => m.startsWith(d + nodePath.sep))) dirs.push(m);
        } else if (mst.isFile() && isPilotFile(nodePath.basename(m))) files.add(m);
      }
      for (const d of dirs) {
        const shown = toPosix(nodePath.relative(cwd, d) || '.');
        if (isPilotFile(nodePath.basename(d))) problems.push(msg('paths.folder-named-like-file', { path: shown }));
        walk(d, shown);
      }
      if (files.size === before && !dirs.length) problems.push(msg('paths.missing', { path: arg }));
    } else {
      problems.push(msg('paths.missing', { path: arg }));
    }
  }
  return { files: [...files], problems };
}
