import type { MessageData, Rule } from '../rule';
import { eachMeasure, formatMessage } from '../rule';
import { dependencyGraph } from '../../graph';
import type { Measure } from '../../model/types';
import type { Origin } from '../../model/types';
import type { Path, Range, RelatedLocation } from '../../types';

const MESSAGES = {
  measure: { de: 'Die ID „{id}“ ist mehrfach vergeben (auch: {others}): Maßnahmen-IDs müssen im Repository eindeutig sein', en: 'The id "{id}" is used more than once (also: {others}): measure ids must be unique in the repository' },
  field: { de: 'Das Handlungsfeld „{id}“ ist mehrfach definiert (auch: {others})', en: 'The field of action "{id}" is defined more than once (also: {others})' },
  goal: { de: 'Das Ziel „{id}“ ist mehrfach definiert (auch: {others})', en: 'The goal "{id}" is defined more than once (also: {others})' },
  partner: { de: 'Der Partner „{id}“ ist mehrfach definiert (auch: {others})', en: 'The partner "{id}" is defined more than once (also: {others})' },
  programme: { de: 'Das Förderprogramm „{id}“ ist mehrfach definiert (auch: {others})', en: 'The funding programme "{id}" is defined more than once (also: {others})' },
  milestone: { de: 'Der Meilenstein „{id}“ kommt in dieser Maßnahme mehrfach vor (auch: {others})', en: 'The milestone "{id}" occurs more than once in this measure (also: {others})' },
  related: { de: 'Ebenfalls „{id}“', en: 'Also "{id}"' },
};

const MAX_LISTED = 3;
const MAX_RELATED = 20;

type Kind = Exclude<keyof typeof MESSAGES, 'related'>;

interface Occurrence {
  id: string;
  file: string;
  range: Range;
}

/**
 * The measure ids used more than once, per shape of the dependency graph (which holds the ids by
 * position): while an editor's edits keep the ids, thousands of them are not grouped again.
 */
const repeatedIds = new WeakMap<object, ReadonlySet<string>>();
function repeatedMeasureIds(measures: readonly Measure[], shape: object): ReadonlySet<string> {
  let repeated = repeatedIds.get(shape);
  if (!repeated) {
    const seen = new Set<string>();
    const found = new Set<string>();
    for (const m of measures) (seen.has(m.id) ? found : seen).add(m.id);
    repeatedIds.set(shape, (repeated = found));
  }
  return repeated;
}

export const duplicateId: Rule = {
  id: 'duplicate-id',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'repository',
  description: {
    de: 'Eine ID ist mehrfach vergeben: Maßnahmen, Handlungsfelder, Ziele, Partner, Förderprogramme oder Meilensteine einer Maßnahme.',
    en: 'An id is used more than once: measures, fields, goals, partners, funding programmes, or milestones within one measure.',
  },
  messages: MESSAGES,
  check(ctx) {
    const { model, report } = ctx;
    const idRange = (origin: Origin, path: Path = ['id']) => origin.source.locate(path, 'value', origin.node);

    /**
     * Reports every member of each group of equal ids, each with the others as related locations.
     * Items are grouped by `idOf`; `occurrence` (which locates the id) runs only for duplicates.
     */
    const reportGroups = <T>(items: readonly T[], idOf: (item: T) => string, occurrence: (item: T) => Occurrence, kind: Kind, emit: (item: T, r: { message: string; data: MessageData; related: RelatedLocation[] }) => void) => {
      const groups = new Map<string, T[]>();
      for (const item of items) {
        const id = idOf(item);
        const group = groups.get(id);
        if (group) group.push(item);
        else groups.set(id, [item]);
      }
      for (const [id, group] of groups) {
        if (group.length < 2) continue;
        const occurrences = group.map(occurrence);
        // Bounded, so that a pasted block of many copies does not produce quadratic output.
        const head = occurrences.slice(0, MAX_RELATED + 1);
        group.forEach((item, i) => {
          const others = head.filter((o) => o !== occurrences[i]).slice(0, MAX_RELATED);
          const listed = others.slice(0, MAX_LISTED).map((o) => `${o.file}:${o.range.start.line}`);
          if (group.length - 1 > MAX_LISTED) listed.push('…');
          emit(item, {
            message: kind,
            data: { id, others: { list: listed } },
            related: others.map((o) => ({ file: o.file, range: o.range, message: formatMessage(MESSAGES.related, { id }) })),
          });
        });
      }
    };

    const repeated = repeatedMeasureIds(model.measures, dependencyGraph(model).shapeToken);
    const candidates = repeated.size ? model.measures.filter((m) => repeated.has(m.id)) : [];
    reportGroups(candidates, (m) => m.id, (m) => ({ id: m.id, file: m.origin.file, range: idRange(m.origin) }), 'measure', (m, r) => report({ ...r, measure: m, at: ['id'] }));

    const catalogue = <T extends { id: string; origin: Origin }>(items: readonly T[], kind: Kind) =>
      reportGroups(items, (x) => x.id, (x) => ({ id: x.id, file: x.origin.file, range: idRange(x.origin) }), kind, (x, r) => report({ ...r, file: x.origin.file, range: idRange(x.origin) }));
    catalogue(model.fields, 'field');
    catalogue(model.goals, 'goal');
    catalogue(model.partners, 'partner');
    catalogue(model.programmes, 'programme');

    // Milestone ids are local to their measure (see eachMeasure).
    eachMeasure(ctx, (m, out) => {
      if (m.milestones.length < 2) return;
      reportGroups(m.milestones, (ms) => ms.id, (ms) => ({ id: ms.id, file: m.origin.file, range: idRange(m.origin, [...ms.path, 'id']) }), 'milestone', (ms, r) => out({ ...r, measure: m, at: [...ms.path, 'id'] }));
    });
  },
};
