import * as vscode from 'vscode';

/**
 * The extension's own log: the output channel "Strategy" (Output panel; level set with
 * "Developer: Set Log Level"), and the extension host's console, where the test launchers read it.
 */
let channel: vscode.LogOutputChannel | undefined;

export function createLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel(vscode.l10n.t('Strategy'), { log: true });
  return channel;
}

const text = (e: unknown) => (e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e));

export const log = {
  info(message: string): void {
    channel?.info(message);
    console.log(`[strategy] ${message}`);
  },
  warn(message: string, e?: unknown): void {
    channel?.warn(e === undefined ? message : `${message} ${text(e)}`);
    console.warn(`[strategy] ${message}`, e ?? '');
  },
  error(message: string, e?: unknown): void {
    channel?.error(e === undefined ? message : `${message} ${text(e)}`);
    console.error(`[strategy] ${message}`, e ?? '');
  },
};
