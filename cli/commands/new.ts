import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadWorkspace, resolveRoot } from '../load';
import { UsageError } from '../errors';
import { AI_CATEGORIES, AI_RISKS, type Lang, type Model } from '../../strategy/index';
import { didYouMean } from '../../strategy/suggest';
import { templatesDir } from '../lifecycle/assets';
import { renderTemplate } from '../lifecycle/template';
import { idFromTitle } from '../../strategy/templates/slug';
import { checkId, existingIds, measurePath as corePath, renderMeasure as renderMeasureFile, uniqueDerivedId, type MeasureValues } from '../../strategy/templates/measure';
import { createPrompter, type Prompter } from '../lifecycle/prompt';

export interface NewCommandOptions {
  root?: string;
  id?: string;
  title?: string;
  field?: string;
  ai?: boolean;
}

/** Where questions are asked; tests pass their own streams. */
export interface NewCommandIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

const KINDS = ['measure'];

const TEXT = {
  de: {
    title: 'Titel der Maßnahme',
    id: 'ID',
    field: (ids: string) => `Handlungsfeld (${ids}; leer: keins)`,
    category: (c: string) => `KI-Kategorie (${c})`,
    risk: (r: string) => `Risikoklasse nach KI-VO (${r})`,
    created: (id: string, file: string) => `Maßnahme ${id} angelegt: ${file}`,
  },
  en: {
    title: 'Title of the measure',
    id: 'Id',
    field: (ids: string) => `Field of action (${ids}; empty: none)`,
    category: (c: string) => `AI category (${c})`,
    risk: (r: string) => `Risk class under the AI Act (${r})`,
    created: (id: string, file: string) => `Created measure ${id}: ${file}`,
  },
};

/**
 * `strategy new measure`: writes `measures/<slug>.md` from the template of the repository's
 * language. Missing values are asked for on a terminal; without one, `--title` is required and
 * everything else has a default. Never overwrites, never reuses an id.
 */
export async function runNew(what: string, opts: NewCommandOptions, io: NewCommandIo = defaultIo()): Promise<number> {
  if (!KINDS.includes(what)) {
    const s = didYouMean(what, KINDS);
    throw new UsageError(`cannot create "${what}": only "measure" is supported${s ? ` (did you mean "${s}"?)` : ''}`);
  }
  const root = resolveRoot(opts.root);
  const ws = loadWorkspace(root);
  const model = ws.model();
  const lang: Lang = model.strategy.language ?? 'de';
  const t = TEXT[lang];
  const prompter = io.interactive ? createPrompter(io.input, io.output) : undefined;
  try {
    const title = await resolveTitle(opts.title, prompter, t.title);
    const existing = existingIds(model);
    const id = await resolveId(opts.id, title, existing, prompter, t.id);
    const field = await resolveField(opts.field, model, prompter, t);
    const ai = opts.ai ? await resolveAi(prompter, t) : undefined;

    const file = measurePath(id, (p) => ws.kindOf(p) === 'measures', model.strategy.include);
    const content = renderMeasure(lang, { id, title, field, ai, model });
    const full = join(root, file);
    mkdirSync(dirname(full), { recursive: true });
    try {
      writeFileSync(full, content, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} exists: not overwritten (choose another --id)`);
      throw new Error(`cannot write ${file}: ${(e as Error).message}`, { cause: e });
    }
    const shown = relative(process.cwd(), full).split('\\').join('/') || file;
    process.stdout.write(shown + '\n');
    io.output.write(t.created(id, shown) + '\n');
    return 0;
  } finally {
    prompter?.close();
  }
}

function defaultIo(): NewCommandIo {
  return { input: process.stdin, output: process.stderr, interactive: Boolean(process.stdin.isTTY) };
}

/** Line breaks and runs of blanks in a title become single spaces. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

async function resolveTitle(given: string | undefined, prompter: Prompter | undefined, question: string): Promise<string> {
  if (given !== undefined) {
    const title = oneLine(given);
    if (!title) throw new UsageError('--title: the title is empty');
    return title;
  }
  if (!prompter) throw new UsageError('--title is required when stdin is not a terminal');
  for (;;) {
    const title = oneLine(await prompter.ask(question));
    if (title) return title;
  }
}

async function resolveId(given: string | undefined, title: string, existing: Map<string, string>, prompter: Prompter | undefined, question: string): Promise<string> {
  if (given !== undefined) {
    const problem = checkId(given, existing);
    if (problem) throw new UsageError(`--id: ${problem}`);
    return given;
  }
  if (!prompter) {
    const derived = idFromTitle(title);
    if (!derived) throw new UsageError(`cannot derive an id from the title "${title}": give one with --id`);
    const problem = checkId(derived, existing);
    if (problem) throw new UsageError(`${problem}: give another one with --id`);
    return derived;
  }
  const derived = uniqueDerivedId(title, existing);
  for (;;) {
    const id = await prompter.ask(question, derived);
    const problem = id ? checkId(id, existing) : 'an id is required';
    if (!problem) return id;
    prompter.warn(problem);
  }
}

async function resolveField(given: string | undefined, model: Model, prompter: Prompter | undefined, t: (typeof TEXT)[Lang]): Promise<string | undefined> {
  const ids = model.fields.map((f) => f.id);
  const check = (f: string) => {
    if (model.fieldById.has(f)) return undefined;
    const s = didYouMean(f, ids);
    return `unknown field of action "${f}"${s ? ` (did you mean "${s}"?)` : ids.length ? ` (known: ${ids.join(', ')})` : ''}`;
  };
  if (given !== undefined) {
    const problem = check(given);
    if (problem) throw new UsageError(`--field: ${problem}`);
    return given;
  }
  if (!prompter || ids.length === 0) return undefined;
  for (;;) {
    const answer = await prompter.ask(t.field(ids.join(', ')));
    if (!answer) return undefined;
    const problem = check(answer);
    if (!problem) return answer;
    prompter.warn(problem);
  }
}

async function resolveAi(prompter: Prompter | undefined, t: (typeof TEXT)[Lang]): Promise<{ category: string; risk: string }> {
  if (!prompter) return { category: 'other', risk: 'unclassified' };
  const pick = async (question: string, allowed: readonly string[], fallback: string) => {
    for (;;) {
      const answer = await prompter.ask(question, fallback);
      if (allowed.includes(answer)) return answer;
      const s = didYouMean(answer, allowed);
      prompter.warn(`"${answer}" is not one of ${allowed.join(', ')}${s ? ` – did you mean "${s}"?` : ''}`);
    }
  };
  const category = await pick(t.category(AI_CATEGORIES.join(', ')), AI_CATEGORIES, 'other');
  const risk = await pick(t.risk(AI_RISKS.join(', ')), AI_RISKS, 'unclassified');
  return { category, risk };
}

export function renderMeasure(lang: Lang, v: MeasureValues): string {
  const dir = join(templatesDir(), 'measure', lang);
  return renderMeasureFile(lang, v, { measure: readFileSync(join(dir, 'measure.md.tmpl'), 'utf8'), ai: readFileSync(join(dir, 'ai.yaml.tmpl'), 'utf8') });
}

function measurePath(id: string, isMeasure: (path: string) => boolean, include: string[]): string {
  const path = corePath(id, isMeasure, include);
  if (path) return path;
  throw new UsageError(`no folder for Markdown measures: "include" in strategy.yaml (${include.join(', ')}) matches no file for ${id}`);
}
