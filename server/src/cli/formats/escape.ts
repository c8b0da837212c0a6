/**
 * Text from plan files and file names, escaped for each medium a report is printed in: one
 * function per medium, used by every format, the checker's messages and the GitHub Action.
 * Nothing from a file reaches an output another way.
 *
 * Two hazards are common to every report, since any of them may be printed on a terminal or
 * in a CI log:
 * - characters a terminal or a log viewer acts on instead of showing: control characters
 *   (C0, DEL, C1: a line break that starts a line of the file's choosing, `ESC ]0;` that sets
 *   the window's title), line and paragraph separators, and bidirectional overrides and
 *   isolates (U+202E shows the text after it reversed);
 * - commands of the GitHub Actions runner, which reads them from every line a step prints:
 *   `::name …::` at the start of a line (after spaces), and the older `##[name …]` anywhere
 *   in a line (its ActionCommand.TryParse looks for `##[` with IndexOf).
 */

/** What a terminal or a log viewer acts on instead of showing. */
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Whether a text holds any of them (no `g`: a global expression's test() remembers where it stopped). */
const HAS_ACTIVE = new RegExp(ACTIVE.source);
/** The same but line breaks, for a medium that has its own way to write them. */
const ACTIVE_BUT_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The runner's older command syntax, found anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A character as an escape people can read: `\n`, `\r`, `\t`, else `\u001b`. */
function visible(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');

// ---------------------------------------------------------------------------
// A terminal, and a CI log (stylish, the action's log lines, messages on standard error)

/** Text on a terminal or in a log: every active character as a visible escape, `##[` broken. */
export function terminalText(s: string): string {
  return s.replace(ACTIVE, visible).replace(LEGACY_COMMAND, '##\\u005b');
}

/** Text that starts a line (a path in stylish): as terminalText, and its `::` escaped where it would open the line. */
export function terminalLine(s: string): string {
  const t = terminalText(s);
  // The runner trims the line's leading white space (.NET's, which JavaScript's \s covers) before it looks for `::`.
  return /^\s*::/.test(t) ? t.replace(':', '\\u003a') : t;
}

// ---------------------------------------------------------------------------
// GitHub workflow commands (--format github, the action's ::error:: lines)

/**
 * A command's data, as the runner unescapes it (%25, %0D, %0A): line breaks kept. Other active
 * characters, which the runner has no escape for, as visible escapes. A `##[` needs nothing:
 * the runner tries a line that starts with `::` as a command of that syntax first.
 */
export function workflowData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(ACTIVE_BUT_BREAKS, visible);
}

/** A command's property value: the data's escapes, and `:` and `,`, which end a value. */
export function workflowProperty(s: string): string {
  return workflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---------------------------------------------------------------------------
// XML (--format junit)

/**
 * XML text: `&`, `<`, `>` as entities. Tabs and line breaks as character references (the text
 * is the same, but no line of the document is the file's). Control characters that XML 1.0
 * cannot hold at all as visible escapes, lone surrogates as U+FFFD; the other active
 * characters (DEL, C1, separators, bidi controls) as character references, which stand for
 * the same text.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\t\n\r\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `&#x${hex(c)};`)
    .replace(LEGACY_COMMAND, '##&#x5b;');
}

/** An XML attribute value (in double or single quotes): as xmlText, and the quotes. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

// ---------------------------------------------------------------------------
// JSON (--format json, sarif)

/**
 * A document JSON.stringify wrote: it escapes C0 controls but leaves DEL, C1, separators and
 * bidi controls, and `##[`, as they are. They can only be inside strings (JSON's own syntax is
 * ASCII without them), where `\uXXXX` stands for the same text.
 */
export function jsonDocument(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${hex(c)}`).replace(LEGACY_COMMAND, '##\\u005b');
}

// ---------------------------------------------------------------------------
// Markdown (--format markdown, the action's job summary)

/**
 * Text in a Markdown table cell or list item, shown as it is: every ASCII punctuation mark
 * Markdown gives a meaning to backslash-escaped (no HTML, link, image, code span or emphasis
 * of the file's; `\|` is how a table cell holds `|`, even in a code span), line breaks as
 * `<br>`, other active characters as visible escapes.
 */
export function markdownText(s: string): string {
  return s
    .replace(ACTIVE_BUT_BREAKS, visible)
    .replace(/[\\`*_[\]<>|~&!#]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * A message in a Markdown table cell or list item: what the message catalogue writes between
 * backticks (a key, a value, an ID) stays a code span, and the rest is markdownText. A value
 * with backticks of its own can only pair them differently, which changes what is shown in
 * code, never what is shown: a code span shows its text literally, and one that holds a line
 * break or an active character goes as escaped text too.
 */
export function markdownMessage(s: string): string {
  const parts = s.split('`');
  // An odd number of backticks: the last one pairs with nothing and is text.
  if (parts.length % 2 === 0) parts.splice(parts.length - 2, 2, `${parts[parts.length - 2]}\`${parts[parts.length - 1]}`);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i % 2 === 0) out += markdownText(p);
    else if (p === '' || p.includes('##[') || HAS_ACTIVE.test(p)) out += markdownText(`\`${p}\``);
    else out += `\`${p.replace(/\|/g, '\\|')}\``;
  }
  return out;
}

/**
 * Text as a Markdown code span (a file's path in a heading): fenced by more backticks than it
 * holds in a row. A code span shows everything literally, so what it cannot hold safely (active
 * characters, a `##[`) goes as escaped text instead.
 */
export function markdownCode(s: string): string {
  if (s.includes('##[') || HAS_ACTIVE.test(s)) return markdownText(terminalText(s));
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}
