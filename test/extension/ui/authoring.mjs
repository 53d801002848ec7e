// Authoring checks in the real workbench (code-server + Chromium), done as an author does them:
// keys typed into the editor, completion accepted with Enter, the quick fix picked from the
// Ctrl+. menu with the mouse, the language changed in the settings file, New Measure answered
// through its prompts; the result is read from the saved file or the Problems panel.
// Run by scripts/test-vscode-web.mjs (phase 1) against a scratch copy of examples/herne.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = new URL('../../..', import.meta.url).pathname;

const log = (s) => process.stderr.write(`[vscode-ui] ${s}\n`);

export async function until(what, fn, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function palette(page, text) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(text);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
}

/** Opens a file with Quick Open (as typed into Ctrl+P) and waits for its editor. */
async function openFile(page, rel) {
  const name = rel.split('/').pop();
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(rel);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10000 });
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"], .tabs-container .tab.active[title*="${name}"]`).first().waitFor({ timeout: 15000 }).catch(() => undefined);
  await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(800);
}

/** Puts the cursor at the end of a line (1-based) with Go to Line; waits until the status bar shows it. */
async function goToLineEnd(page, line) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`:${line}`); // Ctrl+G opens Quick Open with ':'; fill() replaces it
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: String(line) }).first().waitFor({ timeout: 10000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    const there = await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+`) }).first().waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (there) return;
    if (attempt >= 3) throw new Error(`the cursor did not reach line ${line}`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Saves with Ctrl+S and returns the file once it holds what `done` expects (or, after 15 s, what it
 * holds then, for the assertion to report): under load the last key may still be on its way.
 */
async function save(page, file, before, done = () => true) {
  const end = Date.now() + 15000;
  let text = before;
  while (Date.now() < end) {
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(500);
    text = readFileSync(file, 'utf8');
    if (text !== before && done(text)) return text;
  }
  return text;
}

/** Triggers completion, waits for the focused suggestion to be `label` and accepts it with Enter. */
async function acceptCompletion(page, label) {
  await page.keyboard.press('Control+Space');
  const focused = page.locator('.suggest-widget.visible .monaco-list-row.focused');
  await until(`the suggestion ${label}`, async () => {
    const text = (await focused.getAttribute('aria-label', { timeout: 2000 }).catch(() => null)) ?? '';
    return text.startsWith(label) || text.includes(` ${label}`) || text.split(/[,\s]/)[0] === label;
  }, 15000).catch(async (e) => {
    const rows = await page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((els) => els.map((x) => x.getAttribute('aria-label'))).catch(() => []);
    throw new Error(`${e.message}; suggestions: ${JSON.stringify(rows.slice(0, 8))}`);
  });
  await page.keyboard.press('Enter');
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

/** Defect 1: the accepted id replaces everything typed of it. */
async function completionReplacesTypedId(page, ws) {
  const rel = 'measures/smart-city/zz-ui-complete.yaml';
  const file = join(ws, rel);
  const initial = ['- id: ZZ-UI-COMPLETE', '  title: Vervollständigung im Editor', '  owner: FB 11', '  status: idea', '  field: ', '  depends_on:', '    - ', '    - '].join('\n');
  writeFileSync(file, initial);
  await openFile(page, rel);
  await goToLineEnd(page, 5);
  await page.keyboard.type('smart-', { delay: 40 });
  await acceptCompletion(page, 'smart-city');
  await goToLineEnd(page, 7);
  await page.keyboard.type('ST-PL', { delay: 40 });
  await acceptCompletion(page, 'ST-PLATTFORM');
  await goToLineEnd(page, 8);
  await page.keyboard.type('ST-PLATTFORM/da', { delay: 40 });
  await acceptCompletion(page, 'ST-PLATTFORM/datenraum');
  const text = await save(page, file, initial, (t) => t.split('\n')[7] !== '    - ');
  const lines = text.split('\n');
  expect(lines[4] === '  field: smart-city', `field line after completion: ${JSON.stringify(lines[4])}`);
  expect(lines[6] === '    - ST-PLATTFORM', `depends_on line after completion: ${JSON.stringify(lines[6])}`);
  expect(lines[7] === '    - ST-PLATTFORM/datenraum', `milestone ref after completion: ${JSON.stringify(lines[7])}`);
  log('completion: smart- → smart-city, ST-PL → ST-PLATTFORM, ST-PLATTFORM/da → ST-PLATTFORM/datenraum');
}

/** Opens the Ctrl+. menu at the cursor and returns its item labels (again if the lint was not done yet). */
async function quickFixMenu(page) {
  const items = page.locator('.action-widget .monaco-list-row');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    const open = await items.first().waitFor({ timeout: 8000 }).then(() => true, () => false);
    if (open) break;
    if (attempt >= 4) throw new Error('the quick fix menu (Ctrl+.) did not open');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  await page.waitForTimeout(300);
  return items;
}

/** Defects 2 and 5: quick fixes insert a snippet, the waiver reason is selected, nothing twice. */
async function quickFixes(page, ws) {
  const rel = 'measures/verwaltung/zz-ui-fix.md';
  const file = join(ws, rel);
  const initial = ['---', 'id: ZZ-UI-FIX', 'title: Schnellkorrektur im Editor', 'owner: FB 11', 'status: pilot', 'field: verwaltung', 'start: 2026-01', 'privacy:', '  personal_data: false', '---', '', '# Schnellkorrektur im Editor', ''].join('\n');
  writeFileSync(file, initial);
  await openFile(page, rel);
  await goToLineEnd(page, 5); // status: pilot – where funding-missing points
  await page.waitForTimeout(1500); // the lint is debounced
  let items = await quickFixMenu(page);
  const labels = await items.allInnerTexts();
  log(`quick fix menu: ${JSON.stringify(labels)}`);
  const funding = labels.filter((l) => /Add funding entry|Förderung ergänzen/.test(l));
  expect(funding.length === 1, `"Add funding entry" is offered once, got ${funding.length}: ${JSON.stringify(labels)}`);
  await items.filter({ hasText: /waiver for "funding-missing"|Ausnahme.*funding-missing/ }).first().click();
  // The reason placeholder is selected: what the author types replaces it.
  await page.keyboard.type('Haushalt 2027 in Beratung', { delay: 20 });
  await page.keyboard.press('Escape');
  let text = await save(page, file, initial, (t) => t.includes('Haushalt 2027 in Beratung'));
  expect(/waivers:\n {2}- rule: funding-missing\n {4}reason: "Haushalt 2027 in Beratung"\n/.test(text), `the typed reason replaced the placeholder:\n${text}`);
  log('waiver quick fix: reason selected and replaced by typing');

  // Funding stub: undo the waiver first, then pick "Add funding entry".
  writeFileSync(file, initial);
  await page.waitForTimeout(1500);
  await goToLineEnd(page, 5);
  await page.waitForTimeout(1500);
  items = await quickFixMenu(page);
  await items.filter({ hasText: /Add funding entry|Förderung ergänzen/ }).first().click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  text = await save(page, file, initial, (t) => t.includes('funding:'));
  expect(/funding:\n {2}- source: own\n {4}status: planned\n/.test(text), `funding stub inserted:\n${text}`);
  expect(!/amount/.test(text), `the funding stub states no amount:\n${text}`);
  log('funding quick fix: one entry in the menu, no amount: 0');
}

/** Opens Ctrl+. on a line and clicks the item matching `pattern` once the lint offers it (exactly once). */
async function clickFix(page, line, pattern) {
  for (let attempt = 1; ; attempt++) {
    await goToLineEnd(page, line);
    await page.waitForTimeout(700);
    const items = await quickFixMenu(page);
    const labels = await items.allInnerTexts();
    const hits = labels.filter((l) => pattern.test(l));
    if (hits.length === 1) {
      await items.filter({ hasText: pattern }).first().click();
      await page.waitForTimeout(500);
      return labels;
    }
    expect(hits.length < 2, `one action for ${pattern} on line ${line}, got ${hits.length}: ${JSON.stringify(labels)}`);
    if (attempt >= 5) throw new Error(`no action ${pattern} on line ${line}: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
}

/**
 * Quick fixes are the core's fixes: clicking them gives the text `strategy lint --fix` writes for
 * the same input (a YAML colon quoted, a German date and a dotted amount rewritten).
 */
async function coreQuickFixes(page, ws) {
  const rel = 'measures/verwaltung/zz-ui-corefix.md';
  const file = join(ws, rel);
  const initial = ['---', 'id: ZZ-UI-COREFIX', 'title: Korrektur: aus dem Kern', 'owner: FB 11', 'status: planned', 'field: verwaltung', 'start: 15.03.2026', 'funding:', '  - source: own', '    status: planned', '    amount: 1.000.000', '---', '', '# Korrektur aus dem Kern', ''].join('\n');
  writeFileSync(file, initial);
  // What the CLI makes of the same repository.
  const copy = mkdtempSync(join(tmpdir(), 'strategy-lintfix-'));
  cpSync(ws, copy, { recursive: true });
  try {
    execFileSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'lint', '--fix', '--root', copy], { stdio: 'ignore' });
  } catch {
    /* exit code 1: findings remain elsewhere in the example */
  }
  const expected = readFileSync(join(copy, rel), 'utf8');
  rmSync(copy, { recursive: true, force: true });
  expect(expected !== initial, 'lint --fix changed the file');
  await openFile(page, rel);
  await page.waitForTimeout(1500);
  const menu = await clickFix(page, 3, /Wert in Anführungszeichen setzen|Put the value in quotes/);
  log(`core quick fixes (line 3): ${JSON.stringify(menu)}`);
  await clickFix(page, 7, /2026-03-15/);
  await clickFix(page, 11, /1000000/);
  await page.keyboard.press('Escape');
  const text = await save(page, file, initial, (t) => t === expected);
  expect(text === expected, `the clicked quick fixes give what lint --fix gives:\n--- editor\n${text}\n--- lint --fix\n${expected}`);
  log('core quick fixes: quoted value, ISO date, plain amount – the same text as strategy lint --fix');
}

