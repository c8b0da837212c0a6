/**
 * The README's generated sections, made from the code so they cannot go stale: the rule table
 * (from the rule registry) and the checker's usage (its --help). `node scripts/readme.mjs`
 * writes them; test/docs/readme.test.ts fails while the README differs.
 */
import { RULES } from '../server/src/engine/rules/registry';
import { USAGE } from '../server/src/cli/usage';

export const SECTIONS: Record<string, () => string> = {
  rules: () =>
    [
      '| code | default | what it finds | 发现什么 |',
      '|---|---|---|---|',
      ...RULES.map((r) => `| [\`${r.code}\`](docs/rules/${r.code}.md) | ${r.defaultSeverity} | ${r.title.en} | ${r.title.zh} |`),
    ].join('\n'),
  // The help without its first line (name and version) and its blank line.
  usage: () => ['```', USAGE('en').split('\n').slice(2).join('\n').trimEnd(), '```'].join('\n'),
};

/** The README with every `<!-- NAME:start -->` … `<!-- NAME:end -->` section made anew. */
export function withSections(readme: string): string {
  let out = readme;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const a = `<!-- ${name}:start -->`;
    const b = `<!-- ${name}:end -->`;
    const i = out.indexOf(a);
    const j = out.indexOf(b);
    if (i < 0 || j < i) throw new Error(`README.md has no ${a} … ${b} section`);
    out = out.slice(0, i + a.length) + '\n' + make() + '\n' + out.slice(j);
  }
  return out;
}
