/**
 * api-version: `apiVersion` missing or not a supported version.
 *
 * The only reporter of apiVersion problems: the schema's apiVersion subschema
 * carries `x-pilot-rule: api-version`, so the schema rule drops its errors.
 */
import { distance } from 'fastest-levenshtein';
import { defineMessages, listArg, msg } from '../i18n/messages';
import type { RuleFix } from '../findings';
import type { Rule } from './rule';

/** Every format version this checker reads. */
export const SUPPORTED_API_VERSIONS = ['pilot-plan/v1'] as const;

defineMessages({
  'api-version.missing': {
    en: 'This file does not state `apiVersion`. Every pilot plan file must state its format version at the top level: add `apiVersion: pilot-plan/v1` (supported versions: {supported}).',
    zh: '文件缺少 `apiVersion`。每个试点方案文件都必须在顶层声明格式版本：请添加 `apiVersion: pilot-plan/v1`（支持的版本：{supported}）。',
  },
  'api-version.unsupported': {
    en: '`apiVersion: {value}` is not a supported format version. Supported versions: {supported}. {hint}',
    zh: '`apiVersion: {value}` 不是受支持的格式版本。支持的版本：{supported}。{hint}',
  },
  'api-version.empty': {
    en: '`apiVersion` is empty. Write `apiVersion: pilot-plan/v1`; supported versions: {supported}.',
    zh: '`apiVersion` 为空。请填写 `apiVersion: pilot-plan/v1`；支持的版本：{supported}。',
  },
  'api-version.fix.set': { en: 'Change to `{version}`, the version this checker reads', zh: '改为本检查器支持的 `{version}`' },
  'api-version.did-you-mean': { en: 'Did you mean `{suggestion}`?', zh: '您是否想写 `{suggestion}`？' },
  'api-version.change': {
    en: 'Write `apiVersion: pilot-plan/v1` and make the file follow format v1.',
    zh: '请改为 `apiVersion: pilot-plan/v1`，并按 v1 格式编写文件。',
  },
});

/** Lower-case letters and digits only: "Pilot_Plan / V1" → "pilotplanv1". */
function normalize(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The supported version a value was probably meant to be, or undefined.
 * A different version number (`pilot-plan/v2`) is not a typo: that file was
 * written for another format, and renaming its version would not make it v1.
 */
export function apiVersionSuggestion(value: string): string | undefined {
  const major = /v\s*(\d+)(?:\.\d+)*\s*$/i.exec(value)?.[1];
  for (const v of SUPPORTED_API_VERSIONS) {
    const vMajor = /v(\d+)$/.exec(v)![1];
    if (major !== undefined && Number(major) !== Number(vMajor)) continue;
    const a = normalize(value);
    const b = normalize(v);
    if (a === b || a === b.replace(/v(\d+)$/, '$1') || distance(a, b) <= 2 || distance(value.toLowerCase().trim(), v) <= 2) return v;
  }
  return undefined;
}

/** A short, one-line rendering of a YAML value for a message. */
function show(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  s = s.replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** "Write pilot-plan/v1": where no near miss is suggested (the editor's "did you mean" covers those). */
function setVersionFix(): RuleFix[] {
  const version = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1];
  return [{ title: msg('api-version.fix.set', { version }), changes: [{ op: 'set', path: ['apiVersion'], value: version }] }];
}

export const apiVersion: Rule = {
  code: 'api-version',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: '`apiVersion` missing or not supported', zh: '`apiVersion` 缺失或不受支持' },
  checkFile(file, ctx) {
    const { root, parsed } = file;
    if (!root) return; // an empty or non-mapping document: the schema rule reports it
    const supported = listArg([...SUPPORTED_API_VERSIONS]);
    if (!('apiVersion' in root)) {
      ctx.report({
        file: file.path,
        span: parsed.span([], 'key') ?? { start: 0, end: 0 },
        message: msg('api-version.missing', { supported }),
        data: { missingKeys: ['apiVersion'], path: [] },
      });
      return;
    }
    const value = root.apiVersion;
    if (typeof value === 'string' && (SUPPORTED_API_VERSIONS as readonly string[]).includes(value)) return;
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      // `apiVersion:` with nothing after it has no value to point at: report on the key.
      const valueSpan = parsed.span(['apiVersion'], 'value');
      const onValue = !!valueSpan && valueSpan.end > valueSpan.start;
      ctx.report({
        file: file.path,
        span: onValue ? valueSpan! : parsed.span(['apiVersion'], 'key') ?? { start: 0, end: 0 },
        message: msg('api-version.empty', { supported }),
        data: onValue ? { suggestions: [SUPPORTED_API_VERSIONS[0]], path: ['apiVersion'] } : { path: ['apiVersion'], fixes: setVersionFix() },
      });
      return;
    }
    const suggestion = typeof value === 'string' ? apiVersionSuggestion(value) : undefined;
    const valueSpan = parsed.span(['apiVersion'], 'value');
    const span =
      valueSpan && valueSpan.end > valueSpan.start ? valueSpan : parsed.span(['apiVersion'], 'key') ?? valueSpan ?? { start: 0, end: 0 };
    ctx.report({
      file: file.path,
      span,
      message: msg('api-version.unsupported', {
        value: show(value),
        supported,
        hint: suggestion ? msg('api-version.did-you-mean', { suggestion }) : msg('api-version.change'),
      }),
      data: suggestion ? { suggestions: [suggestion], path: ['apiVersion'] } : { path: ['apiVersion'], fixes: setVersionFix() },
    });
  },
};
