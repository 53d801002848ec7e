/**
 * Small builders for mdast nodes. User text only ever enters as `text` or `inlineCode` nodes, so
 * the serialisers (mdast-util-to-markdown, mdast-util-to-hast) escape it; nothing is glued into
 * Markdown or HTML strings.
 */
import type { AlignType, Heading, InlineCode, List, Paragraph, PhrasingContent, Root, RootContent, Strong, Emphasis, Table, TableCell, TableRow, Text } from 'mdast';

declare module 'mdast' {
  interface TableData {
    /** Caption of the table (HTML `<caption>`, DOCX title line); Markdown has none, a heading precedes the table. */
    caption?: string;
    /** The first cell of each body row names the row (HTML `<th scope="row">`). */
    rowHeaders?: boolean;
  }
  interface TableRowData {
    /** A totals row (bold in every format). */
    total?: boolean;
  }
}

export type Inline = string | PhrasingContent | Inline[];

/** Table cells and headings hold one line: a newline in user text would break a Markdown table. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Trims the outer edges of a line of phrasing content (inner spacing between nodes stays). */
function trimEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0];
  if (first?.type === 'text') nodes[0] = text(first.value.replace(/^\s+/, ''));
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') nodes[nodes.length - 1] = text(last.value.replace(/\s+$/, ''));
  return nodes.filter((n) => n.type !== 'text' || n.value !== '');
}

export function text(value: string): Text {
  return { type: 'text', value };
}

export function code(value: string): InlineCode {
  return { type: 'inlineCode', value };
}

export function strong(...children: Inline[]): Strong {
  return { type: 'strong', children: phrasing(children) };
}

export function emphasis(...children: Inline[]): Emphasis {
  return { type: 'emphasis', children: phrasing(children) };
}

export function phrasing(items: Inline[], singleLine = false): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const add = (item: Inline) => {
    if (Array.isArray(item)) item.forEach(add);
    else if (typeof item === 'string') {
      const value = singleLine ? oneLine(item) : item;
      if (value) out.push(text(value));
    } else if (singleLine && item.type === 'text') out.push(text(oneLine(item.value)));
    else out.push(item);
  };
  items.forEach(add);
  return out;
}

export function heading(depth: 1 | 2 | 3 | 4, ...children: Inline[]): Heading {
  return { type: 'heading', depth, children: trimEdges(phrasing(children, true)) };
}

export function paragraph(...children: Inline[]): Paragraph {
  return { type: 'paragraph', children: phrasing(children) };
}

export function list(items: Inline[][]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((i) => ({ type: 'listItem', spread: false, children: [paragraph(...i)] })) };
}

export interface Column {
  label: string;
  align?: AlignType;
}

export interface TableSpec {
  caption: string;
  columns: Column[];
  rows: Inline[][];
  /** Rows after the body rows, shown in bold (sums). */
  totals?: Inline[][];
  /** Plain rows after the totals (e.g. own funds, which are not part of the sum). */
  after?: Inline[][];
  rowHeaders?: boolean;
}

export function table(spec: TableSpec): Table {
  const cell = (c: Inline): TableCell => ({ type: 'tableCell', children: trimEdges(phrasing([c], true)) });
  const row = (cells: Inline[], total = false): TableRow => ({
    type: 'tableRow',
    children: cells.map((c) => cell(total && c !== '' ? strong(c) : c)),
    ...(total ? { data: { total: true } } : {}),
  });
  return {
    type: 'table',
    align: spec.columns.map((c) => c.align ?? null),
    data: { caption: spec.caption, ...(spec.rowHeaders ? { rowHeaders: true } : {}) },
    children: [row(spec.columns.map((c) => c.label)), ...spec.rows.map((r) => row(r)), ...(spec.totals ?? []).map((r) => row(r, true)), ...(spec.after ?? []).map((r) => row(r))],
  };
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}