/** Key completion typed in front matter: `stat` → status, then its value `pl` → planned. */
async function keyCompletionTyped(page, ws) {
  const rel = 'measures/verwaltung/zz-ui-keys.md';
  const file = join(ws, rel);
  const initial = ['---', 'id: ZZ-UI-KEYS', 'title: Schlüssel tippen', 'owner: FB 11', 'field: verwaltung', '', '---', '', '# Schlüssel tippen', ''].join('\n');
  writeFileSync(file, initial);
  await openFile(page, rel);
  await goToLineEnd(page, 6);
  await page.keyboard.type('stat', { delay: 40 });
  await acceptCompletion(page, 'status');
  await page.keyboard.type('pl', { delay: 40 });
  await acceptCompletion(page, 'planned');
  const text = await save(page, file, initial, (t) => t.split('\n')[5] === 'status: planned');
  expect(text.split('\n')[5] === 'status: planned', `line after typing stat + Enter, pl + Enter: ${JSON.stringify(text.split('\n')[5])}`);
  log('key completion: typed stat → status: , pl → planned');
}

/** New Measure checks the id in the user's language (here the setting: German). */
async function newMeasureIdCheckLanguage(page, ws) {
  const settingsFile = join(ws, '.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  writeFileSync(settingsFile, JSON.stringify({ ...settings, 'strategyRoadmap.language': 'de' }, null, 2));
  try {
    await page.waitForTimeout(1500);
    await palette(page, '>Strategy: New Measure');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Wohngeld noch einmal');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
    await input.fill('Digitale Verwaltung');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await input.fill('No');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await input.fill('KI-WOHNGELD');
    const message = page.locator('.quick-input-widget .quick-input-message');
    const text = await until('the id check message', async () => {
      const t = (await message.textContent({ timeout: 2000 })) ?? '';
      return /KI-WOHNGELD/.test(t) ? t : undefined;
    });
    expect(/hat schon die Maßnahme/.test(text), `the id check speaks German: ${text}`);
    log(`New Measure id check in German: ${text}`);
  } finally {
    await page.keyboard.press('Escape');
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
}

async function problemTexts(page) {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** Defect 3: changing strategyRoadmap.language re-renders every existing finding. */
async function languageSettingRefreshes(page, ws) {
  await palette(page, '>View: Focus Problems');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 20000 });
  const german = (rows) => rows.some((r) => /„|Keine |nicht angegeben|Maßnahme/.test(r));
  await until('German findings in the Problems panel', async () => german(await problemTexts(page)));
  const settingsFile = join(ws, '.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  writeFileSync(settingsFile, JSON.stringify({ ...settings, 'strategyRoadmap.language': 'en' }, null, 2));
  const rows = await until('English findings after the language change', async () => {
    const r = await problemTexts(page);
    return !german(r) && r.some((x) => /"|No |measure/.test(x)) ? r : undefined;
  });
  log(`language switch: Problems now read e.g. ${JSON.stringify(rows.slice(0, 2))}`);
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  await until('German findings again', async () => german(await problemTexts(page)));
}

/** Defect 6: New Measure answered through its prompts. */
async function newMeasureThroughPrompts(page, ws) {
  await palette(page, '>Strategy: New Measure');
  const input = page.locator('.quick-input-widget input');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await input.waitFor({ state: 'visible' });
  await input.fill('Sitzungsprotokolle mit Spracherkennung');
  await page.keyboard.press('Enter');
  await rows.first().waitFor();
  await input.fill('Digitale Verwaltung');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await input.fill('Yes');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await input.fill('text-recognition');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  const riskLabels = await rows.allInnerTexts();
  expect(riskLabels.length >= 5 && !/^prohibited/.test(riskLabels[0]) && /prohibited/.test(riskLabels[riskLabels.length - 1]), `risk classes start with a harmless one and end with prohibited: ${JSON.stringify(riskLabels)}`);
  await input.fill('limited');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  const offered = await input.inputValue();
  expect(offered === 'KI-SITZUNGSPROTOKOLLE-SPRACHERKENNUNG', `offered id: ${offered}`);
  await page.keyboard.press('Enter');
  const file = join(ws, 'measures', 'verwaltung', 'ki-sitzungsprotokolle-spracherkennung.md');
  await until(`${file} written`, () => existsSync(file));
  expect(/^id: KI-SITZUNGSPROTOKOLLE-SPRACHERKENNUNG$/m.test(readFileSync(file, 'utf8')), 'the id is written');
  log(`New Measure: ${offered} in measures/verwaltung/; risk classes ${riskLabels.map((l) => l.split('\n')[0]).join(', ')}`);
}

/** Ctrl+T finds a measure by id; the outline (`@` in Quick Open) lists its front matter. */
async function symbols(page) {
  const input = page.locator('.quick-input-widget input');
  // Go to Symbol in Workspace asks the extension host, which may be busy linting: ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+T');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type('KI-WOHNGELD', { delay: 30 });
    expect((await input.inputValue()).startsWith('#'), `Ctrl+T opened Go to Symbol in Workspace (${await input.inputValue()})`);
    const found = await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'KI-WOHNGELD' }).first().waitFor({ timeout: 20000 }).then(() => true, () => false);
    if (found) break;
    const rows = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    if (attempt >= 3) throw new Error(`Ctrl+T did not find KI-WOHNGELD: ${JSON.stringify(rows.slice(0, 5))}`);
  }
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'ki-wohngeld.md' }).waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill('@');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'status' }).first().waitFor({ timeout: 15000 }).catch(() => undefined);
  const rows = (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).map((r) => r.trim().split('\n')[0]);
  for (const want of ['KI-WOHNGELD', 'status']) expect(rows.some((r) => r.includes(want)), `the outline lists ${want}: ${JSON.stringify(rows)}`);
  // The list is virtual: a milestone further down is found by typing it.
  await input.fill('@pilotstart');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'pilotstart' }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Escape');
  log(`Ctrl+T KI-WOHNGELD opened ki-wohngeld.md; outline: ${rows.slice(0, 6).join(', ')} …`);
}

