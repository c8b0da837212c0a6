/**
 * The plan as an Excel workbook for review (`pilot-plan export --format xlsx`): a sheet each of
 * tasks, projects and indicators (every entry, every field a column), one of the check's
 * findings, each with an empty 审阅意见 Review column for reviewers. Headers in both languages,
 * frozen, with filters; the entries' words in the locale.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/messages';
import type { PlanReport } from '../report/model';
import { comparatorText, label as reportLabel } from '../report/labels';
import { joined, label, local } from './labels';

/** The sheets, named in both languages: 任务 Tasks, 项目 Projects, 指标 Indicators, 检查结果 Findings. */
export const SHEETS = { tasks: '任务 Tasks', projects: '项目 Projects', indicators: '指标 Indicators', findings: '检查结果 Findings' } as const;

export const REVIEW_HEADER = '审阅意见 Review';

type Cell = string | number | undefined;

interface Column {
  header: string;
  width: number;
}

const col = (header: string, width = 14): Column => ({ header, width });
const FILE = col('文件 File', 28);
const LINE = col('行 Line', 8);
const REVIEW = col(REVIEW_HEADER, 40);

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5E9' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // The review column stands out: it is the one reviewers write in.
  ws.getColumn(columns.length).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } };
}

/** The plan as an .xlsx file's bytes. */
export async function renderXlsx(report: PlanReport, opts: { locale: Locale }): Promise<Uint8Array> {
  const { locale } = opts;
  const t = report.text;
  const list = (xs: readonly string[]) => (xs.length ? joined(xs, locale) : undefined);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pilot-plan';

  sheet(
    wb,
    SHEETS.tasks,
    [col('标识 ID', 18), col('任务 Task', 40), col('领域 Area', 18), col('牵头部门 Lead', 18), col('配合部门 Partners', 28), col('指标 Indicators', 24), col('前置任务 Depends on', 20), col('完成年份 Due', 10), col('说明 Description', 40), FILE, LINE, REVIEW],
    t.tasks.map((x) => [x.id, local(x.title, locale), local(x.areaName, locale), x.lead, list(x.partners), list(x.indicators), list(x.dependsOn), x.due, x.description, x.file, x.line]),
  );

  sheet(
    wb,
    SHEETS.projects,
    [
      col('标识 ID', 18),
      col('项目 Project', 36),
      col('任务 Tasks', 20),
      col('业主 Owner', 24),
      col('地点 Location', 18),
      col('状态 Status', 12),
      col('开始 Start', 10),
      col('结束 End', 10),
      col('投资 Investment', 14),
      col('投资（亿元）Investment (亿元)', 14),
      col('容量 Capacity', 12),
      col('储能 Storage', 12),
      col('年发电量 Generation', 14),
      col('年减排量 Reduction', 14),
      col('资金来源 Funding', 24),
      col('说明 Description', 40),
      FILE,
      LINE,
      REVIEW,
    ],
    // timeline.projects lists the same projects in the same order, with the investment in 亿元.
    t.projects.map((p, i) => [
      p.id,
      local(p.name, locale),
      list(p.tasks),
      p.owner,
      p.location,
      p.status && local(p.status, locale),
      p.start,
      p.end,
      p.investment,
      report.timeline.projects[i]?.investment,
      p.capacity,
      p.storage,
      p.generation,
      p.reduction,
      list(p.funding.map((f) => local(f, locale))),
      p.description,
      p.file,
      p.line,
    ]),
  );

  const years = report.plan.targetYears.length ? report.plan.targetYears : [...new Set(report.indicators.flatMap((i) => i.targets.map((x) => x.year)))].sort();
  sheet(
    wb,
    SHEETS.indicators,
    [
      col('标识 ID', 20),
      col('指标 Indicator', 36),
      col('类别 Category', 12),
      col('类型 Type', 10),
      col('单位 Unit', 10),
      col('方向 Direction', 10),
      col('属性 Binding', 10),
      col('基期年 Baseline year', 10),
      col('基期值 Baseline', 10),
      ...years.map((y) => col(`${y}年目标 Target ${y}`, 12)),
      col('其他目标 Other targets', 20),
      col('出处 Source', 40),
      FILE,
      LINE,
      REVIEW,
    ],
    // text.indicators lists the same indicators as report.indicators, in the same order.
    report.indicators.map((ind, i) => {
      const x = t.indicators[i];
      const target = (y: number) => {
        const tg = ind.targets.find((g) => g.year === y);
        return tg ? (tg.comparator && tg.comparator !== '=' ? comparatorText(tg.comparator) + tg.value : tg.value) : undefined;
      };
      const others = ind.targets.filter((g) => !years.includes(g.year)).map((g) => `${g.year}: ${comparatorText(g.comparator)}${g.value}`);
      return [
        ind.id,
        local(ind.name, locale),
        x?.category,
        ind.type,
        ind.unit,
        ind.direction,
        ind.binding === undefined ? undefined : label(ind.binding ? 'export.binding' : 'export.expected', locale),
        ind.baseline?.year,
        ind.baseline?.value,
        ...years.map(target),
        list(others),
        x?.source,
        x?.file,
        x?.line,
      ];
    }),
  );

  const findings = report.findings.groups
    .flatMap((g) => g.places.map((p) => ({ ...p, code: g.code, severity: g.severity })))
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  sheet(
    wb,
    SHEETS.findings,
    [FILE, LINE, col('列 Column', 8), col('规则 Rule', 20), col('级别 Severity', 10), col('说明 Message', 80), REVIEW],
    findings.map((f) => [f.path, f.line, f.column, f.code, reportLabel(`report.severity.${f.severity}`, locale), f.message]),
  );

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
