/**
 * `pilot-plan export` as users run it (the built dist/cli.js): the Excel workbook read back with
 * exceljs, the Word document opened by a real office suite (LibreOffice, converted to text and
 * PDF), every entry of examples/guangzhou in both; bad arguments a sentence and status 2; and the
 * checker's bundle without docx or exceljs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { load } from 'js-yaml';
import { cli, ROOT } from './run-cli';

const EXAMPLE = nodePath.join(ROOT, 'examples', 'guangzhou');

type Entry = { id: string; title?: string; name?: string; nameEn?: string; titleEn?: string };

/** Every entry of a list in the example's files, read here with js-yaml: not the way the exporter reads them. */
function exampleEntries(list: 'tasks' | 'projects' | 'indicators'): Entry[] {
  const out: Entry[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = nodePath.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.pilot.yaml')) {
        const doc = load(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;
        if (Array.isArray(doc?.[list])) out.push(...(doc[list] as Entry[]));
      }
    }
  };
  walk(EXAMPLE);
  return out;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The sections the example's plan has, in the order of a government plan, after 总体要求, 主要目标, 重点任务, 重点工程. */
function exampleSections(): [string, string][] {
  const plan = load(fs.readFileSync(nodePath.join(EXAMPLE, 'plan.pilot.yaml'), 'utf8')) as Record<string, unknown>;
  const optional: [string, string, string][] = [
    ['technology', '科技创新', 'Science and technology'],
    ['reforms', '改革创新点', 'Reforms and innovation'],
    ['mechanisms', '政策机制', 'Policy mechanisms'],
    ['actions', '全民行动', 'Public actions'],
    ['safeguards', '保障措施', 'Safeguards'],
    ['risks', '风险防范', 'Risk prevention'],
  ];
  return [
    ['总体要求', 'General requirements'],
    ['主要目标', 'Main goals'],
    ['重点任务', 'Key tasks'],
    ['重点工程', 'Key projects'],
    ...optional.filter(([key]) => Array.isArray(plan[key]) && (plan[key] as unknown[]).length).map(([, zh, en]): [string, string] => [zh, en]),
  ];
}

/** The office suite, where installed: Debian's libreoffice-writer-nogui puts it here. */
function soffice(): string | undefined {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) if (fs.existsSync(p)) return p;
  return undefined;
}

