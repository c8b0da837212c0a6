/**
 * Every sentence the extension's own UI shows (status bar, notifications, pick lists, input
 * boxes, progress titles, errors), in English and Chinese: the one source of the client's
 * strings. No `vscode` here, so tests read the table in plain Node; `locale.ts` picks the
 * language from `pilotPlan.locale`. Command titles and setting descriptions are VS Code's
 * to translate (package.nls*.json, by the display language); findings, hovers and
 * completions are the language server's.
 */
import type { ServerLocale } from './settings';

interface Entry {
  en: string;
  zh: string;
}

export const UI_TEXT = {
  // The product, as the status bar item and messages name it.
  productName: { en: 'Pilot Plan', zh: '碳达峰试点方案' },
  languageServerName: { en: 'Pilot Plan Language Server', zh: '碳达峰试点方案语言服务器' },

  // Status bar (status-bar.ts).
  statusNotRunning: { en: 'The Pilot Plan language server is not running. Click to restart it.', zh: '碳达峰试点方案语言服务器未在运行。单击以重启。' },
  statusShowProblems: { en: 'Show Problems', zh: '显示问题' },
  statusChecking: { en: 'Checking…', zh: '正在检查…' },
  statusPlanWithoutId: { en: '(plan without ID)', zh: '（方案无 ID）' },
  statusNoPlan: { en: 'no plan', zh: '无方案' },
  statusPlan: { en: 'Plan {0}', zh: '方案 {0}' },
  statusFolder: { en: 'Folder: {0}', zh: '文件夹：{0}' },
  statusFileWithoutPlan: { en: 'This file belongs to no plan: no Plan file in its folder or above.', zh: '此文件不属于任何方案：所在文件夹及其上级中没有 Plan 文件。' },
  statusPlanCounts: { en: 'Plan: {0} errors, {1} warnings in {2} files', zh: '方案：{2} 个文件中共 {0} 个错误、{1} 个警告' },
  statusFileCounts: { en: 'This file: {0} errors, {1} warnings', zh: '本文件：{0} 个错误、{1} 个警告' },
  statusCounts: { en: '{0} errors, {1} warnings', zh: '{0} 个错误、{1} 个警告' },
  statusClick: { en: 'Click to open the Problems view.', zh: '单击打开“问题”视图。' },

  // Commands (commands.ts, language-client.ts).
  serverNotRunning: { en: 'The Pilot Plan language server is not running.', zh: '碳达峰试点方案语言服务器未在运行。' },
  serverRestarted: { en: 'Pilot Plan language server restarted', zh: '碳达峰试点方案语言服务器已重启' },
  serverDidNotStart: {
    en: 'The Pilot Plan language server did not start. The output channel "Pilot Plan" has the log.',
    zh: '碳达峰试点方案语言服务器未能启动。日志见输出通道“Pilot Plan”。',
  },
  serverCrashed: {
    en: 'The Pilot Plan language server crashed {0} times in 3 minutes and will not be restarted. Run "Pilot Plan: Restart Language Server" to start it again; the output channel "Pilot Plan" has the log.',
    zh: '碳达峰试点方案语言服务器在 3 分钟内崩溃了 {0} 次，将不再自动重启。请运行“碳达峰试点方案: 重启语言服务器”重新启动；日志见输出通道“Pilot Plan”。',
  },
  checkingWorkspace: { en: 'Pilot Plan: checking the workspace…', zh: '碳达峰试点方案：正在检查工作区…' },
  checkFailed: { en: 'Pilot Plan: the workspace check failed. {0}', zh: '碳达峰试点方案：工作区检查失败。{0}' },
  checkSummary: {
    en: 'Pilot Plan: checked {0} plans ({1} files): {2} errors, {3} warnings, {4} infos.',
    zh: '碳达峰试点方案：已检查 {0} 个方案（{1} 个文件），共 {2} 个错误、{3} 个警告、{4} 条提示。',
  },
  severityError: { en: 'error', zh: '错误' },
  severityWarning: { en: 'warning', zh: '警告' },
  severityInfo: { en: 'info', zh: '提示' },
  ruleDocTitle: { en: 'Pilot Plan: rule documentation', zh: '碳达峰试点方案：规则说明' },
  ruleDocPlaceholder: { en: 'Pick a rule to read its documentation', zh: '选择一条规则以查看其说明' },
  notRuleCode: { en: 'Not a rule code: {0}', zh: '不是规则代码：{0}' },
  noRuleDoc: { en: 'No documentation for the rule {0}.', zh: '规则 {0} 没有说明文档。' },

  // New Plan (new-plan.ts).
  newPlanPilotTitle: { en: 'New pilot plan: which pilot?', zh: '新建试点方案：哪个试点？' },
  newPlanPilotPlaceholder: {
    en: 'A national pilot, by its Chinese or English name; else Another pilot',
    zh: '按中文或英文名称选择国家试点；不在名单中的请选“其他试点”',
  },
  // A listed pilot's description: type · province · batch.
  newPlanPilotDescription: { en: '{0} · {1} · batch {2}', zh: '{0} · {1} · 第{2}批' },
  newPlanPilotCity: { en: 'City', zh: '城市' },
  newPlanPilotPark: { en: 'Park', zh: '园区' },
  newPlanOtherPilot: { en: 'Another pilot (not on the national lists)', zh: '其他试点（不在国家名单中）' },
  newPlanOtherPilotDetail: { en: 'Type its facts in the next questions', zh: '在后续问题中填写试点信息' },
  newPlanTypeTitle: { en: 'New pilot plan: type of pilot', zh: '新建试点方案：试点类型' },
  newPlanCityDetail: { en: 'A pilot city (prefecture level or above)', zh: '试点城市（地级及以上）' },
  newPlanParkDetail: { en: 'A pilot industrial park (provincial level or above)', zh: '试点园区（省级及以上）' },
  newPlanNameTitle: { en: 'New pilot plan: name of the pilot', zh: '新建试点方案：试点名称' },
  newPlanCityNamePrompt: { en: "The city's name as the plan states it, e.g. 广州市", zh: '方案中写明的城市名称，例如 广州市' },
  newPlanParkNamePrompt: { en: "The park's name as the plan states it, e.g. 苏州工业园区", zh: '方案中写明的园区名称，例如 苏州工业园区' },
  newPlanNameEmpty: { en: 'The name must not be empty.', zh: '名称不能为空。' },
  newPlanProvinceTitle: { en: 'New pilot plan: province', zh: '新建试点方案：所在省份' },
  newPlanProvincePlaceholder: { en: 'The provincial-level division of the pilot', zh: '试点所在的省级行政区' },
  newPlanParkLevelTitle: { en: 'New pilot plan: level of the park', zh: '新建试点方案：园区级别' },
  newPlanNationalDetail: { en: 'A national-level park', zh: '国家级园区' },
  newPlanProvincialDetail: { en: 'A provincial-level park', zh: '省级园区' },
  newPlanIdTitle: { en: 'New pilot plan: plan ID', zh: '新建试点方案：方案 ID' },
  newPlanIdPrompt: {
    en: 'A short ID for the plan, unique in the workspace: the province code, the type and a number are suggested (e.g. GD-CITY-01); a short name such as GZ will do too.',
    zh: '方案的简短 ID，在工作区内不重复：默认为省份代码、类型和序号（例如 GD-CITY-01），也可以用 GZ 这样的简称。',
  },
  newPlanIdPattern: {
    en: 'Capital letters, digits and hyphens, starting with a letter (e.g. GZ, GD-CITY-01).',
    zh: '由大写字母、数字和连字符组成，以字母开头（例如 GZ、GD-CITY-01）。',
  },
  newPlanIdReserved: {
    en: 'The skeleton uses IDs starting with T-, P-, IND-, M-, A-, R-, RF- and ST-: pick another plan ID.',
    zh: '方案骨架中的 ID 以 T-、P-、IND-、M-、A-、R-、RF- 和 ST- 开头，请另选方案 ID。',
  },
  newPlanFolderTitle: { en: 'New pilot plan: folder', zh: '新建试点方案：所在文件夹' },
  newPlanFolderPrompt: {
    en: 'The folder of the plan, relative to {0} (empty: {0} itself) or absolute. A folder that does not exist is created.',
    zh: '方案所在的文件夹：相对于 {0} 的路径（留空即 {0} 本身）或绝对路径。文件夹不存在时将新建。',
  },
  newPlanFolderDialogTitle: { en: 'Folder for the new pilot plan', zh: '新试点方案所在的文件夹' },
  newPlanFolderDialogButton: { en: 'Create the plan here', zh: '在此创建方案' },
  newPlanCreateFolder: { en: 'The folder {0} does not exist. Create it?', zh: '文件夹 {0} 不存在，是否新建？' },
  newPlanCreateFolderButton: { en: 'Create Folder', zh: '新建文件夹' },
  newPlanNested: {
    en: 'The folder {0} is inside the plan {1} (its Plan file {2}).',
    zh: '文件夹 {0} 位于方案 {1} 之内（其 Plan 文件为 {2}）。',
  },
  newPlanNestedDetail: {
    en: 'The new plan will be a plan of its own, nested in {0}: the files in its folder and below will belong to the new plan, not to {0}. Create it there anyway?',
    zh: '新方案将是嵌套在 {0} 中的独立方案：其文件夹及子文件夹中的文件将属于新方案，而不属于 {0}。仍要在此创建吗？',
  },
  newPlanNestedButton: { en: 'Create Anyway', zh: '仍然创建' },
  newPlanUnknownType: { en: 'Unknown pilot type: {0} (city or park).', zh: '未知的试点类型：{0}（应为 city 或 park）。' },
  newPlanUnknownProvince: { en: 'Unknown province: {0}. Use the full name, e.g. 广东省.', zh: '未知的省份：{0}。请使用全称，例如 广东省。' },
  newPlanUnknownParkLevel: { en: 'Unknown park level: {0} (national or provincial).', zh: '未知的园区级别：{0}（应为 national 或 provincial）。' },
  newPlanNotAFolder: { en: '{0} is not a folder.', zh: '{0} 不是文件夹。' },
  newPlanFolderHoldsPlan: { en: 'The folder already holds a plan ({0}); choose another folder.', zh: '该文件夹中已有方案（{0}），请另选文件夹。' },
  newPlanFilesExist: { en: 'These files exist already: {0}', zh: '以下文件已存在：{0}' },
  newPlanOverwriteQuestion: { en: 'Overwrite them with the new plan?', zh: '是否用新方案覆盖这些文件？' },
  newPlanOverwriteButton: { en: 'Overwrite', zh: '覆盖' },
  newPlanCreated: {
    en: 'Created the pilot plan {0} in {1}: replace the placeholder figures with the real ones.',
    zh: '已在 {1} 中创建试点方案 {0}：请将示意数值替换为实际数值。',
  },
  newPlanNotCreated: { en: 'Pilot Plan: the new plan was not created. {0}', zh: '碳达峰试点方案：未能创建新方案。{0}' },

  // New Progress File (new-progress.ts).
  newProgressNoPlanFile: {
    en: 'Pilot Plan: open a file of the plan (a *.pilot.yaml file) to make its Progress file.',
    zh: '碳达峰试点方案：请先打开要报告进展的方案中的文件（*.pilot.yaml 文件）。',
  },
  newProgressDialogTitle: { en: 'Progress file for {0}', zh: '{0} 年度进展文件' },
  newProgressDialogButton: { en: 'Create', zh: '创建' },
  newProgressFilter: { en: 'Pilot plan files', zh: '试点方案文件' },
  newProgressExists: { en: 'Pilot Plan: {0} exists already and was left as it is. Fill it in, or choose another name.', zh: '碳达峰试点方案：{0} 已存在，未作改动。请直接填写该文件，或另选文件名。' },
  newProgressCreated: {
    en: 'Created {0}: replace each 待补充 with what happened in {1}.',
    zh: '已创建 {0}：请将每个“待补充”替换为 {1} 年的实际情况。',
  },
  newProgressFailed: { en: 'Pilot Plan: the Progress file was not created. {0}', zh: '碳达峰试点方案：未能创建进展文件。{0}' },

  // The plan tree in the Explorer (plan-tree.ts).
  planTreeTitle: { en: 'Pilot Plan', zh: '试点方案' },
  planTreeErrors: { en: '{0} errors', zh: '{0} 个错误' },
  planTreeWarnings: { en: '{0} warnings', zh: '{0} 个警告' },
  planTreeInfos: { en: '{0} infos', zh: '{0} 条提示' },
  planTreeNoFindings: { en: 'No problems', zh: '没有问题' },
  planTreeNotChecked: { en: 'Not checked yet', zh: '尚未检查' },
  planTreeGroupTooltip: { en: '{0}\n{1} entries · {2}', zh: '{0}\n共 {1} 项 · {2}' },
  planTreePlanTooltip: { en: 'Plan {0}\nFolder: {1}\n{2}', zh: '方案 {0}\n文件夹：{1}\n{2}' },
  planTreeOpen: { en: 'Go to the definition', zh: '转到定义' },
  overviewTitle: { en: 'Plan Overview', zh: '试点方案概览' },
  overviewNoPlan: { en: 'Open a pilot plan file (*.pilot.yaml) to see its plan’s overview.', zh: '请先打开试点方案文件（*.pilot.yaml），再查看其方案概览。' },
  overviewNoServer: { en: 'The Pilot Plan language server is not running yet.', zh: '碳达峰试点方案语言服务器尚未运行。' },

  // Export to Word / Excel (export.ts).
  exportNoPlan: { en: 'Open a pilot plan file (*.pilot.yaml) to export its plan.', zh: '请先打开试点方案文件（*.pilot.yaml），再导出其方案。' },
  exportNotInPlan: { en: 'This file belongs to no plan: no Plan file in its folder or above.', zh: '此文件不属于任何方案：所在文件夹及其上级中没有 Plan 文件。' },
  exporting: { en: 'Pilot Plan: exporting the plan…', zh: '碳达峰试点方案：正在导出方案…' },
  exportFailed: { en: 'Pilot Plan: the export failed. {0}', zh: '碳达峰试点方案：导出失败。{0}' },
  exportSaveTitle: { en: 'Save the plan as', zh: '将方案另存为' },
  exportWordFilter: { en: 'Word document', zh: 'Word 文档' },
  exportExcelFilter: { en: 'Excel workbook', zh: 'Excel 工作簿' },
  exportOverPlanFile: { en: 'Not written: {0} is a file of the plan.', zh: '未写出：{0} 是方案的文件。' },
  exportWritten: { en: 'Pilot Plan: wrote {0}.', zh: '碳达峰试点方案：已写出 {0}。' },
  exportOpen: { en: 'Open', zh: '打开' },
  exportReveal: { en: 'Show in Folder', zh: '在文件夹中显示' },
} as const satisfies Record<string, Entry>;

export type UiKey = keyof typeof UI_TEXT;

/**
 * Labels that name a choice in both languages at once, the same whichever the UI language
 * (a planner may know the term in either): each is Chinese, a space, English.
 */
export const BILINGUAL_LABELS = {
  city: '城市 City',
  park: '园区 Park',
  national: '国家级 National',
  provincial: '省级 Provincial',
} as const;

/** The sentence `key` in `locale`, `{0}`, `{1}`… replaced by `args`. */
export function uiText(locale: ServerLocale, key: UiKey, ...args: (string | number)[]): string {
  const entry: Entry = UI_TEXT[key];
  const text = locale === 'zh-CN' ? entry.zh : entry.en;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
