import * as vscode from 'vscode';
import { STRATEGY_FILE } from '../strategy/index';
import measureSchema from '../strategy/schema/measure.schema.json';
import strategySchema from '../strategy/schema/strategy.schema.json';
import fundingSchema from '../strategy/schema/funding.schema.json';
import partnersSchema from '../strategy/schema/partners.schema.json';

/**
 * Keys from our JSON schemas (strategy/schema/, the same the CLI validates with): which keys a
 * mapping takes at the cursor, and what a key means – for completion and hover inside front
 * matter and the YAML files, without another extension.
 */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  'x-kind'?: string;
}

/** The schema of a file by its path in the strategy root and the kind the workspace gives it. */
export function schemaOf(rel: string, kind: string | undefined): SchemaNode | undefined {
  if (rel === STRATEGY_FILE) return strategySchema as SchemaNode;
  if (rel === 'funding.yaml') return fundingSchema as SchemaNode;
  if (rel === 'partners.yaml') return partnersSchema as SchemaNode;
  if (kind === 'measures') return measureSchema as SchemaNode;
  return undefined;
}

/** A path step: a key, or `[]` for an item of a list. */
export type Step = string;

interface Line {
  indent: number;
  dash: boolean;
  key?: string;
}

function parseLine(text: string): Line | undefined {
  const m = /^(\s*)(-\s+)?(?:([\w-]+)\s*:(?:\s|$))?/.exec(text);
  if (!m || !text.trim() || text.trimStart().startsWith('#')) return undefined;
  return { indent: m[1].length, dash: Boolean(m[2]), key: m[3] };
}

/** The first line of the YAML around `line`: after the front matter's `---` in Markdown, else 0. */
function yamlStart(doc: vscode.TextDocument, line: number): number | undefined {
  if (doc.languageId !== 'markdown') return 0;
  if (!/^---\s*$/.test(doc.lineAt(0).text)) return undefined;
  for (let l = 1; l < doc.lineCount; l++) if (/^(---|\.\.\.)\s*$/.test(doc.lineAt(l).text)) return line > 0 && line < l ? 1 : undefined;
  return undefined;
}

/**
 * The path to the mapping that holds the key at `line`, whose key starts at column `column`:
 * `['funding', '[]']` for `status` in a funding entry. Read from indentation, as typed.
 */
export function mappingPath(doc: vscode.TextDocument, line: number, column: number): Step[] | undefined {
  const start = yamlStart(doc, line);
  if (start === undefined) return undefined;
  const path: Step[] = [];
  let indent = column;
  const own = parseLine(doc.lineAt(line).text);
  // A key on a list item's first line (`- source: own`) sits in that item.
  if (own?.dash && own.indent + 2 <= column) {
    path.push('[]');
    indent = own.indent;
  }
  for (let l = line - 1; l >= start && indent > 0; l--) {
    const p = parseLine(doc.lineAt(l).text);
    if (!p) continue;
    const keyColumn = p.dash ? p.indent + 2 : p.indent;
    if (p.dash && keyColumn === indent) {
      // A sibling that opens the list item our mapping belongs to.
      path.push('[]');
      indent = p.indent;
      continue;
    }
    if (keyColumn < indent && p.key) {
      path.push(p.key);
      indent = keyColumn;
      if (p.dash) {
        path.push('[]');
        indent = p.indent;
      }
    } else if (p.dash && p.indent < indent) {
      path.push('[]');
      indent = p.indent;
    }
  }
  // A list at the top of a measures YAML file holds measures.
  if (indent === 0 && path[path.length - 1] === '[]' && path.length && doc.languageId === 'yaml') path.pop();
  return path.reverse();
}

function alternatives(node: SchemaNode): SchemaNode[] {
  return [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])];
}

/** The schema node at a path (keys and `[]`). */
export function resolve(schema: SchemaNode, path: Step[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const step of path) {
    if (!node) return undefined;
    const cur: SchemaNode = node;
    node = step === '[]' ? alternatives(cur).find((a) => a.items)?.items : alternatives(cur).find((a) => a.properties?.[step])?.properties?.[step];
  }
  return node;
}

export function propertiesOf(node: SchemaNode | undefined): Record<string, SchemaNode> {
  if (!node) return {};
  return Object.assign({}, ...alternatives(node).map((a) => a.properties ?? {}));
}

export function typeText(node: SchemaNode): string {
  const alt = alternatives(node);
  if (node.enum) return node.enum.map(String).join(' | ');
  const types = alt.flatMap((a) => (Array.isArray(a.type) ? a.type : a.type ? [a.type] : []));
  return [...new Set(types)].join(' | ') || 'value';
}

/** Hover text of a key: type, allowed values, description. */
export function keyDoc(key: string, node: SchemaNode, required: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('`').appendText(key).appendMarkdown('` · ').appendText(typeText(node));
  if (required) md.appendMarkdown(' · ').appendText(vscode.l10n.t('required'));
  if (node.description) md.appendMarkdown('\n\n').appendText(node.description);
  if (node.items?.enum) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Values: {0}', node.items.enum.map(String).join(', ')));
  md.appendMarkdown('\n\n').appendText(vscode.l10n.t('See docs/format.md for every key.'));
  return md;
}

/** Keys already written in the mapping around `line` (same indentation, same block or list item). */
export function siblingKeys(doc: vscode.TextDocument, line: number, column: number): Set<string> {
  const keys = new Set<string>();
  for (let l = line - 1; l >= 0; l--) {
    const text = doc.lineAt(l).text;
    if (/^(---|\.\.\.)\s*$/.test(text)) break;
    const p = parseLine(text);
    if (!p) continue;
    const keyColumn = p.dash ? p.indent + 2 : p.indent;
    if (keyColumn < column) break;
    if (keyColumn === column && p.key) keys.add(p.key);
    if (keyColumn === column && p.dash) break; // the first line of our list item
  }
  for (let l = line + 1; l < doc.lineCount; l++) {
    const text = doc.lineAt(l).text;
    if (/^(---|\.\.\.)\s*$/.test(text)) break;
    const p = parseLine(text);
    if (!p) continue;
    const keyColumn = p.dash ? p.indent + 2 : p.indent;
    if (keyColumn < column || (p.dash && keyColumn === column)) break; // the block or our item ends
    if (keyColumn === column && p.key) keys.add(p.key);
  }
  return keys;
}
