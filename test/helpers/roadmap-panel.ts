/**
 * The extension's roadmap panel as the extension builds it, against a stub of the `vscode` API
 * that provides what the panel uses and records the messages it posts to the webview. The
 * extension's modules are loaded fresh against the stub and dropped again afterwards, so that the
 * stubs of different test files (injection, roadmap webview) never mix.
 */
import Module from 'node:module';
import { join, resolve, sep } from 'node:path';
import type { DiagramType } from '../../extension/diagrams';
import type { LintResult } from '../../strategy/index';

const PROJECT = resolve(__dirname, '..', '..');

export interface StubbedPanel {
  /** The panel's HTML, as VS Code would load it into the webview. */
  html: string;
  /** The root the panel draws; tests may swap its `result` to simulate a lint. */
  root: { uri: unknown; result: LintResult; fileUri: (p: string) => unknown };
  /** Sends a message from the webview to the panel, as VS Code does. */
  toPanel(message: unknown): unknown;
}

export function openStubbedRoadmapPanel(options: { cspSource: string; dir: string; result: LintResult; type: DiagramType; posted: unknown[] }): StubbedPanel {
  const { cspSource, dir, result, type, posted } = options;
  const disposable = { dispose() {} };
  let onMessage: ((m: unknown) => unknown) | undefined;
  const uri = (path: string) => ({ scheme: 'file', authority: '', path, fsPath: path, toString: () => 'file://' + path });
  const webview = {
    html: '',
    cspSource,
    asWebviewUri: (u: { path: string }) => ({ toString: () => `${cspSource}/${u.path.split('/').slice(-2).join('/')}` }),
    postMessage: async (m: unknown) => (posted.push(m), true),
    onDidReceiveMessage: (fn: (m: unknown) => unknown) => ((onMessage = fn), disposable),
  };
  const panel = { webview, visible: true, onDidDispose: () => disposable, onDidChangeViewState: () => disposable, reveal() {}, dispose() {} };
  const stub = new Proxy(
    {
      window: { createWebviewPanel: () => panel, showInformationMessage() {}, showSaveDialog: async () => undefined },
      ViewColumn: { Beside: -2 },
      Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')), file: uri },
      l10n: { t: (s: string, ...args: unknown[]) => s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
      env: { language: 'de', clipboard: { writeText: async () => undefined } },
      workspace: { getConfiguration: () => ({ get: <T>(_k: string, d?: T) => d }), onDidChangeTextDocument: () => disposable },
    } as Record<string, unknown>,
    { get: (t, k) => (k in t ? t[k as string] : class {}) },
  );
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : load.call(this, request, ...rest);
  };
  const forget = () => Object.keys(require.cache).filter((k) => k.startsWith(join(PROJECT, 'extension') + sep)).forEach((k) => delete require.cache[k]);
  forget();
  try {
    const { RoadmapPanel } = require('../../extension/roadmapPanel') as typeof import('../../extension/roadmapPanel');
    const root = { uri: uri(dir), result, fileUri: (p: string) => uri(join(dir, p)) };
    RoadmapPanel.show({ onDidLint: () => disposable } as never, root as never, uri(PROJECT) as never, type);
    return { html: webview.html, root, toPanel: (m) => onMessage?.(m) };
  } finally {
    loader._load = load;
    forget();
  }
}
