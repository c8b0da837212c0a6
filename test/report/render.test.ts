/**
 * The report's renderers: the HTML of a shipped example checked structurally (a chart per
 * indicator, every name and the total, no script, nothing to load), text from a plan made
 * inert in both media, and the Markdown of the fixture against its golden files
 * (UPDATE_GOLDEN=1 rewrites them; review the diff).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runReport } from '../../server/src/cli/report-run';
import { renderHtml, escapeHtml } from '../../server/src/engine/report/html';
import { renderMarkdown } from '../../server/src/engine/report/markdown';
import { byAreaOption, byYearOption, ChartPainter, dueOption, ganttOption, renderChart } from '../../server/src/engine/report/charts';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { repoRoot } from '../util/plan';
import { FIXTURE, fixtureReport } from './fixture';

const ROOT = repoRoot();

/** Every `http://` or `https://` inside a tag (an attribute: something to load), not in text. */
function urlsInTags(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/https?:\/\/[^\s"'<>)]*/g)) {
    const before = html.slice(0, m.index);
    if (before.lastIndexOf('<') > before.lastIndexOf('>')) out.push(m[0]);
  }
  return out;
}

describe('report: HTML of examples/guangzhou', () => {
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    describe(locale, () => {
      let html: string;
      before(() => {
        const run = runReport(path.join(ROOT, 'examples', 'guangzhou'), { cwd: ROOT, locale, format: 'html', version: '0.0.0-test' });
        assert.deepEqual(run.problems, []);
        html = run.text!;
      });

      it('draws one SVG chart per indicator card, with every indicator’s name', () => {
        const cards = html.split('<div class="card">').slice(1).map((c) => c.split('</div>')[0]);
        assert.equal(cards.length, 11);
        for (const card of cards) assert.equal(card.split('<svg').length - 1, 1, card.slice(0, 200));
        const names = fs.readFileSync(path.join(ROOT, 'examples/guangzhou/indicators.pilot.yaml'), 'utf8').matchAll(locale === 'en' ? /^ {4}nameEn: (.+)$/gm : /^ {4}name: (.+)$/gm);
        let n = 0;
        for (const [, name] of names) {
          n++;
          assert.ok(html.includes(`<h3>${escapeHtml(name.trim())} <code>`), `${name} is not a card's heading`);
        }
        assert.equal(n, 11);
      });

      it('has the charts of investment by area and by year, the timeline and the tasks due', () => {
        assert.equal(html.split('<svg').length - 1, 11 + 4);
        assert.ok(html.includes(locale === 'en' ? 'Investment by task area' : '按任务领域的投资'));
      });

      it('states the total investment, stated and of the projects', () => {
        assert.match(html, /185\.3 亿元/);
        assert.match(html, /185\.26 亿元/);
      });

      it('is self-contained: no script, no remote resource, a policy that forbids loading any, fonts with Chinese glyphs named', () => {
        assert.doesNotMatch(html, /<script/i);
      // A page's style rules reach every SVG in it: no class name of one chart is another's.
      const owner = new Map<string, number>();
      html.split('<svg').slice(1).forEach((svg, i) => {
        for (const [, c] of svg.split('</svg>')[0].matchAll(/class="([^"]+)"/g)) {
          assert.equal(owner.get(c) ?? i, i, `${c} is in charts ${owner.get(c)} and ${i}`);
          owner.set(c, i);
        }
      });
      // ECharts' four charts have class names; the indicators' charts (indicator-svg.ts) have none, and no id.
      assert.ok(owner.size >= 4, `${owner.size} class names`);
      for (const card of html.split('<div class="card">').slice(1)) assert.doesNotMatch(card.split('<svg')[1].split('</svg>')[0], /\s(?:class|id)="/);
      // And every url(#id) (clip paths) finds its element in its own chart, each id once in the page.
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length, 'an id is used twice');
      const svgs = html.split('<svg').slice(1).map((s) => s.split('</svg>')[0]);
      for (const svg of svgs)
        for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) assert.ok(svg.includes(` id="${ref}"`), `url(#${ref}) is not in its chart`);
        assert.deepEqual(urlsInTags(html), []);
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
        assert.match(html, /font-family: [^;]*'WenQuanYi Micro Hei'/);
        assert.match(html, /font-family: [^;]*'Noto Sans CJK SC'/);
        // Every chart label names them too, in a style attribute that holds together (a double quote would end it).
        const styles = [...html.matchAll(/<text [^>]*style="([^"]*)"/g)].map((m) => m[1]);
        assert.ok(styles.length > 20);
        for (const s of styles) assert.match(s, /font-family:'Noto Sans CJK SC', [^;]*'WenQuanYi Micro Hei'/);
        // The indicators' charts name them once, on the chart, in an attribute that holds together.
        const roots = [...html.matchAll(/<svg [^>]*role="img"[^>]*>/g)].map((m) => m[0]);
        assert.equal(roots.length, 11);
        for (const r of roots) assert.match(r, / font-family="'Noto Sans CJK SC', [^"]*'WenQuanYi Micro Hei'[^"]*"/);
        assert.match(html, /@media print/);
        assert.match(html, /@page \{ size: A4/);
        assert.ok(html.includes(`<html lang="${locale}">`));
      });

      it('labels charts in the locale', () => {
        const other = locale === 'en' ? '方案（基期值与目标值）' : 'Plan (baseline and targets)';
        const own = locale === 'en' ? 'Plan (baseline and targets)' : '方案（基期值与目标值）';
        assert.ok(html.includes(own));
        assert.ok(!html.includes(other));
      });
    });
  }

  it('the urlsInTags check finds a URL in an attribute and ignores one in text', () => {
    assert.deepEqual(urlsInTags('<p>see https://example.org</p><img src="https://x.example/a.png">'), ['https://x.example/a.png']);
  });
});

