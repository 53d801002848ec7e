// `npm run test:vscode-web`: the extension in a real VS Code workbench (code-server) driven by
// Chromium. Phase 1 installs the packaged VSIX into a fresh profile and checks the UI as a user
// sees it (screenshots into a scratch folder, or docs/images/ with --images: `npm run docs:images`);
// phase 2 runs the mocha suite of test/extension/ in the (Node) extension host; phase 3 runs
// test/extension/suite/web.ts against the `browser` bundle in the web worker extension host.
// Fails – never skips – when VS Code or Chromium cannot be started.
import { format } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { authoringChecks, roadmapControls } from '../test/extension/ui/authoring.mjs';
import { roadmapFollowsEdits } from '../test/extension/ui/roadmap.mjs';
import { ROOT, WEB_EXTENSION, WEB_SUITE, buildForTests, ensureCodeServer, packageVsix, scratch, workspaceCopy } from './vscode-env.mjs';
import { installVsix, launchBrowser, runCommand, startCodeServer, workbenchPort } from './vscode-workbench.mjs';

// A test run never touches the tracked screenshots: only `npm run docs:images` (--images) refreshes
// docs/images/; otherwise they go to a scratch folder whose path is printed.
const IMAGES = process.argv.includes('--images') ? join(ROOT, 'docs', 'images') : scratch('strategy-screenshots-');
const log = (s) => process.stderr.write(`[vscode-web] ${s}\n`);

async function phaseUi(cs, vsix) {
  const dir = scratch('strategy-ui-');
  const extensionsDir = join(dir, 'ext');
  await installVsix(cs, vsix, extensionsDir);
  const workspace = workspaceCopy();
  const server = await startCodeServer(cs, workbenchPort(1), { extensionsDir, userDataDir: join(dir, 'user') });
  const browser = await launchBrowser();
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${workbenchPort(1)}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    mkdirSync(IMAGES, { recursive: true });

    // The Strategy view in its own activity-bar container lists the example's measures.
    const container = page.locator('.activitybar .action-item a[aria-label^="Strategy"], .activitybar .action-item a[aria-label^="Strategie"]').first();
    await container.click({ timeout: 120000 });
    const rows = page.locator('.pane-body .monaco-list-row');
    await rows.first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(1000);
    const rowTexts = await rows.allInnerTexts();
    if (rowTexts.length < 3) throw new Error(`Strategy view shows only ${rowTexts.length} rows: ${rowTexts.join(' | ')}`);
    log(`screenshots into ${IMAGES}`);
    log(`Strategy view rows: ${rowTexts.length} (first: ${rowTexts.slice(0, 3).join(' | ').replace(/\n/g, ' ')})`);
    await page.screenshot({ path: join(IMAGES, 'vscode-tree.png') });

    // Problems panel lists findings.
    await runCommand(page, 'View: Focus Problems');
    const problems = page.locator('.markers-panel .monaco-list-row');
    await problems.first().waitFor({ timeout: 30000 });
    const problemCount = await problems.count();
    if (problemCount < 1) throw new Error('Problems panel is empty');
    log(`Problems rows: ${problemCount}`);
    await page.screenshot({ path: join(IMAGES, 'vscode-problems.png') });

    // The roadmap webview holds a rendered SVG.
    await runCommand(page, 'Strategy: Show Roadmap');
    let svgFrame;
    const deadline = Date.now() + 60000;
    while (!svgFrame && Date.now() < deadline) {
      for (const frame of page.frames()) {
        try {
          if ((await frame.locator('#diagrams svg').count()) > 0) svgFrame = frame;
        } catch {
          /* frame went away */
        }
      }
      if (!svgFrame) await page.waitForTimeout(500);
    }
    if (!svgFrame) throw new Error('the roadmap webview rendered no SVG within 60 s');
    const bars = await svgFrame.locator('#diagrams svg rect').count();
    log(`Roadmap SVG rendered (${bars} rects)`);
    await page.screenshot({ path: join(IMAGES, 'vscode-roadmap.png') });
    const diagram = svgFrame.locator('#diagrams .diagram').first();
    await diagram.screenshot({ path: join(IMAGES, 'vscode-roadmap-webview.png') });
    // The roadmap follows the strategy's language (German here), not VS Code's (English here).
    const svgText = (await svgFrame.locator('#diagrams').textContent()) ?? '';
    const failures = [];
    if (!/Stand \d\d\.\d\d\.\d{4}|Meilenstein/.test(svgText) || /As of \d|Milestone/.test(svgText)) failures.push(`the roadmap is not in the strategy's language (German): ${svgText.replace(/#roadmap[^}]*}/g, '').slice(0, 200)}`);
    else log('roadmap labels in the strategy language (German) under an English VS Code');
    // The header counts only what the chart shows and names the measures without dates (as the CLI does).
    const header = (await svgFrame.locator('#status').textContent()) ?? '';
    if (!/not in the chart.*KI-TELEFON/.test(header)) failures.push(`the roadmap header does not name the measures left out: ${header}`);
    else log(`roadmap header: ${header}`);

    // While the roadmap is in view: its controls, then a reload (it must come back).
    // STRATEGY_UI_CHECKS (a developer running some authoring checks) leaves the roadmap out.
    if (!process.env.STRATEGY_UI_CHECKS) await roadmapControls(page).catch((e) => failures.push(`roadmap: ${e.message}`));
    if (!process.env.STRATEGY_UI_CHECKS) await roadmapFollowsEdits(page, workspace).catch((e) => failures.push(`roadmap after an edit: ${e.message}`));
    if (!process.argv.includes('--no-authoring')) await authoringChecks(page, workspace).catch((e) => failures.push(e.message));
    if (failures.length) throw new Error(failures.join('\n'));
  } catch (e) {
    const page = browser.pages()[0];
    if (page) {
      await page.screenshot({ path: join(scratch('strategy-fail-'), 'failure.png') }).then(
        () => undefined,
        () => undefined,
      );
      const labels = await page.locator('.activitybar .action-item a, .activitybar .action-item .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))).catch(() => []);
      log(`activity bar: ${JSON.stringify(labels)}`);
    }
    log(`code-server log (tail):\n${server.output().slice(-3000)}`);
    throw e;
  } finally {
    await browser.close();
    server.stop();
  }
}

