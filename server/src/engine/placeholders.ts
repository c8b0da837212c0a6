/**
 * What a placeholder is: text a template leaves for the planners to replace —
 * starting with 待补充, 待定, 待填写, or TODO, TBD, XXX (upper or lower case) not run
 * into other letters or digits. The `placeholder` rule reports each one; the
 * schema's errors on a placeholder and the other rules' judgements of one are
 * left to it (one problem, one finding), and the schemas accept one where a
 * figure goes (`common#/$defs/placeholder`, whose pattern is PLACEHOLDER_PATTERN).
 */

/**
 * The pattern of `common#/$defs/placeholder`, character for character (a test holds
 * them equal). A string, not a literal: a bundler keeps non-ASCII characters in regular
 * expression literals as they are, which would make the whole CLI bundle a two-byte
 * string (unit-mismatch.ts).
 */
const CHINESE_WORDS = ['待补充', '待定', '待填写'];
const LATIN_WORDS = ['TODO', 'todo', 'TBD', 'tbd', 'XXX', 'xxx'];
export const PLACEHOLDER_PATTERN = `^\\s*(${CHINESE_WORDS.join('|')}|(${LATIN_WORDS.join('|')})(?![A-Za-z0-9]))`;
/** Any of the words anywhere in a text: a file without one holds no placeholder. */
export const ANY_PLACEHOLDER_WORD = new RegExp([...CHINESE_WORDS, ...LATIN_WORDS].join('|'));
const PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN);

/** The placeholder the quick fixes and New Plan write. */
export const PLACEHOLDER_TEXT = '待补充';

export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}
