/**
 * Markdown for a terminal: headings, wrapped paragraphs, lists, code blocks, quotes and tables,
 * with the Markdown syntax removed and, where colour is allowed, ANSI styles instead. Written on
 * remark's syntax tree because no terminal renderer is among the project's dependencies; it only
 * needs to handle the constructs the rule pages use.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { PhrasingContent, Root, RootContent, Table } from 'mdast';

type Style = 'bold' | 'italic' | 'code' | 'dim' | 'underline';

interface Run {
  text: string;
  styles: Style[];
}

export interface TerminalOptions {
  width: number;
  color: boolean;
}

const ANSI: Record<Style, [string, string]> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  italic: ['\u001b[3m', '\u001b[23m'],
  code: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  underline: ['\u001b[4m', '\u001b[24m'],
};

/** Control characters (ESC …) in text are shown as escapes, so no text can restyle the terminal. */
const printable = (s: string) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function renderMarkdownForTerminal(markdown: string, options: TerminalOptions): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const r = new Renderer(options);
  const blocks = r.blocks(tree.children, 0);
  return blocks.join('\n\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

class Renderer {
  constructor(private readonly o: TerminalOptions) {}

  private paint(text: string, styles: Style[]): string {
    if (!this.o.color || !styles.length || !text) return text;
    return styles.reduce((s, st) => ANSI[st][0] + s + ANSI[st][1], text);
  }

  /** Each block as a string of lines, blocks separated by a blank line by the caller. */
  blocks(nodes: RootContent[], indent: number): string[] {
    const out: string[] = [];
    for (const node of nodes) {
      const b = this.block(node, indent);
      if (b !== undefined) out.push(b);
    }
    return out;
  }

  private block(node: RootContent, indent: number): string | undefined {
    const pad = ' '.repeat(indent);
    switch (node.type) {
      case 'heading': {
        const text = this.plain(node.children);
        const styles: Style[] = node.depth <= 2 ? ['bold', 'underline'] : ['bold'];
        if (this.o.color) return pad + this.paint(text, styles);
        const rule = node.depth === 1 ? '═' : node.depth === 2 ? '─' : '';
        return rule ? `${pad}${text}\n${pad}${rule.repeat(Math.min(text.length, this.o.width - indent))}` : pad + text;
      }
      case 'paragraph':
        return this.wrap(this.inline(node.children, []), indent, indent);
      case 'code': {
        const lines = printable(node.value).split('\n');
        return lines.map((l) => pad + '    ' + this.paint(l, ['code'])).join('\n');
      }
      case 'blockquote':
        return this.blocks(node.children, 0)
          .join('\n\n')
          .split('\n')
          .map((l) => `${pad}${this.paint('│', ['dim'])} ${l}`)
          .join('\n');
      case 'list': {
        const start = node.start ?? 1;
        return node.children
          .map((item, i) => {
            const marker = node.ordered ? `${start + i}. ` : item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '• ';
            const body = this.blocks(item.children, indent + marker.length).join(node.spread || item.spread ? '\n\n' : '\n');
            return pad + marker + body.slice(indent + marker.length);
          })
          .join(node.spread ? '\n\n' : '\n');
      }
      case 'table':
        return this.table(node, indent);
      case 'thematicBreak':
        return pad + this.paint('─'.repeat(Math.max(3, Math.min(40, this.o.width - indent))), ['dim']);
      case 'html':
      case 'definition':
      case 'yaml':
        return undefined;
      default:
        return 'children' in node ? this.blocks((node as { children: RootContent[] }).children, indent).join('\n\n') : undefined;
    }
  }

  private inline(nodes: PhrasingContent[], styles: Style[]): Run[] {
    const runs: Run[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          runs.push({ text: printable(n.value), styles });
          break;
        case 'emphasis':
          runs.push(...this.inline(n.children, [...styles, 'italic']));
          break;
        case 'strong':
          runs.push(...this.inline(n.children, [...styles, 'bold']));
          break;
        case 'delete':
          runs.push(...this.inline(n.children, styles));
          break;
        case 'inlineCode':
          // Without colour the backticks stay: they are the only sign that this is a key or value.
          runs.push({ text: this.o.color ? printable(n.value) : `\`${printable(n.value)}\``, styles: [...styles, 'code'] });
          break;
        case 'link': {
          const label = this.inline(n.children, styles);
          runs.push(...label);
          const text = label.map((r) => r.text).join('');
          if (n.url && n.url !== text && !n.url.startsWith('#')) runs.push({ text: ` (${printable(n.url)})`, styles: [...styles, 'dim'] });
          break;
        }
        case 'image':
          if (n.alt) runs.push({ text: printable(n.alt), styles });
          break;
        case 'break':
          runs.push({ text: '\n', styles });
          break;
        case 'footnoteReference':
          runs.push({ text: `[${n.identifier}]`, styles });
          break;
        default:
          if ('children' in n) runs.push(...this.inline((n as { children: PhrasingContent[] }).children, styles));
          else if ('value' in n && n.type !== 'html') runs.push({ text: printable(String((n as { value: unknown }).value)), styles });
      }
    }
    return runs;
  }

  /** Plain text of inline content (headings, table cells), styled per run. */
  private plain(nodes: PhrasingContent[]): string {
    return this.inline(nodes, [])
      .map((r) => this.paint(r.text.replace(/\s+/g, ' '), r.styles))
      .join('');
  }

  private visibleLength(nodes: PhrasingContent[]): number {
    return this.inline(nodes, []).reduce((n, r) => n + r.text.replace(/\s+/g, ' ').length, 0);
  }

  /**
   * Greedy word wrap of styled runs; a hard break (`\n`) starts a new line. A word may span runs
   * (`(`, then code `horizon`, then `)`): lines break only where the text has whitespace.
   */
  private wrap(runs: Run[], firstIndent: number, indent: number): string {
    const width = Math.max(20, this.o.width);
    type Piece = { text: string; styles: Style[] };
    const words: Array<Piece[] | 'break'> = [];
    let word: Piece[] = [];
    const endWord = () => {
      if (word.length) words.push(word);
      word = [];
    };
    for (const run of runs) {
      if (run.text === '\n') {
        endWord();
        words.push('break');
        continue;
      }
      for (const part of run.text.split(/(\s+)/)) {
        if (!part) continue;
        if (/^\s+$/.test(part)) endWord();
        else word.push({ text: part, styles: run.styles });
      }
    }
    endWord();
    const lines: string[] = [];
    let line = ' '.repeat(firstIndent);
    let visible = firstIndent;
    let empty = true;
    const flush = () => {
      lines.push(line);
      line = ' '.repeat(indent);
      visible = indent;
      empty = true;
    };
    for (const w of words) {
      if (w === 'break') {
        flush();
        continue;
      }
      const length = w.reduce((n, p) => n + p.text.length, 0);
      if (!empty && visible + 1 + length > width) flush();
      if (!empty) {
        line += ' ';
        visible += 1;
      }
      line += w.map((p) => this.paint(p.text, p.styles)).join('');
      visible += length;
      empty = false;
    }
    if (!empty) lines.push(line);
    return lines.join('\n');
  }

  private table(node: Table, indent: number): string {
    const rows = node.children.map((row) => row.children.map((cell) => ({ text: this.plain(cell.children), length: this.visibleLength(cell.children) })));
    const columns = Math.max(...rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
    const pad = ' '.repeat(indent);
    const line = (cells: { text: string; length: number }[], header: boolean) =>
      pad +
      widths
        .map((w, c) => {
          const cell = cells[c] ?? { text: '', length: 0 };
          const text = header ? this.paint(cell.text, ['bold']) : cell.text;
          return text + ' '.repeat(w - cell.length);
        })
        .join(' │ ')
        .trimEnd();
    const [head, ...body] = rows;
    const separator = pad + widths.map((w) => '─'.repeat(w)).join('─┼─');
    return [line(head, true), separator, ...body.map((r) => line(r, false))].join('\n');
  }
}