/** The rows of a view in the Strategy container, by the view's title. */
function viewRows(page, title) {
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) }).locator('.pane-body .monaco-list-row');
}

/** Clicks the Strategy view's filter button and answers the quick pick(s) by clicking rows. */
async function filterTree(page, ...answers) {
  const header = page.locator('.pane-header').filter({ hasText: /^Strategy/ }).first();
  await header.hover();
  await header.locator('.action-label[aria-label^="Filter Strategy View"]').click();
  for (const answer of answers) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    if (typeof answer === 'string') {
      await input.fill(answer);
      await page.keyboard.press('Enter');
    } else await page.locator('.quick-input-widget .monaco-list-row', { hasText: answer }).first().click();
    await page.waitForTimeout(400);
  }
}

/** Tree: field → goal → measure; the filter (field, period, AI only) picked with the mouse. */
async function treeGoalsAndFilter(page) {
  await page.keyboard.press('Escape');
  // Opens the Strategy container unless it is open (a click on the active icon would close the side bar).
  if (!(await page.locator('.pane-header').filter({ hasText: /^Strategy/ }).first().isVisible())) await page.locator('.activitybar .action-item a[aria-label^="Strategy"]').first().click();
  const rows = viewRows(page, /^Strategy/);
  await filterTree(page, /Field of action/, /Digitale Verwaltung/);
  await until('only the field Digitale Verwaltung', async () => {
    const t = await rows.allInnerTexts();
    return t.some((r) => r.includes('Digitale Verwaltung')) && !t.some((r) => r.includes('Bildung')) ? t : undefined;
  });
  await filterTree(page, /Period/, '2028', '2028');
  const texts = await until('the period 2028', async () => {
    const t = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    return t.some((r) => r.includes('VW-EAKTE')) && !t.some((r) => r.includes('VW-OZG')) ? t : undefined;
  });
  log(`tree filtered (Digitale Verwaltung, 2028): ${JSON.stringify(texts)}`);
  for (const want of ['Digitale Verwaltung', 'Papierarme Verwaltung mit E-Akte', 'KI entlastet Beschäftigte', 'VW-EAKTE', 'KI-ANTRAGSROUTING']) expect(texts.some((r) => r.includes(want)), `the filtered tree shows ${want}: ${JSON.stringify(texts)}`);
  // Dated measures that end before 2028 are hidden (undated ones stay, as in the roadmap's selection).
  for (const gone of ['KI-WOHNGELD', 'VW-OZG', 'KI-CHATBOT', 'VW-KI-LEITLINIE']) expect(!texts.some((r) => r.includes(gone)), `${gone} (not in 2028) is hidden: ${JSON.stringify(texts)}`);
  // The goal is the level between field and measure: the goal row comes right before its measure.
  const goal = texts.findIndex((r) => r.includes('Papierarme Verwaltung mit E-Akte'));
  expect(goal > 0 && texts[goal + 1]?.includes('VW-EAKTE'), `VW-EAKTE under its goal Z-EAKTE: ${JSON.stringify(texts)}`);
  const description = (await page.locator('.pane-header').filter({ hasText: /^Strategy/ }).first().innerText()).replace(/\s+/g, ' ');
  expect(/Digitale Verwaltung · 2028 – 2028/.test(description), `the view says what it filters: ${description}`);
  await filterTree(page, /AI initiatives only/);
  await until('AI only', async () => {
    const t = await rows.allInnerTexts();
    return t.some((r) => r.includes('KI-ANTRAGSROUTING')) && !t.some((r) => r.includes('VW-EAKTE'));
  });
  await filterTree(page, /All measures/);
  await until('all measures again', async () => (await rows.allInnerTexts()).some((r) => r.includes('VW-OZG')));
  log('tree: field → goal → measure; filter by field, period and AI only by clicking; cleared');
  // Right-click on a goal: "Show References" lists the measures that pursue it.
  await rows.filter({ hasText: 'Z-ONLINE' }).first().click({ button: 'right' });
  await page.waitForTimeout(500); // the menu settles in place (a click while it opens can miss)
  log(`tree context menu: ${JSON.stringify(await page.locator('.monaco-menu .action-label').allInnerTexts())}`);
  await page.locator('.monaco-menu .action-label', { hasText: 'Show References' }).first().click();
  let seen = [];
  const refs = await until('the goal in Referenced by', async () => {
    const t = (seen = (await viewRows(page, 'Referenced by').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ')));
    return t.some((r) => r.startsWith('Z-ONLINE')) && ['VW-OZG', 'KI-CHATBOT', 'KI-TELEFON'].every((id) => t.some((r) => r.startsWith(id))) ? t : undefined;
  }).catch((e) => {
    throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
  });
  log(`tree context menu → Referenced by: ${JSON.stringify(refs)}`);
}

/** "Referenced by" and Find All References on an id, the cursor inside its last part. */
async function referencedBy(page) {
  await openFile(page, 'measures/verwaltung/ki-leitlinie.md');
  await goToLineEnd(page, 2); // id: VW-KI-LEITLINIE
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft'); // inside "LEITLINIE"
  // Expand Selection reaches the whole id (15 characters) on its way out.
  const sizes = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Alt+ArrowRight');
    await page.waitForTimeout(400);
    const status = (await page.locator('.statusbar-item', { hasText: /Ln 2, Col/ }).first().innerText()).replace(/\s+/g, ' ');
    sizes.push(Number(/\((\d+) selected\)/.exec(status)?.[1] ?? 0));
  }
  expect(sizes.includes(15), `Expand Selection selects VW-KI-LEITLINIE as one (selection sizes ${sizes})`);
  await goToLineEnd(page, 2);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  // Find All References (Shift+F12 peeks them).
  await page.keyboard.press('Shift+F12');
  const peek = page.locator('.peekview-widget .monaco-list-row');
  const files = await until('the peeked references', async () => {
    const t = await peek.allInnerTexts();
    return ['ki-chatbot.md', 'ki-wohngeld.md', 'ki-assistenz.md'].every((f) => t.some((r) => r.includes(f))) ? t : undefined;
  });
  log(`Find All References on VW-KI-LEITLINIE: ${JSON.stringify(files.map((f) => f.replace(/\s+/g, ' ')))}`);
  await page.keyboard.press('Escape');
  await palette(page, '>Strategy: Show References');
  const rows = viewRows(page, 'Referenced by');
  const texts = await until('the Referenced by view', async () => {
    const t = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    return t.some((r) => r.startsWith('VW-KI-LEITLINIE')) && ['KI-CHATBOT', 'KI-WOHNGELD', 'KI-ASSISTENZ'].every((id) => t.some((r) => r.startsWith(id))) ? t : undefined;
  });
  log(`Referenced by: ${JSON.stringify(texts)}`);
  await rows.filter({ hasText: 'KI-WOHNGELD' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'ki-wohngeld.md' }).waitFor({ timeout: 15000 });
  log('Referenced by: VW-KI-LEITLINIE ← KI-CHATBOT, KI-WOHNGELD, KI-ASSISTENZ; a click opened ki-wohngeld.md');
}

/** Relative paths of every file below `dir`. */
function filesBelow(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesBelow(dir, rel) : [rel];
  }).sort();
}

