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
