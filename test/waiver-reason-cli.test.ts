import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// A waiver whose reason is a placeholder – what the editor's quick fix inserts before the author
// writes the reason – silences nothing on the command line either (rule waiver-reason).
describe('strategy lint: a waiver without a real reason', () => {
  it('keeps the finding it meant to waive and reports the placeholder', () => {
    const root = join(__dirname, 'fixtures', 'rules', 'waiver-reason', 'placeholder');
    const r = spawnSync(process.execPath, [join(resolve(__dirname, '..'), 'dist', 'cli.js'), 'lint', '--root', root, '--format', 'json', '--as-of', '2026-11-26', '--lang', 'en'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string; measure?: string; message: string }> }).findings;
    const placeholder = findings.find((f) => f.rule === 'waiver-reason' && f.measure === 'QUICKFIX-PLACEHOLDER');
    assert.ok(placeholder, 'waiver-reason is reported');
    assert.match(placeholder.message, /"privacy-review-missing" without a real reason \("Begründung eintragen"\)/);
    assert.ok(findings.some((f) => f.rule === 'privacy-review-missing' && f.measure === 'QUICKFIX-PLACEHOLDER'), 'the waived finding is still reported');
    assert.ok(!findings.some((f) => f.measure === 'REAL' && (f.rule === 'privacy-review-missing' || f.rule === 'waiver-reason')), 'a real reason waives');
  });
});
