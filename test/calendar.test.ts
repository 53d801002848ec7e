// The funding calendar: entries from the model, and the .ics file read back by a real iCalendar
// parser (ical.js) the way a calendar client reads it. `strategy calendar` runs as a process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { loadWorkspace } from '../cli/load';
import { calendarEntries, calendarIcs } from '../strategy/calendar/calendar';
import { workspaceOf } from './helpers/arbitraries';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const BASIC = join(__dirname, 'fixtures', 'calendar', 'basic');
const model = () => loadWorkspace(BASIC).model();

/** Events as a client sees them: summary, start day, end day, alarms (days before), categories. */
function readIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.equal(cal.name, 'vcalendar');
  return cal.getAllSubcomponents('vevent').map((c) => {
    const ev = new ICAL.Event(c);
    return {
      uid: ev.uid,
      summary: ev.summary,
      description: ev.description,
      start: ev.startDate.toString(),
      end: ev.endDate.toString(),
      allDay: ev.startDate.isDate,
      stamp: c.getFirstPropertyValue('dtstamp')!.toString(),
      category: c.getFirstPropertyValue('categories'),
      url: c.getFirstPropertyValue('url'),
      alarms: c.getAllSubcomponents('valarm').map((a) => {
        const trigger = a.getFirstPropertyValue('trigger') as ICAL.Duration;
        return { action: a.getFirstPropertyValue('action'), days: (trigger.isNegative ? -1 : 1) * trigger.days, text: a.getFirstPropertyValue('description') };
      }),
    };
  });
}

