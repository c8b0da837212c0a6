/**
 * The plan as a Word document (`pilot-plan export --format docx`), laid out as Chinese
 * government documents are (GB/T 9704): A4, the title in 方正小标宋 二号, section headings
 * 一、 in 黑体, subsections （一） in 楷体, items 1. and body text in 仿宋 三号, 28-point lines,
 * then the annex tables. English: the same structure numbered 1., 1.1, (1).
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Locale } from '../i18n/messages';
import type { PlanReport } from '../report/model';
import { buildOutline, type Outline, type OutlineItem } from './outline';

/**
 * The font names official documents specify, Chinese first. A machine without them (Linux, most
 * Macs) gets its office suite's substitute for the script: LibreOffice asks fontconfig, which
 * picks an installed Chinese font (WenQuanYi Micro Hei, Noto Sans CJK).
 */
export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, annexTitle: 36, table: 21 } as const;
/** 28-point fixed line spacing, in twentieths of a point. */
const LINE = 560;
/** Two characters of 三号 text: the first-line indent of every paragraph. */
const INDENT = 640;
const MM = 56.7;

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin }, size, ...extra });
}

function body(children: TextRun[], indent = true): Paragraph {
  return new Paragraph({ children, indent: indent ? { firstLine: INDENT } : undefined, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED });
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** The numbers of a section, subsection and item: 一、 （一） 1. in Chinese, 1. 1.1 (1) in English. */
function numbering(locale: Locale) {
  return locale === 'zh-CN'
    ? { section: (s: number) => `${chineseNumber(s)}、`, sub: (_s: number, n: number) => `（${chineseNumber(n)}）`, item: (n: number) => `${n}.` }
    : { section: (s: number) => `${s}. `, sub: (s: number, n: number) => `${s}.${n} `, item: (n: number) => `(${n}) ` };
}

function itemParagraph(number: string, item: OutlineItem): Paragraph {
  const runs = [run(number, FONTS.body, SIZE.body)];
  if (item.head) runs.push(run(item.head, FONTS.body, SIZE.body, { bold: true }));
  if (item.text) runs.push(run(item.text, FONTS.body, SIZE.body));
  return body(runs);
}

/** The width of a landscape A4 page between the annexes' margins (297 − 30 − 28 mm), in twentieths of a point. */
const ANNEX_WIDTH = Math.round((297 - 58) * MM);

function table(header: string[], weights: number[], rows: string[][]): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((ANNEX_WIDTH * w) / sum));
  const cell = (text: string, head: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, head ? FONTS.heading : FONTS.body, SIZE.table)] })],
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new Table({
    width: { size: ANNEX_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, false, i)) }))],
  });
}

/** The Word document's paragraphs and tables: the body, then each annex on a landscape page of its own. */
function documentOf(outline: Outline, locale: Locale): Document {
  const n = numbering(locale);
  const main: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, line: 700, lineRule: LineRuleType.AT_LEAST }, children: [run(outline.title, FONTS.title, SIZE.title)] }),
  ];
  if (outline.byline) main.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(outline.byline, FONTS.body, SIZE.body)] }));
  outline.sections.forEach((s, si) => {
    main.push(body([run(n.section(si + 1) + s.title, FONTS.heading, SIZE.body)]));
    for (const p of s.paragraphs) main.push(body([run(p, FONTS.body, SIZE.body)]));
    let sub = 0;
    let item = 0;
    for (const x of s.subs) {
      if (x.title !== undefined) {
        main.push(body([run(n.sub(si + 1, ++sub) + x.title, FONTS.subheading, SIZE.body)]));
        item = 0;
      }
      for (const p of x.paragraphs) main.push(body([run(p, FONTS.body, SIZE.body)]));
      for (const it of x.items) main.push(itemParagraph(n.item(++item), it));
    }
  });
  const annexes = outline.annexes.map((a) => ({
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 28 * MM, bottom: 28 * MM, left: 30 * MM, right: 28 * MM } } },
    children: [
      new Paragraph({ children: [run(a.label, FONTS.heading, SIZE.body)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [run(a.title, FONTS.title, SIZE.annexTitle)] }),
      table(a.header, a.weights, a.rows),
    ],
  }));
  return new Document({
    title: outline.title,
    creator: 'pilot-plan',
    styles: { default: { document: { run: { font: { eastAsia: FONTS.body, ascii: FONTS.latin, hAnsi: FONTS.latin }, size: SIZE.body } } } },
    sections: [
      // GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
      { properties: { page: { margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children: main },
      ...annexes,
    ],
  });
}

/** The plan as a .docx file's bytes. */
export async function renderDocx(report: PlanReport, opts: { locale: Locale }): Promise<Uint8Array> {
  const outline = buildOutline(report, opts.locale);
  return new Uint8Array(await Packer.toBuffer(documentOf(outline, opts.locale)));
}
