// The roadmap follows the editor, checked in the real workbench as an author works: the measure
// opened beside the roadmap (Quick Open, Ctrl+Enter), its title typed into, the roadmap read from
// the webview while both are visible; then the typing taken back with Backspace.
// Run by scripts/test-vscode-web.mjs (phase 1) against a scratch copy of examples/herne. The
// drawing in chunks at scale (only near the view, the rest when scrolled to, only changed chunks
// again) is tested on the webview itself in test/roadmap-webview.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFrame, palette, until } from './authoring.mjs';

/** The roadmap redraws after typing pauses; under load that can take a while. */
const ROADMAP_WAIT_MS = 30000;

const log = (s) => process.stderr.write(`[vscode-ui] ${s}\n`);

/** After an edit, the roadmap beside the editor shows the change; after Backspace, the old state. */
export async function roadmapFollowsEdits(page, ws) {
  const rel = 'measures/verwaltung/e-akte.md';
  const lines = readFileSync(join(ws, rel), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.startsWith('# ')) + 1;
  const title = lines[line - 1].slice(2);
  const frame = await findFrame(page, '#diagrams .diagram > svg');
  const chart = () => frame.locator('#diagrams').textContent();
  // The whole roadmap (the checks before may have left a filter set).
  if (await frame.locator('#ai').isChecked()) await frame.locator('#ai').uncheck();
  if ((await frame.locator('#field').inputValue()) !== '') await frame.locator('#field').selectOption('');
  await until(`"${title}" in the roadmap`, async () => (await chart()).includes(title), ROADMAP_WAIT_MS);

  // Quick Open with Ctrl+Enter opens the file to the side of the roadmap: both stay visible.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(rel);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'e-akte.md' }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Control+Enter');
  await input.waitFor({ state: 'hidden', timeout: 10000 });
  await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(800);
  const groups = await page.locator('.editor-group-container').count();
  if (groups < 2) throw new Error(`the measure did not open beside the roadmap (${groups} editor group)`);

  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+G');
    const go = page.locator('.quick-input-widget input');
    await go.waitFor({ state: 'visible', timeout: 10000 });
    await go.fill(`:${line}`); // Ctrl+G opens Quick Open with ':'; fill() replaces it
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: String(line) }).first().waitFor({ timeout: 10000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    await go.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
    // After "# ": typed at the start of the title (End would stop at the end of a wrapped line).
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const there = await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col 3\\b`) }).first().waitFor({ timeout: 8000 }).then(() => true, () => false);
    if (there) break;
    if (attempt >= 4) throw new Error(`the cursor did not reach line ${line}, column 3`);
    await page.keyboard.press('Escape');
  }

  const added = 'Neu geplant: ';
  await page.keyboard.type(added, { delay: 30 });
  await until(`the roadmap showing "${added}${title}" (the file unsaved)`, async () => (await chart()).includes(added + title), ROADMAP_WAIT_MS).catch(async (e) => {
    const text = (await chart().catch(() => '')) ?? '';
    const at = Math.max(0, text.indexOf(title.slice(0, 20)) - added.length - 10);
    const line = await page.locator('.editor-instance .view-line', { hasText: title.slice(0, 20) }).first().textContent().catch(() => '?');
    throw new Error(`${e.message}; the roadmap shows ${JSON.stringify(text.slice(at, at + title.length + 40))}, the editor line reads ${JSON.stringify(line)}`);
  });
  log(`roadmap beside the editor follows the typing: "${added}${title}"`);
  for (let i = 0; i < added.length; i++) await page.keyboard.press('Backspace');
  await until('the roadmap showing the title as before', async () => {
    const text = await chart();
    return text.includes(title) && !text.includes(added.trim()) ? text : undefined;
  }, ROADMAP_WAIT_MS);
  log('roadmap back to the saved title after Backspace');
  await palette(page, '>File: Revert File');
  await page.waitForTimeout(500);
  await palette(page, '>View: Close Editor');
  await page.waitForTimeout(500);
}
