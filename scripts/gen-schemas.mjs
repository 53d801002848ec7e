// Writes the JSON Schemas (strategy/schema/*.schema.json) from one description, so shared
// definitions (dates, ids, enums) are written once. Run by hand after changing this file;
// the output is committed because VS Code and other editors read it directly.
import { writeFileSync } from 'node:fs';

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
const nonEmpty = { type: 'string', minLength: 1 };
const extension = { '^x-': {} };
const obj = (properties, required = []) => ({ type: 'object', properties, required, additionalProperties: false, patternProperties: extension });
const list = (items) => ({ type: 'array', items });

const jurisdiction = { enum: ['eu', 'uk'], description: 'eu (default): EU law such as the AI Act applies; uk: it does not' };
const url = { type: 'string', minLength: 1, description: 'A web address (https://…) or e-mail address' };
const titledLinks = list(obj({ title: str, url }));
const textWithLinks = { anyOf: [str, obj({ text: str, links: titledLinks })], description: 'A text, or {text, links: [{title, url}]}' };
const register = obj({
  contact: { ...url, description: 'Where the public can ask about the system: e-mail address or web page (no personal address)' },
  website: url,
  legal_basis: textWithLinks,
  impact_assessments: list(
    obj({ kind: { enum: ['dpia', 'fria', 'ethics', 'other'] }, title: str, date, url, summary: str }, ['kind']),
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
const severity = { enum: ['error', 'warning', 'info', 'off'] };
const programme = obj(
  { id, name: nonEmpty, provider: { enum: ['federal', 'state', 'eu', 'municipal', 'foundation', 'other'] }, body: str, url: str, rate: { type: ['string', 'number'] }, deadline: date, notes: str },
  ['id', 'name', 'provider'],
);
const partner = obj(
  { id, name: nonEmpty, kind: { enum: ['university', 'research', 'start-up', 'company', 'municipality', 'public-agency', 'association', 'other'] }, url: str, notes: str },
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
      language: { enum: ['de', 'en'] },
      adopted: obj({ date, reference: str }),
      horizon: obj({ start: date, end: date }),
      fields: list(obj({ id, title: nonEmpty, description: str }, ['id', 'title'])),
      goals: list(obj({ id, title: nonEmpty, field: ref, description: str }, ['id', 'title'])),
      ai_literacy: obj({ description: str, since: date, measure: ref }),
      include: list(nonEmpty),
      lint: obj({
        rules: { type: 'object', additionalProperties: severity },
        deadline_days: { type: 'integer', minimum: 0 },
        profile: { enum: ['strategy', 'register'], description: 'register: leave out strategy-only rules (funding, planning)' },
      }),
      calendar: obj({
        alarms: { ...list({ type: 'integer', minimum: 0, maximum: 3650 }), description: 'Reminders in the calendar (strategy calendar): days before each date (default 60 and 30)' },
      }),
      jurisdiction: jurisdiction,
      ai_act: obj({ version: { enum: ['original', 'amended-2026'], description: 'Pins the version of the AI Act (default: the one in force on the as-of date)' } }),
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
      status: { enum: ['idea', 'planned', 'pilot', 'active', 'completed', 'paused', 'cancelled'] },
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
          { source: ref, status: { enum: ['candidate', 'planned', 'applied', 'granted', 'rejected'] }, amount: { type: 'number' },
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
        dpia: { enum: ['required', 'in-progress', 'done', 'not-required'] },
        dpia_date: date,
        dpo_consulted: date,
        legal_basis: str,
        ropa: { type: 'boolean' },
      }),
      ai: riskUnlessAlgorithm(obj(
        {
          category: { enum: ['chatbot', 'text-recognition', 'decision-support', 'data-analysis', 'translation', 'generation', 'forecasting', 'image-analysis', 'speech', 'other'] },
          risk: { enum: ['prohibited', 'high', 'limited', 'minimal', 'unclassified'] },
          purpose: str,
          annex_iii: { type: 'string', pattern: '^[1-8](\\([a-e]\\))?$', description: 'Annex III point, e.g. "5(a)"' },
          exemption: str,
          profiling: { type: 'boolean' },
          human_oversight: str,
          fria: { enum: ['required', 'in-progress', 'done', 'not-required'] },
          eu_registration: { enum: ['pending', 'done', 'not-required'] },
          transparency_notice: { type: 'boolean' },
          vendor: str,
          model: str,
          in_service_since: date,
          system: { enum: ['ai-system', 'algorithm'], description: 'algorithm: listed in the register but not an AI system (the AI Act does not apply)' },
        },
        ['category'],
      )),
      ethics: obj({ review: { enum: ['pending', 'done', 'not-required'] }, date, body: str }, ['review']),
      milestones: list(obj({ id, title: nonEmpty, date, status: { enum: ['open', 'done', 'cancelled'] }, depends_on: list(ref) }, ['id', 'title', 'date', 'status'])),
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
const analysis = { enum: ['ai-applications', 'cooperations', 'strategic-anchoring', 'funding', 'ethics-law-privacy', 'roadmap', 'inventory', 'changes-since'] };
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
      illustrative: list({ enum: ['title', 'asked_by', 'date', 'body', 'meeting', 'reference', 'department', 'answered', 'signed_by'] }),
      notice: nonEmpty,
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
