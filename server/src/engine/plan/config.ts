/**
 * Per-plan configuration: `pilot-plan.config.yaml` at the plan's root.
 *
 *   rules:
 *     orphan: off
 *     investment-total: error
 *
 * Problems in the configuration itself are findings on that file (code
 * `schema`), with a "did you mean" for misspelt rule codes.
 */
import { closest } from 'fastest-levenshtein';
import { RULE_CODES, isRuleCode, type Finding, type SeveritySetting } from '../findings';
import { parseText } from '../parse/load';
import { tooLarge } from '../parse/decode';
import { defineMessages, msg, listArg } from '../i18n/messages';
import { isObj } from './model';
import { valueText } from '../value-text';
import type { Span } from '../findings';

export const CONFIG_FILE_NAME = 'pilot-plan.config.yaml';
const SETTINGS: SeveritySetting[] = ['off', 'info', 'warning', 'error'];

defineMessages({
  'config.not-mapping': {
    en: 'The configuration must be a mapping with a `rules` key, e.g. `rules: { orphan: off }`.',
    zh: '配置文件必须是包含 `rules` 键的映射，例如 `rules: { orphan: off }`。',
  },
  'config.unknown-key': {
    en: 'Unknown configuration key `{key}`. The configuration knows only `rules`.',
    zh: '未知的配置项 `{key}`。配置文件只支持 `rules`。',
  },
  'config.unknown-rule': {
    en: 'Unknown rule `{rule}`. Did you mean `{suggestion}`?',
    zh: '未知规则 `{rule}`。您是否想写 `{suggestion}`？',
  },
  'config.no-rule-name': {
    en: 'A rule setting without a rule name. Write the rule code before the colon, e.g. `orphan: off`.',
    zh: '规则设置缺少规则名称。请在冒号前写出规则代码，例如 `orphan: off`。',
  },
  'config.bad-severity': {
    en: 'Rule `{rule}` cannot be set to `{value}`. Use {allowed}.',
    zh: '规则 `{rule}` 不能设为 `{value}`。可选值：{allowed}。',
  },
});

export interface RuleConfig {
  severities: Map<string, SeveritySetting>;
  /** Problems in the configuration file. */
  findings: Finding[];
}

/** A configuration file above the size limit, not read: one finding, nothing configured. */
export function configTooLarge(path: string, size: number): RuleConfig {
  return { severities: new Map(), findings: [{ code: 'yaml-syntax', severity: 'error', file: path, span: { start: 0, end: 0 }, message: tooLarge(size) }] };
}

export function parseConfig(path: string, text: string): RuleConfig {
  // Through the engine's parse, as plan files are: a regular file is read without the `yaml` package.
  const parsed = parseText(path, text);
  const config: RuleConfig = { severities: new Map(), findings: [] };
  const add = (span: Span, message: ReturnType<typeof msg>, suggestions?: string[]) =>
    config.findings.push({ code: 'schema', severity: 'error', file: path, span, message, data: suggestions ? { suggestions } : undefined });
  // Where a key or value is; a key no span names (an empty one, say) is reported at the mapping that holds it.
  const at = (p: (string | number)[], part: 'key' | 'value'): Span => {
    for (let n = p.length; n >= 0; n--) {
      const s = parsed.span(p.slice(0, n), n === p.length ? part : 'value');
      if (s) return s;
    }
    return { start: 0, end: 0 };
  };
  for (const p of parsed.syntax) config.findings.push({ code: 'yaml-syntax', severity: 'error', file: path, span: p.span, message: p.message });
  if (parsed.syntax.length) return config;
  const data = parsed.data;
  if (data === null || data === undefined) return config; // an empty file configures nothing
  if (!isObj(data)) {
    add(at([], 'value'), msg('config.not-mapping'));
    return config;
  }
  for (const key of Object.keys(data)) {
    if (key !== 'rules') add(at([key], 'key'), msg('config.unknown-key', { key: valueText(key) }));
  }
  const rules = data.rules;
  if (rules === undefined || rules === null) return config;
  if (!isObj(rules)) {
    add(at(['rules'], 'value'), msg('config.not-mapping'));
    return config;
  }
  for (const [rule, value] of Object.entries(rules)) {
    if (rule === '') {
      add(at(['rules', rule], 'key'), msg('config.no-rule-name'));
      continue;
    }
    if (!isRuleCode(rule)) {
      const suggestion = closest(rule, RULE_CODES as unknown as string[]);
      add(at(['rules', rule], 'key'), msg('config.unknown-rule', { rule: valueText(rule), suggestion }), [suggestion]);
      continue;
    }
    const setting = value === false ? 'off' : value;
    if (typeof setting !== 'string' || !SETTINGS.includes(setting as SeveritySetting)) {
      add(at(['rules', rule], 'value'), msg('config.bad-severity', { rule, value: valueText(value), allowed: listArg(SETTINGS) }));
      continue;
    }
    config.severities.set(rule, setting as SeveritySetting);
  }
  return config;
}