describe('report: text from the plan is inert', () => {
  const hostile = {
    ...FIXTURE,
    'indicators.pilot.yaml': FIXTURE['indicators.pilot.yaml'].replace('name: 光伏发电装机容量', 'name: "</text><script>alert(1)</script><img src=https://evil.example/x>"'),
    'projects.pilot.yaml': FIXTURE['projects.pilot.yaml'].replace('name: 屋顶光伏', 'name: "a | b ** [x](https://evil.example) :p9, 2020-01-01, 2099-01-01\\n```"'),
  };
  const report = fixtureReport('en', {}, hostile);

  it('in HTML, charts included: no element made from it, nothing loaded', () => {
    const html = renderHtml(report, { locale: 'en', version: 't' });
    assert.doesNotMatch(html, /<script|<img/i);
    assert.deepEqual(urlsInTags(html), []);
  });

  it('in Markdown: no link, no early end of a code block, no extra gantt task, no broken table row', () => {
    const md = renderMarkdown(report, { locale: 'en', version: 't' });
    assert.doesNotMatch(md, /(?<!\\)\]\(/);
    assert.doesNotMatch(md, /<script|<img/i);
    const fences = md.split('\n').filter((l) => l.startsWith('```'));
    assert.equal(fences.length % 2, 0);
    const gantt = md.split('```mermaid\ngantt\n')[1].split('```')[0];
    assert.ok(!gantt.includes(':p9'), 'a name added a gantt task');
    assert.equal(gantt.split('\n').filter((l) => / :p\d+, /.test(l)).length, 4);
    for (const row of md.split('\n').filter((l) => l.startsWith('| P') || l.includes('`P-PV`'))) {
      assert.doesNotMatch(row.replace(/\\\|/g, ''), /a \| b/);
    }
  });
});

describe('report: charts', () => {
  it('a chart drawn on a reused instance has the elements a fresh one draws: nothing of the one before is kept', () => {
    const report = fixtureReport('zh-CN');
    const options = [byAreaOption(report, 'zh-CN'), byYearOption(report), dueOption(report), ganttOption(report, 'zh-CN').option];
    const painter = new ChartPainter();
    try {
      // Every option after every other, on one instance of one size.
      for (const option of [...options].reverse().concat(options)) {
        // Each chart's class names are its own (numbered by the painter).
        // Elements of equal z may come in another order; each is the same.
        const same = (svg: string) => svg.replace(/chart\d+-/g, 'chart-').replace(/cls-\d+/g, 'cls').split('\n').sort().join('\n');
        assert.equal(same(painter.paint(option, 720, 260).svg), same(renderChart(option, 720, 260).svg));
      }
    } finally {
      painter.dispose();
    }
  });
});

