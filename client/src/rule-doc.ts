/**
 * Where a rule page (docs/rules/<code>.md) opens in VS Code's Markdown preview: at the top
 * (English) or at its Chinese part. Each page marks that part with `<a id="zh-cn"></a>`,
 * which GitHub and a click in the preview follow; opening the preview at a place takes
 * the id the preview gives a heading, so this finds the heading after the mark and makes
 * that id as the preview does. Pure, so tests run it on every page.
 */
import type { ServerLocale } from './settings';

/** The id of the mark before the Chinese part of every rule page. */
export const ZH_ANCHOR = 'zh-cn';

// VS Code's Markdown preview (markdown-language-features, `githubSlugifier`): the punctuation it drops from a heading's id.
// allow-any-unicode-next-line
const PREVIEW_PUNCTUATION = /[\][!/'"#$%&()*+,./:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g;

function previewSlug(text: string): string {
  return encodeURI(
    text
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace(PREVIEW_PUNCTUATION, '')
      .replace(/^-+/, '')
      .replace(/-+$/, ''),
  );
}

/** A heading's text as the preview reads it for its id: text and code spans, without markup. */
function plainText(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[*_]+/g, '');
}

/** The ids the preview gives the page's headings, in order (a repeated id gets `-1`, `-2`… as the preview numbers them). */
export function previewHeadingIds(markdown: string): { line: number; id: string }[] {
  const out: { line: number; id: string }[] = [];
  const seen = new Map<string, number>();
  let fence: string | undefined;
  markdown.split(/\r?\n/).forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      return;
    }
    const h = !fence && /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$/.exec(line);
    if (!h) return;
    let id = previewSlug(plainText(h[1]));
    const n = seen.get(id);
    if (n === undefined) seen.set(id, 0);
    else {
      seen.set(id, n + 1);
      id = previewSlug(`${id}-${n + 1}`);
    }
    out.push({ line: i, id });
  });
  return out;
}

/**
 * The fragment to open a rule page at for a reader of `locale`: for Chinese, the id of the
 * first heading after the `zh-cn` mark (decoded: the preview encodes it again); none for
 * English, the first part of every page, or for a page without the mark.
 */
export function ruleDocFragment(markdown: string, locale: ServerLocale): string | undefined {
  if (locale !== 'zh-CN') return undefined;
  const lines = markdown.split(/\r?\n/);
  const mark = lines.findIndex((l) => l.trim() === `<a id="${ZH_ANCHOR}"></a>`);
  if (mark < 0) return undefined;
  const heading = previewHeadingIds(markdown).find((h) => h.line > mark);
  return heading && decodeURI(heading.id);
}
