/**
 * The rule catalogue as the client shows it (the `pilotPlan.openRuleDoc` pick list).
 * A copy, so that the client bundle does not carry the engine; test/client checks
 * that codes, severities and titles match the engine's registry.
 */
export interface RuleInfo {
  code: string;
  severity: 'error' | 'warning' | 'info';
  en: string;
  zh: string;
}

export const RULES: readonly RuleInfo[] = [
  { code: 'yaml-syntax', severity: 'error', en: 'The file is not valid YAML', zh: '文件不是有效的 YAML' },
  { code: 'schema', severity: 'error', en: 'A JSON Schema violation', zh: '不符合 JSON Schema' },
  { code: 'api-version', severity: 'error', en: '`apiVersion` missing or not supported', zh: '`apiVersion` 缺失或不受支持' },
  { code: 'duplicate-id', severity: 'error', en: 'An ID defined more than once in a plan', zh: '方案内 ID 重复定义' },
  { code: 'duplicate-plan', severity: 'error', en: 'A second Plan file in the folder of a plan', zh: '同一目录中有第二个方案文件' },
  { code: 'unresolved-reference', severity: 'error', en: 'A reference to an ID that the plan does not define', zh: '引用了方案中未定义的 ID' },
  { code: 'reference-kind', severity: 'error', en: 'A reference to an ID of the wrong kind', zh: '引用的 ID 类型不符' },
  { code: 'dependency-cycle', severity: 'error', en: 'Task dependencies (`dependsOn`) that form a cycle', zh: '任务依赖（`dependsOn`）形成循环' },
  {
    code: 'target-direction',
    severity: 'error',
    en: "A target that moves against the indicator's direction, from the baseline or from the target before it",
    zh: '目标值与指标变化方向相反（相对基期值或前一目标）',
  },
  { code: 'value-range', severity: 'error', en: 'A percentage outside 0–100, or a negative investment, capacity or reduction', zh: '百分数超出 0–100，或投资、容量、减排量为负数' },
  { code: 'unit-mismatch', severity: 'error', en: 'A unit not allowed for that field or indicator type', zh: '单位不符合字段或指标类型的要求' },
  {
    code: 'year-range',
    severity: 'error',
    en: 'A target year not after its baseline or reference year, a year after the horizon, or a project ending before it starts',
    zh: '目标年份不晚于基期或参考年份、年份超出方案期限，或项目完工早于开工',
  },
  { code: 'orphan', severity: 'warning', en: 'An indicator no task references; a task with neither indicators nor projects', zh: '未被任务引用的指标；既无指标也无项目的任务' },
  { code: 'investment-total', severity: 'warning', en: "`investmentTotal` differs from the sum of the projects' investments", zh: '`investmentTotal` 与各项目投资之和不符' },
  { code: 'peak-year', severity: 'warning', en: '`peak.year` after 2030', zh: '`peak.year` 晚于 2030 年' },
  { code: 'national-target', severity: 'info', en: 'A target weaker than the national target named in `nationalRef`', zh: '目标弱于 `nationalRef` 所指的国家目标' },
  { code: 'milestone-year', severity: 'info', en: "An indicator's target year that is not one of the plan's target years", zh: '指标目标年份不在方案目标年份之中' },
  { code: 'not-in-plan', severity: 'info', en: 'A pilot plan file that belongs to no plan', zh: '不属于任何方案的试点文件' },
];

export function isRuleCode(code: unknown): code is string {
  return typeof code === 'string' && RULES.some((r) => r.code === code);
}
