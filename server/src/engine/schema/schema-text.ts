/**
 * Reading the bilingual texts the schemas carry: titles are written
 * "中文 · English", descriptions "中文。\n\nEnglish.", enum descriptions
 * "中文标题 · English title — …".
 */
import type { LocalText } from '../i18n/messages';

export function splitTitle(title: unknown): LocalText | undefined {
  if (typeof title !== 'string' || !title) return undefined;
  const i = title.indexOf(' · ');
  if (i < 0) return { en: title, zh: title };
  return { zh: title.slice(0, i).trim(), en: title.slice(i + 3).trim() };
}

export function splitDescription(description: unknown): LocalText | undefined {
  if (typeof description !== 'string' || !description) return undefined;
  const i = description.indexOf('\n\n');
  if (i < 0) return { en: description, zh: description };
  return { zh: description.slice(0, i).trim(), en: description.slice(i + 2).trim() };
}

/** "中文标题 · English title — …" → its title. */
export function enumTitle(description: unknown): LocalText | undefined {
  if (typeof description !== 'string' || !description) return undefined;
  const i = description.indexOf(' — ');
  return splitTitle(i < 0 ? description : description.slice(0, i));
}

/**
 * What the schemas call an enum value of `schema` (the subschema with the
 * `enum`): its title from `enumDescriptions`, Chinese and English, and its
 * `x-aliases` (other names planners write for it). Empty for a value without either.
 */
export function enumNames(schema: Record<string, unknown> | undefined, value: unknown): string[] {
  if (!schema || !Array.isArray(schema.enum)) return [];
  const out: string[] = [];
  const i = schema.enum.indexOf(value);
  if (i < 0) return [];
  const title = enumTitle(Array.isArray(schema.enumDescriptions) ? schema.enumDescriptions[i] : undefined);
  if (title) out.push(...(title.zh === title.en ? [title.zh] : [title.zh, title.en]));
  const aliases = schema['x-aliases'];
  const own = typeof value === 'string' && aliases && typeof aliases === 'object' && Object.hasOwn(aliases, value) ? (aliases as Record<string, unknown>)[value] : undefined;
  if (Array.isArray(own)) for (const a of own) if (typeof a === 'string' && a && !out.includes(a)) out.push(a);
  return out;
}
