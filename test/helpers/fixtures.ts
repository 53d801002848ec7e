import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadWorkspace } from '../../cli/load';
import type { Finding } from '../../strategy/index';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export interface ExpectedFile {
  asOf?: string;
  /** Rules whose findings are compared; default: the rule the parent folder is named after. `all` compares every finding. */
  rules?: string[] | 'all';
  ruleOverrides?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  findings: Array<{ rule: string; measure?: string; severity: string; at: string }>;
  waived?: Array<{ rule: string; measure?: string; at: string }>;
}

export interface FixtureCase {
  rule: string;
  name: string;
  dir: string;
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
      out.push({ rule, name, dir, expected: parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as ExpectedFile });
    }
  }
  return out;
}

export function describeFinding(f: Pick<Finding, 'rule' | 'measure' | 'severity' | 'file' | 'range'>): string {
  return `${f.rule} ${f.measure ?? '-'} ${f.severity} ${f.file}:${f.range.start.line}:${f.range.start.column}`;
}

export function lintFixture(dir: string, asOf = '2026-11-26', ruleOverrides?: ExpectedFile['ruleOverrides']) {
  return loadWorkspace(dir).lint({ asOf, ruleOverrides });
}
