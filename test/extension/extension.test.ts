import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { StrategyWorkspace, STRATEGY_FILE, makeClassifier, todayUtc, type Finding } from '../../strategy/index';
import type { StrategyApi } from '../../extension/extension';

const EXTENSION_ID = 'digital-strategy-roadmap.digital-strategy-roadmap';

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test workspace is open');
  return f.uri;
}

/** Lints the workspace files with the core directly: the reference the editor must agree with. */
async function coreFindings(): Promise<Finding[]> {
  const root = folder();
  const ws = new StrategyWorkspace();
  ws.setFile(STRATEGY_FILE, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, STRATEGY_FILE)));
  const classify = makeClassifier(ws.include());
  for (const uri of await vscode.workspace.findFiles('**/*', '**/node_modules/**')) {
    const rel = uri.path.slice(root.path.length + 1);
    if (rel !== STRATEGY_FILE && classify(rel)) ws.setFile(rel, await vscode.workspace.fs.readFile(uri));
  }
  const asOf = vscode.workspace.getConfiguration('strategyRoadmap').get<string>('asOf') || todayUtc(new Date());
  return ws.lint({ asOf }).findings;
}

async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), ...rel.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function suiteTests(): void {
  let api: StrategyApi;
  const fieldId = () => api.roots.roots.values().next().value!.result!.model.fields[0].id;

  before(async () => {
    const ext = vscode.extensions.getExtension<StrategyApi>(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    api = await ext.activate();
    const loadMs = await api.ready;
    await waitFor('a strategy root', () => api.roots.roots.size > 0);
    console.log(`[strategy-test] activation took ${api.activationMs.toFixed(1)} ms (own code, measured by the extension); loading and linting the repository ${loadMs.toFixed(1)} ms`);
  });

  describe('diagnostics', () => {
    it('publishes every core finding with its rule code, range and severity', async () => {
      const expected = await coreFindings();
      assert.ok(expected.length > 0, 'the example has findings');
      await waitFor('diagnostics', () => vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.source === 'strategy')));
      const root = folder();
      const actual = vscode.languages
        .getDiagnostics()
        .flatMap(([uri, ds]) => ds.filter((d) => d.source === 'strategy').map((d) => `${uri.path.slice(root.path.length + 1)}|${codeOf(d)}|${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}|${d.severity}`))
        .sort();
      const sev = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
      const want = expected.map((f) => `${f.file}|${f.rule}|${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}|${sev[f.severity]}`).sort();
      assert.deepEqual(actual, want);
    });

    it('links each code to the rule documentation', () => {
      const d = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds).find((x) => x.source === 'strategy');
      assert.ok(d && typeof d.code === 'object');
      assert.match(d.code.target.path, new RegExp(`docs/rules/${codeOf(d)}\\.md$`));
    });
  });

  describe('editing', () => {
    it('reports a typo while typing (unsaved) and a quick fix removes it', async () => {
      const uri = await writeFile('measures/zz-quickfix.md', `---\nid: ZZ-QUICKFIX\ntitle: Quick fix test\nowner: FB 11\nstatus: plannd\nfield: ${fieldId()}\n---\n`);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diag = await waitFor('schema diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'schema' && d.range.start.line === 4));
      assert.equal(doc.getText(diag.range), 'plannd');
      // The lint is debounced: ask again until the finding behind the diagnostic is current.
      let actions: vscode.CodeAction[] = [];
      const isFix = (a: vscode.CodeAction) => a.title.includes('"planned"') || a.title.includes('„planned“');
      await waitFor('the did-you-mean action', async () => {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
        return actions.some(isFix);
      }, 10000).catch(() => undefined);
      const fix = actions.find(isFix);
      assert.ok(fix?.edit, `a did-you-mean fix is offered (got: ${actions.map((a) => a.title).join(', ')})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.getText(), /status: planned/);
      await waitFor('the schema finding disappears', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'schema'));
      await doc.save();
    });

    it('offers stubs and a waiver for a missing funding entry', async () => {
      const uri = await writeFile('measures/zz-stub.md', `---\nid: ZZ-STUB\ntitle: Stub test\nowner: FB 11\nstatus: pilot\nfield: ${fieldId()}\nstart: 2026-01\n---\n`);
      const doc = await vscode.workspace.openTextDocument(uri);
      const diag = await waitFor('funding-missing', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'funding-missing'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
      const waiver = actions.find((a) => a.title.includes('funding-missing') && a.edit);
      const stub = actions.find((a) => a.edit && a.kind?.value === 'quickfix' && /funding|Förder/i.test(a.title) && a !== waiver);
      assert.ok(stub && waiver, `stub and waiver actions (got: ${actions.map((a) => a.title).join(', ')})`);
      // The rule's page, opened rendered.
      const docs = actions.find((a) => a.command?.command === 'strategyRoadmap.showRuleDocs' && a.command.arguments?.[0] === 'funding-missing');
      assert.ok(docs, `a "show documentation" action (${actions.map((a) => a.title).join(', ')})`);
      const page = await vscode.commands.executeCommand<vscode.Uri>(docs.command!.command, ...docs.command!.arguments!);
      assert.match(page.path, /docs\/rules\/(de\/)?funding-missing\.md$/);
      assert.ok(await vscode.workspace.applyEdit(stub.edit!));
      assert.match(doc.getText(), /funding:\n  - source: own\n    status: planned/);
      await waitFor('funding-missing disappears', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'funding-missing'));
    });

    it('renames a measure id in every file that refers to it', async () => {
      const a = await writeFile('measures/zz-rename-a.md', `---\nid: ZZ-RENAME-A\ntitle: A\nowner: FB 11\nstatus: idea\nfield: ${fieldId()}\nmilestones:\n  - id: m1\n    title: M1\n    date: 2027-01-01\n    status: open\n---\n`);
      const b = await writeFile('measures/zz-rename-b.yaml', `id: ZZ-RENAME-B\ntitle: B\nowner: FB 11\nstatus: idea\nfield: ${fieldId()}\ndepends_on: [ZZ-RENAME-A, "ZZ-RENAME-A/m1"]\n`);
      await waitFor('both files linted', () => api.roots.rootOf(a)?.result?.model.measureById.has('ZZ-RENAME-B'));
      const docA = await vscode.workspace.openTextDocument(a);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', a, new vscode.Position(1, 6), 'ZZ-RENAMED');
      assert.ok(edit && (await vscode.workspace.applyEdit(edit)));
      const docB = await vscode.workspace.openTextDocument(b);
      assert.match(docA.getText(), /^id: ZZ-RENAMED$/m);
      assert.match(docB.getText(), /depends_on: \[ZZ-RENAMED, "ZZ-RENAMED\/m1"\]/);
      await vscode.workspace.saveAll();
    });

    it('completes measure ids, milestone refs and enum values', async () => {
      const uri = await writeFile('measures/zz-complete.md', `---\nid: ZZ-COMPLETE\ntitle: C\nowner: FB 11\nstatus: \nfield: ${fieldId()}\ndepends_on:\n  - \n---\n`);
      await waitFor('file linted', () => api.roots.rootOf(uri)?.result?.model.measureById.has('ZZ-COMPLETE'));
      const model = api.roots.rootOf(uri)!.result!.model;
      const deps = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(7, 4));
      const labels = deps.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      const other = model.measures.find((m) => m.id !== 'ZZ-COMPLETE' && m.milestones.length)!;
      assert.ok(labels.includes(other.id), `measure id ${other.id} offered`);
      assert.ok(labels.includes(`${other.id}/${other.milestones[0].id}`), 'milestone ref offered');
      const status = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 8));
      const statusLabels = status.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const s of ['idea', 'planned', 'pilot', 'active']) assert.ok(statusLabels.includes(s), `status ${s} offered`);
    });

    it('completes keys from the schema where they belong and explains a key on hover', async () => {
      const uri = await writeFile('measures/zz-keys.md', `---\nid: ZZ-KEYS\ntitle: Schlüssel\now\nfunding:\n  - source: own\n    st\n---\n`);
      const labels = async (line: number, character: number) => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
        return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Property).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      };
      const top = await labels(3, 2);
      assert.ok(top.includes('owner') && top.includes('status') && top.includes('milestones'), `measure keys (${top.join(', ')})`);
      assert.ok(!top.includes('id') && !top.includes('title') && !top.includes('funding'), 'keys already written are not offered again');
      const inFunding = await labels(6, 6);
      assert.ok(inFunding.includes('status') && inFunding.includes('amount'), `funding entry keys (${inFunding.join(', ')})`);
      assert.ok(!inFunding.includes('source') && !inFunding.includes('owner'), `only the funding entry's keys, not written ones (${inFunding.join(', ')})`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 6));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(text, /source/, `hover on a key explains it (${text})`);
      await vscode.workspace.fs.delete(uri);
      await waitFor('the deleted file is gone from the workspace', () => !api.roots.rootOf(uri)?.ws.has('measures/zz-keys.md'));
    });

    it('hovers and goes to the definition of a reference', async () => {
      const root = api.roots.roots.values().next().value!;
      const model = root.result!.model;
      const holder = model.measures.find((m) => m.dependsOn.length && model.measureById.has(m.dependsOn[0].id));
      assert.ok(holder, 'a measure with a resolvable dependency');
      const ref = holder.dependsOn[0];
      const r = holder.origin.source.locate(ref.path, 'value', holder.origin.node);
      const uri = root.fileUri(holder.origin.file);
      const pos = new vscode.Position(r.start.line - 1, r.start.column); // inside the id text
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
      const target = model.measureById.get(ref.id)!;
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.ok(text.includes(target.title.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '').slice(0, 8)) || text.includes(target.id), `hover shows the target (${text})`);
      const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, pos);
      const d = defs[0];
      const defUri = 'uri' in d ? d.uri : d.targetUri;
      assert.equal(defUri.path, root.fileUri(target.origin.file).path);
    });
  });

  describe('symbols', () => {
    it('Go to Symbol in Workspace finds measures, milestones and catalogue entries by id or title', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'KI-WOHNGELD');
      const hit = found.find((s) => s.name === 'KI-WOHNGELD');
      assert.ok(hit, `KI-WOHNGELD found (got ${found.map((s) => s.name).join(', ')})`);
      assert.match(hit.location.uri.path, /ki-wohngeld\.md$/);
      assert.ok(found.some((s) => s.name.startsWith('KI-WOHNGELD/')), 'its milestones too');
      const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Digitale Verwaltung');
      assert.ok(byTitle.some((s) => s.name === 'verwaltung' && s.kind === vscode.SymbolKind.Namespace), 'a field by its title');
    });

    it('the outline of a measure lists its keys and milestones', async () => {
      const [uri] = (await vscode.workspace.findFiles('measures/**/ki-wohngeld.md'));
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      // The Markdown extension adds the body's headings to the outline; ours is the measure.
      const measure = symbols.find((s) => s.name === 'KI-WOHNGELD');
      assert.ok(measure, `the measure in the outline (${symbols.map((s) => s.name).join(', ')})`);
      const keys = measure.children.map((c) => c.name);
      for (const k of ['id', 'title', 'status', 'milestones']) assert.ok(keys.includes(k), `key ${k} in the outline (${keys.join(', ')})`);
      const milestones = measure.children.find((c) => c.name === 'milestones')!;
      assert.ok(milestones.children.some((c) => c.name === 'pilotstart'));
    });
  });

  describe('views and commands', () => {
    it('Initialize strategy writes nothing through a folder link out of the folder', async () => {
      const { mkdtempSync, mkdirSync, symlinkSync, readdirSync, existsSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const base = mkdtempSync(join(tmpdir(), 'strategy-init-link-'));
      const repo = join(base, 'repo');
      const outside = join(base, 'outside');
      mkdirSync(repo);
      mkdirSync(outside);
      symlinkSync(outside, join(repo, 'measures'));
      try {
        const outcome = await vscode.commands.executeCommand<{ created: string[]; refused: string[]; skipped: string[] }>('strategyRoadmap.init', { lang: 'en', folder: vscode.Uri.file(repo) });
        assert.ok(outcome, 'init ran');
        assert.deepEqual(readdirSync(outside), [], 'nothing written through the link');
        assert.ok(outcome.refused.length >= 1 && outcome.refused.every((p) => p.startsWith('measures/')), `the measures are refused: ${JSON.stringify(outcome.refused)}`);
        assert.ok(existsSync(join(repo, 'strategy.yaml')) && existsSync(join(repo, '.vscode', 'settings.json')), 'the rest is written');
        // A second run keeps every file and writes nothing.
        const again = await vscode.commands.executeCommand<unknown>('strategyRoadmap.init', { lang: 'en', folder: vscode.Uri.file(repo) });
        assert.equal(again, undefined, 'a folder with a strategy.yaml is not initialised again');
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    });

    it('Show Roadmap opens the webview, which renders the diagram', async function () {
      this.timeout(240000);
      await vscode.commands.executeCommand('strategyRoadmap.showRoadmap');
      const panel = await waitFor('roadmap panel', () => api.roadmapPanel());
      // The webview asks for its first diagram once its script runs; under load that takes a while.
      await waitFor('sources', () => panel.mermaidSources.length > 0, 180000);
      assert.match(panel.mermaidSources[0], /^\s*(gantt|%%)/m);
      await waitFor('webview rendered an SVG', () => (panel.lastRendered ?? 0) > 0, 180000);
    });

    it('the roadmap filters by field, AI and period, and reports what it leaves out', async function () {
      this.timeout(120000);
      const model = api.roots.roots.values().next().value!.result!.model;
      const field = fieldId();
      await vscode.commands.executeCommand('strategyRoadmap.showRoadmap', 'gantt', { field });
      const panel = await waitFor('roadmap panel', () => api.roadmapPanel());
      const measuresIn = () => new Set(panel.mermaidSources.join('\n').match(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g) ?? []);
      const inField = model.measures.filter((m) => m.field?.id === field);
      const other = model.measures.find((m) => m.field?.id !== field && m.start)!;
      await waitFor('field filter applied', () => panel.currentFilter.field === field);
      assert.ok(![...measuresIn()].includes(other.id) || !panel.mermaidSources.join('').includes(other.title), `${other.id} (other field) is not in the chart`);
      assert.ok(inField.some((m) => panel.mermaidSources.join('').includes(m.title.slice(0, 12))), 'measures of the field are');
      await vscode.commands.executeCommand('strategyRoadmap.showRoadmap', 'gantt', { aiOnly: true, from: '2027', to: '2027' });
      assert.deepEqual(panel.currentFilter, { field: undefined, aiOnly: true, from: '2027', to: '2027' });
      const nonAi = model.measures.find((m) => !m.ai && m.start && m.title.length > 12)!;
      assert.ok(!panel.mermaidSources.join('').includes(nonAi.title.slice(0, 12)), `non-AI ${nonAi.id} left out`);
      await vscode.commands.executeCommand('strategyRoadmap.showRoadmap', 'gantt', { from: 'not a date' });
      assert.equal(panel.currentFilter.from, undefined, 'an invalid period is ignored');
      await vscode.commands.executeCommand('strategyRoadmap.showRoadmap', 'gantt', {});
    });

    it('the Strategy tree lists every measure under its field and goals, and filters as the roadmap', () => {
      const root = api.roots.roots.values().next().value!;
      const model = root.result!.model;
      const top = api.tree.getChildren();
      type TreeNode = ReturnType<typeof api.tree.getChildren>[number];
      const below = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => (n.type === 'milestone' ? [] : [n, ...below(api.tree.getChildren(n))]));
      const measuresShown = () => new Set(below(api.tree.getChildren()).flatMap((n) => (n.type === 'measure' ? [n.measure] : [])));
      assert.equal(measuresShown().size, model.measures.length);
      const fieldTitles = top.map((n) => api.tree.getTreeItem(n).label);
      for (const f of model.fields) assert.ok(fieldTitles.includes(f.title), `field ${f.title} shown`);
      // Goals are the level below the fields; a measure with a goal sits under it.
      const goalTitles = below(top).filter((n) => n.type === 'goal').map((n) => api.tree.getTreeItem(n).label);
      for (const g of model.goals.filter((g) => g.field)) assert.ok(goalTitles.includes(g.title), `goal ${g.title} shown`);
      api.tree.setFilter({ aiOnly: true });
      assert.equal(measuresShown().size, model.measures.filter((m) => m.ai).length);
      api.tree.setFilter({ field: model.fields[0].id });
      assert.deepEqual([...measuresShown()].map((m) => m.id).sort(), model.measures.filter((m) => m.field?.id === model.fields[0].id).map((m) => m.id).sort());
      api.tree.setFilter({});
    });

    it('the Strategy tree gives each row its own id (a duplicate id in one file, a goal written twice)', async () => {
      const model = () => api.roots.roots.values().next().value!.result!.model;
      const goal = model().goals[0].id;
      const entry = `- id: ZZ-DUP\n  title: Doppelt\n  owner: FB 11\n  status: idea\n  field: ${fieldId()}\n  goals: [${goal}, ${goal}]\n  milestones:\n    - id: m1\n      title: M1\n      date: 2027-01-01\n      status: open\n`;
      const uri = await writeFile('measures/zz-dup.yaml', entry + entry);
      try {
        await waitFor('both ZZ-DUP measures', () => model().measures.filter((m) => m.id === 'ZZ-DUP').length === 2);
        type TreeNode = ReturnType<typeof api.tree.getChildren>[number];
        const below = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...below(api.tree.getChildren(n))]);
        const ids = below(api.tree.getChildren()).map((n) => api.tree.getTreeItem(n).id);
        assert.equal(new Set(ids).size, ids.length, `duplicate tree ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
        assert.equal(ids.filter((id) => id?.includes(':ZZ-DUP') && id.includes('#measure:')).length, 2, 'two rows for the two measures under the goal');
      } finally {
        await vscode.workspace.fs.delete(uri);
      }
    });

    it('New Measure writes a measure from the template that lint then sees', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('strategyRoadmap.newMeasure', { title: 'Neue KI-Maßnahme für Tests', field: fieldId(), ai: { category: 'chatbot', risk: 'limited' } });
      assert.ok(uri, 'a file was written');
      // Into the folder of the field's measures, with the prefix its AI initiatives use, no filler words.
      assert.match(uri.path, new RegExp(`measures/${fieldId()}/ki-neue-massnahme-tests\\.md$`));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^id: KI-NEUE-MASSNAHME-TESTS$/m);
      assert.match(text, /category: chatbot/);
      await waitFor('the new measure is linted', () => api.roots.rootOf(uri)?.result?.model.measureById.has('KI-NEUE-MASSNAHME-TESTS'));
      const again = await vscode.commands.executeCommand<vscode.Uri>('strategyRoadmap.newMeasure', { title: 'Neue KI-Maßnahme für Tests', id: 'KI-NEUE-MASSNAHME-TESTS', field: '', ai: false });
      assert.equal(again, undefined, 'a duplicate id is refused');
    });

    it('Generate Council Report opens the report with the strategy and its AI initiatives', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport');
      assert.ok(doc, 'a document is returned');
      assert.equal(doc.languageId, 'markdown');
      const model = api.roots.roots.values().next().value!.result!.model;
      const text = doc.getText();
      assert.match(text, /^# /m);
      const ai = model.measures.filter((m) => m.ai && (m.status === 'pilot' || m.status === 'active'));
      assert.ok(ai.length > 0);
      for (const m of ai) assert.ok(text.includes(m.id) || text.includes(m.title), `AI initiative ${m.id} appears in the report`);
      assert.match(text, /```mermaid/);
    });

    it('Generate Council Report answers the inquiry in inquiries/ as `report council --inquiry` does; with several, the one picked', async function () {
      this.timeout(180000);
      const root = api.roots.roots.values().next().value!;
      const herne = 'inquiries/2025-05-14-fdp-ki.yaml';
      assert.deepEqual(root.ws.paths().filter((p) => root.ws.kindOf(p) === 'inquiry'), [herne]);
      // One inquiry: the report answers it, question by question as the CLI does.
      const text = (await vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport')).getText();
      assert.match(text, /^# (Beantwortung der Anfrage „|Answer to the inquiry ")Potenziale und Einsatz von KI in der Stadtverwaltung/m);
      assert.ok(text.includes('Welche konkreten Anwendungen von Künstlicher Intelligenz'), 'question 1 verbatim');
      const lang = /^# Beantwortung/m.test(text) ? 'de' : 'en';
      const { spawnSync } = await import('node:child_process');
      const cli = spawnSync(process.execPath, [`${vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath}/dist/cli.js`, 'report', 'council', '--root', folder().fsPath, '--lang', lang, '--inquiry', `${folder().fsPath}/${herne}`], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      assert.equal(cli.status, 0, cli.stderr);
      const outline = (md: string) => md.split('\n').filter((l) => /^(#{1,3} |> )/.test(l));
      assert.deepEqual(outline(text), outline(cli.stdout));

      // Several: a QuickPick offers them (and the standard questions); the one picked is answered.
      const second = 'inquiries/2026-01-20-test.yaml';
      await writeFile(second, 'schema: 1\ntitle: Zweite Testanfrage zu KI\nasked_by: Ratsmitglied Erika Muster\nquestions:\n  - text: "Welche KI-Systeme laufen schon?"\n    analysis: [ai-applications]\n');
      try {
        await waitFor('the second inquiry is read', () => root.ws.has(second));
        const pending = vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport');
        await new Promise((r) => setTimeout(r, 1500));
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const picked = (await pending).getText();
        assert.match(picked, /^# (Beantwortung der Anfrage „|Answer to the inquiry ")Zweite Testanfrage zu KI/m);
        assert.ok(picked.includes('Welche KI-Systeme laufen schon?'));
        // The command also takes the inquiry's path (as --inquiry does).
        const named = (await vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport', herne)).getText();
        assert.match(named, /Potenziale und Einsatz von KI in der Stadtverwaltung/);
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), ...second.split('/')));
        await waitFor('the second inquiry is gone', () => !root.ws.has(second));
      }
    });

    it('the council report names the git commit and says when the files differ from it (unsaved edits too)', async function () {
      this.timeout(120000);
      // A real repository, made with isomorphic-git (no git program on the machine is needed).
      const git = await import('isomorphic-git');
      const fs = await import('node:fs');
      const dir = folder().fsPath;
      // Everything the extension read is on disk and committed: earlier tests' files included.
      for (const d of vscode.workspace.textDocuments) if (d.isDirty && !d.isUntitled) await d.save(); // the reports stay untitled
      const root = api.roots.roots.values().next().value!;
      await waitFor('the workspace matches the disk', () => root.ws.paths().every((p) => fs.existsSync(`${dir}/${p}`)));
      await api.roots.flush();
      await git.init({ fs, dir, defaultBranch: 'main' });
      for (const uri of await vscode.workspace.findFiles('**/*', '{.git/**,.vscode/**}')) await git.add({ fs, dir, filepath: uri.path.slice(folder().path.length + 1) });
      for (const p of root.ws.paths()) await git.add({ fs, dir, filepath: p });
      const commit = await git.commit({ fs, dir, message: 'Stand für den Rat', author: { name: 'Test', email: 'test@example.org', timestamp: 1767225600, timezoneOffset: 0 } });
      let text = (await vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport')).getText();
      assert.ok(text.includes(commit.slice(0, 12)), `the report names the commit ${commit.slice(0, 12)}`);
      assert.doesNotMatch(text, /kein Git-Stand|no Git revision/);
      if (/nicht eingecheckten|uncommitted/.test(text)) {
        // Say which files differ, to make a failure readable.
        const committed = new Set(await git.listFiles({ fs, dir, ref: 'HEAD' }));
        const read = root.ws.paths();
        const onlyRead = read.filter((p) => !committed.has(p));
        const onlyCommitted = [...committed].filter((p) => root.ws.kindOf(p) !== undefined && !read.includes(p));
        const changed = [];
        for (const p of read.filter((x) => committed.has(x))) {
          const c = root.ws.content(p);
          const mine = typeof c === 'string' ? c : new TextDecoder().decode(c);
          if (mine !== fs.readFileSync(`${dir}/${p}`, 'utf8')) changed.push(p);
        }
        assert.fail(`the report calls the files dirty: only read ${onlyRead.join(', ')}; only committed ${onlyCommitted.join(', ')}; content differs ${changed.join(', ')}`);
      }
      const uri = vscode.workspace.findFiles('measures/**/*.md').then((u) => u.find((x) => x.path.endsWith('/ki-chatbot.md'))!);
      const doc = await vscode.workspace.openTextDocument(await uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'Ungespeicherte Ergänzung.\n'));
      assert.ok(doc.isDirty);
      text = (await vscode.commands.executeCommand<vscode.TextDocument>('strategyRoadmap.generateCouncilReport')).getText();
      assert.ok(text.includes(commit.slice(0, 12)));
      assert.match(text, /nicht eingecheckten Änderungen|uncommitted changes/, 'the report says it differs from the commit');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

  });
}
