// Deterministic generator of synthetic strategy repositories shaped like examples/herne:
// catalogues (fields, goals, funding programmes, partners) and N measures as Markdown files with
// front matter (funding, privacy, three milestones, dependencies, ~30 % AI initiatives) and a body
// whose first `#` heading is the title, as in the example.
// Usage: node bench/generate.mjs [size …]   (default: 1 100 1000 5000; writes bench/repos/m<size>)
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPOS_DIR = join(here, 'repos');
/** Bump when the shape of the generated repositories changes (forces regeneration). */
const GENERATOR_VERSION = 2;

/** mulberry32: a tiny seeded PRNG, so that every run writes byte-identical repositories. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  ['verwaltung', 'VW', 'Digitale Verwaltung'],
  ['bildung', 'BI', 'Bildung und Schule'],
  ['smart-city', 'SC', 'Smart City und Mobilität'],
  ['klima', 'KL', 'Klima und Umwelt'],
  ['wirtschaft', 'WI', 'Wirtschaft und Arbeit'],
  ['teilhabe', 'TH', 'Digitale Teilhabe'],
  ['infrastruktur', 'IN', 'Infrastruktur und IT-Sicherheit'],
];
const GOALS = [
  ['Z-ONLINE', 'verwaltung', 'Die wichtigsten Verwaltungsleistungen sind bis 2027 vollständig online nutzbar'],
  ['Z-EAKTE', 'verwaltung', 'Papierarme Verwaltung mit E-Akte in allen Fachbereichen bis 2028'],
  ['Z-KI-ENTLASTUNG', 'verwaltung', 'KI entlastet Beschäftigte bei Routineaufgaben'],
  ['Z-KI-VERANTWORTUNG', 'verwaltung', 'KI wird rechtssicher, transparent und gemeinwohlorientiert eingesetzt'],
  ['Z-SCHULE', 'bildung', 'Jede Schule ist digital ausgestattet und verlässlich betreut'],
  ['Z-DATEN', 'smart-city', 'Städtische Daten werden offen und nutzbar bereitgestellt'],
  ['Z-MOBILITAET', 'smart-city', 'Verkehr wird datenbasiert geplant und gesteuert'],
  ['Z-KLIMA', 'klima', 'Digitale Werkzeuge unterstützen Klimaschutz und Klimaanpassung'],
  ['Z-STANDORT', 'wirtschaft', 'Attraktiver Standort für digitale Unternehmen und Gründungen'],
  ['Z-TEILHABE', 'teilhabe', 'Alle können digitale Angebote selbstbestimmt nutzen'],
  ['Z-NETZ', 'infrastruktur', 'Gigabitfähige Anschlüsse und eine sichere, ausfallfeste städtische IT'],
];
const PROGRAMMES = [
  ['efre-nrw', 'EFRE/JTF-Programm NRW 2021–2027', 'eu', ''],
  ['esf-plus-nrw', 'ESF Plus NRW 2021–2027', 'eu', ''],
  ['digital-europe', 'Programm „Digitales Europa“', 'eu', ''],
  ['horizon-europe', 'Horizont Europa', 'eu', '2027-01-20'],
  ['mpsc', 'Modellprojekte Smart Cities (KfW 436)', 'federal', ''],
  ['digitalpakt-schule', 'DigitalPakt Schule 2019–2024', 'federal', ''],
  ['kommunalrichtlinie', 'Kommunalrichtlinie der NKI', 'federal', ''],
  ['gigabit-bund', 'Gigabitförderung des Bundes', 'federal', ''],
  ['gigabit-nrw', 'Kofinanzierung der Gigabitförderung NRW', 'state', ''],
  ['bibliotheken-nrw', 'Förderung Öffentlicher Bibliotheken NRW', 'state', '2026-09-30'],
];
const PARTNERS = [
  ['rub', 'Ruhr-Universität Bochum', 'university'],
  ['w-hs', 'Westfälische Hochschule', 'university'],
  ['fraunhofer-isst', 'Fraunhofer ISST', 'research'],
  ['lamarr', 'Lamarr-Institut für Maschinelles Lernen und KI', 'research'],
  ['ruhrtext', 'RuhrText Analytics GmbH (fiktiv)', 'start-up'],
  ['herne-digital', 'Herne.Digital GmbH', 'company'],
  ['stadtwerke', 'Stadtwerke Herne AG', 'company'],
  ['bochum', 'Stadt Bochum', 'municipality'],
  ['it-nrw', 'IT.NRW', 'public-agency'],
  ['d-nrw', 'd-NRW AöR', 'public-agency'],
  ['kgst', 'KGSt', 'association'],
  ['vz-nrw', 'Verbraucherzentrale NRW', 'association'],
];
const OWNERS = ['FB Digitalisierung', 'FB Schule und Weiterbildung', 'FB Tiefbau und Verkehr', 'FB Umwelt und Stadtplanung', 'Wirtschaftsförderung', 'Stadtbibliothek', 'FB Soziales', 'FB Bürgerdienste'];
const STATUSES = ['idea', 'planned', 'planned', 'planned', 'pilot', 'active', 'active', 'active', 'completed', 'paused'];
const AI_CATEGORIES = ['chatbot', 'text-recognition', 'decision-support', 'data-analysis', 'translation', 'generation', 'forecasting', 'image-analysis', 'speech', 'other'];
const NOUNS = ['Onlinedienst', 'Datenplattform', 'Fachverfahren', 'Sensornetz', 'Lernplattform', 'Bürgerportal', 'Terminvergabe', 'E-Akte', 'Geodatendienst', 'Beratungsangebot', 'Schnittstelle', 'Leitstelle'];
const TOPICS = ['Bauordnung', 'Jugendhilfe', 'Schulen', 'Verkehr', 'Wärmeplanung', 'Bibliothek', 'Gewerbe', 'Ordnungsamt', 'Standesamt', 'Grünflächen', 'Stadtwerke', 'Quartiere'];
const WORDS = 'Die Stadt führt das Vorhaben schrittweise ein und bindet Fachbereiche Beschäftigte Bürgerinnen Bürger frühzeitig ein Grundlage sind Bedarfsanalyse Ausschreibung und ein Pilot in zwei Stadtteilen Ergebnisse werden im Ausschuss für Digitales vorgestellt und fließen in die Fortschreibung der Strategie ein Datenschutz Informationssicherheit und Barrierefreiheit werden von Beginn an berücksichtigt'.split(' ');

const pad = (n, w) => String(n).padStart(w, '0');
const q = (s) => JSON.stringify(s); // YAML double-quoted scalars are a superset of JSON strings

function catalogue() {
  const strategy = [
    '# Synthetische Digitalstrategie für den Benchmark (bench/generate.mjs), angelehnt an examples/herne.',
    'schema: 1',
    'title: Digitalstrategie der Benchmarkstadt',
    'organisation: Benchmarkstadt',
    'language: de',
    '',
    'adopted:',
    '  date: 2024-02-27',
    '  reference: Ratsbeschluss vom 27.02.2024, Vorlage 2024/0211',
    '',
    'horizon:',
    '  start: 2024',
    '  end: 2032',
    '',
    'fields:',
    ...FIELDS.flatMap(([id, , title]) => [`  - id: ${id}`, `    title: ${title}`]),
    '',
    'goals:',
    ...GOALS.flatMap(([id, field, title]) => [`  - id: ${id}`, `    title: ${title}`, `    field: ${field}`]),
    '',
    'ai_literacy:',
    '  description: >-',
    '    Alle Beschäftigten, die KI-Systeme bedienen, absolvieren vor der ersten Nutzung das',
    '    Basismodul „KI-Kompetenz“.',
    '  since: 2025-02-01',
    '  measure: VW-0001',
    '',
    'lint:',
    '  deadline_days: 60',
    '',
  ].join('\n');
  const funding = ['programmes:', ...PROGRAMMES.flatMap(([id, name, provider, deadline]) => [`  - id: ${id}`, `    name: ${name}`, `    provider: ${provider}`, ...(deadline ? [`    deadline: ${deadline}`] : [])]), ''].join('\n');
  const partners = ['partners:', ...PARTNERS.flatMap(([id, name, kind]) => [`  - id: ${id}`, `    name: ${q(name)}`, `    kind: ${kind}`]), ''].join('\n');
  return { strategy, funding, partners };
}

function paragraph(rand, words) {
  const out = [];
  let line = '';
  for (let i = 0; i < words; i++) {
    const w = WORDS[Math.floor(rand() * WORDS.length)];
    if (line.length + w.length + 1 > 78) {
      out.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + w;
  }
  out.push(line + '.');
  return out.join('\n');
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const month = (y, m) => `${y}-${pad(m, 2)}`;

/** The date the bench lints at (`--as-of`): statuses and milestones are mostly consistent with it. */
export const AS_OF = '2026-06-01';
const AS_OF_MONTH = 2026 * 12 + 5; // month index (year * 12 + month - 1) of AS_OF

