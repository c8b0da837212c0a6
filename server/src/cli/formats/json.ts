/** `--format json`: the shape docs/format.md gives (#json-output), nothing more. */
import { jsonDocument } from './escape';
import { summarize, type Formatter } from './format';

export const json: Formatter = (files) =>
  jsonDocument(
    JSON.stringify(
    {
      files: files.map((f) => ({
        path: f.path,
        findings: f.findings.map(({ code, severity, message, line, column, endLine, endColumn }) => ({ code, severity, message, line, column, endLine, endColumn })),
      })),
      summary: summarize(files),
    },
      null,
      2,
    ),
  ) + '\n';
