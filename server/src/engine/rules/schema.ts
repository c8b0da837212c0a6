/** schema: a JSON Schema violation (unknown key, wrong type, missing required key, value not allowed). */
import { validatorFor } from '../schema/validators';
import { mapSchemaErrors } from '../schema/map-errors';
import type { Rule } from './rule';

export const schema: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: 'A JSON Schema violation', zh: '不符合 JSON Schema' },
  checkFile(file, ctx) {
    if (file.parsed.syntax.length) return; // an unreadable file has nothing to validate
    const validate = validatorFor(file.kind);
    if (validate(file.parsed.data)) return;
    for (const f of mapSchemaErrors(file.parsed, validate.errors ?? [])) ctx.report({ file: file.path, ...f });
  },
};
