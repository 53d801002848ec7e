import * as vscode from 'vscode';
import { StrategyWorkspace, STRATEGY_FILE, collectSymbols, changedFiles, type LintResult, type Finding, type SymbolOccurrence } from '../strategy/index';
import { loadRepository, readRepositoryFile, StrategyFileRefused } from '../strategy/files/load';
import { VscodeStore } from './store';
import { lintOptions } from './settings';

// Short enough that a finding shows (and clears) within 300 ms of a key at 1,000 measures (BENCHMARKS.md).
const DEBOUNCE_MS = 120;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

/** One strategy repository in the workspace: a folder that holds a strategy.yaml. */
export class StrategyRoot {
  ws = new StrategyWorkspace();
  result: LintResult | undefined;
  private symbolCache: { model: unknown; symbols: SymbolOccurrence[] } | undefined;
  /** Files the tool would read that the file access policy refuses (links out of the root …): never read. */
  readonly linkedOut = new Set<string>();
  /** The root's files through VS Code, under the core's file access policy (strategy/files/). */
  readonly store: VscodeStore;

  constructor(readonly uri: vscode.Uri) {
    this.store = new VscodeStore(uri);
  }

  /** Path of a file relative to this root with `/`, or undefined when it is outside. */
  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.uri.scheme || uri.authority !== this.uri.authority) return undefined;
    const base = this.uri.path.endsWith('/') ? this.uri.path : this.uri.path + '/';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  fileUri(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.uri, ...path.split('/'));
  }

  /** Whether the tool reads this file (strategy files and files matched by `include`). */
  tracks(path: string): boolean {
    return path === STRATEGY_FILE || this.ws.kindOf(path) !== undefined;
  }

  symbols(): SymbolOccurrence[] {
    const model = this.result?.model;
    if (!model) return [];
    if (this.symbolCache?.model !== model) this.symbolCache = { model, symbols: collectSymbols(model) };
    return this.symbolCache.symbols;
  }

  lint(): LintResult {
    this.result = this.ws.lint(lintOptions(this.uri));
    return this.result;
  }
}

/**
 * Keeps every strategy root of the workspace in sync with the files and the open editors
 * (unsaved content counts) and lints again, debounced, after each change.
 */
export class StrategyRoots implements vscode.Disposable {
  readonly roots = new Map<string, StrategyRoot>();
  private readonly changed = new vscode.EventEmitter<{ root: StrategyRoot; changed: Map<string, Finding[]> | undefined }>();
  readonly onDidLint = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private pending = new Map<string, Set<string>>();

  async start(): Promise<void> {
    await this.discover();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.onFile(u)),
      watcher.onDidChange((u) => this.onFile(u)),
      watcher.onDidDelete((u) => this.onFile(u, true)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocument(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocument(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onFile(d.uri)),
      vscode.workspace.onDidRenameFiles(async (e) => {
        for (const f of e.files) {
          await this.onFile(f.oldUri, true);
          await this.onFile(f.newUri);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The language or a severity changes every message: publish all findings again, not only
        // files whose findings changed (before, a language switch showed only after a reload).
        if (e.affectsConfiguration('strategyRoadmap')) for (const r of this.roots.values()) this.relint(r, true);
      }),
    );
  }

  /** Finds every strategy.yaml in the workspace (multi-root included) and loads its repository. */
  async discover(): Promise<void> {
    const found = await vscode.workspace.findFiles(`**/${STRATEGY_FILE}`, EXCLUDE);
    const wanted = new Set<string>();
    for (const uri of found) {
      const rootUri = vscode.Uri.joinPath(uri, '..');
      wanted.add(rootUri.toString());
      if (!this.roots.has(rootUri.toString())) await this.load(rootUri);
    }
    for (const key of [...this.roots.keys()]) if (!wanted.has(key)) this.removeRoot(key);
  }

  private removeRoot(key: string) {
    const root = this.roots.get(key);
    this.roots.delete(key);
    if (root) this.changed.fire({ root, changed: new Map([...(root.result ? groupFiles(root.result.findings) : [])].map((f) => [f, []])) });
  }

  private async load(rootUri: vscode.Uri): Promise<StrategyRoot | undefined> {
    const root = new StrategyRoot(rootUri);
    // The core's loader, as in the CLI: a strategy.yaml that links out of its folder is not read
    // (nor its repository); files are stat'ed before they are read (size limit, regular files only).
    let loaded;
    try {
      loaded = await loadRepository(root.store);
    } catch (e) {
      if (e instanceof StrategyFileRefused) return undefined;
      throw e;
    }
    root.ws = loaded.workspace;
    for (const path of loaded.refused.keys()) root.linkedOut.add(path);
    this.roots.set(rootUri.toString(), root);
    root.lint();
    this.changed.fire({ root, changed: undefined });
    return root;
  }

  rootOf(uri: vscode.Uri): StrategyRoot | undefined {
    let best: StrategyRoot | undefined;
    for (const r of this.roots.values()) {
      const rel = r.relative(uri);
      if (rel !== undefined && (!best || r.uri.path.length > best.uri.path.length)) best = r;
    }
    return best;
  }

  private onDocument(doc: vscode.TextDocument) {
    const root = this.rootOf(doc.uri);
    const rel = root?.relative(doc.uri);
    if (!root || rel === undefined || !root.tracks(rel) || root.linkedOut.has(rel)) return;
    if (root.ws.setFile(rel, doc.getText())) this.schedule(root, rel);
  }

  private async onFile(uri: vscode.Uri, deleted = false) {
    if (uri.path.endsWith('/' + STRATEGY_FILE)) {
      const rootKey = vscode.Uri.joinPath(uri, '..').toString();
      if (deleted) {
        this.removeRoot(rootKey);
        return;
      }
      if (!this.roots.has(rootKey)) {
        await this.load(vscode.Uri.joinPath(uri, '..'));
        return;
      }
    }
    const root = this.rootOf(uri);
    const rel = root?.relative(uri);
    if (!root || rel === undefined) return;
    if (deleted) {
      if (root.ws.deleteFile(rel)) this.schedule(root, rel);
      return;
    }
    if (!root.tracks(rel)) return;
    const file = await readRepositoryFile(root.store, rel);
    if ('refused' in file) {
      root.linkedOut.add(rel);
      if (root.ws.deleteFile(rel)) this.schedule(root, rel);
      return;
    }
    root.linkedOut.delete(rel);
    const before = root.ws.include().join('\n');
    if (root.ws.setFile(rel, file.content)) {
      if (rel === STRATEGY_FILE && root.ws.include().join('\n') !== before) {
        // New include globs: read the repository again.
        this.roots.delete(root.uri.toString());
        await this.load(root.uri);
        return;
      }
      this.schedule(root, rel);
    }
  }

  private schedule(root: StrategyRoot, rel: string) {
    const key = root.uri.toString();
    const files = this.pending.get(key) ?? new Set<string>();
    files.add(rel);
    this.pending.set(key, files);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.relint(root), DEBOUNCE_MS));
  }

  /** Lints one root now and reports which files' findings changed. */
  relint(root: StrategyRoot, everything = false) {
    const key = root.uri.toString();
    clearTimeout(this.timers.get(key));
    this.pending.delete(key);
    const previous = root.result;
    const result = root.lint();
    const changed = everything ? undefined : changedFiles(previous, result);
    this.changed.fire({ root, changed });
  }

  /** Waits until pending edits are linted (for commands and tests). */
  async flush(): Promise<void> {
    for (const root of this.roots.values()) if (this.pending.has(root.uri.toString())) this.relint(root);
  }

  dispose() {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function groupFiles(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.file))];
}
