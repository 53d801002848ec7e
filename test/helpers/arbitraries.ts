// fast-check generators of strategy repositories, for the property-based tests: well-formed
// repositories whose values are hostile (random Unicode, markup, wrong types), and mutated ones
// (truncated, random bytes, BOM/CRLF/tabs, duplicate keys, NUL, deep nesting, alias bombs, huge
// values). Everything is generated in memory; `writeRepo` puts one on disk for CLI tests.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StrategyWorkspace } from '../../strategy/index';
import type { ParseLimits } from '../../strategy/parse/file';
import { AI_CATEGORIES, AI_RISKS, FUNDING_STATUSES, MEASURE_STATUSES, MILESTONE_STATUSES, PARTNER_KINDS, PROVIDERS } from '../../strategy/model/types';

type Arbitrary<T> = fc.Arbitrary<T>;
export type Content = string | Uint8Array;
/** A repository: files in the order a front end would set them. */
export interface Repo {
  files: Array<[path: string, content: Content]>;
}

// ---------------------------------------------------------------------------------------------
// Settings from the environment: FC_SEED (and FC_PATH) replay a failure, FC_RUNS_FACTOR runs more.

/** fast-check parameters for one property: `numRuns` scaled by FC_RUNS_FACTOR, seed and path from FC_SEED / FC_PATH. */
export function fcParams<T>(numRuns: number): fc.Parameters<T> {
  const factor = Number(process.env.FC_RUNS_FACTOR ?? '1');
  const params: fc.Parameters<T> = { numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) && factor > 0 ? factor : 1))) };
  if (process.env.FC_SEED) params.seed = Number(process.env.FC_SEED);
  if (process.env.FC_PATH) params.path = process.env.FC_PATH;
  return params;
}

// ---------------------------------------------------------------------------------------------
// Hostile text

/** Text that has broken parsers, terminals, diagrams, spreadsheets and HTML before. */
export const HOSTILE_SNIPPETS: readonly string[] = [
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u200B', // zero-width space
  '\u2066evil\u2069', // isolate
  'e\u0301\u0302\u0303\u0304', // stacked combining marks
  '\u0308',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358',
  '👩‍👩‍👧‍👦',
  '🇩🇪',
  '🚀',
  '\uD83D', // lone high surrogate
  '\uDE00', // lone low surrogate
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00A0',
  '\x1b[31mrot\x1b[0m',
  '\x1b]8;;https://evil.example\x07link\x1b]8;;\x07',
  '\x1b[2J\x1b[H',
  '\x07',
  '\b\b\b',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[klick](javascript:alert(1))',
  '![x](x" onerror="alert(1))',
  '<!--',
  '-->',
  ']]>',
  '%%{init: {"securityLevel": "loose"}}%%',
  '%%',
  'click m1 call alert(1)',
  'style m1 fill:#f00',
  '"; alert(1); "',
  '| a | b |',
  '**fett**',
  '_x_',
  '`code`',
  '```',
  '# Überschrift',
  '---',
  '...',
  '=HYPERLINK("https://evil.example","x")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1',
  'Ärger über Öl, Straße',
  '„Anführungszeichen“',
  '&amp; &lt; &#x3C;',
  '\\',
  '"',
  "'",
  ':',
  ': ',
  ' #',
  ';',
  '{',
  '}',
  '[',
  ']',
  '&anchor',
  '*alias',
  '!!binary',
  '? ',
  '- ',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\0',
  '\x7f',
  '\x9b',
];

const snippet = fc.constantFrom(...HOSTILE_SNIPPETS);

/** Any text: random code points (incl. astral), graphemes, control characters and hostile snippets. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 3, arbitrary: snippet },
  { weight: 3, arbitrary: fc.array(fc.oneof(snippet, fc.string({ maxLength: 4 }), fc.constantFrom('Portal', 'KI', 'Maßnahme')), { minLength: 1, maxLength: 5 }).map((a) => a.join('')) },
  // Long text: messages, labels and table cells must stay bounded.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'Maßnahme ', '<b>', '🚀', 'e\u0301'), fc.integer({ min: 200, max: 3000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))) },
);

/** Text without line breaks and control characters, for file names. */
const nameText = hostileText.map((s) => s.replace(/[\0-\x1f\x7f/\\]/g, '').slice(0, 40));

