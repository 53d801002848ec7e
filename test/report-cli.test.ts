// `strategy report` as a process: kinds, formats (Markdown, HTML, PDF, DOCX), languages, the
// source commit, errors – and the council report of examples/herne checked against its model.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, Table } from 'mdast';
import { loadWorkspace } from '../cli/load';
import { chromiumPath, hasCommand, needChromium, needs } from './helpers/environment';
import { sourceRevision } from '../cli/report/git';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');
const HERNE = join(PROJECT, 'examples', 'herne');
const AS_OF = '2026-11-26';
const BROWSER_TIMEOUT = 300_000;

const hasChromium = (): boolean => chromiumPath() !== undefined;

function strategy(args: string[], opts: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? PROJECT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'strategy-report-test-'));
}

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('strategy report (CLI)', function () {
  before(function () {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run "node scripts/build.mjs" first');
  });

  it('writes the German council report as Markdown to stdout by default', () => {
    const r = strategy(['report', '--root', FIXTURE, '--as-of', AS_OF]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Bericht an den Rat: Digitalstrategie der Musterstadt\n/);
    assert.match(r.stdout, /\*\*Stand:\*\* 26\.11\.2026/);
    assert.match(r.stdout, /\n```mermaid\n(?:---\n[\s\S]*?\n---\n)?gantt\n/);
    assert.match(r.stdout, /Erzeugt mit Digital Strategy Roadmap \d+\.\d+\.\d+/);
  });

  it('writes the other reports, in English with --lang en', () => {
    const titles = { inventory: '# AI register: ', funding: '# Funding overview: ', compliance: '# Ethics, law and data protection: ' };
    for (const [kind, title] of Object.entries(titles)) {
      const r = strategy(['report', kind, '--root', FIXTURE, '--as-of', AS_OF, '--lang', 'en']);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.startsWith(title), `${kind}: ${r.stdout.slice(0, 80)}`);
    }
  });

  it('rejects an unknown report kind, format or date with one line and exit code 2', () => {
    for (const args of [['report', 'budget'], ['report', '--format', 'odt'], ['report', '--as-of', '26.11.2026']]) {
      const r = strategy([...args, '--root', FIXTURE]);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    const none = strategy(['report', '--root', tmpdir()]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /strategy\.yaml/);
  });

  it('names the source commit of a git checkout, and says when files differ from it', function () {
    needs(this, hasCommand('git'), 'git is not installed');
    const dir = tmp();
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'fixture');
      const head = git('rev-parse', 'HEAD').trim();
      const clean = strategy(['report', 'inventory', '--root', dir, '--as-of', AS_OF]);
      assert.ok(clean.stdout.includes(`Git-Commit \`${head.slice(0, 12)}\``), clean.stdout.slice(0, 300));
      assert.ok(!clean.stdout.includes('nicht eingecheckten'));
      writeFileSync(join(dir, 'measures', 'neu.yaml'), 'id: NEU\ntitle: Neu\nstatus: idea\n');
      assert.match(strategy(['report', 'inventory', '--root', dir, '--as-of', AS_OF]).stdout, /\(mit nicht eingecheckten Änderungen\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads HEAD from the .git folder (packed or loose ref)', async () => {
    const dir = tmp();
    try {
      const hash = 'a'.repeat(40);
      mkdirSync(join(dir, '.git', 'refs', 'heads'), { recursive: true });
      mkdirSync(join(dir, 'strategie'));
      writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      writeFileSync(join(dir, '.git', 'packed-refs'), `# pack-refs with: peeled\n${hash} refs/heads/main\n`);
      assert.deepEqual(await sourceRevision(join(dir, 'strategie')), { commit: hash });
      writeFileSync(join(dir, '.git', 'refs', 'heads', 'main'), `${'b'.repeat(40)}\n`);
      assert.deepEqual(await sourceRevision(join(dir, 'strategie')), { commit: 'b'.repeat(40) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(await sourceRevision(tmpdir()), {});
  });

  it('writes HTML to --output (format from the extension) with the roadmap as inline SVG', function () {
    this.timeout(BROWSER_TIMEOUT);
    const dir = tmp();
    try {
      const out = join(dir, 'bericht.html');
      const r = strategy(['report', '--root', FIXTURE, '--as-of', AS_OF, '--output', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      const html = readFileSync(out, 'utf8');
      assert.match(html, /^<!doctype html><html lang="de">/);
      if (hasChromium()) {
        assert.match(html, /<figure class="diagram" aria-label="Zeitplan[^"]*"><svg[^>]*aria-roledescription="gantt"/);
        assert.doesNotMatch(html, /<script/i, 'a pre-rendered roadmap needs no script');
      } else {
        assert.match(html, /<pre class="mermaid">(?:---\n[\s\S]*?\n---\n)?gantt/);
        assert.match(r.stderr, /bundled Mermaid script/);
      }
      const tags = html.match(/<[a-z][a-z0-9-]*\b[^>]*>/gi) ?? [];
      assert.deepEqual(tags.filter((t) => /\s(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:|\/\/)/i.test(t)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a Word document (DOCX) with headings, tables and the roadmap', async function () {
    this.timeout(BROWSER_TIMEOUT);
    const dir = tmp();
    try {
      const out = join(dir, 'bericht.docx');
      const r = strategy(['report', '--root', FIXTURE, '--as-of', AS_OF, '--format', 'docx', '--output', out]);
      assert.equal(r.status, 0, r.stderr);
      const bytes = readFileSync(out);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX file is a zip archive');
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      assert.ok(xml.includes('Bericht an den Rat: Digitalstrategie der Musterstadt'));
      assert.ok(xml.includes('Frage 5: Ethik, Recht und Datenschutz'));
      assert.ok(xml.includes('w:val="Heading2"'), 'headings use Word heading styles');
      assert.ok(xml.includes('<w:tblHeader/>'), 'table header rows repeat on each page');
      assert.ok(plain(xml).includes('1.250.000 €'));
      assert.ok(xml.includes('&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;') || xml.includes("&lt;script&gt;alert('x')&lt;/script&gt;"), 'user text is escaped XML text');
      const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
      if (hasChromium()) assert.equal(images.length, 1, 'the roadmap is an image');
      else assert.ok(xml.includes('weil Chromium fehlt') && !xml.includes('gantt'), 'without a browser a sentence, never the Mermaid source');
      if (hasChromium()) {
        const alt = /<wp:docPr [^>]*descr="([^"]*)"/.exec(xml)?.[1] ?? '';
        assert.match(alt, /^Zeitplan „.*“ als Balkendiagramm: \d+ KI-Anwendungen/, 'a real alt text');
        assert.ok(!alt.includes('gantt'), 'not the Mermaid source');
      }
      assert.match(xml, /TOC \\h \\n &quot;2-3&quot; \\o &quot;2-3&quot;|TOC \\h \\n "2-3" \\o "2-3"/, 'a table of contents field');
      assert.ok(xml.includes('Textfassung des Zeitplans'), 'the text version after the diagram');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a PDF on A4 with Chromium', function () {
    this.timeout(BROWSER_TIMEOUT);
    needChromium(this);
    needs(this, hasCommand('pdftotext'), 'pdftotext and pdfinfo (poppler-utils) are not installed');
    const dir = tmp();
    try {
      const out = join(dir, 'report.pdf');
      const r = strategy(['report', '--root', FIXTURE, '--as-of', AS_OF, '--lang', 'en', '--output', out]);
      assert.equal(r.status, 0, r.stderr);
      const bytes = readFileSync(out);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
      assert.match(text, /Council report: Digitalstrategie der Musterstadt/);
      assert.match(text, /Question 5: Ethics, law and data protection/);
      assert.match(text, /Page 1 of \d+/);
      const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+/, 'A4');
      // Accessible PDF (BITV 2.0): tagged, with title, language and the headings as outline.
      assert.match(info, /^Tagged:\s+yes$/m);
      assert.match(info, /^Title:\s+Council report: Digitalstrategie der Musterstadt$/m);
      const raw = bytes.toString('latin1');
      assert.match(raw, /\/StructTreeRoot \d+ 0 R/, 'structure tree');
      assert.match(raw, /\/MarkInfo <<[^>]*\/Marked true/, 'marked content');
      assert.match(raw, /\/Lang \(en\)/, 'document language');
      assert.match(raw, /\/Outlines \d+ 0 R/, 'document outline');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes DOCX to a pipe when no --output is given', function () {
    this.timeout(BROWSER_TIMEOUT);
    // (To a terminal it refuses and asks for --output; a test has no terminal.)
    const r = spawnSync(process.execPath, [CLI, 'report', 'funding', '--root', FIXTURE, '--as-of', AS_OF, '--format', 'docx'], { encoding: 'buffer' });
    assert.equal(r.status, 0, r.stderr.toString());
    assert.equal(r.stdout.subarray(0, 2).toString('latin1'), 'PK');
  });
});

describe('strategy report on examples/herne (structure follows the model)', function () {
  function sectionTables(tree: Root, h2Prefix: string): Table[] {
    const start = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && toString(n).startsWith(h2Prefix));
    assert.ok(start >= 0, `no section "${h2Prefix}"`);
    const rest = tree.children.slice(start + 1);
    const end = rest.findIndex((n) => n.type === 'heading' && n.depth === 2);
    return (end < 0 ? rest : rest.slice(0, end)).filter((n): n is Table => n.type === 'table');
  }

  it('has the five sections and counts that match the model', () => {
    const r = strategy(['report', '--root', HERNE, '--as-of', AS_OF, '--inquiry', join(HERNE, 'inquiries/2025-05-14-fdp-ki.yaml')]);
    assert.equal(r.status, 0, r.stderr);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(r.stdout);
    const h2 = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).map((n) => toString(n));
    for (const prefix of ['Frage 1: ', 'Frage 2: ', 'Frage 3: ', 'Frage 4: ', 'Frage 5: ']) assert.ok(h2.some((h) => h.startsWith(prefix)), `section ${prefix} missing`);

    const model = loadWorkspace(HERNE).lint({ asOf: AS_OF }).model;
    const ai = model.measures.filter((m) => m.ai);
    const inUse = ai.filter((m) => m.status === 'pilot' || m.status === 'active');
    const bodyRows = (tables: Table[]) => tables.reduce((n, t) => n + t.children.length - 1, 0);

    // Section 1: one table per category of the AI applications in use, then planned, then the rest.
    const s1 = sectionTables(tree, 'Frage 1: ');
    const categories = new Set(inUse.map((m) => m.ai!.category));
    assert.equal(bodyRows(s1.slice(0, categories.size)), inUse.length, 'every AI application in use or piloted is listed once');
    assert.equal(bodyRows(s1), ai.length, 'every AI initiative appears in section 1');

    // Section 2: the pilots and partners of AI applications and AI governance (tag "governance");
    // every other partner with a measure in appendix 2, partners without a measure named there as no cooperation.
    const scope = new Set(model.measures.filter((m) => m.ai || m.tags.includes('governance')));
    const s2 = sectionTables(tree, 'Frage 2: ');
    assert.equal(s2[0].children.length - 1, [...scope].filter((m) => m.status === 'pilot').length);
    const partnersOf = (ms: Iterable<{ partners: Array<{ id: string }> }>) => new Set([...ms].flatMap((m) => m.partners.map((p) => p.id)).filter((id) => model.partnerById.has(id)));
    const aiPartners = partnersOf(scope);
    assert.equal(bodyRows(s2.slice(1)), aiPartners.size, 'each partner of an AI measure once');
    const others = [...partnersOf(model.measures.filter((m) => !scope.has(m)))];
    const a2 = sectionTables(tree, 'Anlage 2: ');
    const otherPilots = model.measures.filter((m) => m.status === 'pilot' && !scope.has(m)).length;
    assert.equal(bodyRows(a2) - otherPilots, others.length, 'each partner of other measures once in appendix 2');
    const idle = [...model.partnerById.values()].filter((p) => !partnersOf(model.measures).has(p.id));
    for (const p of idle) assert.ok(r.stdout.includes(p.name), `${p.name} (no measure) is named`);

    // Section 5: the matrix has one row per AI initiative.
    const matrix = sectionTables(tree, 'Frage 5: ')[0];
    assert.equal(matrix.children.length - 1, ai.length);

    // Section 4: the granted total equals the sum over the model's funding entries (own funds excluded).
    const granted = model.measures.flatMap((m) => m.funding).filter((f) => f.status === 'granted' && f.source !== 'own' && typeof f.amount === 'number').reduce((s, f) => s + f.amount!, 0);
    const euro = (n: number) => `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(n)} €`;
    const totalOf = (t: Table, column: string) => {
      const head = t.children[0].children.map((c) => toString(c));
      const totalRow = t.children.find((row) => toString(row.children[0]).startsWith('Summe'))!;
      return plain(toString(totalRow.children[head.indexOf(column)]));
    };
    assert.equal(totalOf(sectionTables(tree, 'Anlage 1: ')[0], 'Bewilligt'), euro(granted), 'the whole strategy in appendix 1');
    // The answer itself: funding of the AI scope only.
    const aiGranted = [...scope].flatMap((m) => m.funding).filter((f) => f.status === 'granted' && f.source !== 'own' && typeof f.amount === 'number').reduce((s, f) => s + f.amount!, 0);
    assert.ok(aiGranted > 0 && aiGranted < granted);
    assert.equal(totalOf(sectionTables(tree, 'Frage 4: ')[0], 'Bewilligt bzw. bereitgestellt'), euro(aiGranted));
  });
});
