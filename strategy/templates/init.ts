/**
 * The files of a new strategy repository (`strategy init`, and "Initialize strategy" in the
 * editor): the language's templates and the shared ones, rendered, plus copies of the schemas
 * for the new repository's `.vscode/settings.json`, strategy.yaml last. Pure: the front end lists
 * and reads the template files (from the package on disk, or from the extension's folder) and
 * writes the result under its write policy.
 */
import { STRATEGY_FILE } from '../discovery';
import { renderTemplate } from './render';

/** A template file: its path below `init/common/` or `init/<lang>/` (`.tmpl`, `dot-` for `.`), and its text. */
export interface InitTemplate {
  path: string;
  text: string;
}

export interface PlannedFile {
  /** Path in the new repository, with `/`. */
  path: string;
  content: string;
}

/** Where the schema copies go (mapped in the template `.vscode/settings.json`). */
export const SCHEMA_DIR = '.strategy/schema';

/** Template files end in `.tmpl`; a leading `dot-` stands for `.` (npm drops some dot files from packages). */
export function outputName(templatePath: string): string {
  return templatePath
    .replace(/\.tmpl$/, '')
    .split('/')
    .map((part) => (part.startsWith('dot-') ? '.' + part.slice(4) : part))
    .join('/');
}

/**
 * Every file of a new repository in the order to write them (strategy.yaml last, so an
 * interrupted run can be repeated). Dates in the examples are relative to `now`, so that a new
 * repository lints clean on the day it is created (horizon: this year and the next four).
 */
export function planInit(templates: { common: InitTemplate[]; lang: InitTemplate[] }, schemas: Record<string, unknown>, now: Date, version: string): PlannedFile[] {
  const year = now.getUTCFullYear();
  const values: Record<string, string> = { Y0: String(year), Y1: String(year + 1), Y2: String(year + 2), Y4: String(year + 4), version };
  const files: PlannedFile[] = [];
  for (const t of [...templates.common, ...templates.lang]) files.push({ path: outputName(t.path), content: renderTemplate(t.text, values) });
  for (const [name, schema] of Object.entries(schemas)) files.push({ path: `${SCHEMA_DIR}/${name}`, content: JSON.stringify(schema, null, 2) + '\n' });
  files.sort((a, b) => Number(a.path === STRATEGY_FILE) - Number(b.path === STRATEGY_FILE) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}