// ---------------------------------------------------------------------------------------------
// Values

const ID_POOL = ['A', 'B', 'KI-1', 'M_2', 'portal', 'Z'];
const FIELD_POOL = ['verwaltung', 'bildung', 'f'];
const GOAL_POOL = ['g1', 'g2', 'Z-KI'];
const PARTNER_POOL = ['ruhr-uni', 'p'];
const PROGRAMME_POOL = ['foerder', 'eu-1', 'own'];
const MILESTONE_POOL = ['m1', 'm2', 'go-live'];

/** Mostly an id from the pool (so that references resolve and ids collide), sometimes anything. */
const idFrom = (pool: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: hostileText });
const oneOfOrJunk = <T extends string>(values: readonly T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: hostileText });

const year = fc.integer({ min: 2018, max: 2035 });
const pad = (n: number) => String(n).padStart(2, '0');
/** Strategy dates in every granularity, impossible days, junk and wrong types. */
export const dateValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`) },
  { weight: 2, arbitrary: fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`) },
  { weight: 2, arbitrary: fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`) },
  { weight: 1, arbitrary: year },
  { weight: 1, arbitrary: year.map(String) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2025-13-01', '2026-Q5', '0000-00-00', '9999-12-31', '2026-1-1', '26-01-01', '') },
  { weight: 1, arbitrary: hostileText },
);

/** Amounts: plain numbers, German thousands separators, negative, NaN/Infinity, huge, junk. */
export const amountValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(150.0, 1.5, -1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2, '150.000', '1.234.567,89', '10 000 €') },
  { weight: 1, arbitrary: hostileText },
);

/** A value of any type, for "wrong type in this field". */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  hostileText,
  fc.array(fc.oneof(fc.integer(), hostileText, fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(hostileText, fc.oneof(fc.integer(), hostileText), { maxKeys: 3 }),
);

const list = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });

const milestone = fc.record(
  { id: idFrom(MILESTONE_POOL), title: hostileText, date: dateValue, status: oneOfOrJunk(MILESTONE_STATUSES), depends_on: list(idFrom([...ID_POOL, 'A/m1', 'B/go-live']), 2) },
  { requiredKeys: [] },
);

const fundingEntry = fc.record(
  { source: idFrom(PROGRAMME_POOL), status: oneOfOrJunk(FUNDING_STATUSES), amount: amountValue, date: dateValue, reference: hostileText },
  { requiredKeys: [] },
);

const waiver = fc.record(
  { rule: fc.oneof(fc.constantFrom('funding-missing', 'owner-missing', 'dpia-missing', 'ai-fria-missing', 'schema', 'no-such-rule', 'funding-misssing'), hostileText), reason: hostileText, until: dateValue, by: hostileText },
  { requiredKeys: [] },
);

const privacy = fc.record(
  {
    personal_data: fc.oneof(fc.boolean(), anyValue),
    dpia: oneOfOrJunk(['required', 'in-progress', 'done', 'not-required'] as const),
    dpia_date: dateValue,
    dpo_consulted: dateValue,
    legal_basis: hostileText,
    ropa: fc.boolean(),
  },
  { requiredKeys: [] },
);

const ai = fc.record(
  {
    category: oneOfOrJunk(AI_CATEGORIES),
    risk: oneOfOrJunk(AI_RISKS),
    purpose: hostileText,
    annex_iii: fc.oneof(fc.constantFrom('1(a)', '2', '5(a)', '6', '8(a)'), hostileText),
    exemption: hostileText,
    profiling: fc.boolean(),
    human_oversight: hostileText,
    fria: oneOfOrJunk(['required', 'in-progress', 'done', 'not-required'] as const),
    eu_registration: oneOfOrJunk(['pending', 'done', 'not-required'] as const),
    transparency_notice: fc.boolean(),
    vendor: hostileText,
    model: hostileText,
    in_service_since: dateValue,
  },
  { requiredKeys: [] },
);

/** One measure as data: every key of the SPEC, each optional, values hostile. */
export const measureData: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    id: idFrom(ID_POOL),
    title: hostileText,
    field: idFrom(FIELD_POOL),
    goals: list(idFrom(GOAL_POOL)),
    owner: hostileText,
    status: oneOfOrJunk(MEASURE_STATUSES),
    start: dateValue,
    end: dateValue,
    depends_on: list(idFrom([...ID_POOL, 'A/m1', 'KI-1/go-live', 'B/'])),
    partners: list(idFrom(PARTNER_POOL)),
    cost: fc.oneof(amountValue, fc.record({ total: amountValue, currency: fc.constantFrom('EUR', 'USD', ''), per_year: amountValue }, { requiredKeys: [] })),
    funding: list(fundingEntry),
    privacy,
    ai,
    ethics: fc.record({ review: oneOfOrJunk(['pending', 'done', 'not-required'] as const), date: dateValue, body: hostileText }, { requiredKeys: [] }),
    milestones: list(milestone),
    waivers: list(waiver, 2),
    tags: list(hostileText),
  },
  { requiredKeys: ['id'] },
);

const strategyData: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    schema: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: anyValue }),
    title: hostileText,
    organisation: hostileText,
    language: oneOfOrJunk(['de', 'en'] as const),
    adopted: fc.record({ date: dateValue, reference: hostileText }, { requiredKeys: [] }),
    horizon: fc.record({ start: dateValue, end: dateValue }, { requiredKeys: [] }),
    fields: list(fc.record({ id: idFrom(FIELD_POOL), title: hostileText, description: hostileText }, { requiredKeys: ['id'] }), 4),
    goals: list(fc.record({ id: idFrom(GOAL_POOL), title: hostileText, field: idFrom(FIELD_POOL), description: hostileText }, { requiredKeys: ['id'] }), 4),
    ai_literacy: fc.record({ description: hostileText, since: dateValue, measure: idFrom(ID_POOL) }, { requiredKeys: [] }),
    include: fc.oneof(
      { weight: 4, arbitrary: fc.constant(['measures/**/*.{md,yaml,yml}']) },
      { weight: 1, arbitrary: fc.constant(['measures/**/*.md', 'more/**/*.yaml']) },
      { weight: 1, arbitrary: list(fc.oneof(fc.constantFrom('**', '**/*', '[', '!(', '{a,', '***', '/etc/*', '../**', 'measures/**/*.yaml'), hostileText)) },
    ),
    lint: fc.record(
      {
        rules: fc.dictionary(fc.oneof(fc.constantFrom('funding-missing', 'owner-missing', 'schema', 'yaml-syntax', 'unknwon-reference'), hostileText), fc.oneof(fc.constantFrom('error', 'warning', 'info', 'off'), anyValue), { maxKeys: 3 }),
        deadline_days: fc.oneof(fc.integer({ min: -10, max: 400 }), anyValue),
      },
      { requiredKeys: [] },
    ),
    programmes: list(programme(), 2),
    partners: list(partner(), 2),
  },
  { requiredKeys: [] },
);

function programme() {
  return fc.record(
    { id: idFrom(PROGRAMME_POOL), name: hostileText, provider: oneOfOrJunk(PROVIDERS), body: hostileText, url: fc.oneof(fc.constantFrom('https://example.org', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>'), hostileText), rate: fc.oneof(fc.constantFrom('50 %', 0.5, 90), hostileText), deadline: dateValue, notes: hostileText },
    { requiredKeys: ['id'] },
  );
}

function partner() {
  return fc.record(
    { id: idFrom(PARTNER_POOL), name: hostileText, kind: oneOfOrJunk(PARTNER_KINDS), url: fc.oneof(fc.constantFrom('https://example.org', 'javascript:alert(1)'), hostileText) },
    { requiredKeys: ['id'] },
  );
}

// ---------------------------------------------------------------------------------------------
// Wrong types and unknown keys

/** Every path to a value inside plain data (objects and arrays), in a stable order. */
function valuePaths(data: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (Array.isArray(data)) data.forEach((v, i) => (out.push([...prefix, i]), valuePaths(v, [...prefix, i], out)));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) (out.push([...prefix, k]), valuePaths(v, [...prefix, k], out));
  return out;
}

function setAt(data: unknown, path: Array<string | number>, value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

/** Replaces some values anywhere in the data with values of any type, and adds unknown keys. */
function withWrongTypes(data: Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(data, fc.array(fc.tuple(fc.nat(), anyValue), { maxLength: 3 }), fc.array(fc.tuple(fc.oneof(fc.constantFrom('titel', 'stauts', 'fundig', '__proto__', 'constructor', 'toString'), hostileText), anyValue), { maxLength: 2 }))
    .map(([d, changes, extra]) => {
      const copy = structuredClone(d);
      for (const [pick, value] of changes) {
        const paths = valuePaths(copy);
        if (paths.length) setAt(copy, paths[pick % paths.length], value);
      }
      for (const [key, value] of extra) Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });
}

/** Mostly well-typed data, sometimes with wrong types and unknown keys. */
const maybeWrong = (data: Arbitrary<Record<string, unknown>>) => fc.oneof({ weight: 2, arbitrary: data }, { weight: 1, arbitrary: withWrongTypes(data) });

// ---------------------------------------------------------------------------------------------
// Serialising

const yamlStyle = fc.record({
  flow: fc.boolean(),
  strings: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'>,
  indent: fc.constantFrom(2, 4, 1),
});

function toYaml(data: unknown, style: { flow: boolean; strings: string; indent: number }): string {
  return stringify(data, {
    collectionStyle: style.flow ? 'flow' : 'any',
    defaultStringType: style.strings as 'PLAIN',
    indent: style.indent,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}

/** Markdown bodies: headings (title fallback), prose, raw HTML, links, code, tables. */
const markdownBody = fc.oneof(
  fc.constant(''),
  hostileText.map((t) => `\n# ${t}\n`),
  fc.tuple(hostileText, hostileText).map(([h, p]) => `\n# ${h}\n\n${p}\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n`),
  fc.array(fc.constantFrom('# T', '> zitat', '- a', '1. b', '| a | b |\n|---|---|\n| 1 | 2 |', '```mermaid\ngraph TD; A-->B\n```', '```', '<div onclick=alert(1)>', '***', '[ref]: javascript:alert(1)', '*'.repeat(200), '['.repeat(200), '<'.repeat(100)), { maxLength: 6 }).map((a) => '\n' + a.join('\n\n') + '\n'),
  // What makes Markdown parsers slow (emphasis runs are quadratic in remark) or recurse deeply (nesting).
  fc.tuple(fc.constantFrom('*', '_', '*a ', '> ', '- ', '[', '<div>', '1. '), fc.integer({ min: 100, max: 12_000 }), fc.boolean()).map(([unit, n, heading]) => `\n${unit.repeat(n)}x\n${heading ? '\n# Titel\n' : ''}`),
);

