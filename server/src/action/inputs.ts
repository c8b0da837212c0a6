/**
 * The action's inputs as the runner passes them: one environment variable per input,
 * INPUT_<NAME> with the name upper-cased and spaces turned to `_` (hyphens kept), set to
 * action.yml's default when the workflow gives no value. Bad values are problems to report,
 * not exceptions.
 */
import { defineMessages, localeFrom, localeFromEnv, msg, type Locale, type Message } from '../engine/i18n/messages';
import { FAIL_ON, type FailOn } from '../cli/check-paths';

defineMessages({
  'action.input.fail-on': {
    en: 'The input `fail-on` must be one of {values}, not `{value}`.',
    zh: '输入项 `fail-on` 只能是 {values} 之一，而不是 `{value}`。',
  },
  'action.input.locale': {
    en: 'The input `locale` must be en or zh-CN, not `{value}`.',
    zh: '输入项 `locale` 只能是 en 或 zh-CN，而不是 `{value}`。',
  },
});

/** The inputs action.yml declares, each read here. */
export const INPUTS = ['paths', 'fail-on', 'sarif-file', 'locale'] as const;
export type InputName = (typeof INPUTS)[number];

/** The defaults action.yml declares (the runner passes them); the same apply when a variable is unset. */
export const INPUT_DEFAULTS: Partial<Record<InputName, string>> = { paths: '.', 'fail-on': 'error' };

/** The variable the runner sets for an input. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** An input's value, trimmed (a YAML block scalar ends in a line break); its default when empty. */
export function input(env: NodeJS.ProcessEnv, name: InputName): string {
  return (env[inputVariable(name)] ?? '').trim() || (INPUT_DEFAULTS[name] ?? '');
}

export interface ActionInputs {
  /** Files, folders and globs, as `pilot-plan check` takes them. */
  paths: string[];
  failOn: FailOn;
  /** Where to write a SARIF report too, relative to the working directory. */
  sarifFile?: string;
  locale: Locale;
}

/**
 * The inputs, or the problems that stop the check. The locale is read first: it is the
 * language the other problems are told in (the environment's when it is itself the problem).
 */
export function readInputs(env: NodeJS.ProcessEnv): { inputs?: ActionInputs; locale: Locale; problems: Message[] } {
  const problems: Message[] = [];
  let locale = localeFromEnv(env);
  const localeValue = input(env, 'locale');
  if (localeValue) {
    const l = localeFrom(localeValue);
    if (l && ['en', 'zh-cn', 'zh'].includes(localeValue.toLowerCase())) locale = l;
    else problems.push(msg('action.input.locale', { value: localeValue }));
  }
  const failOn = input(env, 'fail-on') as FailOn;
  if (!FAIL_ON.includes(failOn)) problems.push(msg('action.input.fail-on', { values: FAIL_ON.join(', '), value: failOn }));
  if (problems.length) return { locale, problems };
  const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
  const sarifFile = input(env, 'sarif-file') || undefined;
  return { inputs: { paths, failOn, sarifFile, locale }, locale, problems };
}
