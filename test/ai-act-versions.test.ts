import { strict as assert } from 'node:assert';
import { StrategyWorkspace, type Finding } from '../strategy/index';
import { AI_ACT_AMENDED_2026, AI_ACT_ORIGINAL, AI_ACT_VERSIONS, aiActVersionFor } from '../strategy/data/ai-act';

const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\nai_literacy:\n  description: Pflichtschulung\n';
const HIGH_RISK = '- id: HIGH\n  title: Hochrisiko\n  status: active\n  ai: { category: decision-support, risk: high }\n- id: BOT\n  title: Chatbot\n  status: active\n  ai: { category: chatbot, risk: limited }\n';

function lint(asOf: string, extra = ''): Finding[] {
  const ws = new StrategyWorkspace();
  ws.setFile('strategy.yaml', STRATEGY + extra);
  ws.setFile('measures/cases.yaml', HIGH_RISK);
  return ws.lint({ asOf }).findings;
}
const one = (fs: Finding[], rule: string) => {
  const list = fs.filter((f) => f.rule === rule);
  assert.equal(list.length, 1, `${rule}: ${list.length} findings`);
  return list[0];
};

describe('AI Act versions (strategy/data/ai-act.ts)', () => {
  it('every date of every version names its legal source', () => {
    for (const v of AI_ACT_VERSIONS) {
      assert.match(v.source.en, /Regulation \(EU\) 20\d\d\/\d+/);
      for (const [id, o] of Object.entries(v.obligations)) assert.match(o.dateSource, /Reg\. \(EU\) 2024\/1689, Art\. 113/, `${v.id}/${id}`);
    }
  });

  it('the amendment moves the Annex III high-risk duties to 2 December 2027 and keeps Art. 4, 5 and 50', () => {
    for (const id of ['oversight', 'registration', 'fria'] as const) assert.equal(AI_ACT_AMENDED_2026.obligations[id].appliesFrom, '2027-12-02');
    for (const id of ['literacy', 'prohibited', 'transparency'] as const) assert.equal(AI_ACT_AMENDED_2026.obligations[id].appliesFrom, AI_ACT_ORIGINAL.obligations[id].appliesFrom);
  });

  it('by default the version in force on the as-of date applies; strategy.yaml can pin one', () => {
    assert.equal(aiActVersionFor('2026-07-26').id, 'original');
    assert.equal(aiActVersionFor('2026-07-27').id, 'amended-2026');
    assert.equal(aiActVersionFor('2026-11-26', 'original').id, 'original');
  });

  it('a high-risk system in use on 2026-11-26: a warning with the amended date, not an error', () => {
    const fria = one(lint('2026-11-26'), 'ai-fria-missing');
    assert.equal(fria.severity, 'warning');
    assert.match(fria.message.en, /applies from 2027-12-02/);
    assert.match(fria.message.de, /gilt ab 02\.12\.2027/);
    // Art. 50 is unchanged: the chatbot without notice is an error since 2 August 2026.
    assert.equal(one(lint('2026-11-26'), 'ai-transparency-missing').severity, 'error');
  });

  it('before the amendment was in force, and with the original text pinned, the original dates apply', () => {
    assert.equal(one(lint('2026-07-26'), 'ai-fria-missing').severity, 'warning');
    assert.match(one(lint('2026-07-26'), 'ai-fria-missing').message.en, /applies from 2026-08-02/);
    assert.equal(one(lint('2026-11-26', 'ai_act:\n  version: original\n'), 'ai-fria-missing').severity, 'error');
  });

  it('from 2 December 2027 the amended duties are errors', () => {
    assert.equal(one(lint('2027-12-02'), 'ai-oversight-missing').severity, 'error');
  });

  it('an unknown version is a schema error with a suggestion', () => {
    const schema = lint('2026-11-26', 'ai_act:\n  version: amended\n').filter((f) => f.rule === 'schema');
    assert.equal(schema.length, 1);
    assert.match(schema[0].message.en, /amended-2026/);
  });
});
