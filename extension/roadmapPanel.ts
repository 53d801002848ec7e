import * as vscode from 'vscode';
import type { StrategyRoot, StrategyRoots } from './roots';
import { cleanFilter, roadmapFor, type DiagramType, type RoadmapFilter } from './diagrams';
import { log } from './log';

/**
 * After an edit the findings come first: the roadmap is computed only once typing has paused
 * this long after the last lint, and only while the panel is visible (docs/vscode.md).
 */
const ROADMAP_IDLE_MS = 600;

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
  /** Resolves the next time the webview reports a finished render (tests, export). */
  lastRendered: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private filter: RoadmapFilter = {};
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last roadmap computation took (the benchmark reads it). */
  lastComputeMs: number | undefined;

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
    this.idleTimer = setTimeout(() => this.update(), ROADMAP_IDLE_MS);
  }

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
<script nonce="${n}" src="${media('mermaid.min.js')}"></script>
<script nonce="${n}" src="${media('roadmap.js')}"></script>
</body>
</html>`;
  }

  update() {
    clearTimeout(this.idleTimer);
    this.stale = false;
    if (!this.root.result) return;
    const started = performance.now();
    const { sources, nodeMap, omitted, shown } = roadmapFor(this.root, this.type, this.filter);
    this.lastComputeMs = performance.now() - started;
    this.sources = sources;
    this.omitted = omitted;
    // The webview asks for its first diagram ('ready') once its script runs.
    if (!this.ready) return;
    const model = this.root.result.model;
    void this.panel.webview.postMessage({
      type: 'render',
      diagramType: this.type,
      sources,
      nodeMap,
      root: this.root.uri.toString(),
      filter: this.filter,
      fields: model.fields.map((f) => ({ id: f.id, title: f.title })),
      summary: omitted.length
        ? vscode.l10n.t('{0} of {1} measures · as of {2} · not in the chart (no start or end date): {3}', shown, model.measures.length, this.root.result.asOf, omitted.join(', '))
        : shown !== model.measures.length
          ? vscode.l10n.t('{0} of {1} measures · as of {2}', shown, model.measures.length, this.root.result.asOf)
          : vscode.l10n.t('{0} measures · as of {1}', model.measures.length, this.root.result.asOf),
    });
  }

  private async onMessage(m: { type: string; diagramType?: DiagramType; measure?: string; svgs?: string[]; count?: number; filter?: RoadmapFilter }) {
    switch (m.type) {
      case 'setFilter':
        this.filter = cleanFilter(m.filter);
        this.update();
        break;
      case 'ready':
        this.ready = true;
        this.update();
        break;
      case 'themeChanged':
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
        await vscode.env.clipboard.writeText(this.sources.join('\n\n'));
        void vscode.window.showInformationMessage(vscode.l10n.t('Mermaid source copied.'));
        break;
      case 'exportSvg':
        await this.exportSvg(m.svgs ?? []);
        break;
    }
  }

  async exportSvg(svgs: string[]) {
    if (!svgs.length) return;
    for (let i = 0; i < svgs.length; i++) {
      const name = `roadmap-${this.type}${svgs.length > 1 ? `-${i + 1}` : ''}.svg`;
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(this.root.uri, name), filters: { SVG: ['svg'] } });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svgs[i]));
    }
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
