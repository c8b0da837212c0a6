/**
 * Matching by meaning, for planners who write Chinese: how close a text is
 * to the names of a value or an entity (a value's Chinese title and aliases,
 * an indicator's name), the order "did you mean" offers candidates in
 * (meaning first, then spelling), and the words a completion item's
 * filterText lists so that an editor finds the item from Chinese typed.
 *
 * Texts are compared in one spelling: NFKC (full-width letters and digits as
 * ASCII), planners' usual short forms for long terms (地区生产总值 → GDP,
 * 能源消耗 → 能耗), lower case, without spaces, punctuation or symbols.
 */
import { distance } from 'fastest-levenshtein';

/** Long terms of plan names and the short forms planners write for them; a longer term before a term it holds. */
const SHORT_FORMS: readonly (readonly [string, string])[] = [
  ['地区生产总值', 'GDP'],
  ['国内生产总值', 'GDP'],
  ['能源消耗', '能耗'],
  ['二氧化碳排放', '碳排放'],
  ['二氧化碳', 'CO2'],
  ['标准煤', '标煤'],
  ['太阳能光伏', '光伏'],
];

/** A text with planners' short forms in place of the long terms (NFKC first: CO₂ is CO2). */
export function shortForm(text: string): string {
  let s = text.normalize('NFKC');
  for (const [long, short] of SHORT_FORMS) if (s.includes(long)) s = s.split(long).join(short);
  return s;
}

/** The spelling texts are compared in (see the module comment). */
export function comparable(text: string): string {
  return shortForm(text).toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice's coefficient of two lists of bigrams (each bigram counted as often as it occurs). */
function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const left = new Map<string, number>();
  for (const g of a) left.set(g, (left.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of b) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      shared++;
      left.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * How close two comparable texts are in meaning, from 0 to 1: 1 the same;
 * over 0.5 one holds the other (of two characters or more), the more so the
 * nearer their lengths; else at most 0.5, for the pairs of characters they share.
 */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 2 && long.includes(short)) return 0.5 + (0.49 * short.length) / long.length;
  return 0.5 * dice(bigrams(a), bigrams(b));
}

/** How close `text` is to the nearest of `names` (0: nothing in common). */
export function meaningScore(text: string, names: readonly string[]): number {
  const q = comparable(text);
  if (!q) return 0;
  let best = 0;
  for (const name of names) {
    const n = comparable(name);
    if (n) best = Math.max(best, similarity(q, n));
  }
  return best;
}

export interface NamedCandidate {
  value: string;
  /** What the value is called: its titles, its aliases, an entity's names. */
  names: readonly string[];
}

export interface RankedCandidate {
  value: string;
  meaning: number;
  /** Levenshtein distance of the text to the value itself, ignoring case. */
  distance: number;
}

/** Candidates nearest `text` first: by meaning, then by spelling, then in the order given. */
export function rankByMeaning(text: string, candidates: readonly NamedCandidate[]): RankedCandidate[] {
  const lower = text.toLowerCase();
  return candidates
    .map((c, i) => ({ value: c.value, meaning: meaningScore(text, c.names), distance: distance(lower, c.value.toLowerCase()), i }))
    .sort((a, b) => b.meaning - a.meaning || a.distance - b.distance || a.i - b.i)
    .map(({ value, meaning, distance: d }) => ({ value, meaning, distance: d }));
}

/** Below this, what a text shares with a name is a pair of characters or two, not a meaning. */
export const MEANING_THRESHOLD = 0.25;

/** From this on, a text and a name are the same or one holds the other. */
export const STRONG_MEANING = 0.5;

/** The candidate a ranking names with confidence: the first, if it matches in meaning and no other matches as well. */
export function confidentMatch(ranked: readonly RankedCandidate[]): string | undefined {
  const [first, second] = ranked;
  if (!first || first.meaning < MEANING_THRESHOLD) return undefined;
  return second && second.meaning >= first.meaning ? undefined : first.value;
}

/**
 * VS Code compares at most this many characters of a filterText (its
 * fuzzyScore's `_maxLen`): what comes after is never matched.
 */
export const FILTER_TEXT_LIMIT = 128;

// Punctuation and symbols as NFKC leaves them: ASCII's, the general ones (·, —, “”, …) and the CJK ones (、。《》【】).
const PUNCTUATION = /[!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2010-\u205e\u3000-\u303f\ufe30-\ufe6f]+/g;

/** One text as filter words: punctuation as spaces. */
function words(text: string): string {
  return text.normalize('NFKC').replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
}

/** Words with each Chinese character a word of its own. */
function characters(w: string): string {
  return w.replace(/\p{Script=Han}/gu, ' $& ').replace(/\s+/g, ' ').trim();
}

const HAN = /\p{Script=Han}/u;

/**
 * A completion item's filterText: `first` (the text the item inserts) as it
 * is; then the Chinese names as they are and in their short form (where
 * planners have one); then the first of them (the title, the name) with each
 * character a word of its own; then the other names (English), as far as
 * FILTER_TEXT_LIMIT allows.
 *
 * VS Code's filter (with its default `editor.suggest.matchOnWordStartOnly`)
 * needs the first character typed to start a word of the filterText, and
 * Chinese has no spaces between words: the names whole match what is typed
 * from their start (节能 → 节能降碳增效, an alias 能效), the characters apart
 * what is typed from inside the name (能耗 → 单位地区生产总值能源消耗降低), as
 * `int` finds IND-ENERGY-INTENSITY. Aliases are words already: apart, they
 * would match what they do not mean (节能 in 建筑节能).
 */
export function filterTextOf(first: string, names: readonly (string | undefined)[]): string {
  const whole: string[] = [];
  const apart: string[] = [];
  const other: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const w = words(name);
    if (!HAN.test(w)) {
      other.push(w);
      continue;
    }
    const short = shortForm(w);
    whole.push(w, short === w ? w : words(short));
    if (!apart.length) apart.push(characters(w));
  }
  let out = first;
  const seen = new Set<string>([first]);
  for (const w of [...whole, ...apart, ...other]) {
    if (!w || seen.has(w) || out.length + 1 + w.length > FILTER_TEXT_LIMIT) continue;
    seen.add(w);
    out += ` ${w}`;
  }
  return out;
}

/**
 * Whether an editor that filters as VS Code does by default would keep a
 * filterText for `typed`: its characters in order, ignoring case, the first
 * at the start of a word (the text's start, after a separator, or a capital
 * after a small letter). For the server's own cut of a long list, which must
 * not drop what the editor would show.
 */
export function filterMatches(typed: string, text: string): boolean {
  const q = typed.toLowerCase();
  if (!q) return true;
  // Lower case character by character, so that indices into `t` are indices into `text`.
  let t = '';
  for (const ch of text) {
    const low = ch.toLowerCase();
    t += low.length === ch.length ? low : ch;
  }
  const wordStart = (i: number) => i === 0 || /[\s\-_./:\\'"$<>()[\]{}]/.test(text[i - 1]) || (text[i] !== t[i] && text[i - 1] === t[i - 1]);
  for (let start = t.indexOf(q[0]); start >= 0; start = t.indexOf(q[0], start + 1)) {
    if (!wordStart(start)) continue;
    let k = 1;
    for (let j = start + 1; k < q.length && j < t.length; j++) if (t[j] === q[k]) k++;
    if (k === q.length) return true;
  }
  return false;
}
