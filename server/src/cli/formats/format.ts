/** What every output format gets: the files checked and their findings, located. */
import type { Locale } from '../../engine/i18n/messages';
import type { LocatedFinding } from '../../engine/output/located';

export interface ReportFile {
  /** Relative to the working directory, with `/`. */
  path: string;
  findings: LocatedFinding[];
}

export interface FormatContext {
  locale: Locale;
  color: boolean;
  version: string;
  /** Where rule documentation lives, for links (SARIF helpUri, markdown). */
  docsBase: string;
  /** The working directory the paths are relative to (SARIF's %SRCROOT%); process.cwd() when absent. */
  cwd?: string;
}

export type Formatter = (files: ReportFile[], ctx: FormatContext) => string;

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(files: ReportFile[]): Summary {
  const s: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of files)
    for (const x of f.findings) {
      if (x.severity === 'error') s.errors++;
      else if (x.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  return s;
}

/** Where the rule pages of the published repository are: the reports' links. */
export const DOCS_BASE = 'https://github.com/pilot-plan/pilot-plan/blob/main/docs/rules/';

/** The documentation page of a rule. */
export function ruleDocUrl(docsBase: string, code: string): string {
  return `${docsBase}${docsBase.endsWith('/') ? '' : '/'}${code}.md`;
}

const plural = (n: number, suffix = 's') => (n === 1 ? '' : suffix);

/** The arguments of the summary sentences ("3 problems (2 errors, …) in 5 files"), English plurals included. */
export function summaryArgs(s: Summary): Record<string, number | string> {
  const problems = s.errors + s.warnings + s.infos;
  return {
    problems,
    s: plural(problems),
    errors: s.errors,
    es: plural(s.errors),
    warnings: s.warnings,
    ws: plural(s.warnings),
    infos: s.infos,
    is: plural(s.infos),
    files: s.files,
    fs: plural(s.files),
  };
}
