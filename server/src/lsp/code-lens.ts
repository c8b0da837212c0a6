/**
 * textDocument/codeLens: projects and investment on tasks, tasks on indicators,
 * and the latest status from Progress files on tasks and projects.
 * Lenses come without their command; codeLens/resolve fills it in for the
 * lenses the editor shows (their locations may cost parsing other files).
 * Clicking one runs the client's own command (VS Code) or the server's
 * (workspace/executeCommand, any other client).
 */
import { MessageType, ShowMessageNotification, type CodeLens, type CodeLensParams, type Location } from 'vscode-languageserver';
import { lensFor, lensPlaces, lensPlacesText, type LensKind, type LensPlace } from '../engine/editor/code-lens';
import { displayPath } from '../engine/display-path';
import type { ServerContext } from './context';
import { LENS_OPENS } from './protocol';
import { toRange } from './convert';

interface LensRef {
  uri: string;
  id: string;
  /** Absent: the references lens (what lenses carried before the status lens). */
  lens?: LensKind;
}

export function codeLens(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const path = ctx.session.pathOf(params.textDocument.uri);
  const model = ctx.session.model(path);
  if (!model) return [];
  const lines = model.parsed.lines;
  // The plan, for the status lenses: only IDs that a Progress file reports on get one.
  const plan = ctx.session.editorContext(params.textDocument.uri)?.plan;
  return lensPlaces(model, plan).map((l) => ({
    range: toRange(lines, l.span),
    data: (l.lens === 'refs' ? { uri: params.textDocument.uri, id: l.id } : { uri: params.textDocument.uri, id: l.id, lens: l.lens }) satisfies LensRef,
  }));
}

export function resolveCodeLens(ctx: ServerContext, lens: CodeLens): CodeLens {
  const ref = lens.data as LensRef | undefined;
  if (!ref?.uri || !ref.id) return lens;
  const c = ctx.session.editorContext(ref.uri);
  const kind: LensKind = ref.lens === 'progress' ? 'progress' : 'refs';
  const l = c && lensFor(c.plan, c.file.model, ref.id, ctx.locale, kind);
  if (!c || !l) return { ...lens, command: { title: '', command: '' } };
  const range = toRange(c.file.model.parsed.lines, l.span);
  const locations = l.locations
    .map((s) => {
      const m = ctx.session.model(s.file);
      return m ? { uri: ctx.session.uriOf(s.file), range: toRange(m.parsed.lines, s.span) } : undefined;
    })
    .filter((x) => x !== undefined);
  return {
    range,
    // The status lens opens its Progress entry (the fourth argument), rather than listing places.
    command: locations.length
      ? { title: l.title, command: ctx.lensCommand, arguments: kind === 'progress' ? [ref.uri, range.start, locations, LENS_OPENS] : [ref.uri, range.start, locations] }
      : { title: l.title, command: '' },
    data: ref,
  };
}

function isLocation(v: unknown): v is Location {
  const l = v as Location | undefined;
  return typeof l?.uri === 'string' && typeof l.range?.start?.line === 'number' && typeof l.range.start.character === 'number';
}

/** Where a location is, as a person reads it, and the ID there (the text of its range). */
function placeOf(ctx: ServerContext, l: Location): LensPlace {
  const path = ctx.session.pathOf(l.uri);
  const m = ctx.session.model(path);
  const root = ctx.session.planRootOf(path) ?? ctx.folders.find((f) => path.startsWith(f));
  const where = `${displayPath(root, path)}:${l.range.start.line + 1}:${l.range.start.character + 1}`;
  const id = m ? m.parsed.text.slice(m.parsed.lines.offsetAt(l.range.start), m.parsed.lines.offsetAt(l.range.end)) : '';
  return { where, id: /^[^\s:]{1,200}$/.test(id) ? id : '' };
}

/**
 * The server's lens command (SERVER_SHOW_REFERENCES_COMMAND): opens the first place
 * where the client can show a document, and lists the places in a message where
 * there are several or it cannot.
 */
export async function showReferences(ctx: ServerContext, args: unknown[] | undefined): Promise<null> {
  const [uri, position, raw] = args ?? [];
  const locations = Array.isArray(raw) ? raw.filter(isLocation) : [];
  if (!locations.length) return null;
  let shown = false;
  if (ctx.showDocument) {
    try {
      shown = (await ctx.connection.window.showDocument({ uri: locations[0].uri, takeFocus: true, selection: locations[0].range })).success;
    } catch (e) {
      ctx.log(`pilot-plan: window/showDocument failed: ${(e as Error)?.message ?? e}`);
    }
  }
  if (shown && locations.length === 1) return null;
  const lensId = typeof uri === 'string' && isLocation({ uri, range: { start: position, end: position } }) ? idAt(ctx, uri, position as Location['range']['start']) : undefined;
  // A notification, not connection.window.showInformationMessage (a request that waits for the user).
  void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: lensPlacesText(ctx.locale, lensId, locations.map((l) => placeOf(ctx, l))) });
  return null;
}

/** The ID of the lens at this position of a file, if it still has one there. */
function idAt(ctx: ServerContext, uri: string, position: Location['range']['start']): string | undefined {
  const m = ctx.session.model(ctx.session.pathOf(uri));
  if (!m) return undefined;
  const offset = m.parsed.lines.offsetAt(position);
  return lensPlaces(m).find((l) => l.span.start === offset)?.id;
}
