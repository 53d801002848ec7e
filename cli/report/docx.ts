/**
 * Report → Word document with the `docx` library. mdast has no maintained converter to DOCX, so
 * the few node types the reports use (headings, paragraphs, lists, tables, the roadmap) are
 * mapped here by hand. Headings use Word's built-in heading styles (navigation pane, table of
 * contents), table header rows repeat on every page, and the roadmap is a PNG drawn by headless
 * Chromium – or, without a browser, its Mermaid source with a note.
 */
import type { PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
  TableOfContents,
} from 'docx';
import { diagramLookup, withTextAlternatives, type ReportDocument } from '../../strategy/report/index';
import { longWordLength } from './long-words';

export interface DocxOptions {
  generator?: string;
  note?: (line: string) => void;
  /** Pre-rendered diagram PNGs by diagram id (tests); default: rendered with Chromium when available. */
  images?: ReadonlyMap<string, Uint8Array> | null;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const MONO = 'Consolas';
const HEADER_FILL = 'EEF1F4';
const LABELS = {
  de: { page: 'Seite', of: 'von', toc: 'Inhalt', noDiagram: 'Das Diagramm konnte nicht gezeichnet werden, weil Chromium fehlt. Dieselben Angaben stehen in der Textfassung nach dieser Stelle; die HTML-Fassung des Berichts zeigt das Diagramm.' },
  en: { page: 'Page', of: 'of', toc: 'Contents', noDiagram: 'The chart could not be drawn because Chromium is missing. The same facts are in the text version after this point; the HTML version of the report shows the chart.' },
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  mono?: boolean;
  /** Half-points. */
  size?: number;
}

const TABLE_FONT = 17;

function runs(nodes: PhrasingContent[], style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(new TextRun({ text: n.value, bold: style.bold, italics: style.italics, size: style.size, font: style.mono ? MONO : undefined }));
        break;
      case 'inlineCode':
        out.push(new TextRun({ text: n.value, bold: style.bold, italics: style.italics, size: style.size, font: MONO }));
        break;
      case 'strong':
        out.push(...runs(n.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(n.children, { ...style, italics: true }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      default:
        if ('children' in n) out.push(...runs(n.children as PhrasingContent[], style));
        else if ('value' in n) out.push(new TextRun({ text: String(n.value), bold: style.bold, italics: style.italics, size: style.size }));
    }
  }
  return out;
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** Twips per centimetre (Word measures in twentieths of a point). */
const TWIPS_PER_CM = 567;

/** Rough width of one character of table text (8.5 pt) and the cell's own margins, in twips. */
const CHAR_TWIPS = 95;
const CELL_TWIPS = 200;

/**
 * Column widths from what the columns hold: every column at least as wide as its longest word
 * (amounts never wrap) – up to the length from which a word may break (cli/report/long-words.ts;
 * in a fixed-layout table Word and LibreOffice break such a word at the cell's edge) – and the
 * rest of the page width shared by how much longer the texts are. Word and LibreOffice otherwise
 * give every column the same width. The widths never add up to more than `total`.
 */
export function columnWidths(node: MdTable, total: number): number[] {
  const columns = node.children[0]?.children.length ?? 0;
  const breakable = longWordLength(columns);
  const need = Array.from({ length: columns }, (_, c) => {
    const texts = node.children.map((row) => (row.children[c] ? toString(row.children[c]) : ''));
    const longest = Math.max(...texts.map((t) => t.length));
    // Spaces and hyphens only (Word breaks after a hyphen): the no-break space between an amount and "€" must not split it.
    const word = node.align?.[c] === 'right' ? longest : Math.min(breakable, Math.max(...texts.flatMap((t) => t.split(/[ \t\n-]+/).map((w) => w.length))));
    return { min: word * CHAR_TWIPS + CELL_TWIPS, want: Math.min(longest, 60) * CHAR_TWIPS + CELL_TWIPS };
  });
  const minSum = need.reduce((a, n) => a + n.min, 0);
  if (minSum >= total) return need.map((n) => Math.floor((n.min / minSum) * total));
  const spare = total - minSum;
  const growth = need.reduce((a, n) => a + (n.want - n.min), 0);
  return need.map((n) => Math.floor(n.min + (growth > 0 ? (spare * (n.want - n.min)) / growth : spare / columns)));
}

function table(node: MdTable, width: number, before = 120): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  if (node.data?.caption) out.push(new Paragraph({ keepNext: true, spacing: { before: Math.max(before, 120), after: 60 }, children: [new TextRun({ text: node.data.caption, bold: true, size: 18, color: '444C56' })] }));
  const rows = node.children.map((row, r) => {
    const header = r === 0;
    const bold = header || Boolean(row.data?.total);
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: row.children.map(
        (cell, c) =>
          new TableCell({
            shading: header || row.data?.total ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: [new Paragraph({ alignment: ALIGN[node.align?.[c] ?? 'left'], children: runs(cell.children, { bold: bold || (node.data?.rowHeaders && c === 0) || undefined, size: TABLE_FONT }) })],
          }),
      ),
    });
  });
  const widths = columnWidths(node, width);
  out.push(new Table({ rows, columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: width, type: WidthType.DXA } }));
  return out;
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function renderImages(doc: ReportDocument, opts: DocxOptions): Promise<ReadonlyMap<string, Uint8Array> | null> {
  if (opts.images !== undefined) return opts.images;
  if (!doc.diagrams.length) return new Map();
  try {
    const { renderMermaidToPng } = await import('../render/browser');
    const pngs = await renderMermaidToPng(doc.diagrams.map((d) => d.source), { scale: 2 });
    return new Map(doc.diagrams.map((d, i) => [d.id, pngs[i]]));
  } catch (e) {
    opts.note?.(`roadmap not drawn in the Word file (${String((e as Error).message ?? e).split('\n')[0]}); it contains the Mermaid source instead`);
    return null;
  }
}

