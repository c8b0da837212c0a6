/**
 * The nesting limit: how many lists and mappings deep a document may go.
 *
 * Plan files need fewer than 20 levels. Deeper text cost time that grows with
 * depth (300 nested `{` took 21 s), and the recursion of the parsers ran out of
 * stack at a depth that depended on what ran before (the same file got 808
 * findings alone and 843 after another one). So the limit is one number every
 * parse path keeps: the full `yaml` parse finds where a document passes it
 * before composing it (yaml-file.ts) and reports that place; the block reader
 * gives up well before it, and so hands such text to `yaml`.
 */
import { defineMessages, msg } from '../i18n/messages';
import type { SyntaxProblem } from './parsed-file';

/** Lists and mappings nested in one another, the document's own included. */
export const MAX_DEPTH = 64;

defineMessages({
  'yaml.depth-limit': {
    en: 'The document is nested more than {limit} levels deep here (lists and mappings inside one another); pilot plan files need fewer than 20. Flatten the structure.',
    zh: '文档在此处嵌套超过 {limit} 层（列表和映射层层嵌套）；试点方案文件不超过 20 层。请减少嵌套。',
  },
});

/** The finding at the collection that passes the limit. */
export function depthProblem(start: number, end = start + 1): SyntaxProblem {
  return { span: { start, end }, message: msg('yaml.depth-limit', { limit: MAX_DEPTH }) };
}