// ---------------------------------------------------------------------------------------------
// Mutations of a file's text or bytes

/** A billion-laughs document: each level refers to the one before ten times. */
export function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

/** Nested collections `depth` levels deep, as flow (`[[[…]]]`) or block (indented mappings). */
export function deepNesting(depth: number, flow: boolean): string {
  if (flow) return `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i)}k${i}:`);
  lines.push(`${' '.repeat(depth)}x`);
  return 'deep:\n' + lines.map((l) => ' ' + l).join('\n') + '\n';
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'bom' }
  | { kind: 'tabs' }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'nul'; at: number }
  | { kind: 'nest'; depth: number; flow: boolean }
  | { kind: 'aliases'; levels: number }
  | { kind: 'huge'; size: number; lines: boolean }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'randomBytes'; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cr' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'tabs' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nul' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), depth: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 80, max: 3000 })), flow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('aliases' as const), levels: fc.integer({ min: 2, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), size: fc.integer({ min: 1000, max: 30_000 }), lines: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('randomBytes' as const), bytes: fc.uint8Array({ maxLength: 300 }) }) },
);

const encoder = new TextEncoder();

function concatBytes(a: Uint8Array, b: Uint8Array, c: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length + c.length);
  out.set(a, 0);
  out.set(b, a.length);
  out.set(c, a.length + b.length);
  return out;
}

