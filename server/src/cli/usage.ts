/** Help text and usage errors, in the locale of the environment. */
import { localeFromEnv } from '../engine/i18n/messages';
import { terminalText } from './formats/escape';
import { version } from '../../../package.json';

export const VERSION = version;

const HELP_EN = `pilot-plan ${version} — checks carbon peak pilot implementation plans

Usage:
  pilot-plan check [PATH…] [options]   check files, folders (recursively) and globs; - reads stdin;
                                        a pilot-plan.config.yaml checks the plan it configures
  pilot-plan report PATH [options]      a report of one plan (its folder or a file of it): summary,
                                        indicators and targets with charts, investment, timeline,
                                        dependencies, mechanisms, risks and the check's findings
  pilot-plan export PATH --format docx|xlsx [options]
                                        one plan as a Word document laid out as a government plan
                                        (sections, annex tables), or an Excel workbook for review
  pilot-plan lsp --stdio                run the language server for any LSP client

Options of check:
  --format stylish|json|sarif|junit|github|markdown   output format (default: stylish)
  --output FILE          write the report to FILE instead of standard output
  --fail-on error|warning|info|never   lowest severity that fails (default: error)
  --locale en|zh-CN      language of messages (default: from LANG / LC_ALL)
  --stdin-filename PATH  the path of the file read from - (finds its plan)
  --whole-plans          report every file of the plans the files given belong to
  --color, --no-color    force colours on or off (stylish)
  -h, --help             show this help
  -v, --version          show the version

Options of report:
  --format html|md       a self-contained HTML page (default) or Markdown with Mermaid charts
  --output FILE          write the report to FILE instead of standard output
  --locale en|zh-CN      language of the report (default: from LANG / LC_ALL)

Options of export:
  --format docx|xlsx     Word: the plan's text, numbered 一、（一）1., and its annex tables;
                         Excel: tasks, projects, indicators and findings, with a review column
  --output FILE          the file to write (default: the plan folder's name, .docx or .xlsx)
  --locale en|zh-CN      language of the headings (default: from LANG / LC_ALL)

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it;
2 a usage error or a path that cannot be read (the other files are still checked).
report, export: 0 the file is written (whatever the check finds); 2 a usage error, or no plan at PATH.
`;

const HELP_ZH = `pilot-plan ${version} — 碳达峰试点实施方案检查工具

用法：
  pilot-plan check [路径…] [选项]        检查文件、目录（递归）和通配符；- 表示读取标准输入；
                                         给出 pilot-plan.config.yaml 则检查它所配置的方案
  pilot-plan report 路径 [选项]          生成一个方案（其目录或其中文件）的报告：概况、指标与目标图表、
                                         投资、时间安排、任务依赖、政策机制、风险和检查发现的问题
  pilot-plan export 路径 --format docx|xlsx [选项]
                                         将一个方案导出为按政府实施方案版式排版的 Word 文档
                                         （章节、附件表格），或供审阅的 Excel 工作簿
  pilot-plan lsp --stdio                 为任意 LSP 客户端运行语言服务器

check 选项：
  --format stylish|json|sarif|junit|github|markdown   输出格式（默认 stylish）
  --output 文件          将报告写入文件而不是标准输出
  --fail-on error|warning|info|never   达到该级别即失败（默认 error）
  --locale en|zh-CN      消息语言（默认取自 LANG / LC_ALL）
  --stdin-filename 路径  标准输入所代表的文件路径（用于查找所属方案）
  --whole-plans          报告所给文件所属方案中的全部文件
  --color, --no-color    强制开启或关闭颜色（stylish）
  -h, --help             显示帮助
  -v, --version          显示版本

report 选项：
  --format html|md       自包含的 HTML 页面（默认）或含 Mermaid 图表的 Markdown
  --output 文件          将报告写入文件而不是标准输出
  --locale en|zh-CN      报告语言（默认取自 LANG / LC_ALL）

export 选项：
  --format docx|xlsx     Word：方案正文（一、（一）1. 编号）和附件表格；
                         Excel：任务、项目、指标和检查结果，含审阅意见列
  --output 文件          写入的文件（默认以方案目录名命名，.docx 或 .xlsx）
  --locale en|zh-CN      标题语言（默认取自 LANG / LC_ALL）

退出状态：0 无达到 --fail-on 级别的问题；1 有达到该级别的问题；
2 用法错误或路径无法读取（其余文件仍会检查）。
report、export：0 文件已写出（无论检查发现什么问题）；2 用法错误或该路径下没有方案。
`;

export function USAGE(locale = localeFromEnv()): string {
  return locale === 'zh-CN' ? HELP_ZH : HELP_EN;
}

export function usageError(en: string, zh: string, locale = localeFromEnv()): number {
  const text = locale === 'zh-CN' ? `pilot-plan：${zh}。运行 \`pilot-plan --help\` 查看用法。` : `pilot-plan: ${en}. Run \`pilot-plan --help\` for usage.`;
  process.stderr.write(terminalText(text) + '\n'); // it may quote an argument, which may hold anything
  return 2;
}
