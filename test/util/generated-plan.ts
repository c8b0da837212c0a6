/**
 * A plan made for the differential tests of edits, by file name: a Tasks file
 * of 40 tasks (comments and blank lines between some, folded titles, flow-style
 * items, a reference to nothing, no line break at its end), an Indicators file
 * whose list is not indented and whose items are mostly of one length (a
 * segment found at the wrong place has the length of the right one), and a
 * Plan file with lists of both kinds. Items of one length differ in what
 * findings see (a year after the horizon or not one of the target years, a type misspelt).
 */
function planFile(): string {
  return [
    '# 生成的方案',
    'apiVersion: pilot-plan/v1',
    'kind: Plan',
    'id: GEN',
    'pilot:',
    '  name: 测试市',
    '  type: city',
    '  province: 广东省',
    'baseYear: 2020',
    'targetYears: [2025, 2030]',
    'mechanisms:',
    ...[0, 1, 2, 3].flatMap((i) => [`  - id: M-G-${i}`, `    type: ${i === 2 ? 'carbon-accountinq' : 'carbon-accounting'}`, `    title: 机制 ${i}`, `    milestone: ${2025 + (i % 2) * 5}`]),
    'actions:',
    ...[0, 1, 2].flatMap((i) => [`- id: A-G-${i}`, `  title: 行动 ${i}`]),
    'risks:',
    '  - id: R-G-0',
    '    category: power-supply',
    '    title: 用电负荷增长',
    '    mitigation: 建设储能',
    '    affects: [T-G-1, T-G-2]',
    '',
  ].join('\n');
}

function tasksFile(): string {
  const tasks = ['# 长任务文件', 'apiVersion: pilot-plan/v1', 'kind: Tasks', 'tasks:'];
  for (let i = 0; i < 40; i++) {
    if (i % 7 === 3) tasks.push('', `  # ---- 第 ${i} 组 ----`);
    if (i % 11 === 5) {
      tasks.push(`  - { id: T-G-${i}, title: 流式任务 ${i}, area: other, lead: 部门 ${i % 5}, indicators: [IND-G-${i % 12}] }`);
      continue;
    }
    tasks.push(`  - id: T-G-${i}`);
    if (i % 9 === 4) tasks.push('    title: >-', `      折叠的标题 ${i}，`, '      第二行');
    else tasks.push(`    title: 任务 ${i}`);
    tasks.push('    area: energy-transition', `    lead: 部门 ${i % 5}`, `    indicators: [IND-G-${i % 12}]`, `    due: ${i % 4 === 1 ? 2035 : 2030}`);
    if (i > 0) tasks.push(`    dependsOn: [T-G-${i === 13 ? 'NOPE' : i - 1}]`);
    if (i % 6 === 2) tasks.push('');
  }
  return tasks.join('\n');
}

function indicatorsFile(): string {
  const indicators = ['apiVersion: pilot-plan/v1', 'kind: Indicators', 'indicators:'];
  for (let i = 0; i < 12; i++) {
    indicators.push(`- id: IND-G-${i}`, `  name: 指标 ${i}`, '  category: energy', '  type: share', '  unit: "%"', '  direction: increase', `  baseline: { year: 2020, value: ${10 + i} }`, '  targets:', `    - { year: ${i % 3 === 2 ? 2026 : 2025}, value: ${20 + i} }`, `    - { year: 2030, value: ${30 + i} }`);
  }
  return indicators.join('\n') + '\n';
}

export const GENERATED_PLAN: Readonly<Record<string, string>> = {
  'plan.pilot.yaml': planFile(),
  'tasks.pilot.yaml': tasksFile(),
  'indicators.pilot.yaml': indicatorsFile(),
};
