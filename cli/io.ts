import { writeFileSync, renameSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { MessageError } from '../strategy/index';
import { ciSafe, type OutputKind } from './ci-safe';
import { checkCommandLineTarget, currentRepositoryRoot } from './write-guard';

/** Writes a file atomically: a temporary file beside it, then rename, so readers never see half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  // Into the repository only where its real folder is inside it (no committed link out).
  checkCommandLineTarget(currentRepositoryRoot(), path);
  const full = resolve(path);
  const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, full);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new MessageError('cli.write.failed', { file: path, reason: reason(e) }, { cause: e });
  }
}

/**
 * The system's error code (`EISDIR`, `EACCES` …): the same in every language, and never the paths
 * of Node's message (which name our temporary file). Without a code, the message's part before them.
 */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string') return code;
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split(/, (?:open|rename|mkdir|write) '/)[0];
}

/**
 * Data to stdout, or atomically into `--output FILE`. On stdout (often a CI log) text is made
 * safe from CI commands (cli/ci-safe.ts); a file gets the data unchanged.
 */
export function emit(data: string | Uint8Array, output: string | undefined, kind: OutputKind | 'commands' = 'text'): void {
  if (output) writeFileAtomic(output, data);
  else process.stdout.write(typeof data === 'string' && kind !== 'commands' ? ciSafe(data, kind) : data);
}

/** A line on stderr that may quote the repository (ids, file names): made safe from CI commands. */
export function note(line: string): void {
  process.stderr.write(ciSafe(`strategy: ${line}`) + '\n');
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
