/**
 * A value from a plan file as a message shows it: as YAML writes it in a flow
 * collection, shortly. Text stays as it is (messages put it in backticks);
 * everything else is spelt as the user would write it, never `[object Object]`
 * or `energy,efficiency`.
 */

/** Characters a message shows at most for one value. */
const MAX = 80;
/** Items a collection shows at most, before `…`. */
const ITEMS = 6;

/** `value` in YAML's flow style, cut at MAX characters. */
export function valueText(value: unknown): string {
  const text = typeof value === 'string' ? topString(value) : flow(value, 3);
  return text.length > MAX ? text.slice(0, MAX - 1) + '…' : text;
}

/** Text at the top: as written, unless it would not be seen (empty, spaces at an end, line breaks or controls). */
function topString(s: string): string {
  return s === '' || s !== s.trim() || /[\x00-\x1f\x7f]/.test(s) ? JSON.stringify(s) : s;
}

/** Text inside a collection: plain where YAML reads it back as that text, else double-quoted. */
function scalarString(s: string): string {
  const plain = s !== '' && s === s.trim() && !/^[-?:,[\]{}#&*!|>'"%@`~]|[:#,[\]{}]|[\x00-\x1f\x7f]/.test(s) && typeof plainValue(s) === 'string';
  return plain ? s : JSON.stringify(s);
}

/** What a plain scalar would mean, roughly: numbers, booleans and null are not text. */
function plainValue(s: string): unknown {
  if (/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(s)) return null;
  if (/^[-+]?(?:\.[0-9]|[0-9])|^\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s)) return 0;
  return s;
}

function flow(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return scalarString(value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : String(value);
  if (typeof value !== 'object') return String(value);
  if (depth <= 0) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, ITEMS).map((v) => flow(v, depth - 1));
    if (value.length > ITEMS) items.push('…');
    return `[${items.join(', ')}]`;
  }
  const items: string[] = [];
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    // Only what is shown is looked at: a mapping may have a hundred thousand keys.
    if (items.length === ITEMS) {
      items.push('…');
      break;
    }
    items.push(`${scalarString(k)}: ${flow((value as Record<string, unknown>)[k], depth - 1)}`);
  }
  return `{${items.join(', ')}}`;
}

/** A computed figure for a message: four significant digits at most, no float noise (61.333333 → 61.33, 0.0123456 → 0.01235). */
export function formatFigure(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x === 0 ? 0 : x);
  const abs = Math.abs(x);
  if (abs >= 1000) return String(Math.round(x * 100) / 100);
  return String(Number(x.toPrecision(4)));
}