/** `web`: the extension's `browser` bundle in the web worker extension host (as on vscode.dev). */
async function phaseSuite(cs, suite, { web = false } = {}) {
  const dir = scratch('strategy-suite-');
  const workspace = workspaceCopy();
  const port = workbenchPort(web ? 3 : 2);
  const server = await startCodeServer(cs, port, { extensionsDir: join(dir, 'ext'), userDataDir: join(dir, 'user') });
  const browser = await launchBrowser();
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exitCode;
    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => {
        exitCode = code;
        resolve();
      });
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (/\[strategy|passing|failing|passed|failed|✔|✓|\d+\)|Error|AssertionError/.test(text)) process.stdout.write(text + '\n');
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(web ? WEB_EXTENSION : ROOT)],
      ['extensionTestsPath', remote(suite)],
      ...(web ? [['extensionDevelopmentKind', 'web']] : []),
    ]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('extension test suite did not finish within 5 minutes')), 300000));
    await Promise.race([done, timeout]);
    return exitCode;
  } finally {
    await browser.close();
    server.stop();
  }
}

async function main() {
  const cs = ensureCodeServer();
  const suite = await buildForTests();
  const vsix = packageVsix();
  // Every phase runs, whatever the one before found: a run reports all failures at once.
  let ui = true;
  if (!process.argv.includes('--suite-only')) {
    ui = await phaseUi(cs, vsix).then(
      () => true,
      (e) => {
        log(`FAILED (workbench UI): ${e instanceof Error ? e.message : e}`);
        return false;
      },
    );
  }
  // --ui-only: phase 1 alone (while developing a workbench check; the full run does all phases).
  if (process.argv.includes('--ui-only')) process.exit(ui ? 0 : 1);
  const code = await phaseSuite(cs, suite);
  log(`extension test suite exited with ${code}`);
  const webCode = await phaseSuite(cs, WEB_SUITE, { web: true });
  log(`web extension test suite (web worker extension host) exited with ${webCode}`);
  process.exit(ui && code === 0 && webCode === 0 ? 0 : 1);
}

main().catch((e) => {
  log(`FAILED: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
