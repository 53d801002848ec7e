/**
 * The repository store (strategy/files/store.ts) on VS Code's file system: the core's loader and
 * file access policy (strategy/files/) decide what is read; this only answers. Open editors win
 * over the disk (unsaved content is what the author sees). On disk, real paths come from Node's
 * `realpath`; in a virtual file system there are none, and links are not followed.
 */
import * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { NO_REAL_PATHS, type RepositoryStore, type StoreEntry, type StoreStat } from '../strategy/files/store';

function entryKind(type: vscode.FileType): StoreEntry['kind'] {
  if (type & vscode.FileType.SymbolicLink) return 'link';
  if (type & vscode.FileType.Directory) return 'folder';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

export class VscodeStore implements RepositoryStore {
  private realRoot: Promise<string | undefined> | undefined;

  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return path ? vscode.Uri.joinPath(this.root, ...path.split('/')) : this.root;
  }

  async list(folder: string): Promise<StoreEntry[]> {
    return (await vscode.workspace.fs.readDirectory(this.uri(folder))).map(([name, type]) => ({ name, kind: entryKind(type) }));
  }

  async stat(path: string): Promise<StoreStat | undefined> {
    const uri = this.uri(path);
    const open = this.openDocument(uri);
    if (open) return { kind: 'file', size: new TextEncoder().encode(open.getText()).length, link: await this.isLink(uri) };
    let st: vscode.FileStat;
    try {
      st = await vscode.workspace.fs.stat(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
    const kind = st.type & vscode.FileType.File ? 'file' : st.type & vscode.FileType.Directory ? 'folder' : 'other';
    return { kind, size: st.size, link: (st.type & vscode.FileType.SymbolicLink) !== 0 };
  }

  async read(path: string): Promise<Uint8Array | string> {
    const uri = this.uri(path);
    return this.openDocument(uri)?.getText() ?? (await vscode.workspace.fs.readFile(uri));
  }

  async realPath(path: string): Promise<string | undefined | typeof NO_REAL_PATHS> {
    if (this.root.scheme !== 'file') return NO_REAL_PATHS;
    this.realRoot ??= realpath(this.root.fsPath).catch(() => undefined);
    const [root, target] = await Promise.all([this.realRoot, realpath(this.uri(path).fsPath).catch(() => undefined)]);
    if (root === undefined || target === undefined) return undefined;
    if (target === root) return '';
    return target.startsWith(root.endsWith(sep) ? root : root + sep) ? relative(root, target).split(sep).join('/') : undefined;
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  private async isLink(uri: vscode.Uri): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.SymbolicLink) !== 0;
    } catch {
      return false;
    }
  }
}