/** Converts `file` with LibreOffice (its own profile, a time limit) and returns the converted file's path. */
function convert(office: string, file: string, to: string, outDir: string): string {
  const profile = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-soffice-'));
  try {
    const r = spawnSync(office, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], { encoding: 'utf8', timeout: 180000 });
    assert.equal(r.error, undefined, `soffice: ${r.error?.message}`);
    const out = nodePath.join(outDir, `${nodePath.basename(file).replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`);
    assert.ok(fs.existsSync(out), `soffice did not convert ${file} to ${to}:\n${r.stdout}\n${r.stderr}`);
    return out;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe('pilot-plan export', function () {
  this.timeout(240000);
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-export-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const tasks = exampleEntries('tasks');
  const projects = exampleEntries('projects');
  const indicators = exampleEntries('indicators');

  it('reads the example: tasks, projects and indicators to look for', () => {
    assert.ok(tasks.length >= 10 && projects.length >= 5 && indicators.length >= 5, `${tasks.length} ${projects.length} ${indicators.length}`);
  });

  describe('Excel', () => {
    async function workbook(locale: string): Promise<ExcelJS.Workbook> {
      const out = nodePath.join(tmp, `plan-${locale}.xlsx`);
      const r = cli(['export', 'examples/guangzhou', '--format', 'xlsx', '--locale', locale, '--output', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout + r.stderr, '');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      return wb;
    }
    const column = (ws: ExcelJS.Worksheet, header: string): string[] => {
      const headers = (ws.getRow(1).values as unknown[]).map(String);
      const i = headers.indexOf(header);
      assert.ok(i > 0, `no column ${header} in ${ws.name}: ${headers.join(' | ')}`);
      return ws.getColumn(i).values.slice(2).map((v) => String(v ?? ''));
    };

    for (const locale of ['zh-CN', 'en']) {
      it(`has every task, project and indicator of the example, a row each, in ${locale}`, async () => {
        const wb = await workbook(locale);
        assert.deepEqual(
          wb.worksheets.map((w) => w.name),
          ['任务 Tasks', '项目 Projects', '指标 Indicators', '检查结果 Findings'],
        );
        const sheets: [string, Entry[], string, (e: Entry) => string][] = [
          ['任务 Tasks', tasks, '任务 Task', (e) => (locale === 'en' ? (e.titleEn ?? e.title!) : e.title!)],
          ['项目 Projects', projects, '项目 Project', (e) => (locale === 'en' ? (e.nameEn ?? e.name!) : e.name!)],
          ['指标 Indicators', indicators, '指标 Indicator', (e) => (locale === 'en' ? (e.nameEn ?? e.name!) : e.name!)],
        ];
        for (const [name, want, nameHeader, nameOf] of sheets) {
          const ws = wb.getWorksheet(name)!;
          assert.deepEqual(column(ws, '标识 ID'), want.map((e) => e.id), name);
          assert.deepEqual(column(ws, nameHeader), want.map((e) => nameOf(e).trim()), name);
          // Frozen header, filters over it, and the reviewers' column last.
          assert.equal(ws.views[0]?.state, 'frozen');
          assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
          assert.ok(ws.autoFilter, `${name} has no filter`);
          const headers = (ws.getRow(1).values as unknown[]).filter((v) => v !== undefined).map(String);
          assert.equal(headers.at(-1), '审阅意见 Review');
        }
        // Target years as columns of their own, numbers.
        const co2 = indicators.findIndex((i) => i.id === 'IND-CO2-INTENSITY');
        assert.equal(column(wb.getWorksheet('指标 Indicators')!, '2025年目标 Target 2025')[co2], '18');
        // Words that are not the plan's own follow the locale.
        const area = column(wb.getWorksheet('任务 Tasks')!, '领域 Area')[0];
        assert.equal(area, locale === 'en' ? 'Energy transition' : '能源绿色低碳转型');
      });
    }

    it('lists the findings of a plan that has some: file, line, rule, severity and the message in the locale', async () => {
      for (const [locale, severity, words] of [
        ['en', 'error', /cycle/i],
        ['zh-CN', '错误', /循环/],
      ] as const) {
        const out = nodePath.join(tmp, `cycle-${locale}.xlsx`);
        const r = cli(['export', 'examples/broken/dependency-cycle', '--format', 'xlsx', '--locale', locale, '--output', out]);
        assert.equal(r.status, 0, r.stderr);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        const ws = wb.getWorksheet('检查结果 Findings')!;
        const rules = column(ws, '规则 Rule');
        const i = rules.indexOf('dependency-cycle');
        assert.ok(i >= 0, rules.join(', '));
        assert.match(column(ws, '文件 File')[i], /\.pilot\.yaml$/);
        assert.match(column(ws, '行 Line')[i], /^\d+$/);
        assert.equal(column(ws, '级别 Severity')[i], severity);
        assert.match(column(ws, '说明 Message')[i], words);
      }
    });
  });

  describe('Word, opened by LibreOffice', function () {
    let office: string | undefined;
    before(function () {
      office = soffice();
      if (office) return;
      // In CI the office suite is installed (.ci/run): its absence is a failure there, not a skip.
      if (process.env.CI) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui');
      console.log('    (skipped: LibreOffice is not installed here; install libreoffice-writer-nogui to run these tests)');
      this.skip();
    });

    function exported(locale: string): { docx: string; text: string } {
      const dir = nodePath.join(tmp, `docx-${locale}`);
      fs.mkdirSync(dir, { recursive: true });
      const docx = nodePath.join(dir, 'plan.docx');
      const r = cli(['export', 'examples/guangzhou', '--format', 'docx', '--locale', locale, '--output', docx]);
      assert.equal(r.status, 0, r.stderr);
      const txt = convert(office!, docx, 'txt:Text', dir);
      return { docx, text: fs.readFileSync(txt, 'utf8').replace(/^\uFEFF/, '') };
    }

    /** The lines of `text` that start with each of `heads`, in that order. */
    function inOrder(text: string, heads: string[]): void {
      const lines = text.split(/\r?\n/);
      let at = -1;
      for (const h of heads) {
        const i = lines.findIndex((l, k) => k > at && l.startsWith(h));
        assert.ok(i > at, `no line starting “${h}” after line ${at + 1}`);
        at = i;
      }
    }

    it('in Chinese: the title, sections 一、 to 十、 with （一） subsections and 1. items, and the annex tables with every entry', () => {
      const { docx, text } = exported('zh-CN');
      assert.equal(text.split(/\r?\n/)[0], '广州市碳达峰试点实施方案');
      inOrder(text, ['一、总体要求', '（一）功能定位', '（二）编制依据', '1.《国家碳达峰试点建设方案》', '（三）建设基础', '二、主要目标', '（一）约束性指标', '1.单位地区生产总值二氧化碳排放降低', '三、重点任务', '（一）能源绿色低碳转型', '1.', '四、重点工程', '1.']);
      inOrder(text, [...exampleSections().map(([zh], i) => `${CN[i]}、${zh}`), '附件1', '重点任务表', '附件2', '重点项目表', '附件3', '指标表']);
      // Targets as the documents state them.
      assert.match(text, /非化石能源消费比重（2020年基期值26\.5%）：到2025年32%以上、到2030年35%左右。/);
      // The annex tables: every task, project and indicator by its ID and name.
      const annex = text.slice(text.indexOf('附件1'));
      for (const e of [...tasks, ...projects, ...indicators]) {
        assert.ok(annex.includes(e.id), `${e.id} is not in the annexes`);
        assert.ok(annex.includes((e.title ?? e.name)!.trim()), `${e.id}'s name is not in the annexes`);
      }
      // A PDF, as the office suite lays it out: pages, with a Chinese font in it.
      const pdf = fs.readFileSync(convert(office!, docx, 'pdf', nodePath.dirname(docx))).toString('latin1');
      assert.ok((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length >= 4, 'the PDF has fewer than 4 pages');
    });

    it('in English: the same structure numbered 1., 1.1, with English headings', () => {
      const { text } = exported('en');
      assert.equal(text.split(/\r?\n/)[0], 'Guangzhou Carbon Peak Pilot Implementation Plan');
      inOrder(text, ['1. General requirements', '1.1 Positioning', '1.2 Documents followed', '1.3 Starting conditions', '2. Main goals', '2.1 Binding indicators', '(1) Reduction of CO2 emissions per unit of GDP', '3. Key tasks', '3.1 Energy transition', '(1) ', '4. Key projects']);
      inOrder(text, [...exampleSections().map(([, en], i) => `${i + 1}. ${en}`), 'Annex 1', 'Key tasks', 'Annex 3', 'Indicators']);
      const annex = text.slice(text.indexOf('Annex 1'));
      for (const e of [...tasks, ...projects, ...indicators]) assert.ok(annex.includes(e.id), `${e.id} is not in the annexes`);
    });
  });

  it('without --output: a file named for the plan folder, in the current folder', () => {
    const cwd = fs.mkdtempSync(nodePath.join(tmp, 'cwd-'));
    const r = cli(['export', nodePath.join(EXAMPLE, 'tasks'), '--format', 'xlsx', '--locale', 'en'], { cwd });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'Wrote guangzhou.xlsx.\n');
    assert.equal(fs.readFileSync(nodePath.join(cwd, 'guangzhou.xlsx')).subarray(0, 2).toString(), 'PK');
  });

  const bad: [string, string[], RegExp][] = [
    ['no format', ['export', 'examples/guangzhou'], /export needs --format docx or --format xlsx/],
    ['an unknown format', ['export', 'examples/guangzhou', '--format', 'pdf'], /--format must be docx or xlsx, not `pdf`/],
    ['no path', ['export', '--format', 'docx'], /export takes one PATH/],
    ['an unknown option', ['export', 'examples/guangzhou', '--format', 'docx', '--fail-on', 'error'], /unknown option `--fail-on`/],
    ['a folder with no plan', ['export', 'docs', '--format', 'docx'], /docs: no plan here/],
    ['an export over a plan file', ['export', 'examples/guangzhou', '--format', 'docx', '--output', 'examples/guangzhou/plan.pilot.yaml'], /not written: a pilot plan file/],
  ];
  for (const [what, args, message] of bad) {
    it(`${what}: a sentence and status 2`, () => {
      const before = fs.readFileSync(nodePath.join(EXAMPLE, 'plan.pilot.yaml'), 'utf8');
      const r = cli(args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(fs.readFileSync(nodePath.join(EXAMPLE, 'plan.pilot.yaml'), 'utf8'), before);
    });
  }

  it('says in Chinese what is wrong, with the locale asked for', () => {
    const r = cli(['export', 'examples/guangzhou', '--format', 'pdf', '--locale', 'zh-CN']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format 只能是 docx 或 xlsx，而不是 `pdf`/);
  });

  it('is in the help, in both languages', () => {
    assert.match(cli(['--help']).stdout, /pilot-plan export PATH --format docx\|xlsx/);
    assert.match(cli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /pilot-plan export 路径 --format docx\|xlsx/);
  });
});
