import { readFileSync, writeFileSync } from 'node:fs';
import { prepareWrite } from '../write-guard';
import { safeLine } from '../ci-safe';
import { join, relative } from 'node:path';
import { loadWorkspace, resolveRoot } from '../load';
import { UsageError } from '../errors';
import { AI_CATEGORIES, AI_RISKS, MessageError, message, type Lang, type MessageData, type MessageKey, type Model } from '../../strategy/index';
import { reason } from '../io';
import { setCliLang } from '../lang';
import { didYouMean } from '../../strategy/suggest';
import { templatesDir } from '../lifecycle/assets';
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


/**
 * `strategy new measure`: writes `measures/<slug>.md` from the template of the repository's
 * language. Missing values are asked for on a terminal; without one, `--title` is required and
 * everything else has a default. Never overwrites, never reuses an id.
 */
export async function runNew(what: string, opts: NewCommandOptions, io: NewCommandIo = defaultIo()): Promise<number> {
  if (!KINDS.includes(what)) {
    const suggestion = didYouMean(what, KINDS);
    throw suggestion ? new UsageError('new.onlyMeasureSuggest', { what, suggestion }) : new UsageError('new.onlyMeasure', { what });
  }
  const root = resolveRoot(opts.root);
  const ws = loadWorkspace(root);
  const model = ws.model();
  const lang: Lang = model.strategy.language ?? 'de';
  setCliLang(lang);
  const t = (key: MessageKey, data?: MessageData) => message(lang, key, data);
  const prompter = io.interactive ? createPrompter(io.input, io.output) : undefined;
  try {
    const title = await resolveTitle(opts.title, prompter, t('new.ask.title'));
    const existing = existingIds(model);
    const id = await resolveId(opts.id, title, existing, prompter, lang);
    const field = await resolveField(opts.field, model, prompter, lang);
    const ai = opts.ai ? await resolveAi(prompter, lang) : undefined;

    const file = measurePath(id, (p) => ws.kindOf(p) === 'measures', model.strategy.include);
    const content = renderMeasure(lang, { id, title, field, ai, model });
    // The folder must really be inside the repository: a committed `measures` link to a folder
    // elsewhere would put the new file there (cli/write-guard.ts).
    const full = prepareWrite(root, file);
    try {
      writeFileSync(full, content, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError('new.exists', { file });
      throw new MessageError('cli.write.failed', { file, reason: reason(e) }, { cause: e });
    }
    const shown = relative(process.cwd(), full).split('\\').join('/') || file;
    // The path comes from `include` in the repository: one printable line, no CI command.
    process.stdout.write(safeLine(shown) + '\n');
    io.output.write(safeLine(t('new.created', { id, file: shown })) + '\n');
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
    if (!title) throw new UsageError('new.titleEmpty');
    return title;
  }
  if (!prompter) throw new UsageError('new.titleRequired');
  for (;;) {
    const title = oneLine(await prompter.ask(question));
    if (title) return title;
  }
}

async function resolveId(given: string | undefined, title: string, existing: Map<string, string>, prompter: Prompter | undefined, lang: Lang): Promise<string> {
  if (given !== undefined) {
    const problem = checkId(given, existing, lang);
    if (problem) throw new UsageError('new.idOption', { problem });
    return given;
  }
  if (!prompter) {
    const derived = idFromTitle(title);
    if (!derived) throw new UsageError('new.noDerivedId', { title });
    const problem = checkId(derived, existing, lang);
    if (problem) throw new UsageError('new.derivedIdProblem', { problem });
    return derived;
  }
  const derived = uniqueDerivedId(title, existing);
  for (;;) {
    const id = await prompter.ask(message(lang, 'new.ask.id'), derived);
    const problem = id ? checkId(id, existing, lang) : message(lang, 'new.idRequired');
    if (!problem) return id;
    prompter.warn(problem);
  }
}

async function resolveField(given: string | undefined, model: Model, prompter: Prompter | undefined, lang: Lang): Promise<string | undefined> {
  const ids = model.fields.map((f) => f.id);
  const check = (field: string) => {
    if (model.fieldById.has(field)) return undefined;
    const suggestion = didYouMean(field, ids);
    if (suggestion) return message(lang, 'new.unknownFieldSuggest', { field, suggestion });
    return ids.length ? message(lang, 'new.unknownFieldKnown', { field, known: ids.join(', ') }) : message(lang, 'new.unknownField', { field });
  };
  if (given !== undefined) {
    const problem = check(given);
    if (problem) throw new UsageError('new.fieldOption', { problem });
    return given;
  }
  if (!prompter || ids.length === 0) return undefined;
  for (;;) {
    const answer = await prompter.ask(message(lang, 'new.ask.field', { ids: ids.join(', ') }));
    if (!answer) return undefined;
    const problem = check(answer);
    if (!problem) return answer;
    prompter.warn(problem);
  }
}

async function resolveAi(prompter: Prompter | undefined, lang: Lang): Promise<{ category: string; risk: string }> {
  if (!prompter) return { category: 'other', risk: 'unclassified' };
  const pick = async (question: string, allowed: readonly string[], fallback: string) => {
    for (;;) {
      const answer = await prompter.ask(question, fallback);
      if (allowed.includes(answer)) return answer;
      const suggestion = didYouMean(answer, allowed);
      const data = { value: answer, allowed: allowed.join(', ') };
      prompter.warn(suggestion ? message(lang, 'new.notAllowedSuggest', { ...data, suggestion }) : message(lang, 'new.notAllowed', data));
    }
  };
  const category = await pick(message(lang, 'new.ask.category', { allowed: AI_CATEGORIES.join(', ') }), AI_CATEGORIES, 'other');
  const risk = await pick(message(lang, 'new.ask.risk', { allowed: AI_RISKS.join(', ') }), AI_RISKS, 'unclassified');
  return { category, risk };
}

export function renderMeasure(lang: Lang, v: MeasureValues): string {
  const dir = join(templatesDir(), 'measure', lang);
  return renderMeasureFile(lang, v, { measure: readFileSync(join(dir, 'measure.md.tmpl'), 'utf8'), ai: readFileSync(join(dir, 'ai.yaml.tmpl'), 'utf8') }, new Date().getUTCFullYear());
}

function measurePath(id: string, isMeasure: (path: string) => boolean, include: string[]): string {
  const path = corePath(id, isMeasure, include);
  if (path) return path;
  throw new UsageError('new.noFolder', { include: include.join(', '), id });
}
