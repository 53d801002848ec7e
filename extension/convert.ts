import * as vscode from 'vscode';
import type { Range } from '../strategy/index';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);
}

/** 1-based line/column of a VS Code position, as the core counts. */
export function toCore(p: vscode.Position): { line: number; column: number } {
  return { line: p.line + 1, column: p.character + 1 };
}
