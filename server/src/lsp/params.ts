/**
 * The shapes of the parameters the server takes, checked before any handler runs: a request
 * whose parameters are not what LSP (or protocol.ts) says is answered InvalidParams and a
 * notification is ignored, so nothing a client sends wrongly reaches the session. Only the
 * fields the server reads are checked; others may be anything.
 */
import { fileURLToPath } from '../common/file-url';
import { defineMessages, formatMessage, msg, type Locale } from '../engine/i18n/messages';

defineMessages({
  'lsp.invalid-params': {
    en: 'Pilot Plan cannot use the parameters of this request ({handler}): they are not of the shape the protocol gives them.',
    zh: '试点方案无法使用此请求（{handler}）的参数：参数不符合协议规定的格式。',
  },
});

/** The message of an InvalidParams answer. */
export function invalidParamsMessage(handler: string, locale: Locale): string {
  return formatMessage(msg('lsp.invalid-params', { handler }), locale);
}

type Check = (v: unknown) => boolean;
type Fields = Record<string, unknown>;

/** LSP's uinteger. */
const MAX_UINTEGER = 2 ** 31 - 1;
/** Longer than any URI or query an editor sends: a client gone wrong, not a document. */
const MAX_URI_LENGTH = 32 * 1024;
const MAX_QUERY_LENGTH = 4 * 1024;
const SCHEME = /^[a-zA-Z][\w+.-]*:/;

export const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isInteger = (v: unknown): v is number => Number.isSafeInteger(v);
const isUinteger = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_UINTEGER;
const optional = (check: Check): Check => (v) => v === undefined || v === null || check(v);
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
/** An object whose named fields pass their checks. */
const shape = (fields: Record<string, Check>): Check => (v) => isObject(v) && Object.entries(fields).every(([k, check]) => check(v[k]));

/** A URI the server can name a document by: a `file:` URI must be a local path (pathOfUri). */
export function isUri(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > MAX_URI_LENGTH || !SCHEME.test(v)) return false;
  if (!v.startsWith('file:')) return true;
  try {
    fileURLToPath(v);
    return true;
  } catch {
    return false;
  }
}

export const isPosition = shape({ line: isUinteger, character: isUinteger });

/** A range that does not end before it starts. */
export function isRange(v: unknown): boolean {
  if (!isObject(v) || !isPosition(v.start) || !isPosition(v.end)) return false;
  const s = v.start as { line: number; character: number };
  const e = v.end as { line: number; character: number };
  return s.line < e.line || (s.line === e.line && s.character <= e.character);
}

export const isLocation = shape({ uri: isUri, range: isRange });
const textDocument = shape({ uri: isUri });
const documentParams = shape({ textDocument });
const positionParams = shape({ textDocument, position: isPosition });
const folder = shape({ uri: isUri, name: isString });
const diagnostic = shape({ range: isRange, message: isString });
const contentChange = (v: unknown) => isObject(v) && isString(v.text) && (v.range === undefined || isRange(v.range)) && optional(isUinteger)(v.rangeLength);

/** Every handler's checks, by the name each is guarded under in server.ts. */
export const PARAMS: Record<string, Check> = {
  didOpen: shape({ textDocument: shape({ uri: isUri, languageId: isString, version: isInteger, text: isString }) }),
  didChange: shape({ textDocument: shape({ uri: isUri, version: isInteger }), contentChanges: listOf(contentChange) }),
  didClose: documentParams,
  didChangeWatchedFiles: shape({ changes: listOf(shape({ uri: isUri, type: (t) => t === 1 || t === 2 || t === 3 })) }),
  workspaceFolders: shape({ added: listOf(folder), removed: listOf(folder) }),
  activeDocument: shape({ uri: isUri }),
  workspaceFiles: shape({
    files: listOf(shape({ uri: isUri, text: optional(isString), base64: optional(isString), size: optional((n) => isInteger(n) && n >= 0) })),
    deleted: listOf(isUri),
    initial: optional((b) => typeof b === 'boolean'),
  }),
  checkWorkspace: optional(isObject),
  newProgress: shape({ uri: isUri }),
  overview: shape({
    uri: isUri,
    nonce: (v) => isString(v) && /^[A-Za-z0-9]{16,64}$/.test(v),
    // A list of sources: nothing that would end the directive or add one.
    cspSource: (v) => isString(v) && /^[^;,\u0000-\u001f]{1,300}$/.test(v),
    dark: optional((b) => typeof b === 'boolean'),
    locale: optional((l) => l === 'en' || l === 'zh-CN'),
  }),
  export: shape({ uri: isUri, format: (v) => v === 'docx' || v === 'xlsx', locale: optional((l) => l === 'en' || l === 'zh-CN') }),
  planTree: optional(shape({ tasksBy: optional((v) => v === 'area' || v === 'lead'), activeUri: optional(isUri) })),
  completion: (v) => positionParams(v) && optional(isObject)((v as Fields).context),
  hover: positionParams,
  definition: positionParams,
  references: (v) => positionParams(v) && optional(shape({ includeDeclaration: optional((b) => typeof b === 'boolean') }))((v as Fields).context),
  prepareRename: positionParams,
  rename: (v) => positionParams(v) && isString((v as Fields).newName) && ((v as Fields).newName as string).length <= MAX_QUERY_LENGTH,
  documentSymbol: documentParams,
  workspaceSymbol: shape({ query: (q) => isString(q) && q.length <= MAX_QUERY_LENGTH }),
  workspaceSymbolResolve: shape({
    name: isString,
    location: shape({ uri: isUri, range: optional(isRange) }),
    data: optional(shape({ file: isString, path: listOf((x) => isString(x) || isUinteger(x)) })),
  }),
  codeAction: shape({ textDocument, range: isRange, context: shape({ diagnostics: listOf(diagnostic), only: optional(listOf(isString)) }) }),
  codeLens: documentParams,
  codeLensResolve: shape({ range: isRange, data: optional(shape({ uri: isUri, id: isString })) }),
  executeCommand: shape({ command: isString, arguments: optional(Array.isArray) }),
};

/** The arguments of the server's own lens command (protocol.ts): a URI, a position and locations. */
export const isShowReferencesArgs = (args: unknown): boolean =>
  Array.isArray(args) && isUri(args[0]) && isPosition(args[1]) && listOf(isLocation)(args[2]);
