/**
 * The plan's own words, entry by entry: every task, project and indicator with all its fields,
 * the positioning, the baseline, reforms, technology and safeguards. What the Word and Excel
 * exports lay out (engine/export), read once here from the plan's whole models, like the rest
 * of the report. Defensive as model.ts: a field that cannot be read is left out.
 */
import type { LocalText } from '../i18n/messages';
import { asNumber, asString, entries, isObj, type FileModel, type Obj } from '../plan/model';
import { entryLabel } from '../indicators';
import type { JsonPath } from '../parse/parsed-file';
import {
  AREA_NAMES,
  ENERGY_SOURCE_NAMES,
  FUNDING_NAMES,
  MECHANISM_TYPE_NAMES,
  RISK_CATEGORY_NAMES,
  SAFEGUARD_TYPE_NAMES,
  SECTOR_NAMES,
  STATUS_NAMES,
  TECHNOLOGY_TYPE_NAMES,
  enumName,
} from './names';

/** Where an entry is defined: the file as the report shows it, and the 1-based line of its list item. */
export interface Place {
  file: string;
  line?: number;
}

export interface TaskText extends Place {
  id: string;
  title: LocalText;
  area: string;
  areaName: LocalText;
  lead?: string;
  partners: string[];
  indicators: string[];
  dependsOn: string[];
  due?: number;
  description?: string;
}

export interface ProjectText extends Place {
  id: string;
  name: LocalText;
  tasks: string[];
  owner?: string;
  location?: string;
  status?: LocalText;
  start?: string;
  end?: string;
  /** Quantities as the plan writes them: `12.5 亿元`. */
  investment?: string;
  capacity?: string;
  storage?: string;
  generation?: string;
  reduction?: string;
  funding: LocalText[];
  description?: string;
}

export interface IndicatorText extends Place {
  id: string;
  category?: string;
  source?: string;
  description?: string;
  referenceYear?: number;
}

export interface ItemText {
  id?: string;
  /** The kind of item in words (a mechanism's, technology's or safeguard's type; a risk's category). */
  type?: LocalText;
  title: LocalText;
  lead?: string;
  partners: string[];
  description?: string;
  /** Reforms: the experience to spread; risks: the mitigation. */
  more?: string;
  year?: number;
  tasks: string[];
  projects: string[];
}

export interface PlanText {
  positioning?: string;
  document?: { issuer?: string; number?: string; issued?: string; follows: { title: string; number?: string; issuer?: string }[] };
  baseline?: {
    year?: number;
    energyTotal?: string;
    structure: { name: LocalText; share: number }[];
    emissionsTotal?: string;
    emissionsIndirect?: string;
    bySector: { name: LocalText; share: number }[];
    gdp?: string;
    population?: string;
    sources: string[];
  };
  tasks: TaskText[];
  projects: ProjectText[];
  indicators: IndicatorText[];
  mechanisms: ItemText[];
  actions: ItemText[];
  reforms: ItemText[];
  technology: ItemText[];
  risks: ItemText[];
  safeguards: ItemText[];
}

function text(v: unknown): string | undefined {
  const s = asString(v)?.trim();
  return s ? s : undefined;
}

function named(entry: Obj, field: string, fallback: string): LocalText {
  const zh = text(entry[field]) ?? fallback;
  return { zh, en: text(entry[`${field}En`]) ?? zh };
}

function list(entry: Obj, field: string): string[] {
  const v = entry[field];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `{ value: 12.5, unit: 亿元 }` as the plan writes it. */
export function quantity(v: unknown): string | undefined {
  if (!isObj(v) || (typeof v.value !== 'number' && typeof v.value !== 'string')) return undefined;
  return `${v.value} ${text(v.unit) ?? ''}`.trim();
}

function yearMonth(v: unknown): string | undefined {
  return typeof v === 'number' ? String(v) : text(v);
}

function shares(v: unknown, key: string, names: ReadonlyMap<string, LocalText>): { name: LocalText; share: number }[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).flatMap((s) => {
    const share = asNumber(s.share);
    const k = asString(s[key]);
    return share !== undefined && k ? [{ name: enumName(names, k), share }] : [];
  });
}

function item(entry: Obj, id: string | undefined, type?: LocalText): ItemText {
  return {
    id,
    type,
    title: named(entry, 'title', id ?? ''),
    lead: text(entry.lead),
    partners: list(entry, 'partners'),
    description: text(entry.description),
    tasks: list(entry, 'tasks'),
    projects: list(entry, 'projects'),
  };
}

/** The 1-based line of a list item's first key. */
function lineOf(f: FileModel, path: JsonPath): number | undefined {
  const span = f.parsed?.span(path, 'key');
  return span ? f.parsed.lines.positionAt(span.start).line + 1 : undefined;
}