describe('report: Markdown (golden)', () => {
  for (const locale of ['en', 'zh-CN'] as Locale[]) {
    it(`the fixture in ${locale}`, () => {
      const md = renderMarkdown(fixtureReport(locale), { locale, version: '0.0.0-test' });
      const file = path.join(ROOT, 'test', 'golden', 'report', `fixture.${locale}.md`);
      if (process.env.UPDATE_GOLDEN) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, md);
        return;
      }
      assert.ok(fs.existsSync(file), `golden file ${path.relative(ROOT, file)} is missing: run with UPDATE_GOLDEN=1, review and commit it`);
      assert.equal(md, fs.readFileSync(file, 'utf8'));
    });
  }

  it('draws the timeline as a Mermaid gantt chart and investment by year as an xy chart', () => {
    const md = renderMarkdown(fixtureReport('en'), { locale: 'en', version: 't' });
    assert.match(md, /```mermaid\ngantt\n {4}dateFormat YYYY-MM-DD\n/);
    assert.match(md, / {4}电网与建筑综合改造 :p0, 2024-07-01, 2025-07-01\n/);
    assert.match(md, / {4}屋顶光伏 :p1, 2025-01-01, 2027-01-01\n/);
    assert.match(md, /milestone, t0, 2027-12-31, 0d/);
    assert.match(md, /```mermaid\nxychart-beta\n[^`]*x-axis \[2024, 2025, 2026\]\n[^`]*bar \[6, 8\.5, 5\.5\]\n```/);
  });
});

describe('report: plans with faults', () => {
  const broken = path.join(ROOT, 'examples', 'broken');
  for (const name of fs.readdirSync(broken).filter((n) => fs.statSync(path.join(broken, n)).isDirectory())) {
    it(`examples/broken/${name}: a report in both formats, or the sentence that there is no plan`, () => {
      for (const format of ['html', 'md'] as const) {
        const run = runReport(path.join(broken, name), { cwd: ROOT, locale: 'en', format, version: 't' });
        if (run.text === undefined) assert.match(run.problems.join('\n'), /no plan here/);
        else assert.ok(run.text.length > 1000);
      }
    });
  }

  it('a plan with nothing but its Plan file says “None.” where it has nothing', () => {
    const report = fixtureReport('en', {}, { 'plan.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: EMPTY\n' });
    const html = renderHtml(report, { locale: 'en', version: 't' });
    assert.equal(html.split('<svg').length - 1, 0);
    assert.ok(html.split('None.').length - 1 >= 6);
    const md = renderMarkdown(report, { locale: 'en', version: 't' });
    assert.doesNotMatch(md, /```mermaid/);
  });
});

describe('report: Markdown of a big plan', () => {
  it('lists at most MAX_ROWS rows a table, counts the rest, and fits a pull-request comment (65,536 characters)', () => {
    const n = 400;
    const tasks = Array.from({ length: n }, (_, i) => `  - id: T-${i}\n    title: 任务${i}，推进重点领域节能降碳改造\n    area: industry\n    lead: 部门${i % 7}\n    due: ${2025 + (i % 6)}\n${i ? `    dependsOn: [T-${i - 1}]\n` : ''}`).join('');
    const projects = Array.from({ length: n }, (_, i) => `  - id: P-${i}\n    name: 项目${i}，重点用能单位节能改造工程\n    tasks: [T-${i}]\n    start: 2024-0${1 + (i % 9)}\n    end: 2027\n    investment: { value: ${1 + (i % 5)}, unit: 亿元 }\n`).join('');
    const indicators = Array.from({ length: n }, (_, i) => `  - id: IND-${i}\n    name: 指标${i}\n    type: level\n    unit: 万kW\n    direction: increase\n    baseline: { year: 2020, value: ${i} }\n    targets:\n      - { year: 2025, value: ${i + 10} }\n`).join('');
    const tree = {
      'plan.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: BIG\npilot:\n  name: 大市\n  type: city\n  province: 广东省\nbaseYear: 2020\ntargetYears: [2025, 2030]\n',
      'tasks.pilot.yaml': `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n${tasks}`,
      'projects.pilot.yaml': `apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n${projects}`,
      'indicators.pilot.yaml': `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n${indicators}`,
    };
    const report = fixtureReport('zh-CN', {}, tree);
    assert.equal(report.indicators.length, n);
    const md = renderMarkdown(report, { locale: 'zh-CN', version: 't' });
    assert.ok(md.length < 65536, `${md.length} characters`);
    assert.match(md, /……另有 350 行，HTML 报告列出全部。/);
    assert.ok(md.includes('`IND-49`') && !md.includes('`IND-50`'));
  });
});
