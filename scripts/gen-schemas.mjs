// Writes the JSON Schemas (strategy/schema/*.schema.json) from one description, so shared
// definitions (dates, ids) are written once. Every enum comes from the TypeScript constants in
// strategy/schema/enums.ts (never a list written here). `npm run build` runs this first; the output
// is committed because VS Code and other editors read it directly (test/schema-source.test.ts
// checks that it is current). Adding a key: here; adding an enum value: its constant.
import { writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';

/** strategy/schema/enums.ts, compiled in memory (it only re-exports constants). */
function loadEnums() {
  const out = buildSync({ entryPoints: [new URL('../strategy/schema/enums.ts', import.meta.url).pathname], bundle: true, format: 'cjs', platform: 'neutral', write: false, logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
  return module.exports;
}
const E = loadEnums();
const oneOf = (values, extra = {}) => ({ enum: [...values], ...extra });

const BASE = 'https://digital-strategy-roadmap.github.io/schema/';
const date = {
  type: ['string', 'integer'],
  pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  minimum: 1900,
  maximum: 2200,
  description: 'YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD',
  'x-kind': 'date',
};
const id = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$', description: 'An id: a letter, then letters, digits, _ or -', 'x-kind': 'id' };
const ref = { type: 'string', minLength: 1, description: 'The id of another element' };
const str = { type: 'string' };
// A text that must not be empty needs a character a reader can see (not only spaces or invisible ones).
const nonEmpty = { type: 'string', minLength: 1, pattern: E.VISIBLE_TEXT_PATTERN };
const extension = { '^x-': {} };
const obj = (properties, required = []) => ({ type: 'object', properties, required, additionalProperties: false, patternProperties: extension });
const list = (items) => ({ type: 'array', items });

const jurisdiction = { ...oneOf(E.JURISDICTIONS), description: 'eu (default): EU law such as the AI Act applies; uk: it does not' };
const url = { type: 'string', minLength: 1, description: 'A web address (https://…) or e-mail address' };
const titledLinks = list(obj({ title: str, url }));
const textWithLinks = { anyOf: [str, obj({ text: str, links: titledLinks })], description: 'A text, or {text, links: [{title, url}]}' };
const register = obj({
  contact: { ...url, description: 'Where the public can ask about the system: e-mail address or web page (no personal address)' },
  website: url,
  legal_basis: textWithLinks,
  impact_assessments: list(
    obj({ kind: oneOf(E.IMPACT_ASSESSMENT_KINDS), title: str, date, url, summary: str }, ['kind']),
  ),
  source_data: textWithLinks,
  risks: str,
  objection: { ...str, description: 'How to object or appeal against a decision the system supports' },
  provider: str,
  ids: obj({ register: { type: ['string', 'integer'] }, source: { type: ['string', 'integer'] }, eu_database: url }),
  deployer_contact: str,
  submitter_contact: str,
});
const lifecycle = obj({ development_since: date, in_use_since: date, retired_on: date });
// An AI system needs a risk class; an algorithm that is not an AI system has none under the AI Act.
const riskUnlessAlgorithm = (schema) => ({ ...schema, if: { properties: { system: { const: 'algorithm' } }, required: ['system'] }, else: { properties: { risk: {} }, required: ['risk'] } });
const severity = oneOf(E.SEVERITY_SETTINGS);
const programme = obj(
  { id, name: nonEmpty, provider: oneOf(E.PROVIDERS), body: str, url: str, rate: { type: ['string', 'number'] }, deadline: date, notes: str },
  ['id', 'name', 'provider'],
);
const partner = obj(
  { id, name: nonEmpty, kind: oneOf(E.PARTNER_KINDS), url: str, notes: str },
  ['id', 'name', 'kind'],
);

const strategy = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: BASE + 'strategy.schema.json',
  title: 'strategy.yaml',
  ...obj(
    {
      schema: { const: 1, description: 'Format version' },
      title: nonEmpty,
      organisation: nonEmpty,
      language: oneOf(E.LANGUAGES),
      adopted: obj({ date, reference: str }),
      horizon: obj({ start: date, end: date }),
      fields: list(obj({ id, title: nonEmpty, description: str }, ['id', 'title'])),
      goals: list(obj({ id, title: nonEmpty, field: ref, description: str }, ['id', 'title'])),
      ai_literacy: obj({ description: str, since: date, measure: ref }),
      include: list(nonEmpty),
      lint: obj({
        rules: { type: 'object', additionalProperties: severity },
        deadline_days: { type: 'integer', minimum: 0 },
        profile: { ...oneOf(E.LINT_PROFILES), description: 'register: leave out strategy-only rules (funding, planning)' },
      }),
      calendar: obj({
        alarms: { ...list({ type: 'integer', minimum: 0, maximum: 3650 }), description: 'Reminders in the calendar (strategy calendar): days before each date (default 60 and 30)' },
      }),
      jurisdiction: jurisdiction,
      ai_act: obj({ version: { ...oneOf(E.AI_ACT_VERSION_IDS), description: 'Pins the version of the AI Act (default: the one in force on the as-of date)' } }),
      programmes: list(programme),
      partners: list(partner),
    },
    ['schema', 'title', 'organisation'],
  ),
};

const measure = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: BASE + 'measure.schema.json',
  title: 'Measure (Maßnahme)',
  ...obj(
    {
      id,
      title: nonEmpty,
      field: ref,
      goals: list(ref),
      owner: nonEmpty,
      status: oneOf(E.MEASURE_STATUSES),
      start: date,
      end: date,
      depends_on: list(ref),
      partners: list(ref),
      cost: {
        anyOf: [{ type: 'number' }, obj({ total: { type: 'number' }, currency: str, per_year: { type: 'number' } }, ['total'])],
        description: 'A number (EUR) or {total, currency?, per_year?}',
      },
      funding: list(
        obj(
          { source: ref, status: oneOf(E.FUNDING_STATUSES), amount: { type: 'number' },
            date,
            reference: str,
            decision: { ...date, description: 'Expected (or actual) day of the grant decision (Bewilligungsbescheid)' },
            proof_of_use: { ...date, description: 'Proof of use (Verwendungsnachweis) due' },
            earmarked_until: { ...date, description: 'End of the earmarking period (Zweckbindungsfrist)' },
          },
          ['source', 'status'],
        ),
      ),
      privacy: obj({
        personal_data: { type: 'boolean' },
        dpia: oneOf(E.ASSESSMENT_STATES),
        dpia_date: date,
        dpo_consulted: date,
        legal_basis: str,
        ropa: { type: 'boolean' },
      }),
      ai: riskUnlessAlgorithm(obj(
        {
          category: oneOf(E.AI_CATEGORIES),
          risk: oneOf(E.AI_RISKS),
          purpose: str,
          annex_iii: { type: 'string', pattern: '^[1-8](\\([a-e]\\))?$', description: 'Annex III point, e.g. "5(a)"' },
          exemption: str,
          profiling: { type: 'boolean' },
          human_oversight: str,
          fria: oneOf(E.ASSESSMENT_STATES),
          eu_registration: oneOf(E.EU_REGISTRATION_STATES),
          transparency_notice: { type: 'boolean' },
          vendor: str,
          model: str,
          in_service_since: date,
          system: { ...oneOf(E.AI_SYSTEM_KINDS), description: 'algorithm: listed in the register but not an AI system (the AI Act does not apply)' },
        },
        ['category'],
      )),
      ethics: obj({ review: oneOf(E.ETHICS_REVIEW_STATES), date, body: str }, ['review']),
      milestones: list(obj({ id, title: nonEmpty, date, status: oneOf(E.MILESTONE_STATUSES), depends_on: list(ref) }, ['id', 'title', 'date', 'status'])),
      waivers: list(obj({ rule: nonEmpty, reason: nonEmpty, until: date, by: str }, ['rule', 'reason'])),
      tags: list(str),
      description: { ...str, description: 'Short public description (register: at most 400 characters)' },
      register,
      lifecycle,
      jurisdiction,
    },
    ['id', 'title', 'status'],
  ),
};

const funding = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: BASE + 'funding.schema.json',
  title: 'funding.yaml',
  ...obj({ programmes: list(programme) }, ['programmes']),
};
const partners = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: BASE + 'partners.schema.json',
  title: 'partners.yaml',
  ...obj({ partners: list(partner) }, ['partners']),
};
// A council inquiry (inquiries/*.yaml): who asked what, for which meeting; each question verbatim
// with the analyses that answer it (docs/format.md "Inquiries").
const analysis = oneOf(E.ANALYSIS_KINDS);
const inquiry = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: BASE + 'inquiry.schema.json',
  title: 'Council inquiry (Anfrage)',
  ...obj(
    {
      schema: { const: 1, description: 'Format version' },
      title: nonEmpty,
      asked_by: nonEmpty,
      date: date,
      body: nonEmpty,
      meeting: date,
      reference: nonEmpty,
      department: nonEmpty,
      answered: date,
      signed_by: nonEmpty,
      intro: str,
      questions: {
        type: 'array',
        minItems: 1,
        items: obj({ text: nonEmpty, analysis: { anyOf: [analysis, { type: 'array', minItems: 1, items: analysis }], description: `one of ${analysis.enum.join(', ')}, or a list of them` } }, ['text', 'analysis']),
      },
      illustrative: list(oneOf(E.INQUIRY_VALUE_KEYS)),
      notice: nonEmpty,
      since: { ...nonEmpty, description: 'The state the analysis "changes-since" compares with: a tag, a commit or a date (YYYY-MM-DD); `report council --since` overrides it' },
    },
    ['schema', 'title', 'asked_by', 'questions'],
  ),
};

const measuresFile = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: BASE + 'measures-file.schema.json',
  title: 'Measure YAML file: one measure or a list of measures',
  anyOf: [{ $ref: 'measure.schema.json' }, { type: 'array', items: { $ref: 'measure.schema.json' } }],
};

for (const [name, s] of Object.entries({ strategy, measure, funding, partners, 'measures-file': measuresFile, inquiry })) {
  writeFileSync(new URL(`../strategy/schema/${name}.schema.json`, import.meta.url), JSON.stringify(s, null, 2) + '\n');
}
