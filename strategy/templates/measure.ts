import { unsafeRelativePath } from '../files/policy';
import picomatch from 'picomatch/posix';
import { stringify } from 'yaml';
import { toMarkdown } from 'mdast-util-to-markdown';
import { renderTemplate } from './render';
import { ID_PATTERN, idFromTitle, slugify } from './slug';
import type { Lang } from '../types';
import { message } from '../messages/index';
import type { Model } from '../model/types';

/**
 * A new measure file from the templates (`cli/templates/measure/<lang>/`), shared by
 * `strategy new measure` and the extension's "New Measure" command. The front ends read the
 * template files; this module fills them in.
 */
export interface MeasureTemplates {
  measure: string;
  ai: string;
}

export interface MeasureValues {
  id: string;
  title: string;
  field?: string;
  ai?: { category: string; risk: string };
  model: Model;
}

/** Ids in use, compared case-insensitively: `KI-Chatbot` beside `KI-CHATBOT` would only confuse. */
export function existingIds(model: Model): Map<string, string> {
  return new Map(model.measures.map((m) => [m.id.toLowerCase(), m.id]));
}

/** Why an id cannot be used, or undefined when it can. */
export function checkId(id: string, existing: Map<string, string>, lang: Lang = 'en'): string | undefined {
  if (!ID_PATTERN.test(id)) return message(lang, 'new.idInvalid', { id });
  const taken = existing.get(id.toLowerCase());
  if (taken) return message(lang, taken !== id ? 'new.idTakenCase' : 'new.idTaken', { id, taken });
  return undefined;
}

/** The id derived from the title, made unique with a `-2`, `-3` … suffix (offered as a default). */
export function uniqueDerivedId(title: string, existing: Map<string, string>): string {
  const base = idFromTitle(title);
  if (!base || !existing.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!existing.has(`${base}-${n}`.toLowerCase())) return `${base}-${n}`;
}

/**
 * `measures/<slug of the id>.md`, in the folder of the first `include` glob that takes Markdown
 * files, so that lint reads the new file. Undefined when no include folder takes it.
 */
export function measurePath(id: string, isMeasure: (path: string) => boolean, include: string[]): string | undefined {
  const name = `${slugify(id, Infinity)}.md`;
  const bases = [...new Set(include.map((glob) => picomatch.scan(glob).base.replace(/^(\.\/)+/, '')))];
  for (const base of bases) {
    // The repository writes `include`: a base with `..`, an absolute one or one in .git would
    // put the new file outside the repository or where it is never read (strategy/files/policy.ts).
    if (unsafeRelativePath(base)) continue;
    const path = base ? `${base}/${name}` : name;
    if (isMeasure(path)) return path;
  }
  return undefined;
}

/** A YAML scalar for a value position: quoted where plain YAML would misread it. */
const yamlScalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** A level-1 heading with the title, escaped by the Markdown serializer. */
const markdownHeadingText = (title: string) =>
  toMarkdown({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] })
    .trimEnd()
    .replace(/^# /, '');

/** Only well-formed ids go into comments: anything else could break out of the comment line. */
const hintIds = (ids: string[], max = 6) => {
  const valid = ids.filter((id) => ID_PATTERN.test(id));
  return valid.length ? valid.slice(0, max).join(', ') + (valid.length > max ? ', …' : '') : '';
};

export function renderMeasure(lang: Lang, v: MeasureValues, templates: MeasureTemplates, year: number): string {
  const common = { Y1: String(year + 1) };
  const fields = hintIds(v.model.fields.map((f) => f.id));
  const fieldComment = `# ${message(lang, 'template.fieldComment')}${fields ? `: ${fields.replace(/, /g, ' | ')}` : ''}`;
  const fieldLine = v.field ? `field: ${yamlScalar(v.field)}`.padEnd(28) + ' ' + fieldComment : `# field: …`.padEnd(28) + ' ' + fieldComment;
  const goals = hintIds(v.model.goals.map((g) => g.id), 4);
  const ai = v.ai ? renderTemplate(templates.ai, { ...common, category: v.ai.category, risk: v.ai.risk }) : '';
  return renderTemplate(templates.measure, {
    ...common,
    id: v.id,
    title: yamlScalar(v.title),
    heading: markdownHeadingText(v.title),
    field: fieldLine,
    goals_hint: goals ? message(lang, 'template.goalsHint', { goals }) : '',
    ai,
  });
}
