import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors';
import { cliLang } from '../lang';
import { loadWorkspace, findRoot } from '../load';
import { MessageError, STRATEGY_FILE } from '../../strategy/index';
import { isRecord } from '../../strategy/model/coerce';
import { importRecord, mainOrganisation, type ImportedMeasure } from '../../strategy/register/import';
import { measureFile, measureFileName, registerStrategyFile } from '../../strategy/register/files';

export interface ImportCommandOptions {
  into?: string;
  maxFileSize?: number;
  lang?: string;
}

const DEFAULT_MAX = 20 * 1024 * 1024;

/** Reads at most `max` bytes; a larger file is an error, not a truncated import. */
function readBounded(file: string, max: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UsageError({ de: '{file} kann nicht gelesen werden: {reason}', en: 'cannot read {file}: {reason}' }, { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  try {
    const size = fstatSync(fd).size;
    if (size > max) throw new UsageError({ de: '{file}: {size} Bytes, mehr als die Grenze von {max} (--max-file-size)', en: '{file}: {size} bytes, more than the limit of {max} (--max-file-size)' }, { file, size: String(size), max: String(max) });
    const buf = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The records of the file: a JSON array of objects, or one object. One-line errors with position. */
function parseRecords(file: string, text: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    if (m) {
      const before = text.slice(0, Number(m[1]));
      const line = before.split('\n').length;
      const column = Number(m[1]) - before.lastIndexOf('\n');
      throw new UsageError({ de: '{file}:{line}:{column}: kein gültiges JSON', en: '{file}:{line}:{column}: not valid JSON' }, { file, line: String(line), column: String(column) });
    }
    throw new UsageError({ de: '{file}: kein gültiges JSON', en: '{file}: not valid JSON' }, { file });
  }
  const list = Array.isArray(data) ? data : [data];
  list.forEach((r, i) => {
    if (!isRecord(r)) throw new UsageError({ de: '{file}: Eintrag {n} ist kein Objekt', en: '{file}: record {n} is not an object' }, { file, n: String(i + 1) });
  });
  return list as Record<string, unknown>[];
}

/**
 * `strategy import algoritmeregister FILE.json [--into DIR]`: one measure file per record under
 * measures/algoritmeregister/. DIR is an existing repository, or a new (or empty) folder that
 * becomes a register repository. Never overwrites and writes only inside DIR.
 */
export async function runImport(format: string, file: string, opts: ImportCommandOptions): Promise<number> {
  if (format !== 'algoritmeregister') throw new UsageError({ de: '„{format}“ kann nicht importiert werden: nur „algoritmeregister“ wird unterstützt', en: 'cannot import "{format}": only "algoritmeregister" is supported' }, { format });
  const records = parseRecords(file, readBounded(file, opts.maxFileSize ?? DEFAULT_MAX));

  let root: string;
  let existing = false;
  if (opts.into) {
    root = resolve(opts.into);
    if (existsSync(join(root, STRATEGY_FILE))) existing = true;
    else if (existsSync(root) && (!statSync(root).isDirectory() || readdirSync(root).length)) throw new UsageError({ de: '{dir}: kein Strategie-Repository und nicht leer (einen neuen Ordner oder ein Repository angeben)', en: '{dir}: not a strategy repository and not empty (give a new folder or a repository)' }, { dir: opts.into });
  } else {
    const found = findRoot(process.cwd());
    if (!found) throw new UsageError({ de: 'keine {file} in {dir} oder einem übergeordneten Ordner gefunden (--into DIR angeben)', en: 'no {file} found in {dir} or any parent folder (use --into DIR)' }, { file: STRATEGY_FILE, dir: process.cwd() });
    root = found;
    existing = true;
  }

  const taken = new Set<string>();
  let organisation: string | undefined;
  let covered = (_path: string) => true;
  if (existing) {
    const ws = loadWorkspace(root);
    const model = ws.model();
    for (const m of model.measures) taken.add(m.id);
    organisation = model.strategy.organisation;
    covered = (p) => ws.kindOf(p) === 'measures';
  } else organisation = mainOrganisation(records) ?? 'Organisatie';

  const measures: ImportedMeasure[] = records.map((r) => importRecord(r, organisation, taken));
  const files = measures.map((m) => ({ path: measureFileName(m.id), content: measureFile(m) }));
  const uncovered = files.find((f) => !covered(f.path));
  if (uncovered) throw new UsageError({ de: '{path} würde nicht gelesen: „measures/**/*.yaml“ unter include in {file} ergänzen', en: '{path} would not be read: add "measures/**/*.yaml" to include in {file}' }, { path: uncovered.path, file: STRATEGY_FILE });
  for (const f of files) if (existsSync(join(root, f.path))) throw new UsageError({ de: '{path} existiert: nicht überschrieben', en: '{path} exists: not overwritten' }, { path: f.path });

  // Only inside the root: the measures folder must not lead elsewhere through a link.
  mkdirSync(join(root, 'measures', 'algoritmeregister'), { recursive: true });
  const realRoot = realpathSync(root);
  const realDir = realpathSync(join(root, 'measures', 'algoritmeregister'));
  if (!realDir.startsWith(realRoot + sep)) throw new UsageError({ de: 'measures/algoritmeregister führt aus {dir} hinaus: nichts geschrieben', en: 'measures/algoritmeregister leads outside {dir}: nothing written' }, { dir: root });
  if (!existing) writeFileSync(join(root, STRATEGY_FILE), registerStrategyFile(organisation!), { flag: 'wx' });
  for (const f of files) {
    try {
      writeFileSync(join(realDir, f.path.slice('measures/algoritmeregister/'.length)), f.content, { flag: 'wx' });
    } catch (e) {
      throw new MessageError('cli.write.failed', { file: f.path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { cause: e });
    }
    process.stdout.write(relative(process.cwd(), join(root, f.path)).split(sep).join('/') + '\n');
  }
  const guesses = measures.reduce((n, m) => n + m.guesses.length, 0);
  const where = relative(process.cwd(), root) || '.';
  process.stderr.write(
    cliLang() === 'de'
      ? `${measures.length} Einträge nach ${where} importiert; ${guesses} Vermutungen unter x-import.guesses markiert\n`
      : `${measures.length} records imported into ${where}; ${guesses} guesses marked under x-import.guesses\n`,
  );
  return 0;
}
