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
    // The language server validates item by item, keeping each unchanged item's errors (item-validation.ts).
    let errors = ctx.itemValidation?.errors(file.kind, file.parsed.data);
    if (!errors) {
      const validate = validatorFor(file.kind);
      if (validate(file.parsed.data)) return;
      errors = validate.errors ?? [];
    }
    if (!errors.length) return;
    for (const f of mapSchemaErrors(file.parsed, errors)) ctx.report({ file: file.path, ...f });
  },
};
