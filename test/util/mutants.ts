/**
 * Seeded mutants of YAML text for differential tests: lines deleted,
 * duplicated, re-indented, swapped, stray characters inserted.
 */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const STRAYS = ['"', "'", ':', '[', '{', '- ', '#', ']', ': x', '  '];

/** One random edit; `strays` are the snippets an insertion picks from. */
export function mutate(text: string, r: () => number, strays: string[] = STRAYS): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  switch (Math.floor(r() * 7)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[i]);
      break;
    case 2:
      lines[i] = ' ' + lines[i];
      break;
    case 3:
      lines[i] = lines[i].replace(/^ /, '');
      break;
    case 4: {
      const c = strays[Math.floor(r() * strays.length)];
      const at = Math.floor(r() * (lines[i].length + 1));
      lines[i] = lines[i].slice(0, at) + c + lines[i].slice(at);
      break;
    }
    case 5:
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      break;
    default:
      lines[i] = '    ' + lines[i];
  }
  return lines.join('\n');
}
