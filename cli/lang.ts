/**
 * The language of the CLI's own messages (errors, notes on stderr): `--lang`, else the
 * `language` of the repository's strategy.yaml, else German (docs/format.md: `language`
 * defaults to `de`). A command that has loaded the repository sets it from the lint result;
 * before that (an option error, no strategy.yaml), it is read from the command line and, if
 * need be, from strategy.yaml itself.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Lang } from '../strategy/index';
import { findRoot } from './load';

// Kept on globalThis: the commands are bundled apart from cli/main.ts, each with its own copy of this module.
const CURRENT = Symbol.for('digital-strategy-roadmap.cliLang');
const state = globalThis as { [CURRENT]?: Lang };

/** Called by commands once the repository's language is known. */
export function setCliLang(lang: Lang): void {
  state[CURRENT] = lang;
}

export function cliLang(argv: readonly string[] = process.argv): Lang {
  return state[CURRENT] ?? langOption(argv) ?? repositoryLang(argv) ?? 'de';
}

const isLang = (v: string | undefined): v is Lang => v === 'de' || v === 'en';

/** `--lang de`, `--lang=en` (a value that is not a language is ignored here; the option check reports it). */
export function langOption(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (isLang(v)) return v;
  }
  return undefined;
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** Only the head of strategy.yaml is read, and only from inside the repository (docs/security.md). */
const HEAD_BYTES = 64 * 1024;
const LANGUAGE_LINE = /^language:[ \t]*(["']?)(de|en)\1[ \t]*(?:#.*)?$/m;

function repositoryLang(argv: readonly string[]): Lang | undefined {
  try {
    const root = optionValue(argv, '--root') ?? findRoot(process.cwd());
    if (!root) return undefined;
    const realRoot = realpathSync(root);
    const file = realpathSync(join(root, 'strategy.yaml'));
    if (!file.startsWith(realRoot + sep) || !statSync(file).isFile()) return undefined;
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      const m = LANGUAGE_LINE.exec(buffer.subarray(0, n).toString('utf8'));
      return m ? (m[2] as Lang) : undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