describe('funding calendar (strategy/calendar)', () => {
  it('lists programme deadlines, open milestones and the funding dates, each due on the last day of its date', () => {
    const entries = calendarEntries(model(), { lang: 'de' }).map((e) => `${e.day} ${e.kind} ${e.summary}`);
    assert.deepEqual(entries, [
      '2026-03-15 decision Förderbescheid: PLATTFORM – Digitale Modellregionen NRW',
      '2026-10-01 application Förderantrag: PLATTFORM – Digitale Modellregionen NRW',
      '2027-02-28 decision Förderbescheid: PLATTFORM – Digitale Modellregionen NRW',
      '2027-03-31 programme-deadline Förderfrist: Digitale Modellregionen NRW',
      '2027-06-30 milestone Meilenstein: Produktivbetrieb (PLATTFORM)',
      '2028-06-30 proof-of-use Verwendungsnachweis fällig: PLATTFORM – Digitale Modellregionen NRW',
      '2031-12-31 earmarking-end Ende der Zweckbindung: PLATTFORM – Digitale Modellregionen NRW',
    ]);
    // Done and cancelled milestones, cancelled measures, rejected funding and programmes without a deadline stay out.
    const en = calendarEntries(model(), { lang: 'en', from: '2027-01-01', kinds: ['milestone', 'programme-deadline'] });
    assert.deepEqual(en.map((e) => e.summary), ['Funding deadline: Digitale Modellregionen NRW', 'Milestone: Produktivbetrieb (PLATTFORM)']);
  });

  it('writes RFC 5545 that ical.js reads back: all-day events, DTSTAMP from the as-of day, alarms from strategy.yaml', () => {
    const text = calendarIcs(model(), { lang: 'de', asOf: '2026-11-26' });
    // Content lines end in CRLF and are at most 75 octets.
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `longer than 75 octets: ${line}`);
    assert.match(text, /^BEGIN:VCALENDAR\r\nPRODID:-\/\/Digital Strategy Roadmap\/\/strategy calendar\/\/DE\r\nVERSION:2\.0\r\n/);
    const events = readIcs(text);
    assert.equal(events.length, 7);
    const deadline = events.find((e) => e.category === 'programme-deadline')!;
    assert.equal(deadline.summary, 'Förderfrist: Digitale Modellregionen NRW');
    assert.equal(deadline.start, '2027-03-31');
    assert.equal(deadline.end, '2027-04-01', 'DTEND is exclusive: one whole day');
    assert.equal(deadline.allDay, true);
    assert.equal(deadline.stamp, '2026-11-26T00:00:00Z');
    assert.equal(deadline.url, 'https://www.wirtschaft.nrw/digitale-modellregionen');
    assert.deepEqual(deadline.alarms.map((a) => [a.action, a.days]), [['DISPLAY', -90], ['DISPLAY', -14]]);
    assert.equal(deadline.alarms[0].text, 'In 90 Tagen: Förderfrist: Digitale Modellregionen NRW');
    // Text with ; , \ and a line break survives escaping and folding.
    const ms = events.find((e) => e.category === 'milestone')!;
    assert.equal(ms.description, 'Maßnahme: Datenplattform; Teil 1, mit Sonderzeichen: \\ und Zeilen (PLATTFORM)\nDatei: measures/plattform.md');
    const names = new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname');
    assert.equal(names, 'Termine – Digitalstrategie „Teststadt“; Fassung 2, mit Komma');
    // UIDs are unique and the same on every run.
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
    assert.deepEqual(readIcs(calendarIcs(model(), { lang: 'de', asOf: '2027-01-01' })).map((e) => e.uid), events.map((e) => e.uid));
  });

  it('alarms default to 60 and 30 days; an explicit list replaces them; none leaves them out', () => {
    const ws = loadWorkspace(BASIC).model();
    (ws.strategy.data as Record<string, unknown>).calendar = undefined;
    assert.deepEqual(readIcs(calendarIcs(ws, { lang: 'en', asOf: '2026-11-26' }))[0].alarms.map((a) => a.days), [-60, -30]);
    assert.deepEqual(readIcs(calendarIcs(ws, { lang: 'en', asOf: '2026-11-26', alarms: [7] }))[0].alarms.map((a) => [a.days, a.text]), [[-7, 'In 7 days: Grant decision: PLATTFORM – Digitale Modellregionen NRW']]);
    assert.deepEqual(readIcs(calendarIcs(ws, { lang: 'en', asOf: '2026-11-26', alarms: [] }))[0].alarms, []);
  });

  describe('strategy calendar (CLI)', () => {
    let tmp: string;
    beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'calendar-cli-'))));
    afterEach(() => rmSync(tmp, { recursive: true, force: true }));
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'calendar', ...args], { cwd: PROJECT, encoding: 'utf8' });

    it('writes strategy.ics for the example; a client reads every event', () => {
      const out = join(tmp, 'strategy.ics');
      const r = run(['--root', 'examples/herne', '--as-of', '2026-11-26', '--from', '2026-11-26', '--alarms', '30', '--lang', 'en', '--output', out]);
      assert.equal(r.status, 0, r.stderr);
      const events = readIcs(readFileSync(out, 'utf8'));
      assert.ok(events.length >= 10, `only ${events.length} events`);
      assert.ok(events.every((e) => e.start >= '2026-11-26' && e.alarms.length === 1 && e.alarms[0].days === -30));
      const horizon = events.find((e) => e.summary === 'Funding deadline: Horizont Europa – Cluster 4 (Digital, Industry and Space)' || e.category === 'programme-deadline');
      assert.ok(horizon, 'a programme deadline of examples/herne/funding.yaml');
      assert.ok(events.some((e) => e.category === 'proof-of-use' && e.start === '2027-06-30'));
      assert.ok(events.some((e) => e.category === 'decision' && e.start === '2027-03-31'));
    });

    it('bad options are one-line usage errors', () => {
      const ext = run(['--root', BASIC, '--output', join(tmp, 'x.txt'), '--lang', 'en']);
      assert.equal(ext.status, 2);
      assert.match(ext.stderr, /^strategy: --output: expected a file ending in \.ics/);
      const alarms = run(['--root', BASIC, '--alarms', 'sechzig', '--lang', 'en']);
      assert.equal(alarms.status, 2);
      assert.match(alarms.stderr, /^strategy: --alarms: expected days before/);
      const german = run(['--root', BASIC, '--alarms', 'sechzig', '--lang', 'de']);
      assert.match(german.stderr, /^strategy: --alarms: erwartet Tage davor/);
    });
  });
  it('keeps a lone surrogate in the organisation (a YAML escape) out of the UIDs instead of throwing', () => {
    // Found by test/property.test.ts (seed 345174421): encodeURIComponent throws URIError on "\ud83d".
    const ws = workspaceOf([['strategy.yaml', 'organisation: "\\ud83d"\npartners: []\nmilestones: [{ id: M1, title: M, date: 2027-01-01 }]\n']]);
    const result = ws.lint({ asOf: '2026-06-01', lang: 'de' });
    const entries = calendarEntries(result.model, { lang: 'de' });
    for (const e of entries) assert.ok(e.uid.endsWith('@%EF%BF%BD'), e.uid);
    assert.doesNotThrow(() => calendarIcs(result.model, { lang: 'de', asOf: '2026-06-01' } as never));
  });
});
