import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseLang } from '../options';
import { UsageError } from '../errors';
import { MessageError, STRATEGY_FILE, message, type Lang, type MessageData, type MessageKey } from '../../strategy/index';
import { reason } from '../io';
import { setCliLang } from '../lang';
import { templatesDir } from '../lifecycle/assets';
import { prepareWrite } from '../write-guard';
import { planInit, SCHEMA_DIR, type InitTemplate, type PlannedFile } from '../../strategy/templates/init';
import { version } from '../../package.json';
import strategySchema from '../../strategy/schema/strategy.schema.json';
import measureSchema from '../../strategy/schema/measure.schema.json';
import measuresFileSchema from '../../strategy/schema/measures-file.schema.json';
import fundingSchema from '../../strategy/schema/funding.schema.json';
import partnersSchema from '../../strategy/schema/partners.schema.json';
import inquirySchema from '../../strategy/schema/inquiry.schema.json';

export interface InitCommandOptions {
  lang?: string;
}

/**
 * Copies of the schemas for the new repository's `.vscode/settings.json` (`yaml.schemas`): local
 * files work offline and match the tool version the repository was created with.
 */
const SCHEMAS: Record<string, unknown> = {
  'strategy.schema.json': strategySchema,
  'measure.schema.json': measureSchema,
  'measures-file.schema.json': measuresFileSchema,
  'funding.schema.json': fundingSchema,
  'partners.schema.json': partnersSchema,
  'inquiry.schema.json': inquirySchema,
};
export { SCHEMA_DIR };


/**
 * `strategy init [DIR]`: a new strategy repository from the templates of the chosen language.
 * An existing strategy.yaml stops it before anything is written (exit 2); any other existing file
 * is kept and reported. Files are created exclusively (`wx`), strategy.yaml last, so an
 * interrupted run can simply be repeated.
 */
export async function runInit(dir: string, opts: InitCommandOptions): Promise<number> {
  const lang: Lang = parseLang(opts.lang) ?? 'de';
  setCliLang(lang);
  const target = resolve(dir);
  const label = relative(process.cwd(), target).split('\\').join('/') || '.';
  if (exists(target) && !statSync(target).isDirectory()) throw new UsageError('init.notDir', { dir });
  if (exists(join(target, STRATEGY_FILE))) throw new UsageError('init.exists', { file: join(label, STRATEGY_FILE).split('\\').join('/') });

  const files = planFiles(lang, new Date());
  const created: string[] = [];
  const skipped: string[] = [];
  const refused: string[] = [];
  mkdirSync(target, { recursive: true });
  for (const { path, content } of files) {
    let full: string;
    try {
      // An existing folder of the target that links elsewhere (`.github -> /somewhere`) is not written through.
      full = prepareWrite(target, path);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      refused.push(path);
      continue;
    }
    try {
      writeFileSync(full, content, { flag: 'wx' });
      created.push(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTDIR') skipped.push(path);
      else throw new MessageError('cli.write.failed', { file: join(label, path), reason: reason(e) }, { cause: e });
    }
  }
  for (const path of created) process.stdout.write(`${label === '.' ? path : `${label}/${path}`}\n`);
  const say = (key: MessageKey, data: MessageData) => process.stderr.write(message(lang, key, data) + '\n');
  say(created.length === 1 ? 'init.created.one' : 'init.created.other', { n: created.length, dir: label });
  for (const path of skipped) say('init.skipped', { file: path });
  for (const path of refused) say('init.refused', { file: path });
  say('init.next', { command: `${label === '.' ? '' : `cd ${label} && `}strategy lint` });
  return 0;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export type { PlannedFile };

/** Every file of a new repository (strategy/templates/init.ts), from the package's templates. */
export function planFiles(lang: Lang, now: Date): PlannedFile[] {
  const base = join(templatesDir(), 'init');
  const read = (sub: string): InitTemplate[] => listTemplates(join(base, sub)).map((rel) => ({ path: rel, text: readFileSync(join(base, sub, rel), 'utf8') }));
  return planInit({ common: read('common'), lang: read(lang) }, SCHEMAS, now, version);
}

/** Template files below a folder, as `/`-separated relative paths. */
function listTemplates(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listTemplates(join(dir, e.name), rel));
    else if (e.name.endsWith('.tmpl')) out.push(rel);
  }
  return out;
}