const monthOf = (index) => month(Math.floor(index / 12), (index % 12) + 1);

/**
 * One measure: front matter lines and the Markdown body. Mostly consistent, like a maintained
 * repository (examples/herne has about one finding per two measures); a few percent of the
 * measures get a typical slip (status not updated, a dependency that ends too late, a gap in
 * the funding, a review not yet done), so that the bench exercises findings too.
 */
function measure(rand, i, known) {
  const [field, prefix] = FIELDS[i % FIELDS.length];
  const id = `${prefix}-${pad(i + 1, 4)}`;
  const ai = i % 10 < 3; // 30 % AI initiatives, spread evenly
  const slip = (p) => rand() < p;
  const start = 2024 * 12 + Math.floor(rand() * 60); // 2024-01 … 2028-12
  const end = start + 12 + Math.floor(rand() * 37);
  let status = end < AS_OF_MONTH ? 'completed' : start > AS_OF_MONTH ? (rand() < 0.8 ? 'planned' : 'idea') : rand() < 0.6 ? 'active' : 'pilot';
  if (i === 0) status = 'active';
  else if (slip(0.04)) status = pick(rand, STATUSES);
  const goals = GOALS.filter((g) => g[1] === field).map((g) => g[0]);
  const lines = [`id: ${id}`, `field: ${field}`, `goals: [${goals.slice(0, 1 + Math.floor(rand() * goals.length)).join(', ')}]`];
  if (!slip(0.02)) lines.push(`owner: ${pick(rand, OWNERS)}`);
  lines.push(`status: ${status}`, `start: ${monthOf(start)}`, `end: ${monthOf(end)}`);
  // Dependencies on earlier measures (no cycles) that end, or reach the milestone, before this start.
  const deps = new Set();
  const wanted = i < 3 ? 0 : Math.floor(rand() * 3);
  for (let tries = 0; deps.size < wanted && tries < 8; tries++) {
    const other = known[Math.floor(rand() * known.length)];
    const k = Math.floor(rand() * 4); // 0: the measure, 1–3: one of its milestones
    const due = k === 0 ? other.end : other.milestones[k - 1];
    if (due < start || slip(0.03)) deps.add(k === 0 ? other.id : `${other.id}/m${k}`);
  }
  if (deps.size) lines.push(`depends_on: [${[...deps].join(', ')}]`);
  const partnerCount = Math.floor(rand() * 3);
  if (partnerCount) lines.push(`partners: [${[...new Set(Array.from({ length: partnerCount }, () => pick(rand, PARTNERS)[0]))].join(', ')}]`);
  const cost = (2 + Math.floor(rand() * 200)) * 5000;
  lines.push(`cost: ${cost}`);
  const noFunding = slip(0.03);
  if (!noFunding) {
    lines.push('funding:');
    if (rand() < 0.6) {
      const external = Math.round(cost * 0.6);
      const st = slip(0.1) ? pick(rand, ['candidate', 'planned', 'applied']) : 'granted';
      lines.push(`  - source: ${pick(rand, PROGRAMMES)[0]}`, `    status: ${st}`, `    amount: ${external}`);
      if (st === 'granted') lines.push(`    date: ${monthOf(start)}-01`, `    reference: Zuwendungsbescheid ${prefix}-${pad(i + 1, 5)}`);
      lines.push('  - source: own', '    status: granted', `    amount: ${cost - external}`);
    } else {
      lines.push('  - source: own', `    status: ${status === 'idea' || status === 'planned' ? 'planned' : 'granted'}`, `    amount: ${cost}`);
    }
  }
  const personal = ai ? rand() < 0.7 : rand() < 0.5;
  lines.push('privacy:', `  personal_data: ${personal}`);
  if (personal) {
    const dpia = slip(0.05) ? 'in-progress' : rand() < 0.8 ? 'done' : 'not-required';
    lines.push(`  dpia: ${dpia}`);
    if (dpia === 'done') lines.push(`  dpia_date: ${monthOf(start - 1)}-15`);
    if (!slip(0.04)) lines.push(`  dpo_consulted: ${monthOf(start - 2)}-01`);
    lines.push('  legal_basis: Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 DSG NRW', `  ropa: ${!slip(0.04)}`);
  }
  if (ai) {
    const risk = slip(0.02) ? 'unclassified' : pick(rand, ['minimal', 'minimal', 'limited', 'limited', 'limited', 'high']);
    const category = pick(rand, AI_CATEGORIES);
    lines.push('ai:', `  category: ${category}`, `  risk: ${risk}`, '  purpose: >-', '    Unterstützt die Sachbearbeitung bei wiederkehrenden Aufgaben; Entscheidungen', '    trifft weiterhin ein Mensch.');
    if (risk === 'high') lines.push('  annex_iii: "5(a)"', `  fria: ${slip(0.1) ? 'in-progress' : 'done'}`, `  eu_registration: ${slip(0.1) ? 'pending' : 'done'}`);
    if (risk !== 'minimal' || rand() < 0.5) lines.push('  human_oversight: Die Fachaufsicht prüft Stichproben und alle abgelehnten Fälle.');
    if (risk === 'limited' || category === 'chatbot' || category === 'generation') lines.push(`  transparency_notice: ${!slip(0.05)}`);
    lines.push('  vendor: Beispielanbieter GmbH (fiktiv)');
    if (status === 'active' || status === 'completed') lines.push(`  in_service_since: ${monthOf(start)}-01`);
    const review = slip(0.1) ? 'pending' : 'done';
    lines.push('ethics:', `  review: ${review}`, ...(review === 'done' ? [`  date: ${monthOf(start - 1)}-20`] : []), '  body: KI-Ethikbeirat der Benchmarkstadt');
  }
  // Three milestones inside the period: done when past (a few not updated), open otherwise.
  lines.push('milestones:');
  const milestones = [];
  for (let k = 1; k <= 3; k++) {
    const at = start + Math.max(1, Math.floor(((end - start) * k) / 4));
    milestones.push(at);
    const past = at < AS_OF_MONTH;
    const done = status === 'completed' || (past && !slip(0.05));
    lines.push(`  - id: m${k}`, `    title: ${pick(rand, ['Ausschreibung abgeschlossen', 'Pilot gestartet', 'Rollout in allen Fachbereichen', 'Evaluation vorgelegt', 'Betrieb übergeben'])} (${k})`, `    date: ${monthOf(at)}-${pad(1 + Math.floor(rand() * 28), 2)}`, `    status: ${done ? 'done' : 'open'}`);
  }
  // Some measures without funding document why (a waiver, as in examples/herne).
  if (noFunding && rand() < 0.4) lines.push('waivers:', '  - rule: funding-missing', '    reason: Haushalt 2027 in Beratung', '    until: 2026-12-31');
  lines.push(`tags: [${ai ? 'ki, ' : ''}${field}]`);
  const title = `${pick(rand, NOUNS)} ${pick(rand, TOPICS)} ${i + 1}`;
  const body = [`# ${ai ? 'KI-gestützter ' : ''}${title}`, '', paragraph(rand, 40), '', paragraph(rand, 30), ''].join('\n');
  return { id, field, end, milestones, text: `---\n${lines.join('\n')}\n---\n\n${body}` };
}

/** Writes bench/repos/m<size> (unless it is already there in the current generator version). */
export function generate(size, { force = false, dir = join(REPOS_DIR, `m${size}`) } = {}) {
  const stamp = join(dir, '.generated');
  const marker = `${GENERATOR_VERSION}:${size}`;
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === marker) return dir;
  rmSync(dir, { recursive: true, force: true });
  const rand = prng(0x5eed + size);
  const { strategy, funding, partners } = catalogue();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'strategy.yaml'), strategy);
  writeFileSync(join(dir, 'funding.yaml'), funding);
  writeFileSync(join(dir, 'partners.yaml'), partners);
  const known = [];
  for (let i = 0; i < size; i++) {
    const m = measure(rand, i, known);
    known.push(m);
    const folder = join(dir, 'measures', m.field);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${m.id.toLowerCase()}.md`), m.text);
  }
  writeFileSync(stamp, marker);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length ? sizes : [1, 100, 1000, 5000]) console.log(generate(size, { force: true }));
}
