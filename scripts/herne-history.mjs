// Turns the snapshot in examples/herne-history/ into a temporary git history (see its README):
// the earlier council state, tagged, then examples/herne as it is now. Written with
// isomorphic-git into a folder of our own; the git program is never run.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as git from 'isomorphic-git';

const AUTHOR = { name: 'Digitalisierung Herne (Beispiel)', email: 'digitalisierung@example.org' };

function listFiles(dir, base = dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full, base));
    else if (e.isFile()) out.push(relative(base, full).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * Builds `<out>/` as a git repository with two commits: the snapshot (tagged, e.g. `rat-2026-09`)
 * and the current example. Returns the strategy root (`out` itself) and the tag.
 */
export async function buildHerneHistory(out, { example = 'examples/herne', snapshot = 'examples/herne-history/rat-2026-09' } = {}) {
  const manifest = JSON.parse(readFileSync(join(snapshot, 'snapshot.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const dir = out;
  await git.init({ fs, dir, defaultBranch: 'main' });

  // The earlier state: the example, minus what did not exist then, with the files of then laid over it.
  const absent = new Set(manifest.absent ?? []);
  for (const path of listFiles(example)) {
    if (absent.has(path)) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(example, path), join(dir, path));
  }
  // Edits: each [now, then] pair turns text of the current file back into what it was. They are
  // applied to the current files, so later edits of the example that they do not touch flow
  // through both states; a pair whose text is gone fails loudly (update snapshot.json).
  for (const [path, pairs] of Object.entries(manifest.edits ?? {})) {
    let text = readFileSync(join(dir, path), 'utf8');
    for (const [now, then] of pairs) {
      if (!text.includes(now)) throw new Error(`${snapshot}/snapshot.json: "${now.split('\n')[0]}…" is no longer in ${example}/${path}: update the snapshot`);
      text = text.replace(now, then);
    }
    writeFileSync(join(dir, path), text);
  }
  // Files that existed only then.
  if (existsSync(join(snapshot, 'files'))) cpSync(join(snapshot, 'files'), dir, { recursive: true });
  const thenFiles = listFiles(dir).filter((p) => !p.startsWith('.git/'));
  for (const filepath of thenFiles) await git.add({ fs, dir, filepath });
  const at = (iso) => ({ ...AUTHOR, timestamp: Math.floor(Date.parse(iso) / 1000), timezoneOffset: 0 });
  await git.commit({ fs, dir, message: manifest.message, author: at(manifest.date), committer: at(manifest.date) });
  await git.annotatedTag({ fs, dir, ref: manifest.tag, message: manifest.message, tagger: at(manifest.date) });

  // Now: exactly the files of the example.
  const nowFiles = listFiles(example);
  const now = new Set(nowFiles);
  for (const path of thenFiles) {
    if (now.has(path)) continue;
    rmSync(join(dir, path));
    await git.remove({ fs, dir, filepath: path });
  }
  for (const path of nowFiles) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(example, path), join(dir, path));
    await git.add({ fs, dir, filepath: path });
  }
  const later = manifest.then ?? { date: manifest.date, message: 'now' };
  await git.commit({ fs, dir, message: later.message, author: at(later.date), committer: at(later.date) });
  if (!existsSync(join(dir, 'strategy.yaml')) || !statSync(join(dir, 'strategy.yaml')).isFile()) throw new Error(`${example} has no strategy.yaml`);
  return { root: dir, tag: manifest.tag };
}
