// Deterministic variants of YAML texts for the subset parser's equivalence test
// (test/yaml-subset.test.ts): mutations of real texts and a generator of random documents from
// the subset grammar (docs/architecture.md, "YAML"). Many variants are outside the subset or not
// valid YAML at all, on purpose: the test checks that the subset parser declines them or reads
// them exactly as the yaml package does.

export type Rand = () => number;

/** mulberry32: a tiny seeded PRNG (as bench/generate.mjs), so every run tests the same texts. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rand, p: number) => r() < p;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Plain scalars that YAML 1.2's core schema reads as numbers, booleans or null, and look-alikes that stay strings. */
export const LOOKALIKES = ['1', '-0', '+5', '0', '00', '007', '1.5', '1.', '.5', '+.5', '-1.5e-3', '1e3', '1E+3', '1e', '0x1F', '0X1F', '0x', '0o17', '0o8', '017', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN', 'inf', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'TRUE', 'True', 'tRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', '1_000', '1,000', '2027-08', '2027-08-01', '2027-08-01T12:00:00Z', '12:30', '1:20:30', '0b101', '9007199254740993', '1e400', '1e+400', '1.0', '1.50', '-1', '+1', '0.1e1', '1e-7', '-.5', '5.', '.5e3', '0xFFFFFFFFFFFFFFFFF', '-0x1', '+0o7', '0o', '1__0', '_1', '-', '--', '.', '..', '…'];
/** Plain scalars with characters that matter to YAML somewhere (some are errors, some fine). */
export const TRICKY_PLAIN = ['a#b', 'a #b', 'a# b', 'a: b', 'a:b', 'a :b', 'a:', 'http://example.org/x?y=1#z', ':a', '?a', '? a', '-a', '- a', '--- a', '... a', '@x', '`x', '%x', '!x', '&a', '*a', '|x', '>x', 'a|b', 'a>b', '[a', 'a]', '{a}', 'a,b', ',a', 'a,', "a'b", 'a"b', "'a'b", '"a"b', 'a\tb', 'a  b', 'Grünfläche Übersicht', 'Straße', '🚀 Start', '😀', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a\u00a0b', 'a\u00a0', '\u00a0a', 'a\u200bb', 'a\ufeffb', 'a\u0007b', 'a\u007fb', 'a\\b', 'a\\nb', 'C:\\x', '§ 3 Abs. 1', '„Zitat“', '50 %', '5(a)', 'a – b', 'Art. 6 Abs. 1 lit. e DSGVO'];
/** Keys: identifiers and ones that look like something else. */
export const TRICKY_KEYS = ['id', 'title', 'a', 'a_b', 'a-b', 'a.b', 'a b', 'größe', 'ÄÖÜ', '😀', '1', '2', '-1', '1.0', '0x1', 'true', 'null', '~', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', "'q'", '"dq"', "'a b'", '"a:b"', '-k', 'k-', 'k#', 'a\u00a0b', '1a', 'a/b', '1e3', '.inf', '-0', '0o17', 'TRUE', 'Null', '1_000', '2027-08', '12:30', '0.0', '+1'];
/** Double-quoted escapes, some invalid. */
const ESCAPES = ['\\t', '\\"', '\\\\', '\\/', '\\u00e9', '\\U0001F600', '\\x41', '\\n', '\\r', '\\0', '\\a', '\\b', '\\e', '\\f', '\\v', '\\ ', '\\_', '\\N', '\\L', '\\P', '\\q', '\\x4', '\\ud83d\\ude00', '\\ud83d'];
/** Block scalar headers. */
const HEADERS = ['|', '>', '|-', '>-', '|+', '>+', '|2', '>2', '|-2', '|2-', '>+2', '|1', '|9', '>0', '| # c', '>- # c', '|#c', '|--', '|x'];

interface Line {
  /** The line without its line break (a CR of a CRLF stays out too). */
  text: string;
  cr: boolean;
  indent: number;
  blank: boolean;
  comment: boolean;
  /** Inside the content of a block scalar (`|`, `>`): changing it changes a value, not the structure. */
  scalar: boolean;
  /** Starts a block scalar. */
  header: boolean;
}

const HEADER = /(?:^[ ]*(?:- +)+|:[ \t]+)(?:[&!][^ \t]*[ \t]+)*[|>][0-9+-]*[ \t]*(?:#.*)?$/;
/** `key: value` (value optional) with a plain key; a sequence dash in front is kept in `lead`. */
const ENTRY = /^([ ]*(?:- +)*)([A-Za-z_][\w.-]*)([ ]*):(?:([ \t]+)(.*))?$/;
/** A value that is a plain scalar with no comment after it. */
const PLAIN_VALUE = /^[^\s'"[\]{}|>#&*!%@`,?:-][^#]*$/;

function split(text: string): { lines: Line[]; final: boolean } {
  const raw = text.split('\n');
  const final = raw.length > 1 && raw[raw.length - 1] === '';
  if (final) raw.pop();
  const lines: Line[] = [];
  let scalarParent = -1;
  for (const r of raw) {
    const cr = r.endsWith('\r');
    const t = cr ? r.slice(0, -1) : r;
    const indent = /^ */.exec(t)![0].length;
    const blank = t.trim() === '';
    if (scalarParent >= 0 && !blank && indent <= scalarParent) scalarParent = -1;
    const scalar = scalarParent >= 0;
    const header = !scalar && HEADER.test(t);
    lines.push({ text: t, cr, indent, blank, comment: !scalar && t.trimStart().startsWith('#'), scalar, header });
    if (header) scalarParent = indent;
  }
  return { lines, final };
}

function join(lines: Line[], final: boolean): string {
  return lines.map((l) => l.text + (l.cr ? '\r' : '')).join('\n') + (final ? '\n' : '');
}

const line = (text: string, cr = false): Line => ({ text, cr, indent: /^ */.exec(text)![0].length, blank: text.trim() === '', comment: text.trimStart().startsWith('#'), scalar: false, header: false });

/** The line's indent, or that of the next non-blank line when it is blank (where an inserted line belongs). */
function indentAt(lines: Line[], i: number): number {
  for (let k = i; k < lines.length; k++) if (!lines[k].blank) return lines[k].indent;
  return 0;
}

type Edit = (text: string, r: Rand) => string | undefined;

/** Changes the lines for which `where` holds (each with probability `p`, at least one); undefined when none fits. */
function eachLine(text: string, r: Rand, p: number, where: (l: Line) => boolean, change: (l: Line, r: Rand) => Line | Line[] | undefined): string | undefined {
  const { lines, final } = split(text);
  const fits = lines.map((l, i) => (where(l) ? i : -1)).filter((i) => i >= 0);
  if (!fits.length) return undefined;
  const chosen = new Set(fits.filter(() => chance(r, p)));
  if (!chosen.size) chosen.add(pick(r, fits));
  const out: Line[] = [];
  let changed = false;
  lines.forEach((l, i) => {
    const c = chosen.has(i) ? change(l, r) : undefined;
    if (c === undefined) out.push(l);
    else {
      changed = true;
      out.push(...(Array.isArray(c) ? c : [c]));
    }
  });
  return changed ? join(out, final) : undefined;
}

/** Inserts lines before some lines (`where`), or at the end (index = lines.length). */
function insertLines(text: string, r: Rand, p: number, where: (lines: Line[], i: number) => boolean, make: (lines: Line[], i: number, r: Rand) => string[]): string | undefined {
  const { lines, final } = split(text);
  const cr = lines.some((l) => l.cr);
  const out: Line[] = [];
  let changed = false;
  for (let i = 0; i <= lines.length; i++) {
    if (where(lines, i) && chance(r, p)) {
      for (const t of make(lines, i, r)) out.push(line(t, cr));
      changed = true;
    }
    if (i < lines.length) out.push(lines[i]);
  }
  return changed ? join(out, final || (changed && !lines.length)) : undefined;
}

const COMMENTS = ['# Kommentar', '#', '#x', '# a: b', '# - c', '# --- ', '# "q\' ü'];

/** Whether a content line (not blank, not a comment) comes at or after line `i`. */
function hasContentFrom(lines: Line[], i: number): boolean {
  for (let k = i; k < lines.length; k++) if (!lines[k].blank && !lines[k].comment) return true;
  return false;
}

/** Outside block scalars: between entries, where an inserted blank or comment line changes no value. */
const structural = (lines: Line[], i: number) => i === lines.length || !lines[i].scalar;

/** A `key: plain value` line outside block scalars: its parts. */
function entry(l: Line): { lead: string; key: string; gap: string; sep: string; value: string } | undefined {
  if (l.scalar || l.comment) return undefined;
  const m = ENTRY.exec(l.text);
  if (!m) return undefined;
  return { lead: m[1], key: m[2], gap: m[3], sep: m[4] ?? '', value: m[5] ?? '' };
}
const plainEntry = (l: Line) => {
  const e = entry(l);
  return e && PLAIN_VALUE.test(e.value) && !l.header ? e : undefined;
};
const flowEntry = (l: Line) => {
  const e = entry(l);
  return e && /^\[[^\]#]*\]$/.test(e.value) ? e : undefined;
};
const withText = (l: Line, text: string): Line => ({ ...l, text });

const singleQuoted = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * The mutations, by name. The first group (COMMON) are things real files have: the test requires
 * the subset parser to accept them on generated measures.
 */
export const COMMON: Record<string, Edit> = {
  crlf: (t) => (t.includes('\n') ? t.replace(/\r?\n/g, '\r\n') : undefined),
  'no final newline': (t) => (/\n$/.test(t) ? t.replace(/(\r?\n)+$/, '') : undefined),
  'trailing spaces': (t, r) => eachLine(t, r, 0.5, (l) => !l.blank, (l) => withText(l, l.text + ' '.repeat(int(r, 1, 3)))),
  'blank lines between entries': (t, r) => insertLines(t, r, 0.3, structural, (lines, i) => [pick(r, ['', ' ', '  ', ' '.repeat(Math.max(0, indentAt(lines, i)))])]),
  'blank lines at start and end': (t) => `\n  \n${t}${/\n$/.test(t) || !t ? '' : '\n'}\n   \n\n`,
  // As editors and people write them: at the indentation of the entry below (the subset parser
  // declines comments at other indentations and after the last value: 'comment lines elsewhere').
  'comment lines': (t, r) => insertLines(t, r, 0.3, (lines, i) => structural(lines, i) && hasContentFrom(lines, i), (lines, i) => [' '.repeat(indentAt(lines, i)) + pick(r, COMMENTS)]),
  'trailing comments': (t, r) =>
    eachLine(t, r, 0.5, (l) => !l.scalar && !l.comment && !l.blank && !l.header && (Boolean(plainEntry(l) || flowEntry(l)) || /:$/.test(l.text) || /^ *- +[^#]*$/.test(l.text)), (l) => withText(l, l.text + pick(r, [' # x', '  # Kommentar', ' #', ' #: b', '   #x']))),
};

/** A value under a plain key, replaced (or the key renamed). */
function replaceValue(t: string, r: Rand, make: (value: string, r: Rand) => string): string | undefined {
  return eachLine(t, r, 0.15, (l) => Boolean(plainEntry(l)), (l) => {
    const e = plainEntry(l)!;
    return withText(l, `${e.lead}${e.key}${e.gap}:${e.sep}${make(e.value, r)}`);
  });
}
function replaceKey(t: string, r: Rand, make: (key: string, r: Rand) => string): string | undefined {
  return eachLine(t, r, 0.1, (l) => Boolean(entry(l)), (l) => {
    const e = entry(l)!;
    return withText(l, `${e.lead}${make(e.key, r)}${e.gap}:${e.sep}${e.value}`);
  });
}

/** The lines of the block below line `i` (more indented, or blank), as indices. */
function blockBelow(lines: Line[], i: number): number[] {
  const out: number[] = [];
  for (let k = i + 1; k < lines.length; k++) {
    if (!lines[k].blank && !lines[k].scalar && lines[k].indent <= lines[i].indent && !(lines[k].indent === lines[i].indent && /^ *- /.test(lines[k].text) && !/^ *- /.test(lines[i].text))) break;
    if (!lines[k].blank && lines[k].indent <= lines[i].indent && lines[k].scalar) break;
    out.push(k);
  }
  while (out.length && lines[out[out.length - 1]].blank) out.pop();
  return out;
}

function nestedOpeners(lines: Line[]): number[] {
  return lines.map((l, i) => (!l.scalar && !l.comment && /^ *(?:- +)?[A-Za-z_][\w.-]*:[ ]*$/.test(l.text) && blockBelow(lines, i).length ? i : -1)).filter((i) => i >= 0);
}

export const RARE: Record<string, Edit> = {
  'comment lines elsewhere': (t, r) =>
    insertLines(t, r, 0.3, structural, (lines, i) => {
      const ind = indentAt(lines, i);
      return [' '.repeat(pick(r, [0, ind, ind + 1, ind + 2, ind + 4, Math.max(0, ind - 2)])) + pick(r, COMMENTS)];
    }),
  'trailing tabs': (t, r) => eachLine(t, r, 0.3, (l) => !l.blank, (l) => withText(l, l.text + pick(r, ['\t', ' \t', '\t '])) ),
  'blank lines anywhere': (t, r) => insertLines(t, r, 0.3, () => true, () => [' '.repeat(int(r, 0, 9))]),
  'comment lines anywhere': (t, r) => insertLines(t, r, 0.2, () => true, (lines, i) => [' '.repeat(int(r, 0, indentAt(lines, i) + 3)) + '# c']),
  'lone CR line ends': (t, r) => eachLine(t, r, 0.3, () => true, (l) => withText({ ...l, cr: false }, l.text + '\r')),
  'mixed line ends': (t, r) => eachLine(t, r, 0.3, () => true, (l) => ({ ...l, cr: !l.cr })),
  'single-quoted values': (t, r) => replaceValue(t, r, (v) => singleQuoted(v)),
  "single-quoted values with ''": (t, r) => replaceValue(t, r, (v, r) => singleQuoted(v.slice(0, 1) + pick(r, ["'", "''", "'x'"]) + v.slice(1))),
  'double-quoted values': (t, r) => replaceValue(t, r, (v) => JSON.stringify(v)),
  'double-quoted values with escapes': (t, r) => replaceValue(t, r, (v, r) => `"${v.slice(0, 1)}${pick(r, ESCAPES)}${JSON.stringify(v.slice(1)).slice(1)}`),
  'quoted edge cases': (t, r) => replaceValue(t, r, (_v, r) => pick(r, ["''", '""', "' '", '" "', "'a''", '"a\\"', "'a'b", '"a"b', "'a' # c", '"a" # c', "'a'#c", "'  spaced  '", '"  spaced  "', "'#'", '"#"', "'a: b'", '"a: b"', "'ü 😀'", '"\\u00fc"', '"\t"', "'\t'", "'a\tb'"])),
  'quoted keys': (t, r) => replaceKey(t, r, (k, r) => pick(r, [singleQuoted(k), JSON.stringify(k), `"${k}\\t"`, `'${k} '`])),
  'flow spacing': (t, r) =>
    eachLine(t, r, 0.5, (l) => Boolean(flowEntry(l)), (l, r) => {
      const e = flowEntry(l)!;
      const items = e.value.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
      const forms = [`[ ${items.join(',')} ]`, `[${items.join(' , ')}]`, `[${items.join(',')}]`, `[  ${items.join(',   ')}  ]`, '[]', '[ ]', `[${items.join(', ')},]`, `[${items.join(', ')}, ]`, `[\t${items.join(',\t')}]`];
      return withText(l, `${e.lead}${e.key}${e.gap}:${e.sep}${pick(r, forms)}`);
    }),
  'flow odd forms': (t, r) =>
    replaceValue(t, r, (v, r) => pick(r, [`[${v}]`, `[${v},,x]`, `[${v} x]`, `['${v}', "x"]`, `[${v}: 1]`, `[[${v}]]`, `[{a: ${v}}]`, `[${v}, #c\n]`, `[${v}`, `[${v}]]`, `[${v}] x`, `[a#b]`, `[a, #b]`, `[?x]`, `[-x]`, `[- x]`, `[a,b]c`, `[ ${v} ,\n  x ]`, `[!!str 1]`, `[&a x, *a]`, `[ '', "" ]`, '[,]'])),
  'block scalar headers': (t, r) =>
    eachLine(t, r, 1, (l) => l.header, (l, r) => withText(l, l.text.replace(/[|>][0-9+-]*[ \t]*(?:#.*)?$/, pick(r, HEADERS)))),
  'block scalar from value': (t, r) =>
    eachLine(t, r, 0.2, (l) => Boolean(plainEntry(l)), (l, r) => {
      const e = plainEntry(l)!;
      const ind = ' '.repeat(e.lead.length + int(r, 1, 4));
      const words = e.value.split(' ');
      const cut = int(r, 1, Math.max(1, words.length));
      const body = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')].filter(Boolean);
      if (chance(r, 0.3)) body.splice(1, 0, '');
      if (chance(r, 0.3)) body.push(' '.repeat(int(r, 0, 8)));
      if (chance(r, 0.3)) body.splice(1, 0, '  more indented');
      return [withText(l, `${e.lead}${e.key}${e.gap}:${e.sep || ' '}${pick(r, HEADERS)}`), ...body.map((b) => line(b && !/^ +$/.test(b) ? ind + b : b, l.cr))];
    }),
  'block scalar bodies': (t, r) =>
    eachLine(t, r, 0.4, (l) => l.scalar, (l, r) =>
      pick(r, [
        [l, line('', l.cr), line(' '.repeat(Math.max(0, l.indent + int(r, -1, 3))) + 'more', l.cr)],
        [withText(l, ' '.repeat(l.indent + 2) + l.text.trimStart())],
        [l, line(' '.repeat(int(r, 0, l.indent + 4)), l.cr)],
        [l, line(' '.repeat(l.indent) + '# not a comment', l.cr)],
        [withText(l, l.text + ' # not a comment either')],
        [withText(l, l.text.replace(/ /g, '\t'))],
        [withText(l, ' '.repeat(l.indent) + '\t' + l.text.trimStart())],
      ]),
    ),
  'sequence at the parent key indentation': (t, r) => {
    const { lines, final } = split(t);
    const open = nestedOpeners(lines).filter((i) => /^ *- /.test(lines[blockBelow(lines, i)[0]]?.text ?? '') && lines[blockBelow(lines, i)[0]].indent > lines[i].indent);
    if (!open.length) return undefined;
    const i = pick(r, open);
    const body = blockBelow(lines, i);
    const shift = lines[body[0]].indent - lines[i].indent;
    for (const k of body) if (!lines[k].blank) lines[k] = withText(lines[k], lines[k].text.slice(Math.min(shift, lines[k].indent)));
    return join(lines, final);
  },
  'deeper or shallower nested block': (t, r) => {
    const { lines, final } = split(t);
    const open = nestedOpeners(lines);
    if (!open.length) return undefined;
    const i = pick(r, open);
    const d = pick(r, [1, 2, 3, 6, -1]);
    for (const k of blockBelow(lines, i)) if (!lines[k].blank) lines[k] = withText(lines[k], d > 0 ? ' '.repeat(d) + lines[k].text : lines[k].text.replace(/^ /, ''));
    return join(lines, final);
  },
  'one line re-indented': (t, r) => eachLine(t, r, 0.05, (l) => !l.blank && !l.scalar, (l, r) => withText(l, ' '.repeat(Math.max(0, l.indent + pick(r, [-2, -1, 1, 2]))) + l.text.trimStart())),
  'empty values': (t, r) => replaceValue(t, r, (_v, r) => pick(r, ['', ' ', '  # c']))?.replace(/: (?= *(?:# c)?$)/gm, (m) => (chance(r, 0.5) ? ':' : m)),
  'nested block removed': (t, r) => {
    const { lines, final } = split(t);
    const open = nestedOpeners(lines);
    if (!open.length) return undefined;
    const i = pick(r, open);
    const body = new Set(blockBelow(lines, i));
    return join(lines.filter((_l, k) => !body.has(k)), final);
  },
  'number and bool look-alike values': (t, r) => replaceValue(t, r, (_v, r) => pick(r, LOOKALIKES)),
  'tricky plain values': (t, r) => replaceValue(t, r, (_v, r) => pick(r, TRICKY_PLAIN)),
  'look-alike keys': (t, r) => replaceKey(t, r, (_k, r) => pick(r, TRICKY_KEYS)),
  'duplicate keys': (t, r) => eachLine(t, r, 0.1, (l) => Boolean(plainEntry(l) || flowEntry(l)), (l) => [l, withText(l, l.text.replace(/^( *)- /, '$1  '))]),
  '__proto__ keys': (t, r) => replaceKey(t, r, () => '__proto__'),
  tabs: (t, r) =>
    eachLine(t, r, 0.1, (l) => !l.blank, (l, r) =>
      pick(r, [
        withText(l, l.text.replace(/^ {1,2}/, '\t')),
        withText(l, l.text.replace(/: /, ':\t')),
        withText(l, l.text.replace(/ (?=\S)/, '\t')),
        withText(l, l.text.replace(/^( *)- /, '$1-\t')),
        withText(l, l.text + '\t# c'),
        [l, line('\t', l.cr)],
      ]),
    ),
  'anchors, aliases and tags': (t, r) => replaceValue(t, r, (v, r) => pick(r, [`&a ${v}`, '*a', `!!str ${v}`, `!!int ${v}`, `!local ${v}`, `! ${v}`, `&a`, `!!null`, `!<tag:yaml.org,2002:str> ${v}`])),
  'explicit keys': (t, r) =>
    eachLine(t, r, 0.1, (l) => Boolean(plainEntry(l)) && !/^ *- /.test(l.text), (l) => {
      const e = plainEntry(l)!;
      return [withText(l, `${e.lead}? ${e.key}`), line(`${e.lead}: ${e.value}`, l.cr)];
    }),
  'flow maps': (t, r) => replaceValue(t, r, (v, r) => pick(r, [`{a: ${v}}`, `{ a: 1, b: ${v} }`, '{}', `{${v}}`, `{a: [${v}]}`])),
  'multi-line plain scalars': (t, r) =>
    eachLine(t, r, 0.2, (l) => Boolean(plainEntry(l)?.value.includes(' ')), (l, r) => {
      const e = plainEntry(l)!;
      const at = e.value.indexOf(' ');
      return [withText(l, `${e.lead}${e.key}${e.gap}:${e.sep}${e.value.slice(0, at)}`), line(' '.repeat(e.lead.length + int(r, 0, 4)) + e.value.slice(at + 1), l.cr), ...(chance(r, 0.3) ? [line(''), line(' '.repeat(e.lead.length + 2) + 'x', l.cr)] : [])];
    }),
  'document markers': (t, r) =>
    pick(r, [
      `---\n${t}`,
      `--- # c\n${t}`,
      `${t}${/\n$/.test(t) ? '' : '\n'}...\n`,
      `${t}${/\n$/.test(t) ? '' : '\n'}---\n`,
      `%YAML 1.2\n---\n${t}`,
      insertLines(t, r, 0.05, structural, () => [pick(r, ['---', '...', '--- x', '---x', ' ---'])]) ?? `---\n${t}`,
    ]),
  'colon in a value': (t, r) => replaceValue(t, r, (v, r) => pick(r, [`${v}: b`, `a: ${v}`, `${v}:b`, `${v} :b`, `${v}:`, `https://example.org/${v}`])),
  'hash in a value': (t, r) => replaceValue(t, r, (v, r) => pick(r, [`${v}#b`, `a#${v}`, `${v} #b`, `${v}\t#b`, `${v} # b`, `#${v}`])),
  unicode: (t, r) => replaceValue(t, r, (v, r) => pick(r, [`Grünfläche ${v}`, `${v} 🚀`, `${v}\u2028b`, `${v}\u2029`, `${v}\u00a0`, `\u00a0${v}`, `${v}\u00a0# c`, `${v}\u0085x`, `${v}\ufeff`, `${v}\u200b`, `${v}\ud83d`, `${v}\u3000`])),
  'unicode keys and indentation': (t, r) =>
    pick(r, [
      replaceKey(t, r, (k, r) => pick(r, [`größe_${k}`, `${k}😀`, `ü`, `${k}\u00a0`, `\u00a0${k}`])),
      eachLine(t, r, 0.1, (l) => l.indent > 0, (l) => withText(l, '\u00a0' + l.text.slice(1))),
      `\ufeff${t}`,
      `\u00a0${t}`,
    ]),
  'key spacing': (t, r) =>
    eachLine(t, r, 0.1, (l) => Boolean(plainEntry(l)), (l, r) => {
      const e = plainEntry(l)!;
      return withText(l, `${e.lead}${e.key}${pick(r, [' :', '  :', ':', ': ', ' : '])}${pick(r, [' ', '  ', '', '\t'])}${e.value}`);
    }),
  'sequence item forms': (t, r) =>
    eachLine(t, r, 0.2, (l) => /^ *- \S/.test(l.text) && !l.scalar, (l, r) => {
      const d = l.text.indexOf('-');
      const rest = l.text.slice(d + 2);
      return pick(r, [
        [withText(l, `${l.text.slice(0, d)}-   ${rest}`)],
        [withText(l, `${l.text.slice(0, d)}-`), line(`${' '.repeat(d + 2)}${rest}`, l.cr)],
        [withText(l, `${l.text.slice(0, d)}- - ${rest}`)],
        [withText(l, `${l.text.slice(0, d)}-`), l],
        [withText(l, `${l.text.slice(0, d)}- # c`), line(`${' '.repeat(d + 2)}${rest}`, l.cr)],
        [withText(l, `${l.text.slice(0, d)}-${rest}`)],
        [withText(l, `${l.text.slice(0, d)}-\t${rest}`)],
      ]);
    }),
  'control characters': (t, r) => {
    const at = int(r, 0, t.length);
    return t.slice(0, at) + pick(r, ['\u0007', '\u007f', '\u0000', '\u001b', '\ufffe', '\u0085', '\u2028', '\r']) + t.slice(at);
  },
};

/** A few mutations in a row: interactions (a comment after a block scalar without a final newline …). */
export function combined(t: string, r: Rand): { name: string; text: string } | undefined {
  const all = { ...COMMON, ...RARE };
  const names = Object.keys(all);
  let text = t;
  const done: string[] = [];
  for (let n = int(r, 2, 4); n > 0; n--) {
    const name = pick(r, names);
    const next = all[name](text, r);
    if (next !== undefined && next !== text) {
      text = next;
      done.push(name);
    }
  }
  return done.length >= 2 ? { name: done.join(' + '), text } : undefined;
}

// --- random documents from the subset grammar -------------------------------------------------

const WORDS = ['id', 'title', 'status', 'goals', 'owner', 'funding', 'source', 'amount', 'privacy', 'ai', 'milestones', 'date', 'tags', 'a', 'b', 'c', 'x_y', 'k-1', 'a.b', 'K2'];
const SIMPLE = ['Digitale Verwaltung', 'active', 'VW-0001', 'Z-ONLINE', 'FB Digitalisierung', 'Ratsbeschluss vom 27.02.2024, Vorlage 2024/0211', 'm1', 'ü', 'a b  c'];

/** A scalar as YAML source: plain (not always valid), single- or double-quoted. */
function scalar(g: Gen): string {
  const { r } = g;
  const p = r();
  const v = p < 0.6 - g.tricky / 2 ? pick(r, SIMPLE) : p < 1 - g.tricky ? pick(r, LOOKALIKES) : pick(r, TRICKY_PLAIN);
  const style = r();
  if (style < 0.6) return v;
  if (style < 0.8) return singleQuoted(v);
  if (style < 1 - g.tricky / 4) return JSON.stringify(v);
  return `"${pick(r, ESCAPES)}${JSON.stringify(v).slice(1)}`;
}

function flow(g: Gen): string {
  const { r } = g;
  const items = Array.from({ length: int(r, 0, 4) }, () => (chance(r, 0.8) ? pick(r, [...SIMPLE.slice(1, 5), ...LOOKALIKES]) : scalar(g)));
  const sep = pick(r, [', ', ',', ' , ', ',  ']);
  const pad = pick(r, ['', ' ', '  ']);
  return items.length ? `[${pad}${items.join(sep)}${pad}]` : pick(r, ['[]', '[ ]']);
}

interface Gen {
  r: Rand;
  out: string[];
  /** Probability of a decoration (comment, blank line, trailing space) per line. */
  noise: number;
  /** Share of the choices that are tricky: scalars with indicators or escapes, comments at odd indentations. */
  tricky: number;
}

function emit(g: Gen, text: string, indent: number, empty = false): void {
  const { r } = g;
  const at = /^ */.exec(text)![0].length;
  if (chance(r, g.noise)) g.out.push(pick(r, ['', ' '.repeat(int(r, 1, 6)), ' '.repeat(chance(r, g.tricky) ? pick(r, [0, indent, indent + 2]) : at) + '# c']));
  let t = text;
  // A comment after an empty value is unusual (the subset parser declines it).
  if (chance(r, g.noise) && !/[|>][0-9+-]*$/.test(t) && (!empty || chance(r, g.tricky))) t += pick(r, [' # c', '  #x', ' ']);
  g.out.push(t);
}

function blockScalar(g: Gen, head: string, indent: number): void {
  const { r } = g;
  const header = chance(r, g.tricky) ? pick(r, ['|+', '>+', '|2', '>-1']) : pick(r, ['|', '>', '|-', '>-']);
  emit(g, `${head} ${header}`, indent);
  const ind = ' '.repeat(indent + int(r, 1, 4));
  for (let n = int(r, 1, 4), first = true; n > 0; n--, first = false) {
    const p = first && !chance(r, g.tricky) ? 1 : r();
    g.out.push(p < 0.15 ? '' : p < 0.15 + g.tricky / 2 ? `${ind}  more indented` : `${ind}${pick(r, SIMPLE)}${chance(r, 0.1) ? ' ' : ''}`);
  }
  if (chance(r, 0.3)) g.out.push(pick(r, ['', ' ', ind]));
}

/** The value after `head` (`key:` or `-`): inline scalar, flow, block scalar or a nested block. */
function value(g: Gen, head: string, indent: number, depth: number, inSeqItem: boolean): void {
  const { r } = g;
  const p = r();
  if (p < 0.4 || depth >= 5) emit(g, `${head} ${scalar(g)}`, indent);
  else if (p < 0.55) emit(g, `${head} ${flow(g)}`, indent);
  else if (p < 0.62) blockScalar(g, head, indent);
  else if (p < 0.67) emit(g, head, indent, true);
  else if (p < 0.84) {
    emit(g, head, indent);
    mapping(g, indent + int(r, 1, 4), depth + 1);
  } else {
    emit(g, head, indent);
    // A sequence may sit at its key's indentation (`key:\n- a`), not below a sequence item.
    sequence(g, indent + (inSeqItem || chance(r, 0.7) ? int(r, 1, 4) : 0), depth + 1);
  }
}

function mapping(g: Gen, indent: number, depth: number, first?: string): void {
  const { r } = g;
  const keys = new Set<string>();
  for (let n = int(r, 1, 5); n > 0; n--) {
    let key = chance(r, 1 - g.tricky / 2) ? pick(r, WORDS) : pick(r, TRICKY_KEYS);
    if (keys.has(key) && chance(r, 0.9)) key += keys.size;
    keys.add(key);
    const lead = first !== undefined && n > 0 && keys.size === 1 ? first : ' '.repeat(indent);
    value(g, `${lead}${key}:`, indent, depth, false);
  }
}

function sequence(g: Gen, indent: number, depth: number): void {
  const { r } = g;
  for (let n = int(r, 1, 4); n > 0; n--) {
    const dash = ' '.repeat(indent) + '-';
    const p = r();
    if (p < 0.5 || depth >= 5) value(g, dash, indent, depth, true);
    else mapping(g, indent + 2, depth + 1, `${dash} `);
  }
}

/**
 * A random document of the subset grammar, with random comments, blank lines and line ends;
 * `tricky` (0 … 1) is the share of choices outside the usual (see Gen).
 */
export function randomDocument(r: Rand, tricky = 0.2): string {
  const g: Gen = { r, out: [], noise: pick(r, [0, 0.05, 0.2]), tricky };
  if (chance(r, 0.85)) mapping(g, 0, 1);
  else sequence(g, 0, 1);
  let text = g.out.join('\n');
  if (chance(r, 0.85)) text += '\n';
  if (chance(r, 0.15)) text = text.replace(/\n/g, '\r\n');
  return text;
}

// --- random scalars in random places ------------------------------------------------------------

/** Characters that matter to YAML somewhere, and some that do not. */
const ALPHABET = ['a', 'b', 'Z', '1', '0', '.', ' ', ' ', '#', ':', "'", '"', '\\', '-', '?', '[', ']', ',', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '~', '\t', 'ü', '😀', '\u00a0', '\u2028', '\u0085', '/', '+', 'e', 'x', 'o', '_', '\u200b', '\ufeff'];

const USUAL = ['a', 'b', 'Z', 'ß', 'ü', '1', '0', ' ', '-', '.', '/', '_', '(', ')'];

/** Mostly usual characters; `wild` is the share of the others. */
function randomString(r: Rand, max: number, wild = 0.2): string {
  let s = '';
  for (let n = int(r, 0, max); n > 0; n--) s += pick(r, chance(r, wild) ? ALPHABET : USUAL);
  return s;
}

/** A random scalar: plain (often invalid), or correctly single- or double-quoted. */
function anyScalar(r: Rand): string {
  const v = chance(r, 0.2) ? pick(r, [...LOOKALIKES, ...TRICKY_PLAIN]) + (chance(r, 0.3) ? randomString(r, 3) : '') : randomString(r, 8);
  const style = r();
  return style < 0.5 ? v : style < 0.75 ? singleQuoted(v) : JSON.stringify(v);
}

function blockScalarLines(r: Rand, indent: number): string[] {
  const header = pick(r, ['|', '>', '|-', '>-', '|+', '>+', '|', '>', '|-', '>-', '|+', '>+', '|1', '>2', '|2-', '>-1', '|+3']) + pick(r, ['', '', '', '', ' ', ' # c', '  #c']);
  const base = indent + int(r, 1, 3);
  const lines = [header];
  for (let n = int(r, 0, 5); n > 0; n--) {
    const p = r();
    lines.push(p < 0.2 ? '' : p < 0.3 ? ' '.repeat(int(r, 1, base + 2)) : p < 0.45 ? ' '.repeat(base + int(r, 1, 3)) + randomString(r, 6) : ' '.repeat(base) + (randomString(r, 10) || 'x'));
  }
  return lines;
}

/**
 * A document of mappings and sequences a few levels deep whose values are random scalars, flow
 * sequences of them and block scalars, with random spacing: for the scalar and block scalar rules.
 */
export function randomScalarDocument(r: Rand): string {
  const out: string[] = [];
  const write = (lead: string, indent: number, depth: number) => {
    const p = r();
    if (p < 0.45) out.push(`${lead}${pick(r, [' ', ' ', ' ', ' ', ' ', '  ', '\t'])}${anyScalar(r)}${pick(r, ['', '', '', '', '', ' ', ' # c', '\t# c', ' #'])}`);
    else if (p < 0.6) {
      const items = Array.from({ length: int(r, 0, 3) }, () => anyScalar(r));
      out.push(`${lead} [${pick(r, ['', ' '])}${items.join(pick(r, [', ', ',', ' ,']))}${pick(r, ['', ' ', ','])}]${pick(r, ['', ' # c'])}`);
    } else if (p < 0.75) {
      const [header, ...body] = blockScalarLines(r, indent);
      out.push(`${lead} ${header}`, ...body);
    } else if (p < 0.8 || depth > 3) out.push(lead);
    else if (p < 0.9) {
      out.push(lead);
      const ind = indent + int(r, 0, 3);
      for (let n = int(r, 1, 3); n > 0; n--) write(`${' '.repeat(ind)}-`, ind, depth + 1);
    } else {
      out.push(lead);
      const ind = indent + int(r, 1, 3);
      for (let n = int(r, 1, 3); n > 0; n--) write(`${' '.repeat(ind)}${pick(r, ['a', 'b', 'c', 'd'])}${n}:`, ind, depth + 1);
    }
    if (chance(r, 0.1)) out.push(pick(r, ['', ' ', `${' '.repeat(indent)}# c`, '# c']));
  };
  for (let n = int(r, 1, 4); n > 0; n--) write(`k${n}:`, 0, 0);
  const text = out.join('\n');
  return pick(r, [text, `${text}\n`, `${text}\n\n`, `${text.replace(/\n/g, '\r\n')}\r\n`]);
}
