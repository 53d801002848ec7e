import type { ErrorObject } from 'ajv';
import * as validators from './generated/validators';
import { schema as schemaRule } from '../rules/structure/schema';
import { formatMessage, type MessageData } from '../rules/rule';
import { didYouMean } from '../suggest';
import { asciiId, isoDate } from '../suggest-format';
import { VISIBLE_TEXT_PATTERN } from '../model/coerce';
import type { YamlNode, YamlSource } from '../parse/yaml';
import type { Localized, Path, Range } from '../types';

export type SchemaName = 'strategy' | 'measure' | 'funding' | 'partners' | 'inquiry';

export interface SchemaProblem {
  range: Range;
  message: Localized;
  path: Path;
  suggestion?: string;
  /** The suggestion is a safe fix (see strategy/fix.ts), not a guess. */
  safe?: boolean;
  /** The key in the schema rule's messages, and the values filled in. */
  messageId?: string;
  data?: MessageData;
}

/** A schema message with its key and data (kept on the finding for tests and tools). */
function msg(key: keyof typeof schemaRule.messages, data: MessageData = {}): { message: Localized; messageId: string; data: MessageData } {
  return { message: formatMessage(schemaRule.messages[key], data), messageId: key, data };
}

const TYPE_NAMES: Record<string, Localized> = {
  string: { de: 'ein Text', en: 'a string' },
  number: { de: 'eine Zahl', en: 'a number' },
  integer: { de: 'eine ganze Zahl', en: 'an integer' },
  boolean: { de: 'true oder false', en: 'true or false' },
  array: { de: 'eine Liste', en: 'a list' },
  object: { de: 'eine Zuordnung (Schlüssel: Wert)', en: 'a mapping (key: value)' },
  null: { de: 'leer', en: 'empty' },
};

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `funding[1].status` – how a path is shown in messages. */
export function displayPath(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(root)';
}

/** A value (or key) for a message: short, whatever the file holds. */
function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/**
 * Validates `data` (the value of `node` in `source`) against a schema and maps every Ajv error
 * to the exact key or value it concerns, with did-you-mean for unknown keys and enum values.
 */
