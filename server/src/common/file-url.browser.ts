/**
 * `file:` URIs ↔ POSIX paths without node:url, for the language server in a web worker
 * (build.mjs puts it in place of file-url.ts): Node's rules on a POSIX system.
 */

/** The path of a `file:` URI; throws, as Node does, for a host or an encoded slash. */
export function fileURLToPath(uri: string): string {
  const url = new URL(uri);
  if (url.protocol !== 'file:') throw new TypeError(`The URL must be of scheme file: ${uri}`);
  if (url.hostname !== '') throw new TypeError(`File URL host must be "localhost" or empty: ${uri}`);
  if (/%2f/i.test(url.pathname)) throw new TypeError(`File URL path must not include encoded / characters: ${uri}`);
  return decodeURIComponent(url.pathname);
}

/** The `file:` URL of an absolute path: what URL's path setter does not encode itself is encoded first, as Node does. */
export function pathToFileURL(path: string): URL {
  const url = new URL('file://');
  url.pathname = path.replace(/[%\\\n\r\t#?[\]^|~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return url;
}
