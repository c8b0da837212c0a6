/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. One run;
 * the driver lists every rule (so a result's ruleIndex points into it);
 * locations are relative to %SRCROOT% (the working directory), columns in
 * UTF-16 code units as editors count them.
 */
import { pathToFileURL } from 'node:url';
import { RULES } from '../../engine/rules/registry';
import { jsonDocument } from './escape';
import { ruleDocUrl, type Formatter } from './format';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const FALLBACK_HOME = 'https://github.com/pilot-plan/pilot-plan';

type Level = 'error' | 'warning' | 'note' | 'none';

function level(severity: string): Level {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
      return 'note';
    default:
      return 'none';
  }
}

/** `unresolved-reference` → `UnresolvedReference`. */
function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase());
}

/** Title text without Markdown code marks, for plain-text fields. */
function plain(text: string): string {
  return text.replace(/`/g, '');
}

/** A relative path (with `/`) as a URI reference: each segment percent-encoded. */
function uriOf(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** The project's home page: the repository the docs live in. */
function homeOf(docsBase: string): string {
  const m = /^(https:\/\/github\.com\/[^/]+\/[^/]+)\//.exec(docsBase);
  return m ? m[1] : FALLBACK_HOME;
}

function fingerprint(code: string, path: string, message: string): string {
  // Loaded here, for SARIF only: node:crypto adds ~10 ms to the start-up of every other run.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`${code}\0${path}\0${message}`).digest('hex').slice(0, 32);
}

export const sarif: Formatter = (files, ctx) => {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code as string, i]));
  const rules = RULES.map((r) => {
    const helpUri = ruleDocUrl(ctx.docsBase, r.code);
    const [first, second] = ctx.locale === 'zh-CN' ? [r.title.zh, r.title.en] : [r.title.en, r.title.zh];
    return {
      id: r.code,
      name: ruleName(r.code),
      shortDescription: { text: plain(r.title.en), markdown: r.title.en },
      fullDescription: { text: `${plain(first)} (${plain(second)})`, markdown: `${first} (${second})` },
      helpUri,
      help: { text: `${plain(r.title.en)}. ${helpUri}`, markdown: `${r.title.en}. [${r.code}](${helpUri})` },
      defaultConfiguration: { level: level(r.defaultSeverity) },
      properties: { tags: ['pilot-plan'] },
    };
  });

  const results: object[] = [];
  for (const f of files) {
    const seen = new Map<string, number>();
    for (const x of f.findings) {
      const hash = fingerprint(x.code, f.path, x.message);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      const index = ruleIndex.get(x.code);
      results.push({
        ruleId: x.code,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: level(x.severity),
        message: { text: x.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(f.path), uriBaseId: '%SRCROOT%' },
              region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
            },
          },
        ],
        partialFingerprints: { 'pilotPlanFinding/v1': `${hash}:${n}` },
      });
    }
  }

  let root = pathToFileURL(ctx.cwd ?? process.cwd()).href;
  if (!root.endsWith('/')) root += '/';
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pilot-plan',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: homeOf(ctx.docsBase),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        language: ctx.locale === 'zh-CN' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return jsonDocument(JSON.stringify(log, null, 2)) + '\n';
};
