import * as vscode from 'vscode';
import type { StrategyRoot, StrategyRoots } from './roots';
import { cleanFilter, roadmapFor, WEBVIEW_CHUNK_SIZE, type DiagramType, type RoadmapFilter } from './diagrams';
import { log } from './log';

/**
 * After an edit the findings come first: the roadmap is computed only once typing has paused
 * this long after the last lint, and only while the panel is visible (docs/vscode.md).
 */
const ROADMAP_IDLE_MS = 300;

/** What the webview keeps across a reload (VS Code's webview state), restored by the serializer. */
export interface RoadmapState {
  root?: string;
  type?: DiagramType;
  filter?: RoadmapFilter;
  zoom?: number;
}
import { reveal } from './tree';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The roadmap webview: all three diagram types, live while typing, export SVG and copy Mermaid. */
export class RoadmapPanel {
  static current: RoadmapPanel | undefined;
  private type: DiagramType = 'gantt';
  private sources: string[] = [];
  /** Measures the chart leaves out (no dates), named in the header as the CLI names them. */
  omitted: string[] = [];
  private ready = false;
  /** Chunks the webview showed current in its last report (tests). */
  lastRendered: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private filter: RoadmapFilter = {};
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last roadmap computation took (logged with each update). */
  lastComputeMs: number | undefined;
  /** Counts the roadmaps sent to the webview; it reports each one back once drawn. */
  private version = 0;

  static show(roots: StrategyRoots, root: StrategyRoot, extensionUri: vscode.Uri, type?: DiagramType, filter?: RoadmapFilter): RoadmapPanel {
    if (RoadmapPanel.current && RoadmapPanel.current.root === root) {
      if (type) RoadmapPanel.current.type = type;
      if (filter) RoadmapPanel.current.filter = cleanFilter(filter);
      RoadmapPanel.current.panel.reveal();
      RoadmapPanel.current.update();
      return RoadmapPanel.current;
    }
    RoadmapPanel.current?.panel.dispose();
    const panel = vscode.window.createWebviewPanel('strategyRoadmap.roadmap', vscode.l10n.t('Roadmap'), vscode.ViewColumn.Beside, RoadmapPanel.options(extensionUri));
    RoadmapPanel.current = new RoadmapPanel(panel, roots, root, extensionUri, type ?? 'gantt', cleanFilter(filter));
    RoadmapPanel.current.update();
    return RoadmapPanel.current;
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
  }

  /** After a reload: VS Code hands back the panel and the state the webview saved. */
  static async revive(roots: StrategyRoots, ready: Promise<unknown>, panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: RoadmapState | undefined): Promise<void> {
    await ready;
    const all = [...roots.roots.values()];
    const root = all.find((r) => r.uri.toString() === state?.root) ?? all[0];
    if (!root) {
      panel.dispose();
      return;
    }
    panel.webview.options = RoadmapPanel.options(extensionUri);
    RoadmapPanel.current?.panel.dispose();
    const type = state?.type === 'dependencies' || state?.type === 'timeline' ? state.type : 'gantt';
    RoadmapPanel.current = new RoadmapPanel(panel, roots, root, extensionUri, type, cleanFilter(state?.filter));
    RoadmapPanel.current.update();
    log.info('roadmap panel restored after a reload');
  }

