/**
 * Schema validation one list item at a time, for a process that sees the same
 * file again and again (the language server).
 *
 * A large Tasks file is one object with thousands of tasks, and validating it
 * whole on every keystroke was a large part of the edit's time (bench/README.md,
 * The edit path). After an edit, the items the edit did
 * not touch are the same objects as before (their segments' parses are lent
 * to the new version, segmented-file.ts), so each item's errors are kept by
 * the item, and only the edited item and the file's shell (everything but the
 * lists' items) are validated again. The errors are those of the whole-file
 * validator, with each item's paths under its list and index (a test holds
 * the two equal over the examples and thousands of mutants).
 *
 * The checker validates each file once and never uses this; the validators of
 * shells and items (build.mjs, split-validators.js) are not in its bundle.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { splits } from '../../generated/split-validators';
import type { FileKind } from '../plan/model';

const NAMES: Record<FileKind, string> = { Plan: 'plan', Tasks: 'tasks', Projects: 'projects', Indicators: 'indicators', Progress: 'progress' };
const NONE: readonly ErrorObject[] = [];

export class ItemValidation {
  /** Each item's errors, by item validator and item (a file's kind can change while its items stay). */
  private readonly kept = new Map<ValidateFunction, WeakMap<object, readonly ErrorObject[]>>();
  /** Items asked about, and of them validated (not kept from before): what the tests and profiles read. */
  itemsAsked = 0;
  itemsValidated = 0;

  /**
   * The whole-file validator's errors for a file of this kind, or undefined
   * when the kind has no split (unknown kind: the dispatching validator).
   */
  errors(kind: FileKind | undefined, data: unknown): ErrorObject[] | undefined {
    const split = kind && splits[NAMES[kind]];
    if (!split) return undefined;
    const out: ErrorObject[] = split.shell(data) ? [] : [...(split.shell.errors ?? [])];
    if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
    for (const [key, validate] of split.lists) {
      const list = (data as Record<string, unknown>)[key];
      if (!Array.isArray(list)) continue; // the shell reports a list that is not one
      let kept = this.kept.get(validate);
      if (!kept) this.kept.set(validate, (kept = new WeakMap()));
      this.itemsAsked += list.length;
      for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        let errors = item !== null && typeof item === 'object' ? kept.get(item) : undefined;
        if (!errors) {
          this.itemsValidated++;
          errors = validate(item) ? NONE : [...(validate.errors ?? [])];
          if (item !== null && typeof item === 'object') kept.set(item, errors);
        }
        for (const e of errors) out.push({ ...e, instancePath: `/${key}/${i}${e.instancePath}` });
      }
    }
    return out;
  }
}
