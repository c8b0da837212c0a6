/** yaml-syntax: the file is not valid YAML (or cannot be read as text). */
import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: 'The file is not valid YAML', zh: '文件不是有效的 YAML' },
  checkFile(file, ctx) {
    for (const p of file.parsed.syntax) ctx.report({ file: file.path, span: p.span, message: p.message });
  },
};