/** A table of contents after the title, filled in as written (Word need not update it). */
function withContents(blocks: Array<Paragraph | Table>, title: string): Array<Paragraph | Table | TableOfContents> {
  const [first, ...rest] = blocks;
  if (!first) return blocks;
  // The entries are written into the field (links to the headings' bookmarks), so the table shows
  // without Word updating anything; without page numbers (\n), which only Word's layout knows
  // (docs/council-report.md, "The Word file"). The title (Heading 1) is the document, not an entry.
  const toc = new TableOfContents(title, { hyperlink: true, headingStyleRange: '2-3', pageNumbersEntryLevelsRange: '2-3', beginDirty: false });
  return [first, new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: title, bold: true, size: 26 })] }), toc, ...rest];
}

export async function reportToDocx(doc: ReportDocument, opts: DocxOptions = {}): Promise<Uint8Array> {
  const images = await renderImages(doc, opts);
  const diagram = diagramLookup(doc);
  const labels = LABELS[doc.lang];
  // Usable width: A4 minus 2 × 2 cm margins, in CSS pixels (images) and twips (tables).
  const contentCm = doc.landscape ? 29.7 - 4 : 21 - 4;
  const maxWidth = Math.floor((contentCm / 2.54) * 96);
  const tableWidth = Math.floor(contentCm * TWIPS_PER_CM);

  // Space after a table and the line of a thematic break go on the next paragraph: an empty
  // paragraph for spacing is what Word's Accessibility Checker and screen readers stumble over.
  let after: 'table' | 'rule' | undefined;
  const lead = (spacingAfter?: number) => {
    const was = after;
    after = undefined;
    return {
      spacing: { before: was === 'table' ? 200 : was === 'rule' ? 480 : undefined, after: spacingAfter },
      ...(was === 'rule' ? { border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'C9D1D9', space: 8 } } } : {}),
    };
  };
  const block = (n: RootContent): Array<Paragraph | Table> => {
    switch (n.type) {
      case 'heading':
        after = undefined;
        return [new Paragraph({ heading: HEADINGS[Math.min(n.depth, 4) - 1], keepNext: true, children: runs(n.children) })];
      case 'paragraph':
        return [new Paragraph({ ...lead(120), children: runs(n.children) })];
      case 'list':
        return n.children.flatMap((item) => item.children.flatMap((c) => (c.type === 'paragraph' ? [new Paragraph({ ...lead(), bullet: { level: 0 }, children: runs(c.children) })] : block(c))));
      case 'table': {
        const spacing = lead();
        const out = table(n, tableWidth, spacing.spacing.before);
        after = 'table';
        return out;
      }
      case 'blockquote':
        // A quoted question: indented, with a rule on the left, as asked.
        return n.children.flatMap((c) =>
          c.type === 'paragraph' ? [new Paragraph({ indent: { left: 567 }, spacing: { before: lead().spacing.before, after: 120 }, border: { left: { style: 'single', size: 12, color: '8C959F', space: 8 } }, children: runs(c.children) })] : block(c),
        );
      case 'thematicBreak':
        after = 'rule';
        return [];
      case 'diagram': {
        const d = diagram(n.id);
        const png = images?.get(d.id);
        if (png) {
          const { width, height } = pngSize(png);
          const w = Math.min(maxWidth, Math.round(width / 2));
          return [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: w, height: Math.round((height * w) / width) }, altText: { name: d.id, title: d.caption || d.alt || doc.title, description: d.alt || doc.title } })] })];
        }
        // Without a drawing, a reader gets a sentence, not the diagram's source code.
        return [new Paragraph({ children: [new TextRun({ text: labels.noDiagram, italics: true })] })];
      }
      case 'code': {
        const lines = n.value.split('\n');
        return [new Paragraph({ children: lines.flatMap((line, i) => [new TextRun({ text: line, font: MONO, size: 16, break: i ? 1 : 0 })]) })];
      }
      default:
        return [];
    }
  };

  const document = new Document({
    title: doc.title,
    creator: opts.generator ?? 'Digital Strategy Roadmap',
    description: doc.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 20, language: { value: doc.lang === 'de' ? 'de-DE' : 'en-GB' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ size: 16, children: [`${labels.page} `, PageNumber.CURRENT, ` ${labels.of} `, PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: withContents(withTextAlternatives(doc).children.flatMap(block), labels.toc),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
