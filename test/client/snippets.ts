/**
 * A small expander for VS Code snippet bodies, enough for the extension's own
 * snippets: tab stops take their default (a choice its first option), mirrors
 * (`${1}`, `$1`) the default of their tab stop, `$0` nothing.
 */
export function expandSnippet(body: string | string[]): string {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  // First pass: collect defaults (innermost first, so nested placeholders resolve).
  let text = src;
  for (let guard = 0; guard < 50; guard++) {
    const next = text
      .replace(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g, (_, n: string, choices: string) => {
        const first = choices.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        if (!defaults.has(n)) defaults.set(n, first);
        return first;
      })
      .replace(/\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g, (_, n: string, def: string) => {
        const value = def.replace(/\\(.)/g, '$1');
        if (!defaults.has(n)) defaults.set(n, value);
        return value;
      });
    if (next === text) break;
    text = next;
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => defaults.get((a ?? b)!) ?? '');
}

/** Indents every non-empty line. */
export function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

/** Inserts `entry` (indented by two spaces) right after the line `key:` at the top level. */
export function insertUnder(doc: string, key: string, entry: string): string {
  const lines = doc.split('\n');
  const i = lines.findIndex((l) => l === `${key}:`);
  if (i < 0) throw new Error(`no top-level ${key}: in\n${doc}`);
  lines.splice(i + 1, 0, ...indent(entry.replace(/\n+$/, ''), '  ').split('\n'));
  return lines.join('\n');
}
