// Roadmap diagrams (strategy/diagrams): every diagram goes through Mermaid's own parser, and the
// assertions look at what the parser understood (sections, tasks, nodes, edges, classes, links),
// not at our text.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { loadWorkspace } from '../cli/load';
import { StrategyWorkspace, type LintResult } from '../strategy/index';
import { resolvePeriod, roadmapDiagrams, renderRoadmap, type RoadmapDiagram, type RoadmapOptions } from '../strategy/diagrams/index';
import { addDays } from '../strategy/dates';
import { mermaidStatementText, mermaidText, oneLine } from '../strategy/diagrams/escape';
import { uniqueIdLines } from '../strategy/diagrams/id-labels';
import { roadmapMarkdown } from '../strategy/report/roadmap-markdown';
import { roadmapHtml } from '../cli/render/html';
import { FIXTURES } from './helpers/fixtures';
import { assertOwnConfig, parseMermaid, parseMermaidDiagram } from './helpers/mermaid';

const AS_OF = '2025-11-26';
const DIR = join(FIXTURES, 'roadmap');
const TYPES = ['gantt', 'dependencies', 'timeline'] as const;
const GROUPS = ['field', 'owner', 'status'] as const;

/** Mermaid keeps `#…;` entities as placeholders until the SVG is written; turn them back into text. */
function decode(s: string): string {
  return s
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>' })[name] ?? `&${name};`)
    .trim();
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Db = any;

async function db(source: string): Promise<Db> {
  return (await parseMermaidDiagram(source)).db;
}

function lint(name: string, asOf = AS_OF): LintResult {
  return loadWorkspace(join(DIR, name)).lint({ asOf });
}

function diagrams(result: LintResult, options: Partial<RoadmapOptions> & Pick<RoadmapOptions, 'type'>): RoadmapDiagram[] {
  return roadmapDiagrams(result, { asOf: AS_OF, lang: 'de', ...options });
}

/** Parses with Mermaid and checks that no configuration came in through the text. */
async function assertParses(source: string, type: string): Promise<void> {
  const parsed = await parseMermaid(source);
  assert.equal(parsed.diagramType, type === 'dependencies' ? 'flowchart-v2' : type);
  // No directive or front matter from user text; a gantt carries its own layout and status CSS.
  if (type === 'gantt') assertOwnConfig(parsed.config);
  else assert.deepEqual(parsed.config, {}, 'no directive or front matter may reach Mermaid');
}

describe('roadmap: escaping', () => {
  it('leaves only letters, digits, space, .,-_/!? and entities of ASCII text', () => {
    const hostile = '"\':;#%{}[]()<>&`\\|=+*~^$@\n\r\tend';
    const out = mermaidText(hostile);
    assert.match(out, /^[A-Za-z0-9 .,\-_/!?#;]*$/);
    assert.ok(!out.includes('%') && !out.includes('"') && !out.includes(':') && !out.includes('\n'));
  });

  it('never starts a statement label with a letter or digit (no keyword, no date)', () => {
    for (const s of ['section x', 'title y', 'click z', '2024-01-01 go', 'gantt', 'dateFormat x', 'todayMarker on']) {
      assert.match(mermaidStatementText(s), /^#\d+;/);
    }
  });

  it('keeps umlauts and emoji, but encodes the characters of Mermaid placeholders', () => {
    assert.equal(mermaidText('Größe 🚀 ä'), 'Größe 🚀 ä');
    assert.ok(!/[ﬂ¶]/.test(mermaidText('ﬂ°°60¶ß')));
  });

  // Any text, in every place where user text enters a diagram, parses and reads back as the text itself.
  it('round-trips arbitrary text through gantt, flowchart and timeline labels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => oneLine(s).length > 0),
        async (text) => {
          const expected = oneLine(text);
          const gantt = await db(`gantt\n  dateFormat YYYY-MM-DD\n  section ${mermaidStatementText(text)}\n  ${mermaidStatementText(text)} :m1, 2025-01-01, 2025-02-01\n`);
          assert.deepEqual(gantt.getSections().map(decode), [expected]);
          assert.equal(decode(gantt.getTasks()[0].task), expected);
          const flow = await db(`flowchart LR\n  subgraph g1["${mermaidText(text)}"]\n    m1["${mermaidText(text)}"]\n  end\n`);
          assert.equal(decode(flow.getVertices().get('m1').text), expected);
          assert.equal(decode(flow.getSubGraphs()[0].title), expected);
          assert.deepEqual([...flow.getVertices().keys()], ['m1']);
          const timeline = await db(`timeline\n  title ${mermaidStatementText(text)}\n  section ${mermaidStatementText(text)}\n    Q1 2025 : ${mermaidText(text)}\n`);
          assert.deepEqual(timeline.getSections().map(decode), [expected]);
          assert.deepEqual(timeline.getTasks()[0].events.map(decode), [expected]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('roadmap: basic fixture', () => {
  const result = lint('basic');
  const byNode = (d: RoadmapDiagram, id: string) => {
    const n = d.nodes[id];
    return n ? (n.milestone ? `${n.measure}/${n.milestone}` : n.measure) : id;
  };

  it('gantt: a section per field with dated measures, bars, milestones, states and the as-of marker', async () => {
    const [d, ...rest] = diagrams(result, { type: 'gantt' });
    assert.equal(rest.length, 0);
    await assertParses(d.source, 'gantt');
    const g = await db(d.source);
    assert.deepEqual(g.getSections().map(decode), ['Digitale Verwaltung', 'Bildung']);
    assert.equal(decode(g.getDiagramTitle()), 'Digitalstrategie Musterstadt');
    assert.equal(g.getTodayMarker(), 'off');
    assert.equal(g.getDateFormat(), 'YYYY-MM-DD');
    assert.deepEqual(d.omitted, ['IDEE'], 'a measure without dates is not in the gantt');
    const tasks = new Map<string, Db>(g.getTasks().map((t: Db) => [byNode(d, t.id), t]));
    assert.deepEqual([...tasks.keys()].sort(), ['CHATBOT', 'CHATBOT/pilot', 'EAKTE', 'PORTAL', 'PORTAL/beta', 'PORTAL/final', 'TABLETS', 'WLAN', 'asof'].sort());
    const day = (t: Db, k: 'startTime' | 'endTime') => (t[k] as Date).toISOString().slice(0, 10);
    assert.equal(day(tasks.get('PORTAL'), 'startTime'), '2024-01-01');
    assert.equal(day(tasks.get('PORTAL'), 'endTime'), '2026-07-01', 'end 2026-Q2 is inclusive: the bar ends after 30 June');
    assert.equal(day(tasks.get('asof'), 'startTime'), AS_OF);
    assert.ok(tasks.get('asof').milestone && !tasks.get('asof').vert, 'by default a milestone, which every Mermaid version reads');
    const [line] = diagrams(result, { type: 'gantt', asOfMarker: 'line' });
    const marker = (await db(line.source)).getTasks().find((t: Db) => t.id === 'asof');
    assert.ok(marker.vert && !marker.milestone, 'asOfMarker line: a vertical line');
    assert.equal(day(marker, 'startTime'), AS_OF);
    assert.ok(tasks.get('EAKTE').done, 'completed → done');
    assert.ok(tasks.get('PORTAL').active && !tasks.get('PORTAL').crit, 'active, on time, no errors');
    assert.ok(tasks.get('CHATBOT').crit, 'open error (ai-risk-unclassified) → crit');
    assert.ok(tasks.get('WLAN').crit, 'ended before the as-of date while active → crit');
    assert.ok(!tasks.get('TABLETS').crit);
    assert.ok(tasks.get('PORTAL/final').milestone && tasks.get('PORTAL/final').crit, 'open milestone due 2025-06-30 is overdue');
    assert.ok(tasks.get('PORTAL/beta').done && !tasks.get('PORTAL/beta').crit);
    assert.match(decode(tasks.get('TABLETS').task), /Ende offen/, 'a measure with only a start says so');
    assert.match(decode(tasks.get('CHATBOT').task), /^KI · /, 'AI initiatives are marked');
  });

  it('dependencies: subgraphs, one edge per depends_on (milestones included), classes and a legend', async () => {
    const [d] = diagrams(result, { type: 'dependencies' });
    await assertParses(d.source, 'dependencies');
    const f = await db(d.source);
    assert.deepEqual(f.getSubGraphs().map((s: Db) => decode(s.title)), ['Digitale Verwaltung', 'Bildung', 'Ohne Handlungsfeld', 'Legende']);
    const edges = f.getEdges().filter((e: Db) => e.type !== 'arrow_open').map((e: Db) => `${byNode(d, e.start)} -> ${byNode(d, e.end)}`);
    assert.deepEqual(edges.sort(), ['EAKTE -> CHATBOT', 'PORTAL -> CHATBOT/pilot', 'PORTAL/final -> CHATBOT', 'TABLETS -> IDEE', 'WLAN -> TABLETS'].sort());
    const vertex = (measure: string) => f.getVertices().get(Object.keys(d.nodes).find((id) => d.nodes[id].measure === measure && !d.nodes[id].milestone));
    assert.deepEqual([...vertex('CHATBOT').classes].sort(), ['ai', 'error']);
    assert.ok(vertex('EAKTE').classes.includes('done'));
    assert.ok(vertex('IDEE'), 'a measure without dates is in the dependency view');
    assert.ok(f.getVertices().get('legend_ai') && f.getVertices().get('legend_error'), 'the legend explains AI and error marks');
    for (const name of f.getClasses().keys()) assert.ok(['ai', 'error', 'warning', 'done', 'cancelled', 'milestone', 'outside'].includes(name));
  });

  it('timeline: milestones by quarter, a section per year, cancelled ones left out', async () => {
    const [d] = diagrams(result, { type: 'timeline' });
    await assertParses(d.source, 'timeline');
    const t = await db(d.source);
    assert.deepEqual(t.getSections().map(decode), ['2024', '2025', '2026']);
    const periods = t.getTasks(); // Mermaid's timeline db appends on every call: call it once
    assert.deepEqual(periods.map((x: Db) => decode(x.task)), ['Q3 2024', 'Q2 2025', 'Q1 2026']);
    const events = periods.flatMap((x: Db) => x.events.map(decode));
    assert.equal(events.length, 3);
    assert.match(events[0], /^✓ Beta online/);
    assert.match(events[1], /^⚠ Alle Leistungen online/);
  });

  it('groups by owner and by status', async () => {
    const [byOwner] = diagrams(result, { type: 'gantt', group: 'owner' });
    assert.deepEqual((await db(byOwner.source)).getSections().map(decode), ['FB 10', 'Schulamt']);
    const [byStatus] = diagrams(result, { type: 'gantt', group: 'status' });
    assert.deepEqual((await db(byStatus.source)).getSections().map(decode), ['geplant', 'in Betrieb', 'abgeschlossen']);
    const [deps] = diagrams(result, { type: 'dependencies', group: 'owner' });
    assert.deepEqual((await db(deps.source)).getSubGraphs().map((s: Db) => decode(s.title)), ['FB 10', 'Schulamt', 'Legende']);
  });

  it('--ai-only keeps AI initiatives and shows what they depend on as nodes outside the selection', async () => {
    const [g] = diagrams(result, { type: 'gantt', aiOnly: true });
    const tasks = (await db(g.source)).getTasks().filter((t: Db) => t.id !== 'asof');
    assert.deepEqual(tasks.map((t: Db) => byNode(g, t.id)), ['CHATBOT', 'CHATBOT/pilot']);
    const [d] = diagrams(result, { type: 'dependencies', aiOnly: true });
    const outside = Object.values(d.nodes).filter((n) => n.outside).map((n) => (n.milestone ? `${n.measure}/${n.milestone}` : n.measure));
    assert.deepEqual(outside.sort(), ['EAKTE', 'PORTAL', 'PORTAL/final']);
    const f = await db(d.source);
    assert.equal(f.getEdges().filter((e: Db) => e.type !== 'arrow_open').length, 3);
  });

  it('--from/--to clip bars to the period and leave out what lies outside', async () => {
    const [g] = diagrams(result, { type: 'gantt', from: '2025', to: '2025-Q4' });
    const tasks = new Map<string, Db>((await db(g.source)).getTasks().map((t: Db) => [byNode(g, t.id), t]));
    assert.ok(!tasks.has('EAKTE'), 'ended 2024');
    assert.ok(!tasks.has('PORTAL/beta'), 'milestone in 2024');
    assert.equal((tasks.get('PORTAL').startTime as Date).toISOString().slice(0, 10), '2025-01-01');
    assert.equal((tasks.get('PORTAL').endTime as Date).toISOString().slice(0, 10), '2026-01-01');
    assert.ok(tasks.has('asof'));
    const [outside] = diagrams(result, { type: 'gantt', from: '2030', to: '2031' });
    await assertParses(outside.source, 'gantt');
    assert.ok(!(await db(outside.source)).getTasks().some((t: Db) => t.id === 'asof'), 'no marker when the as-of date is outside the period');
    assert.throws(() => diagrams(result, { type: 'gantt', from: '2025-13' }), /--from/);
    assert.throws(() => diagrams(result, { type: 'gantt', asOf: '2025-11-26\n  click m1 call x()' }), /asOf/, 'the as-of date is checked, not pasted');
  });

  it('--from/--to keep an open-ended measure that goes on as a bar to the period end and name the undated ones (issue 13)', async () => {
    // TABLETS: planned, start 2026-Q1, no end. It vanished when the period began after its first 30 days.
    const day = (t: Db, k: 'startTime' | 'endTime') => (t[k] as Date).toISOString().slice(0, 10);
    for (const [from, to] of [['2026-Q3', '2026-Q4'], ['2028', '2029']]) {
      const [g] = diagrams(result, { type: 'gantt', from, to });
      await assertParses(g.source, 'gantt');
      const tasks = new Map<string, Db>((await db(g.source)).getTasks().map((t: Db) => [byNode(g, t.id), t]));
      const tablets = tasks.get('TABLETS');
      assert.ok(tablets, `${from}–${to}: TABLETS is drawn (${[...tasks.keys()].join(', ')})`);
      assert.equal(day(tablets, 'startTime'), resolvePeriod(from, to)!.first, 'clipped to the period start');
      assert.equal(addDays(day(tablets, 'endTime'), -1), resolvePeriod(from, to)!.last, 'runs to the period end');
      assert.match(decode(tablets.task), /Ende offen/, 'and says that its end is open');
      assert.deepEqual(g.omitted, ['IDEE'], 'the measure without any date is named, not silently dropped');
    }
    // Without a period the open end reaches the last date shown, not only its first 30 days.
    const [whole] = diagrams(result, { type: 'gantt' });
    const all = (await db(whole.source)).getTasks();
    const tablets = all.find((t: Db) => byNode(whole, t.id) === 'TABLETS');
    const lastEnd = Math.max(...all.map((t: Db) => (t.endTime as Date).getTime()));
    assert.equal((tablets.endTime as Date).getTime(), lastEnd);
    // A completed measure with only a start keeps its short bar: it does not go on.
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    ws.setFile('measures/a.yaml', 'id: DONE\ntitle: Fertig\nstatus: completed\nstart: 2024-01-01\n');
    ws.setFile('measures/b.yaml', 'id: RUN\ntitle: Läuft\nstatus: active\nstart: 2024-01-01\n');
    const [g] = roadmapDiagrams(ws.lint({ asOf: AS_OF }), { type: 'gantt', asOf: AS_OF, lang: 'de', from: '2025', to: '2025' });
    const ids = (await db(g.source)).getTasks().map((t: Db) => byNode(g, t.id));
    assert.deepEqual(ids.sort(), ['RUN', 'asof']);
  });

  it('speaks English with lang: en', async () => {
    const [g] = roadmapDiagrams(result, { type: 'gantt', asOf: AS_OF, lang: 'en' });
    const tasks = (await db(g.source)).getTasks();
    assert.equal(decode(tasks.find((t: Db) => t.id === 'asof').task), `As of ${AS_OF}`);
    const [d] = roadmapDiagrams(result, { type: 'dependencies', asOf: AS_OF, lang: 'en' });
    assert.ok((await db(d.source)).getSubGraphs().some((s: Db) => decode(s.title) === 'No field of action'));
  });

  it('renderRoadmap returns the sources of roadmapDiagrams', () => {
    const opts: RoadmapOptions = { type: 'timeline', asOf: AS_OF, lang: 'de' };
    assert.deepEqual(renderRoadmap(result, opts), roadmapDiagrams(result, opts).map((d) => d.source));
    assert.deepEqual(renderRoadmap({ model: result.model, findings: [] }, { type: 'gantt', asOf: AS_OF, lang: 'de' }).length, 1);
  });
});

describe('roadmap: hostile fixture (titles, ids, owners, fields, milestones)', () => {
  const result = lint('hostile');
  const dir = join(DIR, 'hostile');
  const strategy = parseYaml(readFileSync(join(dir, 'strategy.yaml'), 'utf8'));
  const fieldTitles: string[] = strategy.fields.map((f: { title: string }) => oneLine(f.title));
  const measures = result.model.measures;
  const dated = measures.filter((m) => m.start !== undefined || m.end !== undefined);
  const datedMilestones = measures.flatMap((m) => m.milestones.filter((ms) => ms.date !== undefined && ms.status !== 'cancelled'));
  const NODE_ID = /^(m\d+(_\d+)?|x\d+(_\d+)?|legend_[a-z]+)$/;

  for (const type of TYPES) {
    for (const group of GROUPS) {
      for (const aiOnly of [false, true]) {
        it(`${type}, group ${group}${aiOnly ? ', AI only' : ''}: parses, no directive, comment, click or style gets through`, async () => {
          for (const d of diagrams(result, { type, group, aiOnly })) {
            await assertParses(d.source, type);
            assert.ok(!d.source.includes('%%'), 'no %% (directive or comment) anywhere');
            for (const line of d.source.split('\n')) {
              assert.doesNotMatch(line, /^\s*(click|style|linkStyle|call|href|accTitle|accDescr)\b/i, `statement leaked: ${line}`);
              if (/^\s*classDef\b/.test(line)) assert.match(line, /^ {2}classDef (ai|done|cancelled|milestone|outside|warning|error) /);
            }
          }
        });
      }
    }
  }

  it('gantt: the parser sees exactly our sections, titles and tasks, and no links', async () => {
    const [d] = diagrams(result, { type: 'gantt' });
    const g = await db(d.source);
    assert.equal(decode(g.getDiagramTitle()), oneLine(strategy.title));
    const expectedSections = fieldTitles.filter((_, i) => dated.some((m) => m.field?.id === strategy.fields[i].id) || measures.some((m) => m.field?.id === strategy.fields[i].id && m.milestones.some((ms) => ms.date)));
    // Long titles are wrapped (`<br>`) and, past their section's rows, shortened with „…“.
    const squash = (t: string) => t.replace(/<br>|\s+/g, '');
    const shown = g.getSections().map(decode);
    assert.equal(shown.length, expectedSections.length, shown.join(' | '));
    shown.forEach((t: string, i: number) => {
      if (t.endsWith('…')) assert.ok(squash(expectedSections[i]).startsWith(squash(t.slice(0, -1))), `${t} begins ${expectedSections[i]}`);
      else assert.equal(squash(t), squash(expectedSections[i]));
    });
    const tasks = g.getTasks();
    assert.equal(tasks.length, dated.length + datedMilestones.length + 1, 'one bar per dated measure, one per dated milestone, the as-of marker');
    for (const t of tasks) assert.match(t.id, /^(m\d+(_\d+)?|asof)$/);
    assert.equal(g.getLinks().size, 0, 'no click/href became a link');
    const names = tasks.map((t: Db) => decode(t.task));
    for (const m of dated.filter((x) => oneLine(x.title).length < 50)) {
      assert.ok(names.some((n: string) => n.replace(/^KI · /, '').startsWith(oneLine(m.title))), `bar for ${m.id}: ${oneLine(m.title)}`);
    }
    assert.ok(names.includes("%%{init: {'theme':'forest'}}%%"), 'a directive in a milestone title is shown as text');
  });

  it('dependencies: only generated node ids, our subgraphs and classes, edges as written', async () => {
    const [d] = diagrams(result, { type: 'dependencies' });
    const f = await db(d.source);
    for (const id of f.getVertices().keys()) assert.match(id, NODE_ID);
    const titles = f.getSubGraphs().map((s: Db) => decode(s.title));
    assert.equal(titles.pop(), 'Legende');
    assert.deepEqual([...titles].sort(), [...new Set(measures.map((m) => fieldTitles[strategy.fields.findIndex((x: { id: string }) => x.id === m.field?.id)]))].sort());
    for (const v of f.getVertices().values()) {
      assert.equal(v.link, undefined);
      assert.ok(!v.haveCallback);
    }
    assert.equal(f.getTooltip('m1'), undefined);
    const depends = measures.flatMap((m) => [...m.dependsOn, ...m.milestones.flatMap((ms) => ms.dependsOn)]);
    assert.equal(f.getEdges().filter((e: Db) => e.type !== 'arrow_open').length, depends.length, 'every depends_on of the fixture resolves to one edge');
    const texts = [...f.getVertices().values()].map((v: Db) => decode(v.text).split('<br>').join(' '));
    assert.ok(texts.some((t) => t.includes('subgraph x; end; end')));
    assert.ok(texts.some((t) => t.includes('click click call alert("x")')));
  });

  it('timeline: one event per dated milestone that is not cancelled', async () => {
    const [d] = diagrams(result, { type: 'timeline' });
    const t = await db(d.source);
    const events = t.getTasks().flatMap((x: Db) => x.events.map(decode));
    assert.equal(events.length, datedMilestones.length);
    for (const s of t.getSections()) assert.match(decode(s), /^\d{4}$/);
    assert.equal(decode(t.getCommonDb().getDiagramTitle()), `${oneLine(strategy.title)} – Meilensteine`);
  });
});

describe('roadmap: large strategies stay under Mermaid limits', () => {
  function bigWorkspace(measuresPerField: number, fields: number): LintResult {
    const ws = new StrategyWorkspace();
    const fieldList = Array.from({ length: fields }, (_, i) => `  - id: f${i}\n    title: Handlungsfeld Nummer ${i} mit einem langen Titel`).join('\n');
    ws.setFile('strategy.yaml', `schema: 1\ntitle: Große Strategie\norganisation: Stadt\nfields:\n${fieldList}\n`);
    for (let f = 0; f < fields; f++) {
      const list: string[] = [];
      for (let i = 0; i < measuresPerField; i++) {
        const id = `M-${f}-${i}`;
        const dep = i > 0 ? `\n  depends_on: [M-${f}-${i - 1}${f > 0 ? `, M-${f - 1}-${i}/ms` : ''}]` : '';
        list.push(
          `- id: ${id}\n  title: "Maßnahme ${id}: ein ziemlich langer Titel mit Sonderzeichen #;\\"<>"\n  field: f${f}\n  status: planned\n  start: 2025-0${(i % 9) + 1}\n  end: 2027-0${(i % 9) + 1}${dep}\n  milestones:\n${['ms', 'ms2', 'ms3'].map((ms, k) => `    - id: ${ms}\n      title: "Meilenstein ${k + 1} von ${id}"\n      date: 202${5 + k}-0${(i % 9) + 1}\n      status: open`).join('\n')}`,
        );
      }
      ws.setFile(`measures/f${f}.yaml`, list.join('\n') + '\n');
    }
    return ws.lint({ asOf: AS_OF });
  }

  const big = bigWorkspace(60, 8);

  for (const type of TYPES) {
    it(`${type}: split into parts under 50,000 characters that together show every measure`, async () => {
      const parts = diagrams(big, { type });
      assert.ok(parts.length > 1, 'the whole would be too big for one diagram');
      for (const p of parts) {
        assert.ok(p.source.length <= 50_000, `part "${p.title}" has ${p.source.length} characters`);
        await assertParses(p.source, type);
      }
      if (type === 'timeline') {
        let events = 0;
        // One at a time: Mermaid's diagram databases are shared singletons.
        for (const p of parts) events += (await db(p.source)).getTasks().reduce((n: number, t: Db) => n + t.events.length, 0);
        assert.equal(events, 3 * 480);
        return;
      }
      const shown = new Set(parts.flatMap((p) => Object.values(p.nodes).filter((n) => !n.outside && !n.milestone).map((n) => n.measure)));
      assert.equal(shown.size, 480);
      if (type === 'dependencies') {
        for (const p of parts) assert.ok((await db(p.source)).getEdges().length <= 500, 'within Mermaid maxEdges');
      }
    });
  }
});

describe('roadmap: timeline defects found with real register data (issue 13)', () => {
  function workspace(milestones: string): LintResult {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    ws.setFile('measures/m.yaml', `id: M\ntitle: Viele Meilensteine\nstatus: active\nstart: 2025-01-01\n${milestones}`);
    return ws.lint({ asOf: AS_OF });
  }

  it('76 milestones in one quarter are split into periods of at most 12 (no 9,000 px column)', async () => {
    const list = Array.from({ length: 76 }, (_, i) => `  - { id: ms${i}, title: "Schritt ${i}", date: 2026-02-${String((i % 28) + 1).padStart(2, '0')}, status: open }`).join('\n');
    const [d] = roadmapDiagrams(workspace(`milestones:\n${list}\n`), { type: 'timeline', asOf: AS_OF, lang: 'de' });
    await assertParses(d.source, 'timeline');
    const periods = (await db(d.source)).getTasks();
    assert.equal(periods.length, 7);
    assert.deepEqual(periods.map((p: Db) => decode(p.task)).slice(0, 2), ['Q1 2026 (1/7)', 'Q1 2026 (2/7)']);
    assert.ok(periods.every((p: Db) => p.events.length <= 12));
    assert.equal(periods.reduce((n: number, p: Db) => n + p.events.length, 0), 76, 'no milestone lost');
  });

  it('an empty timeline says so in a period instead of drawing a lone arrow', async () => {
    const [d] = roadmapDiagrams(workspace(''), { type: 'timeline', asOf: AS_OF, lang: 'de' });
    await assertParses(d.source, 'timeline');
    const periods = (await db(d.source)).getTasks();
    assert.equal(periods.length, 1);
    assert.deepEqual(periods[0].events.map(decode), ['Keine Meilensteine im Zeitraum']);
  });
});

describe('roadmap: gantt milestones of undated measures (issue 13)', () => {
  it('name their measure, so that milestones of the same title stay apart', async () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    for (const [id, title] of [['A', 'Chatbot'], ['B', 'Texterkennung']])
      ws.setFile(`measures/${id}.yaml`, `id: ${id}\ntitle: ${title}\nstatus: active\nmilestones:\n  - { id: go, title: Inbetriebnahme, date: 2026-03-01, status: open }\n`);
    ws.setFile('measures/C.yaml', 'id: C\ntitle: Mit Balken\nstatus: active\nstart: 2026-01-01\nend: 2026-12-31\nmilestones:\n  - { id: go, title: Inbetriebnahme, date: 2026-03-01, status: open }\n');
    const [d] = roadmapDiagrams(ws.lint({ asOf: AS_OF }), { type: 'gantt', asOf: AS_OF, lang: 'de' });
    await assertParses(d.source, 'gantt');
    const labels = (await db(d.source)).getTasks().map((t: Db) => decode(t.task));
    assert.ok(labels.includes('Inbetriebnahme – Chatbot'), labels.join(' | '));
    assert.ok(labels.includes('Inbetriebnahme – Texterkennung'));
    assert.equal(labels.filter((l: string) => l === 'Inbetriebnahme').length, 1, 'under its bar a milestone keeps its short title');
  });
});

describe('roadmap: dependency view keeps different ids apart (issue 13)', () => {
  it('long ids that differ only at the end are not cut to the same text', async () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    const a = 'ALGORITHMEREGISTER-GEMEENTE-AMSTERDAM-0001';
    const b = 'ALGORITHMEREGISTER-GEMEENTE-AMSTERDAM-0002';
    ws.setFile('measures/a.yaml', `id: ${a}\ntitle: Gleicher Titel\nstatus: active\n`);
    ws.setFile('measures/b.yaml', `id: ${b}\ntitle: Gleicher Titel\nstatus: active\ndepends_on: [${a}]\n`);
    const [d] = roadmapDiagrams(ws.lint({ asOf: AS_OF }), { type: 'dependencies', asOf: AS_OF, lang: 'de' });
    await assertParses(d.source, 'flowchart-v2');
    const texts = [...(await db(d.source)).getVertices().values()].map((v: Db) => decode(String(v.text)).replace(/<br\s*\/?>|\n/g, ''));
    const withA = texts.filter((t: string) => t.includes(a));
    const withB = texts.filter((t: string) => t.includes(b));
    assert.equal(withA.length, 1, texts.join(' | '));
    assert.equal(withB.length, 1, texts.join(' | '));
  });
});

describe('roadmap: dependency view keeps ids apart that differ only in the middle (issue 13)', () => {
  const prefix = 'ALGORITHMEREGISTER-GEMEENTE-AMSTERDAM-OPENBARE-RUIMTE-';
  const suffix = '-ALGORITME-VOOR-HANDHAVING-EN-PARKEERCONTROLE-VERSIE-2024';
  const ids = ['0001', '0002', '0100'].map((n) => `${prefix}${n}${suffix}`);

  it('long ids (over 84 characters) get different texts, each showing where it differs', async () => {
    assert.ok(ids.every((id) => id.length > 84));
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    ids.forEach((id, i) => ws.setFile(`measures/m${i}.yaml`, `id: ${id}\ntitle: Gleicher Titel\nstatus: active\n${i ? `depends_on: [${ids[0]}]\n` : ''}`));
    const [d] = roadmapDiagrams(ws.lint({ asOf: AS_OF }), { type: 'dependencies', asOf: AS_OF, lang: 'de' });
    await assertParses(d.source, 'flowchart-v2');
    const vertices = [...(await db(d.source)).getVertices().values()];
    const measureNodes = vertices.filter((v: Db) => d.nodes[v.id]);
    assert.equal(measureNodes.length, 3);
    assert.equal(new Set(vertices.map((v: Db) => v.id)).size, vertices.length, 'node ids never collide');
    const texts = measureNodes.map((v: Db) => decode(String(v.text)).replace(/<br\s*\/?>|\n/g, ''));
    assert.equal(new Set(texts).size, 3, texts.join(' | '));
    for (const v of measureNodes) {
      const n = d.nodes[v.id].measure.slice(prefix.length, prefix.length + 4);
      assert.ok(decode(String(v.text)).replace(/<br\s*\/?>|\n/g, '').includes(n), `${n} is visible: ${decode(String(v.text))}`);
    }
  });

  it('property: any set of long ids gets pairwise different texts of at most three lines of 28', () => {
    const part = fc.stringMatching(/^[A-Z0-9-]{0,40}$/);
    fc.assert(
      fc.property(part, part, fc.uniqueArray(fc.stringMatching(/^[A-Z0-9…]{0,30}$/), { minLength: 2, maxLength: 6 }), (head, tail, middles) => {
        const all = middles.map((m) => `${head}${m}${tail}`);
        const lines = uniqueIdLines(all, 28);
        const texts = all.map((id) => lines(id));
        for (const t of texts) assert.ok(t.length <= 3 && t.every((l) => [...l].length <= 28), t.join('|'));
        assert.equal(new Set(texts.map((t) => t.join(''))).size, new Set(all).size, all.join(' / '));
      }),
      { numRuns: Math.max(20, Math.round(300 * Number(process.env.FC_RUNS_FACTOR ?? 1))) },
    );
  });
});

describe('roadmap: legend and text alternative of the gantt (issue 13)', () => {
  it('name each look used and list the bars with full titles; an open end reads „offen“, also when the period cuts it', () => {
    const ws = new StrategyWorkspace();
    const long = 'Infrastruktur, IT-Sicherheit und Rechenzentrumsbetrieb der Stadtverwaltung einschließlich Schulen und Eigenbetriebe';
    ws.setFile('strategy.yaml', `schema: 1\ntitle: T\norganisation: O\nfields:\n  - id: it\n    title: ${long}\n`);
    ws.setFile('measures/a.yaml', 'id: RUN\ntitle: Läuft weiter\nfield: it\nstatus: active\nstart: 2024-01-01\n');
    ws.setFile('measures/b.yaml', 'id: STOP\ntitle: Eingestellt\nfield: it\nstatus: cancelled\nstart: 2024-01-01\nend: 2026-12-31\n');
    ws.setFile('measures/c.yaml', 'id: WAIT\ntitle: Wartet\nfield: it\nstatus: paused\nstart: 2024-01-01\nend: 2026-12-31\n');
    const diagrams = roadmapDiagrams(ws.lint({ asOf: AS_OF }), { type: 'gantt', asOf: AS_OF, lang: 'de', from: '2026', to: '2026' });
    const [d] = diagrams;
    for (const look of ['hellblauer Balken', 'gelber Balken mit gepunktetem Rand', 'weißer Balken mit gestricheltem grauem Rand', '„(Ende offen)“']) assert.ok(d.legend!.some((l) => l.startsWith(look)), `${look}: ${d.legend!.join(' | ')}`);
    assert.ok(!d.legend!.some((l) => l.startsWith('dunkelblauer')), 'no entry for a look the diagram does not use');
    const md = roadmapMarkdown(diagrams, { title: 'T', lang: 'de' });
    const row = (id: string) => md.split('\n').find((l) => l.includes(`(${id})`)) ?? '';
    assert.match(row('RUN'), /\| 2024-01-01 +\| offen +\| in Betrieb +\|/);
    assert.match(row('STOP'), /\| eingestellt +\|/);
    assert.ok(row('WAIT').startsWith(`| ${long} `), 'the section title in full, though the chart shortens it');
    const en = roadmapMarkdown(roadmapDiagrams(ws.lint({ asOf: AS_OF }), { type: 'gantt', asOf: AS_OF, lang: 'en' }), { title: 'T', lang: 'en' });
    assert.match(en, /\*\*Legend\*\*/);
    assert.match(en, /white bar with a dashed grey border, title struck through: cancelled/);
    assert.match(en, /\| open +\| in operation +\|/);
    // The self-contained .html page: the same legend and table after the drawing.
    const html = roadmapHtml(diagrams, { title: 'T', lang: 'de', mermaidJs: '' });
    assert.ok(html.indexOf('<pre class="mermaid">') < html.indexOf('<table>'), 'the table follows the diagram');
    assert.match(html, /<caption>Textfassung: T<\/caption>/);
    assert.match(html, /<th scope="row">Läuft weiter \(RUN\)<\/th><td>2024-01-01<\/td><td>offen<\/td>/);
    assert.match(html, /<li>weißer Balken mit gestricheltem grauem Rand, Titel durchgestrichen: eingestellt<\/li>/);
  });
});
