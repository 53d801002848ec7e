// One source for enums (docs/architecture.md, "Where a change goes"): the JSON Schemas and the
// editor's completion take every enumerated value from the TypeScript constants.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ENUMS from '../strategy/schema/enums';
import { valueCompletions } from '../strategy/schema/completion';
import { ASSESSMENT_STATES, FUNDING_STATUSES, MEASURE_STATUSES, MILESTONE_STATUSES, PARTNER_KINDS, PROVIDERS } from '../strategy/model/types';

const SCHEMA_DIR = join(__dirname, '..', 'strategy', 'schema');

/** Every `enum` in a schema, with the JSON path where it stands. */
function enumsIn(node: unknown, path: string, out: Array<[string, unknown[]]>): Array<[string, unknown[]]> {
  if (Array.isArray(node)) node.forEach((n, i) => enumsIn(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum') out.push([path, v as unknown[]]);
      else enumsIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('one source for enums and keys', () => {
  const constants = Object.entries(ENUMS).map(([name, values]) => [name, JSON.stringify(values)] as const);

  it('every enum in the committed JSON Schemas is one of the TypeScript constants, value for value', () => {
    const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
    assert.ok(files.length >= 5, files.join(', '));
    let count = 0;
    for (const file of files) {
      for (const [path, values] of enumsIn(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')), file, [])) {
        count++;
        const match = constants.find(([, json]) => json === JSON.stringify(values));
        assert.ok(match, `${path}: ${JSON.stringify(values)} is no constant of strategy/schema/enums.ts (written twice, or the schema is stale: npm run build)`);
      }
    }
    assert.ok(count >= 15, `only ${count} enums found`);
  });

  it('completion offers the schema values per key and block, booleans included', () => {
    const c = valueCompletions();
    assert.deepEqual(c.status, { '': MEASURE_STATUSES, funding: FUNDING_STATUSES, milestones: MILESTONE_STATUSES });
    assert.deepEqual(c.dpia, { privacy: ASSESSMENT_STATES });
    assert.deepEqual(c.fria, { ai: ASSESSMENT_STATES });
    assert.deepEqual(c.provider.programmes, PROVIDERS);
    assert.deepEqual(c.kind.partners, PARTNER_KINDS);
    assert.deepEqual(c.language, { '': ['de', 'en'] });
    assert.deepEqual(c.personal_data, { privacy: ['true', 'false'] });
    assert.deepEqual(c.transparency_notice, { ai: ['true', 'false'] });
    // Keys the hand-written table never had, now offered because the schema has them.
    assert.deepEqual(c.system, { ai: ENUMS.AI_SYSTEM_KINDS });
    assert.deepEqual(c.profile, { lint: ENUMS.LINT_PROFILES });
  });
});
