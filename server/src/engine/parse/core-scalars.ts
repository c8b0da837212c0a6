/**
 * What a plain scalar means: the YAML 1.2 core schema exactly as the `yaml`
 * package applies it (its `core` tags: null, bool, int in octal, decimal and
 * hexadecimal, float with .inf/.nan, exponent or point), so that the block
 * reader gives every value the type `yaml` gives it (`+.5` a number, `0b101`
 * and `1_000` text).
 */
type CoreTag = 'null' | 'bool' | 'int' | 'float' | 'str';

// The tests of `yaml`'s core tags (yaml/dist/schema/core), in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The core tag of a plain scalar's text. */
function coreTag(s: string): CoreTag {
  const c = s.charCodeAt(0);
  // Only these first characters start a null, a boolean or a number (or the empty scalar, a null).
  if (s.length > 0 && !(isDigit(c) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return 'str';
  if (NULL.test(s)) return 'null';
  if (BOOL.test(s)) return 'bool';
  if (INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s)) return 'int';
  if (FLOAT_NAN.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s)) return 'float';
  return 'str';
}

/** The value of a plain scalar of the given core tag, as `yaml` resolves it. */
function valueOf(s: string, tag: CoreTag): unknown {
  switch (tag) {
    case 'null':
      return null;
    case 'bool':
      return s[0] === 't' || s[0] === 'T';
    case 'int':
      return s[1] === 'o' ? parseInt(s.substring(2), 8) : s[1] === 'x' ? parseInt(s.substring(2), 16) : parseInt(s, 10);
    case 'float':
      if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
      return parseFloat(s);
    default:
      return s;
  }
}

/**
 * A plain scalar's value. Plain decimals, the common numbers, are read
 * directly (for up to 15 digits Number gives what parseInt and parseFloat
 * do); names and IDs, which start with a letter, are told at their first
 * character.
 */
export function typePlainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  if (isDigit(c) && s.length < 16) {
    let i = 1;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    if (i === s.length) return Number(s);
    if (s.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < s.length && isDigit(s.charCodeAt(j))) j++;
      if (j === s.length) return Number(s);
    }
  }
  return valueOf(s, coreTag(s));
}
