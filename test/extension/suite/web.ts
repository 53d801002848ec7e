// The web extension (package.json `browser`, dist/web/extension.js) in code-server's web worker
// extension host: the payload's extensionDevelopmentKind "web" makes VS Code run it there, as
// vscode.dev and github.dev do. Mocha's browser build; no Node module is available here.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import type { StrategyApi } from '../../../extension/extension';

const EXTENSION_ID = 'digital-strategy-roadmap.digital-strategy-roadmap';

declare const mocha: BrowserMocha;

function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), ...rel.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

function webSuite(): void {
  let api: StrategyApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<StrategyApi>(EXTENSION_ID);
    ok(ext, 'the extension is installed');
    api = await ext.activate();
    await api.ready;
    await waitFor('a strategy root', () => api.roots.roots.size > 0);
  });

  it('runs in a Web Worker, without Node', () => {
    ok(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'a Web Worker global scope');
    ok(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string', 'no Node.js');
    ok(vscode.env.uiKind === vscode.UIKind.Web, 'the web UI');
  });

  it('publishes the findings of the example', async () => {
    const model = api.roots.roots.values().next().value!.result!;
    ok(model.findings.length > 0, 'the example has findings');
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.source === 'strategy')));
    const published = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.filter((d) => d.source === 'strategy'));
    ok(published.length === model.findings.length, `${published.length} diagnostics for ${model.findings.length} findings`);
  });

  it('completes a typed id prefix over the whole id and offers quick fixes', async () => {
    const field = api.roots.roots.values().next().value!.result!.model.fields[0].id;
    const uri = await writeFile('measures/zz-web.md', `---\nid: ZZ-WEB\ntitle: Web\nowner: FB 11\nstatus: pilot\nfield: ${field}\nstart: 2026-01\ndepends_on:\n  - ST-PL\n---\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('linted', () => api.roots.rootOf(uri)?.result?.model.measureById.has('ZZ-WEB'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(8, 9));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'ST-PLATTFORM');
    ok(item, 'ST-PLATTFORM offered');
    const range = item.range as { inserting: vscode.Range } | undefined;
    ok(range && range.inserting.start.character === 4, `the item replaces the typed "ST-PL" (range starts at ${range?.inserting.start.character})`);
    const diag = await waitFor('funding-missing', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'funding-missing'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
    ok(actions.filter((a) => /funding entry|Förderung/.test(a.title)).length === 1, `one funding stub (${actions.map((a) => a.title).join(', ')})`);
    ok(actions.some((a) => a.title.includes('funding-missing')), 'a waiver');
  });

  it('finds symbols, fills the tree and renders the roadmap webview', async function () {
    this.timeout(180000);
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'KI-WOHNGELD');
    ok(symbols.some((s) => s.name === 'KI-WOHNGELD'), 'Ctrl+T finds KI-WOHNGELD');
    type TreeNode = ReturnType<typeof api.tree.getChildren>[number];
    const below = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => (n.type === 'milestone' ? [] : [n, ...below(api.tree.getChildren(n))]));
    const measures = [...new Set(below(api.tree.getChildren()).flatMap((n) => (n.type === 'measure' ? [n.measure] : [])))];
    ok(measures.length === api.roots.roots.values().next().value!.result!.model.measures.length, 'every measure in the tree');
    await vscode.commands.executeCommand('strategyRoadmap.showRoadmap');
    const panel = await waitFor('roadmap panel', () => api.roadmapPanel());
    await waitFor('webview rendered an SVG', () => (panel.lastRendered ?? 0) > 0, 150000);
  });

  it('writes a New Measure and opens the council report (HEAD read through the file system)', async () => {
    const field = api.roots.roots.values().next().value!.result!.model.fields[0].id;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('strategyRoadmap.newMeasure', { title: 'Messung im Browser', field, ai: false });
    ok(uri && uri.path.endsWith('.md'), 'a measure file was written');
    await writeFile('.git/HEAD', 'ref: refs/heads/main\n');
    await writeFile('.git/refs/heads/main', 'c0ffee0123456789abcdef0123456789abcdef01\n');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport');
    ok(doc.getText().includes('c0ffee012345'), 'the report names the commit');
  });
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: undefined, timeout: 60000 });
  webSuite();
  return new Promise((resolve, reject) => {
    let passed = 0;
    const runner = mocha.run((failures: number) => {
      console.log(`[strategy-web] ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} web extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t: Mocha.Test) => {
      passed++;
      console.log(`[strategy-web] ✔ ${t.fullTitle()}`);
    });
    runner.on('fail', (t: Mocha.Test, err: Error) => console.log(`[strategy-web] ✗ ${t.fullTitle()}: ${err.message}`));
  });
}
