/**
 * What every `pilot-plan` command does with its arguments before its own work: parse them
 * (node:util parseArgs, strict), read `--locale`, answer `--help`. A parse error or a bad
 * locale is a usage error in both languages.
 */
import { parseArgs } from 'node:util';
import { localeFrom, localeFromEnv, type Locale } from '../engine/i18n/messages';
import { USAGE, usageError } from './usage';

/** A command's own options, in parseArgs' form. */
type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** The options every command takes besides its own. */
export const COMMON_OPTIONS = { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Config<T extends Options> = { args: string[]; allowPositionals: true; strict: true; options: T & typeof COMMON_OPTIONS };

export type CommandArgs<T extends Options> = ReturnType<typeof parseArgs<Config<T>>> & { locale: Locale };

/** A parseArgs error in both languages, without Node's advice on positionals. */
export function argsProblem(e: NodeJS.ErrnoException): [string, string] {
  const first = String(e.message ?? e).split('\n')[0].replace(/\.$/, '');
  const option = /'([^']+)'/.exec(first)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return [`unknown option \`${option}\``, `未知选项 \`${option}\``];
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = option.replace(/ <value>$/, '');
    if (/does not take an argument/.test(first)) return [`option \`${name}\` does not take a value`, `选项 \`${name}\` 不接受取值`];
    return [`option \`${name}\` needs a value`, `选项 \`${name}\` 需要一个取值`];
  }
  return [first, first];
}

/**
 * The command's arguments with the locale they ask for; or, where the command ends here, its
 * exit status: 2 after a usage error, 0 after printing the help.
 */
export function readCommandArgs<T extends Options>(argv: string[], options: T, io: { stdout: NodeJS.WritableStream; env: NodeJS.ProcessEnv }): CommandArgs<T> | number {
  let parsed: ReturnType<typeof parseArgs<Config<T>>>;
  try {
    parsed = parseArgs<Config<T>>({ args: argv, allowPositionals: true, strict: true, options: { ...options, ...COMMON_OPTIONS } });
  } catch (e) {
    const [en, zh] = argsProblem(e as NodeJS.ErrnoException);
    return usageError(en, zh, localeFromEnv(io.env));
  }
  // The common options' values, which the generic type cannot name.
  const common = parsed.values as { locale?: string; help?: boolean };
  const given = common.locale;
  let locale: Locale = localeFromEnv(io.env);
  if (given !== undefined) {
    const l = localeFrom(given);
    if (!l || !['en', 'zh-cn', 'zh'].includes(given.toLowerCase())) return usageError(`--locale must be en or zh-CN, not \`${given}\``, `--locale 只能是 en 或 zh-CN，而不是 \`${given}\``, locale);
    locale = l;
  }
  if (common.help) {
    io.stdout.write(USAGE(locale));
    return 0;
  }
  return { ...parsed, locale };
}