  /** When the panel was created (performance.now()), for the log. */
  private readonly created = performance.now();

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly roots: StrategyRoots,
    readonly root: StrategyRoot,
    extensionUri: vscode.Uri,
    type: DiagramType,
    filter: RoadmapFilter = {},
  ) {
    this.type = type;
    this.filter = filter;
    panel.webview.html = this.html(extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      roots.onDidLint(({ root: r }) => {
        if (r === this.root) this.updateWhenIdle();
      }),
      // A key typed after the lint (its lint still pending) postpones the roadmap again.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.roots.rootOf(e.document.uri) === this.root) this.lastEdit = performance.now();
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.update();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Set when a lint came while the panel was hidden: it updates when shown again. */
  private stale = false;

  /** Off the typing path: the roadmap follows once the edits pause, and only while visible. */
  updateWhenIdle() {
    clearTimeout(this.idleTimer);
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    const whenIdle = () => {
      const typing = ROADMAP_IDLE_MS - (performance.now() - this.lastEdit);
      this.idleTimer = typing > 0 ? setTimeout(whenIdle, typing) : (this.update(), undefined);
    };
    this.idleTimer = setTimeout(whenIdle, ROADMAP_IDLE_MS);
  }

  /** When a file of this root was last edited (performance.now()). */
  private lastEdit = -Infinity;

  get currentFilter(): RoadmapFilter {
    return this.filter;
  }

  get diagramType(): DiagramType {
    return this.type;
  }

  get mermaidSources(): string[] {
    return this.sources;
  }

  private html(extensionUri: vscode.Uri): string {
    const webview = this.panel.webview;
    const n = nonce();
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', f)).toString();
    const t = (s: string) => escapeHtml(vscode.l10n.t(s));
    // Mermaid writes <style> into its SVG, hence 'unsafe-inline' for styles only; scripts need the nonce.
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'unsafe-inline'; font-src ${webview.cspSource}; script-src 'nonce-${n}';`;
    return `<!DOCTYPE html>
<html lang="${vscode.env.language.startsWith('de') ? 'de' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('roadmap.css')}">
<title>${t('Roadmap')}</title>
</head>
<body>
<header>
  <label for="type">${t('Diagram')}</label>
  <select id="type">
    <option value="gantt">${t('Gantt')}</option>
    <option value="dependencies">${t('Dependencies')}</option>
    <option value="timeline">${t('Timeline')}</option>
  </select>
  <label for="field">${t('Field')}</label>
  <select id="field"><option value="">${t('All fields')}</option></select>
  <label><input type="checkbox" id="ai"> ${t('AI only')}</label>
  <label for="from">${t('From')}</label>
  <input id="from" size="8" placeholder="2025" pattern="\\d{4}(-Q[1-4]|-\\d{2}(-\\d{2})?)?">
  <label for="to">${t('To')}</label>
  <input id="to" size="8" placeholder="2027-06" pattern="\\d{4}(-Q[1-4]|-\\d{2}(-\\d{2})?)?">
  <span class="zoom">
    <button id="zoom-out" title="${t('Zoom out (Ctrl+wheel)')}" aria-label="${t('Zoom out')}">−</button>
    <button id="zoom-reset" title="${t('Fit width')}" aria-label="${t('Fit width')}">100%</button>
    <button id="zoom-in" title="${t('Zoom in (Ctrl+wheel)')}" aria-label="${t('Zoom in')}">+</button>
  </span>
  <button id="export">${t('Export SVG')}</button>
  <button id="copy">${t('Copy Mermaid source')}</button>
  <span id="status"></span>
</header>
<main id="diagrams"></main>
<script nonce="${n}" src="${media('roadmap.js')}" data-mermaid="${media('mermaid.min.js')}"></script>
</body>
</html>`;
  }

  update() {
    clearTimeout(this.idleTimer);
    this.stale = false;
    // The webview asks for its first roadmap ('ready') once its script runs; until then there is
    // nothing to draw into, so nothing is computed.
    if (!this.root.result || !this.ready) return;
    const started = performance.now();
    const { sources, nodeMap, omitted, shown } = roadmapFor(this.root, this.type, this.filter, WEBVIEW_CHUNK_SIZE);
    this.lastComputeMs = performance.now() - started;
    this.version++;
    log.info(`roadmap #${this.version}: ${this.type}, ${sources.length} chunk(s), ${sources.reduce((n, s) => n + s.length, 0)} characters, computed in ${this.lastComputeMs.toFixed(1)} ms`);
    this.sources = sources;
    this.omitted = omitted;
    const model = this.root.result.model;
    // Only what the webview does not have yet: a chunk whose source is unchanged travels as null,
    // the node map only when it changed (at 1,000 measures that is 12 instead of 300,000
    // characters per edit through the remote connection).
    const delta = sources.map((source, i) => (this.sent.sources[i] === source ? null : source));
    const nodeMapText = JSON.stringify(nodeMap);
    const nodeMapChanged = nodeMapText !== this.sent.nodeMap;
    this.sent = { sources, nodeMap: nodeMapText };
    void this.panel.webview.postMessage({
      type: 'render',
      version: this.version,
      diagramType: this.type,
      sources: delta,
      ...(nodeMapChanged ? { nodeMap } : {}),
      root: this.root.uri.toString(),
      filter: this.filter,
      fields: model.fields.map((f) => ({ id: f.id, title: f.title })),
      summary: omitted.length
        ? vscode.l10n.t('{0} of {1} measures · as of {2} · not in the chart (no start or end date): {3}', shown, model.measures.length, this.root.result.asOf, omitted.join(', '))
        : shown !== model.measures.length
          ? vscode.l10n.t('{0} of {1} measures · as of {2}', shown, model.measures.length, this.root.result.asOf)
          : vscode.l10n.t('{0} measures · as of {1}', model.measures.length, this.root.result.asOf),
    }).then((delivered) => {
      if (!delivered) this.sent = { sources: [], nodeMap: undefined };
    });
  }

  /** What the webview holds (the last sources and node map posted), so that updates send only changes. */
  private sent: { sources: string[]; nodeMap: string | undefined } = { sources: [], nodeMap: undefined };

  private async onMessage(m: { type: string; at?: number; diagramType?: DiagramType; measure?: string; svgs?: string[]; count?: number; filter?: RoadmapFilter; version?: number; total?: number; drawn?: number; cached?: number; ms?: number; mermaidMs?: number }) {
    switch (m.type) {
      case 'setFilter':
        this.filter = cleanFilter(m.filter);
        this.update();
        break;
      case 'ready':
        log.info(`roadmap panel: webview ready ${Math.round(performance.now() - this.created)} ms after the panel was created (its script ran ${Math.round(Number(m.ms))} ms after the webview document started loading)`);
        this.ready = true;
        this.sent = { sources: [], nodeMap: undefined }; // a new (or reloaded) webview holds nothing
        this.update();
        break;
      case 'setType':
        if (m.diagramType === 'gantt' || m.diagramType === 'dependencies' || m.diagramType === 'timeline') {
          this.type = m.diagramType;
          this.update();
        }
        break;
      case 'rendered':
        this.lastRendered = m.count;
        // Timings from the webview, for the benchmark and for users who report a slow roadmap.
        log.info(`roadmap #${m.version}: shown in the webview after ${m.ms} ms – ${m.count} of ${m.total} chunk(s) current, ${m.drawn} drawn by Mermaid in ${m.mermaidMs} ms, ${m.cached} from the cache; the rest when scrolled near`);
        break;
      case 'open': {
        const measure = this.root.result?.model.measureById.get(String(m.measure));
        if (measure) {
          const r = measure.origin.source.locate(['id'], 'value', measure.origin.node);
          await reveal(this.root.fileUri(measure.origin.file).toString(), r.start.line, r.start.column, r.end.line, r.end.column);
        }
        break;
      }
      case 'copySource':
        // The roadmap as the CLI writes it (whole diagrams up to Mermaid's limit), not in webview chunks.
        await vscode.env.clipboard.writeText(roadmapFor(this.root, this.type, this.filter).sources.join('\n\n'));
        void vscode.window.showInformationMessage(vscode.l10n.t('Mermaid source copied.'));
        break;
      case 'exportSvg':
        await this.exportSvg(m.svgs ?? []);
        break;
    }
  }

  /**
   * One save dialog, also for a roadmap drawn in many chunks: the chosen name is the first file,
   * the others get numbers (`roadmap-gantt-1.svg`, `-2`, …) in the same folder. Files that would
   * be overwritten without having been chosen are named and confirmed first.
   */
  async exportSvg(svgs: string[]) {
    if (!svgs.length) return;
    const name = `roadmap-${this.type}${svgs.length > 1 ? '-1' : ''}.svg`;
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(this.root.uri, name), filters: { SVG: ['svg'] } });
    if (!target) return;
    const stem = target.path.replace(/(-1)?\.svg$/i, '');
    const targets = svgs.map((_, i) => (i === 0 ? target : target.with({ path: `${stem}-${i + 1}.svg` })));
    const existing: string[] = [];
    for (const t of targets.slice(1)) {
      if (await vscode.workspace.fs.stat(t).then(() => true, () => false)) existing.push(t.path.split('/').pop()!);
    }
    if (existing.length) {
      const overwrite = vscode.l10n.t('Overwrite');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The roadmap has {0} parts; these files exist and would be overwritten: {1}', svgs.length, existing.join(', ')), { modal: true }, overwrite);
      if (answer !== overwrite) return;
    }
    for (let i = 0; i < svgs.length; i++) await vscode.workspace.fs.writeFile(targets[i], new TextEncoder().encode(svgs[i]));
    if (svgs.length > 1) void vscode.window.showInformationMessage(vscode.l10n.t('{0} SVG files written: {1} … {2}', svgs.length, targets[0].path.split('/').pop()!, targets[targets.length - 1].path.split('/').pop()!));
  }

  /** Writes the Mermaid source next to the chosen path (command "Export Roadmap"). */
  static async exportSource(root: StrategyRoot, type: DiagramType): Promise<vscode.Uri | undefined> {
    const { sources } = roadmapFor(root, type);
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(root.uri, `roadmap-${type}.mmd`), filters: { Mermaid: ['mmd'], Markdown: ['md'] } });
    if (!target) return undefined;
    // Loaded on demand, as the report: the Markdown writer is not needed to show the roadmap.
    const { mermaidMarkdown } = await import('../strategy/report/roadmap-markdown');
    const body = target.path.endsWith('.md') ? mermaidMarkdown(sources.map((source) => ({ type, source }))) : sources.join('\n\n');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(body));
    return target;
  }

  dispose() {
    clearTimeout(this.idleTimer);
    if (RoadmapPanel.current === this) RoadmapPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