export function validateAgainst(name: SchemaName, data: unknown, source: YamlSource, node: YamlNode | null, basePath: Path = []): SchemaProblem[] {
  const validate = validators[name];
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const anyOf = anyOfContext(errors);
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  let more = 0;
  let firstMore: Range | undefined;
  for (const e of errors) {
    const problem = mapError(e, anyOf, source, node);
    if (!problem) continue;
    const key = `${problem.range.start.offset}:${problem.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A hostile file can hold a million wrong values; the first ones are enough to act on.
    if (out.length >= MAX_SCHEMA_PROBLEMS) {
      more++;
      firstMore ??= problem.range;
      continue;
    }
    out.push({ ...problem, path: [...basePath, ...problem.path] });
  }
  if (more && firstMore) out.push({ range: firstMore, path: basePath, message: formatMessage(schemaRule.messages.more, { count: more }) });
  return out;
}

/** Schema problems shown per validated value (a measure, a catalogue file), then one „… more“. */
export const MAX_SCHEMA_PROBLEMS = 100;

interface AnyOfContext {
  /** Instance paths with an `anyOf` error, in the order of the errors. */
  order: Map<string, number>;
  /** Those of them with an error in an object branch (a wrong key says more than the shape). */
  objectBranch: Set<string>;
}

/** The instance path and its ancestors ('/a/0/b', '/a/0', '/a', ''). */
function* selfAndAncestors(pointer: string): Generator<string> {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    yield p;
    if (!p) return;
  }
}

/** One pass over the errors (a per-error scan of all errors would be quadratic in a hostile file). */
function anyOfContext(errors: ErrorObject[]): AnyOfContext {
  const order = new Map<string, number>();
  for (const e of errors) if (e.keyword === 'anyOf' && !order.has(e.instancePath)) order.set(e.instancePath, order.size);
  const objectBranch = new Set<string>();
  if (order.size) {
    for (const x of errors) {
      if (!/\/anyOf\/\d+\/(properties|additionalProperties|required)/.test(x.schemaPath)) continue;
      for (const p of selfAndAncestors(x.instancePath)) if (order.has(p)) objectBranch.add(p);
    }
  }
  return { order, objectBranch };
}

function mapError(e: ErrorObject, anyOf: AnyOfContext, source: YamlSource, node: YamlNode | null): Omit<SchemaProblem, 'path'> & { path: Path } | undefined {
  const path = pointerToPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const kind = parent['x-kind'];
  const at = (p: Path, target: 'key' | 'value' = 'value') => source.locate(p, target, node);
  const keyName = displayPath(path);

  // A value that may take several shapes (anyOf): report the shape once, unless it is an object
  // whose own keys are wrong (then those errors say more).
  const enclosing = anyOf.order.size ? [...selfAndAncestors(e.instancePath)].filter((p) => anyOf.order.has(p)).sort((a, b) => anyOf.order.get(a)! - anyOf.order.get(b)!) : [];
  for (const p of enclosing) {
    if (e.instancePath === p && e.keyword !== 'anyOf') return undefined;
    if (e.instancePath !== p || e.keyword === 'anyOf') {
      const objectBranchErrors = anyOf.objectBranch.has(p);
      if (e.keyword === 'anyOf') {
        if (objectBranchErrors && e.data && typeof e.data === 'object') return undefined;
        const desc = String(parent.description ?? '');
        return { range: at(path), path, ...msg('type', { key: keyName, expected: desc }) };
      }
    }
  }

  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent.properties as object) ?? {});
      const suggestion = didYouMean(extra, allowed);
      const p = [...path, extra];
      return suggestion
        ? { range: at(p, 'key'), path: p, suggestion, ...msg('unknownKeySuggest', { key: show(extra), suggestion }) }
        : { range: at(p, 'key'), path: p, ...msg('unknownKey', { key: show(extra) }) };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const p = [...path, missing];
      return { range: path.length ? at(path, 'key') : firstKeyRange(source, node), path: p, ...msg('required', { key: displayPath(p) }) };
    }
    case 'type': {
      if (kind === 'date') return dateProblem(at(path), path, e.data);
      const types = String((e.params as { type: string }).type).split(',');
      const de = types.map((t) => TYPE_NAMES[t]?.de ?? t).join(' oder ');
      const en = types.map((t) => TYPE_NAMES[t]?.en ?? t).join(' or ');
      if (path.length === 0) return { range: at(path), path, ...msg('rootType') };
      return { range: at(path), path, ...msg('type', { key: keyName, expected: { de, en } }) };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const value = show(e.data);
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      return suggestion
        ? { range: at(path), path, suggestion, ...msg('enumSuggest', { key: keyName, value, suggestion }) }
        : { range: at(path), path, ...msg('enum', { key: keyName, value, allowed: { list: allowed } }) };
    }
    case 'pattern':
    case 'minimum':
    case 'maximum': {
      if (kind === 'date') return dateProblem(at(path), path, e.data);
      if (kind === 'id') {
        const suggestion = typeof e.data === 'string' ? asciiId(e.data) : undefined;
        // A new id is a guess with effects elsewhere (references to it): an unsafe fix.
        if (suggestion) return { range: at(path), path, suggestion, ...msg('idAscii', { value: show(e.data), suggestion }) };
        return { range: at(path), path, ...msg('id', { value: show(e.data) }) };
      }
      if (e.keyword !== 'pattern') return { range: at(path), path, ...msg('range', { key: keyName }) };
      // Only spaces or invisible characters: to a reader the value is empty.
      if ((e.params as { pattern?: string }).pattern === VISIBLE_TEXT_PATTERN) return { range: at(path), path, ...msg('empty', { key: keyName }) };
      return { range: at(path), path, ...msg('pattern', { key: keyName, value: show(e.data) }) };
    }
    // if/else only picks which keys are required; the `required` error says what is missing.
    case 'if':
      return undefined;
    case 'minLength':
      return { range: at(path), path, ...msg('empty', { key: keyName }) };
    case 'const':
      return { range: at(path), path, ...msg('const', { key: keyName, expected: show((e.params as { allowedValue: unknown }).allowedValue) }) };
    default:
      return { range: at(path), path, message: { de: `${keyName}: ${e.message ?? e.keyword}`, en: `${keyName}: ${e.message ?? e.keyword}` } };
  }
}

/** An invalid date; a German or unpadded spelling of a real date gets a safe fix to the ISO form. */
function dateProblem(range: Range, path: Path, value: unknown): Omit<SchemaProblem, 'path'> & { path: Path } {
  const suggestion = typeof value === 'string' ? isoDate(value) : undefined;
  if (suggestion) return { range, path, suggestion, safe: true, ...msg('dateSuggest', { value: show(value), suggestion }) };
  return { range, path, ...msg('date', { value: show(value) }) };
}

function firstKeyRange(source: YamlSource, node: YamlNode | null): Range {
  const items = (node as { items?: Array<{ key?: { range?: [number, number, number] } }> } | null)?.items;
  const k = items?.[0]?.key?.range;
  if (k) return source.range(k[0], k[1]);
  return node?.range ? source.range(node.range[0], node.range[0]) : source.range(0, 0);
}
