// Microsoft's SARIF validator (`sarif-multitool validate`) starts .NET, which takes seconds. Tests
// hand their SARIF outputs to `validateSarifLater`; the root hook (test/helpers/root-hooks.ts) runs
// the validator once over all of them after the last test and fails naming each test whose output
// it rejects.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT } from './build';

const SARIF_MULTITOOL = join(PROJECT, 'node_modules', '.bin', 'sarif-multitool');

let folder: string | undefined;
/** Copied file → the test that produced it. */
const collected = new Map<string, string>();

/** Keeps a copy of `file` for the validator run after the last test; `test` names it in a failure. */
export function validateSarifLater(file: string, test: string): void {
  folder ??= mkdtempSync(join(tmpdir(), 'strategy-sarif-'));
  const copy = join(folder, `${collected.size}.sarif`);
  copyFileSync(file, copy);
  collected.set(copy, test);
}

/** As `validateSarifLater`, for SARIF text (e.g. a run's stdout). */
export function validateSarifTextLater(text: string, test: string): void {
  folder ??= mkdtempSync(join(tmpdir(), 'strategy-sarif-'));
  const copy = join(folder, `${collected.size}.sarif`);
  writeFileSync(copy, text);
  collected.set(copy, test);
}

interface ValidatorResult {
  level?: string;
  ruleId?: string;
  message?: { text?: string; id?: string; arguments?: string[] };
  locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
}

/**
 * Validates every collected file in one validator run. Errors and warnings (e.g. SARIF1001: a
 * rule's name equal to its id) are both conformance problems; it exits 0 even when it finds some.
 */
export function validateCollectedSarif(): void {
  if (!folder || collected.size === 0) return;
  try {
    const out = join(folder, 'validation.sarif.json');
    const r = spawnSync(SARIF_MULTITOOL, ['validate', ...collected.keys(), '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sarif-multitool failed: ${r.error ?? ''}${r.stdout}${r.stderr}`);
    const results = (JSON.parse(readFileSync(out, 'utf8')).runs as Array<{ results?: ValidatorResult[] }>).flatMap((run) => run.results ?? []);
    const problems = results
      .filter((x) => ['error', 'warning', undefined].includes(x.level)) // no level means warning (SARIF 2.1.0 §3.27.10)
      .map((x) => {
        const uri = x.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
        const test = uri ? collected.get(fileURLToPath(uri)) : undefined;
        return `${test ?? uri ?? '?'}: ${x.ruleId} ${x.message?.text ?? x.message?.arguments?.join(' ')}`;
      });
    if (/: error /.test(r.stdout) && problems.length === 0) problems.push(r.stdout);
    if (problems.length) throw new Error(`SARIF validator rejected outputs of ${problems.length === 1 ? 'a test' : 'tests'}:\n${problems.join('\n')}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    folder = undefined;
    collected.clear();
  }
}
