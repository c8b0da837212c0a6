/**
 * The names the schemas give enum values (task areas, mechanism types, risk categories,
 * project statuses): the report shows 能源绿色低碳转型 / Energy transition rather than
 * `energy-transition`, from the same `enumDescriptions` hovers and completion read.
 */
import type { LocalText } from '../i18n/messages';
import { enumTitle } from '../schema/schema-text';
import planSchema from '../../../../schemas/plan.schema.json';
import tasksSchema from '../../../../schemas/tasks.schema.json';
import projectsSchema from '../../../../schemas/projects.schema.json';

type EnumSchema = { enum?: unknown[]; enumDescriptions?: unknown[] };

function titles(schema: EnumSchema): ReadonlyMap<string, LocalText> {
  const out = new Map<string, LocalText>();
  const values = schema.enum ?? [];
  values.forEach((v, i) => {
    const t = enumTitle(schema.enumDescriptions?.[i]);
    if (typeof v === 'string' && t) out.set(v, t);
  });
  return out;
}

export const AREA_NAMES = titles(tasksSchema.$defs.task.properties.area as EnumSchema);
export const MECHANISM_TYPE_NAMES = titles(planSchema.$defs.mechanism.properties.type as EnumSchema);
export const RISK_CATEGORY_NAMES = titles(planSchema.$defs.risk.properties.category as EnumSchema);
export const STATUS_NAMES = titles(projectsSchema.$defs.project.properties.status as EnumSchema);

/** The name of an enum value, or the value itself where the schema has none (a value the schema rejects). */
export function enumName(names: ReadonlyMap<string, LocalText>, value: string): LocalText {
  return names.get(value) ?? { zh: value, en: value };
}
export const TECHNOLOGY_TYPE_NAMES = titles(planSchema.$defs.technology.properties.type as EnumSchema);
export const SAFEGUARD_TYPE_NAMES = titles(planSchema.$defs.safeguard.properties.type as EnumSchema);
export const ENERGY_SOURCE_NAMES = titles(planSchema.$defs.energyShare.properties.source as EnumSchema);
export const SECTOR_NAMES = titles(planSchema.$defs.sectorShare.properties.sector as EnumSchema);
export const FUNDING_NAMES = titles(projectsSchema.$defs.project.properties.funding.items as EnumSchema);
