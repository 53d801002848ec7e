// Shared by the lifecycle*.test.ts files: the built CLI as a process, temporary folders, and an
// independent RFC 4180 reader for checking CSV output.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOnce } from './helpers/build';

export const PROJECT = resolve(__dirname, '..');
export const CLI = join(PROJECT, 'dist', 'cli.js');
export const LIFECYCLE_FIXTURES = join(__dirname, 'fixtures', 'lifecycle');

/** dist/cli.js, built once per test process (test/helpers/build.ts); the lifecycle suites call it in `before`. */
export const buildCli = buildOnce;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI without a terminal (stdin is empty) and without colour settings of the test's environment. */
export function strategy(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? PROJECT, env: { ...env, ...opts.env }, encoding: 'utf8', input: opts.input ?? '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'strategy-lifecycle-'));
}

/** A user-facing error: one line, never a stack trace. */
export function assertOneLineError(stderr: string): void {
  const lines = stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got: ${stderr}`);
  assert.match(lines[0], /^(strategy: |error: )\S/, `stderr: ${stderr}`);
  assert.doesNotMatch(stderr, /^\s+at /m, 'stack trace on stderr');
}

/** Every file below `dir` with size, modification time and content, to prove that nothing changed. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        out.set(full + '/', 'dir');
        walk(full);
      } else {
        const st = statSync(full);
        out.set(full, `${st.size}|${st.mtimeMs}|${readFileSync(full, 'base64')}`);
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Reads CSV per RFC 4180 with a given separator: quoted fields may hold the separator, quotes
 * (doubled) and line breaks; records end with CRLF. Throws on a bare LF or CR outside quotes, so
 * that tests notice wrong record ends.
 */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (c === '"') throw new Error(`quote inside an unquoted field at ${i}`);
    if (c === separator) {
      row.push(field);
      field = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      i += 2;
      continue;
    }
    if (c === '\r' || c === '\n') throw new Error(`bare ${c === '\r' ? 'CR' : 'LF'} outside quotes at ${i}`);
    field += c;
    fieldStart = false;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record does not end with CRLF');
  return rows;
}
