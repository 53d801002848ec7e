import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadWorkspace } from '../../cli/load';
import type { Finding } from '../../strategy/index';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export interface ExpectedFile {
  asOf?: string;
  /**
   * Lint this folder (relative to the case's folder) instead of the case's own files: a valid
   * case may be a whole realistic repository (examples/herne) in which the rule finds nothing.
   */
  root?: string;
  /** Rules whose findings are compared; default: the rule the parent folder is named after. `all` compares every finding. */
  rules?: string[] | 'all';
  ruleOverrides?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  /**
   * `at` is `file:line:column` (start) or `file:line:column-line:column` (full range); `message`
   * is the message id in the rule's `messages`, `data` its placeholder values; `fixes` the
   * finding's fixes, each as its safety and the new text of its edits (joined by `|`).
   */
  findings: ExpectedFinding[];
  waived?: Array<{ rule: string; measure?: string; at: string }>;
}

export interface ExpectedFinding {
  rule: string;
  measure?: string;
  severity: string;
  at: string;
  message?: string;
  data?: Record<string, unknown>;
  fixes?: Array<{ safe: boolean; text: string }>;
}

export interface FixtureCase {
  rule: string;
  name: string;
  /** The repository linted: the case's folder, or its `root`. */
  dir: string;
  /** The files as the safe fixes leave them (see rules.test.ts). */
  fixedDir: string;
  expected: ExpectedFile;
}

/** Every `test/fixtures/rules/<rule>/<case>/` folder with an expected.yaml. */
export function ruleCases(): FixtureCase[] {
  const base = join(FIXTURES, 'rules');
  const out: FixtureCase[] = [];
  for (const rule of readdirSync(base).sort()) {
    const ruleDir = join(base, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, name);
      if (!existsSync(join(dir, 'expected.yaml'))) continue;
      const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as ExpectedFile;
      out.push({ rule, name, dir: expected.root ? resolve(dir, expected.root) : dir, fixedDir: join(dir, 'fixed'), expected });
    }
  }
  return out;
}

export function describeFinding(f: Pick<Finding, 'rule' | 'measure' | 'severity' | 'file' | 'range'>): string {
  return `${f.rule} ${f.measure ?? '-'} ${f.severity} ${f.file}:${f.range.start.line}:${f.range.start.column}`;
}

/** `file:line:column-line:column`: a finding's full range. */
export function fullRange(f: Pick<Finding, 'file' | 'range'>): string {
  const { start, end } = f.range;
  return `${f.file}:${start.line}:${start.column}-${end.line}:${end.column}`;
}

export function lintFixture(dir: string, asOf = '2026-11-26', ruleOverrides?: ExpectedFile['ruleOverrides']) {
  return loadWorkspace(dir).lint({ asOf, ruleOverrides });
}
