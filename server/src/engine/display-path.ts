/** Paths as people read them in messages and reports: relative, with `/` on every system. */
import * as nodePath from 'node:path';

export function toPosix(p: string): string {
  return p.split(nodePath.sep).join('/');
}

/** `file` relative to `base` with `/`; its own name when there is no base (a file under no plan). */
export function displayPath(base: string | undefined, file: string): string {
  // A file below the base (the usual case) is its path past the base: no resolving needed.
  const below = base !== undefined && base !== '' && file.startsWith(base) && (base.endsWith(nodePath.sep) || file.charCodeAt(base.length) === SEP) && file.length > base.length + 1;
  const rel = below ? file.slice(base.endsWith(nodePath.sep) ? base.length : base.length + 1) : base ? nodePath.relative(base, file) : '';
  return toPosix(rel || nodePath.basename(file));
}

const SEP = nodePath.sep.charCodeAt(0);
