// `strategy roadmap` as a process: outputs by extension, `--update` (every byte outside the
// markers kept, LF and CRLF), exit codes. Needs `node scripts/build.mjs` first (npm test does it).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertOwnConfig, parseMermaid } from './helpers/mermaid';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const BASIC = join(__dirname, 'fixtures', 'roadmap', 'basic');
const HOSTILE = join(__dirname, 'fixtures', 'roadmap', 'hostile');
const AS_OF = '2025-11-26';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function strategy(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [CLI, 'roadmap', '--as-of', AS_OF, ...args], { cwd: PROJECT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The ```mermaid blocks of a Markdown text. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\r?\n([\s\S]*?)^```/gm)].map((m) => m[1].replace(/\r\n/g, '\n'));
}

describe('strategy roadmap (CLI)', () => {
  let tmp: string;
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run "node scripts/build.mjs" first');
  });
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'roadmap-cli-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes Mermaid source to stdout, exit 0, and names measures without dates on stderr', async () => {
    const r = strategy(['--root', BASIC]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^(?:---\n[\s\S]*?\n---\n)?gantt\n/);
    await parseMermaid(r.stdout);
    assert.match(r.stderr, /IDEE/);
  });

  it('--from/--to: an open-ended measure stays as a bar marked „Ende offen“, the undated one is still named (issue 13)', () => {
    // TABLETS: planned, start 2026-Q1, no end; it vanished when the period began after its first 30 days.
    const r = strategy(['--root', BASIC, '--from', '2026-Q3', '--to', '2026-Q4']);
    assert.equal(r.status, 0, r.stderr);
    const bar = r.stdout.split('\n').find((l) => l.includes('ablets für alle')); // the first letter is an entity
    assert.ok(bar, r.stdout);
    assert.match(bar, /Ende offen.*, 2026-07-01, 2026-12-31$/);
    assert.match(r.stderr, /IDEE/, 'the measure without dates is named on stderr');
  });

  for (const type of ['gantt', 'dependencies', 'timeline']) {
    it(`--type ${type} on the hostile fixture parses with Mermaid`, async () => {
      const r = strategy(['--root', HOSTILE, '--type', type]);
      assert.equal(r.status, 0, r.stderr);
      assertOwnConfig((await parseMermaid(r.stdout)).config, type);
    });
  }

  it('--output .mmd, .md and .html by extension', async () => {
    assert.equal(strategy(['--root', BASIC, '--type', 'dependencies', '--output', join(tmp, 'r.mmd')]).status, 0);
    const mmd = readFileSync(join(tmp, 'r.mmd'), 'utf8');
    assert.match(mmd, /^flowchart LR\n/);
    await parseMermaid(mmd);

    assert.equal(strategy(['--root', HOSTILE, '--output', join(tmp, 'r.md')]).status, 0);
    const md = readFileSync(join(tmp, 'r.md'), 'utf8');
    const blocks = mermaidBlocks(md);
    assert.equal(blocks.length, 1);
    await parseMermaid(blocks[0]);
    assert.match(md, /^# /, 'a heading with the strategy title');
    assert.match(md.split('\n')[0], /\\<script>/, 'HTML in the title is escaped in Markdown');
    assert.doesNotMatch(md, /(^|[^\\])<script/, 'no raw <script> anywhere');

    assert.equal(strategy(['--root', HOSTILE, '--type', 'timeline', '--output', join(tmp, 'r.html')]).status, 0);
    const html = readFileSync(join(tmp, 'r.html'), 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /Content-Security-Policy" content="default-src (&#x27;|')none/);
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    assert.equal((markup.match(/<script>/g) ?? []).length, 2, 'Mermaid and its start-up, both inline');
    assert.ok(!/\s(src|href)=/i.test(markup), 'nothing is loaded from elsewhere');
    assert.ok(!html.includes('<script>alert'), 'user text is escaped in HTML');
    assert.match(html, /<pre class="mermaid">timeline\n/);

    // The as-of date: a milestone in Mermaid text for other viewers, a line where our Mermaid draws.
    assert.equal(strategy(['--root', BASIC, '--output', join(tmp, 'g.html')]).status, 0);
    assert.match(readFileSync(join(tmp, 'g.html'), 'utf8'), /:vert, asof, 2025-11-26, 0d/);
    assert.match(strategy(['--root', BASIC]).stdout, /:milestone, asof, 2025-11-26, 0d/);
  });

  it('exit 2 for bad options', () => {
    for (const args of [
      ['--output', join(tmp, 'x.pdf')],
      ['--from', '2025-13'],
      ['--from', '2026', '--to', '2025'],
      ['--output', join(tmp, 'x.md'), '--update', join(tmp, 'y.md')],
      ['--as-of', 'yesterday'],
    ]) {
      const r = strategy(['--root', BASIC, ...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
    }
  });

  it('exit 2 with install advice when no browser is found for .svg/.png', () => {
    const r = strategy(['--root', BASIC, '--output', join(tmp, 'r.svg')], { STRATEGY_CHROMIUM: join(tmp, 'no-such-chromium') });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /apt-get install chromium/);
    assert.match(r.stderr, /STRATEGY_CHROMIUM/);
    assert.ok(!existsSync(join(tmp, 'r.svg')));
  });

  describe('--update', () => {
    const before = 'Intro with ümlauts and `code`\n\n<!-- keep me -->\n';
    const after = '\nOutro – text after the region\n\n<!-- roadmap:end is not a marker without the comment -->\n';

    it('replaces only the region (LF) and is idempotent', async () => {
      const file = join(tmp, 'README.md');
      writeFileSync(file, `${before}<!-- roadmap:start -->\nold content\n<!-- roadmap:end -->${after}`);
      const r = strategy(['--root', BASIC, '--update', file]);
      assert.equal(r.status, 0, r.stderr);
      const out = readFileSync(file);
      const text = out.toString('utf8');
      assert.ok(text.startsWith(`${before}<!-- roadmap:start -->\n`));
      assert.ok(text.endsWith(`<!-- roadmap:end -->${after}`));
      assert.ok(!text.includes('old content'));
      const blocks = mermaidBlocks(text);
      assert.equal(blocks.length, 1);
      assert.match(blocks[0], /^(?:---\n[\s\S]*?\n---\n)?gantt\n/);
      await parseMermaid(blocks[0]);
      assert.equal(strategy(['--root', BASIC, '--update', file]).status, 0);
      assert.ok(readFileSync(file).equals(out), 'a second run changes nothing');
    });

    it('keeps CRLF, a BOM and every byte outside the markers; type= on the marker is honoured', async () => {
      const file = join(tmp, 'crlf.md');
      const head = Buffer.from('\uFEFFTitle\r\n\r\nbefore\r\n', 'utf8');
      const tail = Buffer.concat([Buffer.from('\r\nafter\r\n', 'utf8'), Buffer.from([0xe4, 0x0d, 0x0a])]); // a stray latin1 byte stays as it is
      const start = Buffer.from('<!-- roadmap:start type=dependencies -->');
      const end = Buffer.from('<!-- roadmap:end -->');
      writeFileSync(file, Buffer.concat([head, start, Buffer.from('\r\nold\r\n'), end, tail]));
      const r = strategy(['--root', BASIC, '--update', file]);
      assert.equal(r.status, 0, r.stderr);
      const out = readFileSync(file);
      assert.ok(out.subarray(0, head.length + start.length).equals(Buffer.concat([head, start])), 'bytes before the region');
      assert.ok(out.subarray(out.length - end.length - tail.length).equals(Buffer.concat([end, tail])), 'bytes after the region');
      const region = out.subarray(head.length + start.length, out.length - end.length - tail.length).toString('utf8');
      assert.ok(region.startsWith('\r\n```mermaid\r\nflowchart LR\r\n'), 'a flowchart, with CRLF');
      assert.ok(!/[^\r]\n/.test(region), 'every line break in the region is CRLF');
      await parseMermaid(mermaidBlocks(region)[0]);
    });

    it('rewrites several regions, each with its own type', async () => {
      const file = join(tmp, 'two.md');
      writeFileSync(file, 'a\n<!-- roadmap:start type=timeline -->\n<!-- roadmap:end -->\nb\n<!-- roadmap:start type=gantt group=owner -->\n<!-- roadmap:end -->\nc\n');
      assert.equal(strategy(['--root', BASIC, '--update', file]).status, 0);
      const blocks = mermaidBlocks(readFileSync(file, 'utf8'));
      assert.deepEqual(blocks.map((b) => b.split('\n')[0]), ['timeline', 'gantt']);
      assert.match(blocks[1], /section #70;B 10/);
    });

    it('exit 2 and the file untouched when markers are missing, unpaired or unknown', () => {
      const cases = {
        'none.md': 'no markers here\n',
        'open.md': 'x\n<!-- roadmap:start -->\nstill open\n',
        'stray.md': 'x\n<!-- roadmap:end -->\n',
        'nested.md': '<!-- roadmap:start -->\n<!-- roadmap:start -->\n<!-- roadmap:end -->\n',
        'setting.md': '<!-- roadmap:start type=pie -->\n<!-- roadmap:end -->\n',
      };
      for (const [name, content] of Object.entries(cases)) {
        const file = join(tmp, name);
        writeFileSync(file, content);
        const r = strategy(['--root', BASIC, '--update', file]);
        assert.equal(r.status, 2, `${name}: ${r.stderr}`);
        assert.match(r.stderr, /roadmap/);
        assert.equal(readFileSync(file, 'utf8'), content);
      }
      assert.equal(strategy(['--root', BASIC, '--update', join(tmp, 'missing.md')]).status, 2);
    });
  });
});