/**
 * An empty folder: the Strategy icon shows with the welcome view; "Initialize strategy" writes what
 * `strategy init --lang en` writes (nothing beside the folder) and the tree shows the new strategy.
 * Then a double-click on an id selects it whole (the new repository's word separators). Navigates
 * away from the example workspace: runs last.
 */
async function initFromWelcome(page) {
  const parent = mkdtempSync(join(tmpdir(), 'strategy-init-ui-'));
  const folder = join(parent, 'neue-strategie');
  mkdirSync(folder);
  const cli = join(parent, 'cli-init');
  execFileSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'init', cli, '--lang', 'en'], { stdio: 'ignore' });
  await page.goto(`${new URL(page.url()).origin}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const icon = page.locator('.activitybar .action-item a[aria-label^="Strategy"]').first();
  await icon.waitFor({ timeout: 90000 });
  if (!(await page.locator('.pane-header, .composite.title').filter({ hasText: /^Strategy/i }).first().isVisible())) await icon.click();
  const button = page.locator('.welcome-view-content .monaco-button', { hasText: 'Initialize strategy' });
  await button.waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(parent, 'welcome.png') });
  await button.click();
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'English' }).first().click();
  await until('strategy.yaml written', () => existsSync(join(folder, 'strategy.yaml')), 30000);
  const rows = viewRows(page, /^Strategy/);
  const texts = await until('the tree of the new strategy', async () => {
    const t = await rows.allInnerTexts();
    return t.some((r) => r.includes('Digital administration')) ? t : undefined;
  }, 30000);
  log(`Initialize strategy: tree ${JSON.stringify(texts.slice(0, 4).map((r) => r.replace(/\s+/g, ' ')))}`);
  const written = filesBelow(folder);
  const expected = filesBelow(cli);
  expect(JSON.stringify(written) === JSON.stringify(expected), `the same files as strategy init:\n${written.join(', ')}\nvs\n${expected.join(', ')}`);
  for (const f of expected) expect(readFileSync(join(folder, f), 'utf8') === readFileSync(join(cli, f), 'utf8'), `${f} as strategy init writes it`);
  expect(JSON.stringify(readdirSync(parent).sort()) === JSON.stringify(['cli-init', 'neue-strategie', 'welcome.png']), `nothing written beside the folder: ${readdirSync(parent)}`);
  log(`Initialize strategy: ${written.length} files, identical to strategy init --lang en`);

  // Double-click on the id of the example measure selects all of AI-ASSISTANT.
  await openFile(page, 'measures/ai-assistant.md');
  const id = page.locator('.view-lines .view-line span', { hasText: /^AI-ASSISTANT$/ }).first();
  await id.waitFor({ timeout: 15000 });
  const box = await id.boundingBox();
  await page.mouse.dblclick(box.x + box.width * 0.75, box.y + box.height / 2);
  const status = await until('the double-click selection', async () => {
    const t = (await page.locator('.statusbar-item', { hasText: /selected\)/ }).first().innerText({ timeout: 2000 }).catch(() => '')).replace(/\s+/g, ' ');
    return t || undefined;
  }, 10000);
  expect(/\(12 selected\)/.test(status), `a double-click selects AI-ASSISTANT (12 characters): ${status}`);
  log(`double-click on AI-ASSISTANT: ${status}`);
  rmSync(parent, { recursive: true, force: true });
}

/** STRATEGY_UI_CHECKS=name,name runs only those checks (while developing one); unset runs all. */
function selected(checks) {
  const only = (process.env.STRATEGY_UI_CHECKS ?? '').split(',').filter(Boolean);
  return only.length ? checks.filter((c) => only.includes(c.name)) : checks;
}

/** Runs every check, even after one failed, and then fails with all of their messages. */
export async function authoringChecks(page, ws) {
  mkdirSync(join(ws, 'measures', 'smart-city'), { recursive: true });
  const failures = [];
  for (const check of selected([completionReplacesTypedId, quickFixes, coreQuickFixes, keyCompletionTyped, languageSettingRefreshes, newMeasureThroughPrompts, newMeasureIdCheckLanguage, symbols, referencedBy, treeGoalsAndFilter, initFromWelcome])) {
    try {
      await check(page, ws);
    } catch (e) {
      log(`FAILED ${check.name}: ${e instanceof Error ? e.message : e}`);
      failures.push(`${check.name}: ${e instanceof Error ? e.message : e}`);
      await page.keyboard.press('Escape').catch(() => undefined);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  if (failures.length) throw new Error(`${failures.length} authoring check(s) failed:\n${failures.join('\n')}`);
}

/** The webview frame that holds `selector` (webviews are nested iframes). */
export async function findFrame(page, selector, timeoutMs = 60000) {
  return until(`a webview frame with ${selector}`, async () => {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {
        /* frame went away */
      }
    }
    return undefined;
  }, timeoutMs);
}

/** The roadmap as a user drives it: field filter, zoom, the axis while scrolling, a reload. */
export async function roadmapControls(page) {
  let frame = await findFrame(page, '#diagrams .diagram svg');
  const status = () => frame.locator('#status').textContent();
  const before = await status();
  await frame.locator('#field').selectOption('bildung');
  const filtered = await until('the field filter', async () => {
    const s = await status();
    return s !== before && /^\d+ of \d+ measures/.test(s ?? '') ? s : undefined;
  });
  const text = (await frame.locator('#diagrams').textContent()) ?? '';
  expect(!text.includes('Einführung der E-Akte'), 'a measure of another field is not in the filtered chart');
  log(`roadmap field filter: ${filtered}`);

  const chart = frame.locator('.diagram > svg').last();
  const width = (await chart.boundingBox()).width;
  await frame.locator('#zoom-in').click();
  const zoomed = await until('zoom in', async () => {
    const w = (await chart.boundingBox()).width;
    return w > width * 1.2 ? w : undefined;
  });
  log(`roadmap zoom: ${Math.round(width)} px → ${Math.round(zoomed)} px`);

  // Scroll down: the time axis stays at the top of the diagram area.
  await frame.locator('#field').selectOption('');
  await until('all fields again', async () => (await status()) !== filtered);
  await frame.locator('main').evaluate((m) => (m.scrollTop = 400));
  await page.waitForTimeout(300);
  const mainTop = (await frame.locator('main').boundingBox()).y;
  const axis = await frame.locator('.axis').first().boundingBox();
  expect(axis && Math.abs(axis.y - mainTop) <= 2 && axis.height >= 20, `the time axis sticks to the top (axis ${JSON.stringify(axis)}, main top ${mainTop})`);
  log('roadmap time axis stays visible while scrolling');

  // After a reload the panel comes back with its type, filter and zoom.
  const allFields = await status();
  await frame.locator('#ai').check();
  await until('AI only', async () => (await status()) !== allFields);
  await page.waitForTimeout(1000);
  await palette(page, '>Developer: Reload Window');
  await page.waitForEvent('load', { timeout: 60000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  frame = await findFrame(page, '#diagrams .diagram svg', 90000);
  await until('the restored filter', async () => (await frame.locator('#ai').isChecked()) && /125%/.test((await frame.locator('#zoom-reset').textContent()) ?? ''));
  log('roadmap panel restored after a reload (AI only, 125 %)');
  await frame.locator('#ai').uncheck();
}