/** Applies mutations in order; a byte-level mutation turns the content into bytes. */
export function mutate(content: Content, mutations: readonly Mutation[]): Content {
  let c = content;
  for (const m of mutations) {
    if (m.kind === 'randomBytes') {
      c = m.bytes;
      continue;
    }
    if (m.kind === 'bytes') {
      const b = typeof c === 'string' ? encoder.encode(c) : c;
      const at = m.at % (b.length + 1);
      c = concatBytes(b.subarray(0, at), m.bytes, b.subarray(at));
      continue;
    }
    if (typeof c !== 'string') {
      // Text mutations on bytes work on the bytes' Latin-1 view: they stay byte-exact.
      const at = (n: number) => n % (c.length + 1);
      const b = c as Uint8Array;
      if (m.kind === 'truncate') c = b.subarray(0, at(m.at));
      else if (m.kind === 'bom') c = concatBytes(new Uint8Array([0xef, 0xbb, 0xbf]), b, new Uint8Array());
      else if (m.kind === 'nul') c = concatBytes(b.subarray(0, at(m.at)), new Uint8Array([0]), b.subarray(at(m.at)));
      else if (m.kind === 'insert') c = concatBytes(b.subarray(0, at(m.at)), encoder.encode(m.text), b.subarray(at(m.at)));
      continue;
    }
    const s = c;
    const at = (n: number) => n % (s.length + 1);
    switch (m.kind) {
      case 'truncate':
        c = s.slice(0, at(m.at));
        break;
      case 'insert':
        c = s.slice(0, at(m.at)) + m.text + s.slice(at(m.at));
        break;
      case 'crlf':
        c = s.replace(/\r?\n/g, '\r\n');
        break;
      case 'cr':
        c = s.replace(/\r?\n/g, '\r');
        break;
      case 'bom':
        c = '\uFEFF' + s;
        break;
      case 'tabs':
        c = s.replace(/^( {2})+/gm, (sp) => '\t'.repeat(sp.length / 2));
        break;
      case 'duplicateLine': {
        const lines = s.split('\n');
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]);
        c = lines.join('\n');
        break;
      }
      case 'nul':
        c = s.slice(0, at(m.at)) + '\0' + s.slice(at(m.at));
        break;
      case 'nest':
        c = s + (s.endsWith('\n') || s === '' ? '' : '\n') + deepNesting(m.depth, m.flow);
        break;
      case 'aliases':
        c = s + (s.endsWith('\n') || s === '' ? '' : '\n') + aliasBomb(m.levels);
        break;
      case 'huge':
        c = m.lines ? s + '\nhuge:\n' + '  - x\n'.repeat(Math.ceil(m.size / 6)) : s + `\nhuge: "${'x'.repeat(m.size)}"\n`;
        break;
    }
  }
  return c;
}

