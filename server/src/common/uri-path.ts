/**
 * Document URIs ↔ the paths the engine works with. `file:` URIs are local paths. Other
 * hierarchical URIs (`vscode-vfs://github/owner/repo/a.pilot.yaml` on github.dev,
 * `vscode-remote://host:port/…`, `memfs:/…`) become POSIX-like paths under a root of their
 * scheme and authority, so that folders, plan discovery and `dirname` work on them as on disk:
 * `/\0<scheme>/<authority, percent-encoded>/<segments, decoded>`, with the authority segment
 * `\0` when the URI has none (`memfs:/ws` and `memfs://ws/` must not meet, and an empty segment
 * would vanish in path normalization). A URI without such a path (`untitled:Untitled-1`), or one
 * whose path would not come back the same (a query, an encoded slash, `.` segments), gets a
 * flat pseudo path: `/\0<scheme>/<the rest, percent-encoded>`.
 */
import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from './file-url';

const URI = /^([a-zA-Z][\w+.-]*):(.*)$/s;
/** `//authority/path` or `/path`, with no query or fragment. */
const HIERARCHICAL = /^(?:\/\/([^/?#]*))?(\/[^?#]*)?$/s;
const NO_AUTHORITY = '\u0000';

function decodedSegments(path: string): string[] | undefined {
  const segments = path.split('/').slice(1);
  // A trailing slash (a folder's URI) names the folder itself.
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  if (segments.length === 1 && segments[0] === '') return [];
  const out: string[] = [];
  for (const s of segments) {
    let d: string;
    try {
      d = decodeURIComponent(s);
    } catch {
      return undefined;
    }
    if (d === '' || d === '.' || d === '..' || d.includes('/') || d.includes(nodePath.sep) || d.includes('\u0000')) return undefined;
    out.push(d);
  }
  return out;
}

export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  const m = URI.exec(uri);
  const scheme = m?.[1] ?? 'untitled';
  const rest = m?.[2] ?? uri;
  const h = m ? HIERARCHICAL.exec(rest) : null;
  if (h && (h[1] !== undefined || h[2] !== undefined) && !(h[1] === undefined && h[2]?.startsWith('//'))) {
    const segments = decodedSegments(h[2] ?? '/');
    const authority = h[1] ? encodeURIComponent(decodeAuthority(h[1])) : NO_AUTHORITY;
    if (segments && (segments.length > 0 || authority === NO_AUTHORITY)) return nodePath.join(nodePath.sep, `\u0000${scheme}`, authority, ...segments);
  }
  // Unsaved documents and URIs with no path to walk: a stable pseudo path that is no real folder.
  return nodePath.join(nodePath.sep, `\u0000${scheme}`, encodeURIComponent(rest));
}

/** An authority as VS Code prints it may be percent-encoded (`host%3A8080`); its decoded form is kept. */
function decodeAuthority(authority: string): string {
  try {
    return decodeURIComponent(authority);
  } catch {
    return authority;
  }
}

/** The URI of a path: the inverse of pathOfUri (a `file:` URI for a path of the local file system). */
export function uriOfPath(path: string): string {
  const parts = path.split(nodePath.sep);
  if (parts[0] !== '' || !parts[1]?.startsWith('\u0000')) return pathToFileURL(path).href;
  const scheme = parts[1].slice(1);
  if (parts.length === 3 && parts[2] !== NO_AUTHORITY) return `${scheme}:${decodeURIComponent(parts[2])}`;
  const authority = parts[2] === NO_AUTHORITY ? undefined : decodeURIComponent(parts[2] ?? '');
  const tail = '/' + parts.slice(3).map(encodeSegment).join('/');
  return authority === undefined ? `${scheme}:${tail}` : `${scheme}://${encodeAuthority(authority)}${tail}`;
}

/** A path segment as VS Code's URI prints it: unreserved characters and nothing else left as they are. */
function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An authority as VS Code's URI prints it: host and port, `:` before the port left as it is. */
function encodeAuthority(a: string): string {
  return encodeURIComponent(a).replace(/%3A/g, ':').replace(/%40/g, '@');
}
