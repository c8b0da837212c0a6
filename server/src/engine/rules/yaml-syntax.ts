/** yaml-syntax: the file is not valid YAML (or cannot be read as text). */
import type { FindingData } from '../findings';
import type { Rule } from './rule';

/** Problems with an obvious repair, for the editor's quick fix (editor/syntax-fixes.ts). */
const FIXABLE: Record<string, FindingData['syntax']> = { 'yaml.duplicate-key': 'duplicate-key', 'yaml.tab-indent': 'tab-indent' };

export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: 'The file is not valid YAML', zh: '文件不是有效的 YAML' },
  checkFile(file, ctx) {
    for (const p of file.parsed.syntax) {
      const syntax = FIXABLE[p.message.id];
      ctx.report({ file: file.path, span: p.span, message: p.message, ...(syntax ? { data: { syntax } } : {}) });
    }
  },
};
