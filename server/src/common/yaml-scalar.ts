/**
 * How a value is written into a plan file, wherever it is written: by completion and quick
 * fixes (the engine) and by the new plan's skeleton (the client). Imports nothing, so that
 * the client can share it without carrying the engine.
 */

/** Words that some YAML reader takes for a boolean or null (YAML 1.1's yes/no/on/off/y/n among them). */
const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A scalar as YAML text, the same in block and in flow context, as a value or a key: a string
 * plain when no YAML reader could take it for anything else, else double-quoted. Numbers,
 * booleans and null as they are written.
 */
export function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    value !== '' &&
    // What may start a number, an indicator or a reserved character; space, which a reader trims.
    !/^[-?:,[\]{}#&*!|>'"%@`0-9+.~=<\s]/.test(value) &&
    // A mapping's colon, a comment, a flow collection's punctuation, trailing space, invisible or non-printable characters.
    !/: |:$|\s#|[,[\]{}]|\s$|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\ufffe\uffff]/u.test(value) &&
    !YAML_WORDS.test(value);
  // A JSON string is a YAML double-quoted scalar.
  return plain ? value : JSON.stringify(value);
}