/** The plan's words, from its files ordered as model.ts orders them (the Plan file first); `lines`: false leaves out each entry's line. */
export function planText(files: readonly FileModel[], shown: (path: string) => string, root: Obj, lines = true): PlanText {
  const all = (key: string) =>
    files.flatMap((f) =>
      entries(f, key).map((e) => {
        return { entry: e.entry, path: e.path, place: { file: shown(f.path), line: lines ? lineOf(f, e.path) : undefined } };
      }),
    );
  const tasks = all('tasks').map(({ entry, path, place }): TaskText => {
    const id = entryLabel(entry, path);
    const area = asString(entry.area);
    return {
      ...place,
      id,
      title: named(entry, 'title', id),
      area: area ?? '',
      areaName: area && AREA_NAMES.has(area) ? AREA_NAMES.get(area)! : { zh: area ?? '—', en: area ?? '—' },
      lead: text(entry.lead),
      partners: list(entry, 'partners'),
      indicators: list(entry, 'indicators'),
      dependsOn: list(entry, 'dependsOn'),
      due: asNumber(entry.due),
      description: text(entry.description),
    };
  });
  const projects = all('projects').map(({ entry, path, place }): ProjectText => {
    const id = entryLabel(entry, path);
    const status = asString(entry.status);
    return {
      ...place,
      id,
      name: named(entry, 'name', id),
      tasks: list(entry, 'tasks'),
      owner: text(entry.owner),
      location: text(entry.location),
      status: status ? enumName(STATUS_NAMES, status) : undefined,
      start: yearMonth(entry.start),
      end: yearMonth(entry.end),
      investment: quantity(entry.investment),
      capacity: quantity(entry.capacity),
      storage: quantity(entry.storage),
      generation: quantity(entry.generation),
      reduction: quantity(entry.reduction),
      funding: list(entry, 'funding').map((f) => enumName(FUNDING_NAMES, f)),
      description: text(entry.description),
    };
  });
  const indicators = all('indicators').map(({ entry, path, place }): IndicatorText => ({
    ...place,
    id: entryLabel(entry, path),
    category: asString(entry.category),
    source: text(entry.source),
    description: text(entry.description),
    referenceYear: asNumber(entry.referenceYear),
  }));
  const mechanisms = all('mechanisms').map(({ entry, path }) => ({
    ...item(entry, entryLabel(entry, path), enumName(MECHANISM_TYPE_NAMES, asString(entry.type) ?? '—')),
    year: asNumber(entry.milestone),
  }));
  const actions = all('actions').map(({ entry, path }) => ({ ...item(entry, entryLabel(entry, path)), more: text(entry.audience) }));
  const reforms = all('reforms').map(({ entry, path }) => ({ ...item(entry, entryLabel(entry, path)), more: text(entry.experience) }));
  const technology = all('technology').map(({ entry, path }) => item(entry, entryLabel(entry, path), enumName(TECHNOLOGY_TYPE_NAMES, asString(entry.type) ?? '—')));
  const risks = all('risks').map(({ entry, path }) => ({
    ...item(entry, entryLabel(entry, path), enumName(RISK_CATEGORY_NAMES, asString(entry.category) ?? '—')),
    more: text(entry.mitigation),
    tasks: list(entry, 'affects'),
  }));
  const safeguards = (Array.isArray(root.safeguards) ? root.safeguards : [])
    .filter(isObj)
    .map((s) => item(s, undefined, enumName(SAFEGUARD_TYPE_NAMES, asString(s.type) ?? '—')));

  const doc = isObj(root.document) ? root.document : undefined;
  const b = isObj(root.baseline) ? root.baseline : undefined;
  const energy = b && isObj(b.energy) ? b.energy : {};
  const emissions = b && isObj(b.emissions) ? b.emissions : {};
  return {
    positioning: text(root.positioning),
    document: doc && {
      issuer: text(doc.issuer),
      number: text(doc.number),
      issued: text(doc.issued),
      follows: (Array.isArray(doc.follows) ? doc.follows : []).filter(isObj).flatMap((d) => {
        const title = text(d.title);
        return title ? [{ title, number: text(d.number), issuer: text(d.issuer) }] : [];
      }),
    },
    baseline: b && {
      year: asNumber(b.year),
      energyTotal: quantity(energy.total),
      structure: shares(energy.structure, 'source', ENERGY_SOURCE_NAMES),
      emissionsTotal: quantity(emissions.total),
      emissionsIndirect: quantity(emissions.indirect),
      bySector: shares(emissions.bySector, 'sector', SECTOR_NAMES),
      gdp: quantity(b.gdp),
      population: quantity(b.population),
      sources: list(b, 'sources'),
    },
    tasks,
    projects,
    indicators,
    mechanisms,
    actions,
    reforms,
    technology,
    risks,
    safeguards,
  };
}