const mutations = fc.oneof({ weight: 3, arbitrary: fc.constant([] as Mutation[]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

/** Sometimes bytes instead of a string (the CLI reads bytes, editors hand over strings). */
const asBytesSometimes = (c: Content, bytes: boolean): Content => (bytes && typeof c === 'string' ? encoder.encode(c) : c);

// ---------------------------------------------------------------------------------------------
// Files and repositories

const yamlFile = (data: Arbitrary<unknown>) =>
  fc.tuple(data, yamlStyle, mutations, fc.boolean()).map(([d, style, ms, bytes]) => asBytesSometimes(mutate(toYaml(d, style), ms), bytes));

const markdownMeasure = fc
  .tuple(maybeWrong(measureData), yamlStyle, markdownBody, mutations, fc.boolean(), fc.boolean())
  .map(([d, style, body, ms, bytes, dropTitle]) => {
    const data = { ...d };
    if (dropTitle) delete data.title;
    return asBytesSometimes(mutate(`---\n${toYaml(data, style)}---\n${body}`, ms), bytes);
  });

const yamlMeasures = yamlFile(fc.oneof({ weight: 3, arbitrary: maybeWrong(measureData) }, { weight: 1, arbitrary: fc.array(maybeWrong(measureData), { maxLength: 3 }) }, { weight: 1, arbitrary: anyValue }));

/** Names that file systems allow but tools trip over: spaces, Unicode, `#`, `%`, RTL, emoji. */
export const ODD_NAMES = ['ki chatbot', 'Maßnahme-ÄÖÜ', '#1', '100%', '%20', 'emoji-🚀', 'rtl-\u202Egpj', 'a&b', "it's", '"q"', 'x;y', '[x]', '{a,b}', '*', '-rf', ' lead', 'trail ', 'é', 'e\u0301'];

/** A measure file name (without extension): plain, odd or random. */
const measureName = fc.oneof(fc.constantFrom('a', 'b', 'ki', 'portal', 'x-1'), fc.constantFrom(...ODD_NAMES), nameText).map((n) => (n.trim() === '' || n === '.' || n === '..' ? 'leer' : n));

const measureFile: fc.Arbitrary<[string, Content]> = fc.oneof(
  fc.tuple(measureName, fc.option(fc.constantFrom('sub', 'tief/er', 'Ümlaut dir'), { nil: undefined }), markdownMeasure).map(([n, dir, c]) => [`measures/${dir ? dir + '/' : ''}${n}.md`, c] as [string, Content]),
  fc.tuple(measureName, fc.constantFrom('yaml', 'yml'), yamlMeasures).map(([n, ext, c]) => [`measures/${n}.${ext}`, c] as [string, Content]),
);

/** Files that are not read (outside `include`) or read only with another `include`. */
const otherFile: fc.Arbitrary<[string, Content]> = fc.tuple(fc.constantFrom('README.md', 'measures/notes.txt', 'more/extra.yaml', 'docs/x.md'), yamlMeasures);

export interface RepoOptions {
  /** At most this many measure files (default 5). */
  maxMeasureFiles?: number;
}

/** A random strategy repository: strategy.yaml (usually), catalogues, measure files, others. */
export function repoArb(options: RepoOptions = {}): fc.Arbitrary<Repo> {
  const strategy = yamlFile(maybeWrong(strategyData));
  const funding = yamlFile(maybeWrong(fc.record({ programmes: list(programme(), 3) }, { requiredKeys: [] })));
  const partners = yamlFile(maybeWrong(fc.record({ partners: list(partner(), 3) }, { requiredKeys: [] })));
  return fc
    .record({
      strategy: fc.option(strategy, { freq: 12, nil: undefined }),
      funding: fc.option(funding, { freq: 2, nil: undefined }),
      partners: fc.option(partners, { freq: 2, nil: undefined }),
      measures: fc.uniqueArray(measureFile, { maxLength: options.maxMeasureFiles ?? 5, selector: ([p]) => p }),
      others: fc.uniqueArray(otherFile, { maxLength: 2, selector: ([p]) => p }),
    })
    .map(({ strategy, funding, partners, measures, others }) => {
      const files: Array<[string, Content]> = [];
      if (strategy !== undefined) files.push(['strategy.yaml', strategy]);
      if (funding !== undefined) files.push(['funding.yaml', funding]);
      if (partners !== undefined) files.push(['partners.yaml', partners]);
      const seen = new Set(files.map(([p]) => p));
      for (const f of [...measures, ...others]) if (!seen.has(f[0])) (seen.add(f[0]), files.push(f));
      return { files };
    });
}

/** A workspace with the repository's files set in the given order. */
export function workspaceOf(files: ReadonlyArray<readonly [string, Content]>, limits?: ParseLimits): StrategyWorkspace {
  const ws = new StrategyWorkspace(limits);
  for (const [path, content] of files) ws.setFile(path, content);
  return ws;
}

/** Writes a repository below `dir` (bytes as they are, strings as UTF-8). */
export function writeRepo(dir: string, repo: Repo): void {
  for (const [path, content] of repo.files) {
    const full = join(dir, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

// ---------------------------------------------------------------------------------------------
// Edits (for the incremental API) and generated contents on their own

/** Contents of any kind of file: strategy or catalogue YAML, a Markdown or YAML measure file. */
export const fileContent: fc.Arbitrary<Content> = fc.oneof(yamlFile(maybeWrong(strategyData)), markdownMeasure, yamlMeasures);

export type Edit =
  | { kind: 'replace'; pick: number; content: Content }
  | { kind: 'retype'; pick: number; mutations: Mutation[] }
  | { kind: 'add'; file: [string, Content] }
  | { kind: 'delete'; pick: number };

/** One edit of a repository: replace, change a little (as while typing), add or delete a file. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), content: fileContent }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('add' as const), file: fc.oneof(measureFile, fileContent.map((c) => ['strategy.yaml', c] as [string, Content])) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

/** The path and new content (null: deleted) of an edit of `files`; undefined when it has nothing to act on. */
export function applyEdit(files: Map<string, Content>, e: Edit): [string, Content | null] | undefined {
  const paths = [...files.keys()];
  if (e.kind === 'add') return e.file;
  if (!paths.length) return undefined;
  const path = paths[e.pick % paths.length];
  if (e.kind === 'delete') return [path, null];
  if (e.kind === 'replace') return [path, e.content];
  return [path, mutate(files.get(path)!, e.mutations)];
}

// ---------------------------------------------------------------------------------------------
// Oracles

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text a front end's content stands for: UTF-8 decoded (bad bytes replaced), without a BOM. */
export function textOf(content: Content): string {
  const s = typeof content === 'string' ? content : lenient.decode(content);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

interface Pos {
  line: number;
  column: number;
  offset: number;
}

/** Offsets where lines start; \n, \r\n and a lone \r end a line (as in YAML and in editors). */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  return starts;
}

/** Problems with a range in `text` (empty when it is valid): lines and columns exist and agree with the offset, start ≤ end. */
export function rangeProblems(text: string, range: { start: Pos; end: Pos }): string[] {
  const starts = lineStarts(text);
  const problems: string[] = [];
  const check = (name: string, p: Pos) => {
    if (![p.line, p.column, p.offset].every(Number.isInteger)) return problems.push(`${name}: not integers ${JSON.stringify(p)}`);
    if (p.offset < 0 || p.offset > text.length) problems.push(`${name}: offset ${p.offset} outside 0..${text.length}`);
    if (p.line < 1 || p.line > starts.length) return problems.push(`${name}: line ${p.line} outside 1..${starts.length}`);
    const lineStart = starts[p.line - 1];
    const lineEnd = p.line < starts.length ? starts[p.line] - (text[starts[p.line] - 2] === '\r' && text[starts[p.line] - 1] === '\n' ? 2 : 1) : text.length;
    if (p.column < 1 || p.column > lineEnd - lineStart + 1) problems.push(`${name}: column ${p.column} outside 1..${lineEnd - lineStart + 1} of line ${p.line}`);
    if (lineStart + p.column - 1 !== p.offset) problems.push(`${name}: ${p.line}:${p.column} is offset ${lineStart + p.column - 1}, not ${p.offset}`);
    return 0;
  };
  check('start', range.start);
  check('end', range.end);
  if (range.start.offset > range.end.offset) problems.push(`start ${range.start.offset} after end ${range.end.offset}`);
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.column > range.end.column)) problems.push('start after end (line/column)');
  return problems;
}
