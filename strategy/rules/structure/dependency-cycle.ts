import type { Rule } from '../rule';
import { formatMessage } from '../rule';
import { dependencyGraph, type DependencyCycle, type DependencyNode } from '../../graph';
import type { Path, RelatedLocation } from '../../types';

const MESSAGES = {
  cycle: { de: 'Zyklische Abhängigkeit: {cycle}. Mindestens eine dieser Abhängigkeiten entfernen', en: 'Dependency cycle: {cycle}. Remove at least one of these dependencies' },
  self: { de: '„{id}“ hängt von sich selbst ab: diesen Eintrag entfernen', en: '"{id}" depends on itself: remove this entry' },
  large: { de: 'Zyklische Abhängigkeit über {count} Maßnahmen und Meilensteine: {cycle}. Mindestens eine dieser Abhängigkeiten entfernen', en: 'Dependency cycle through {count} measures and milestones: {cycle}. Remove at least one of these dependencies' },
  member: { de: '„{id}“ ist Teil des Zyklus', en: '"{id}" is part of the cycle' },
};

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'repository',
  description: {
    de: 'Maßnahmen oder Meilensteine hängen im Kreis voneinander ab (auch von sich selbst).',
    en: 'Measures or milestones depend on each other in a circle (or on themselves).',
  },
  messages: MESSAGES,
  check({ model, report }) {
    for (const cycle of dependencyGraph(model).cycles()) {
      if (cycle.nodes.length > PER_ENTRY_UP_TO) {
        // One finding for a large cycle: a finding per entry, each with its path and every member,
        // grows with the square of the cycle (a 1,000-measure cycle was a million related locations).
        const edge = cycle.edges[0];
        report({
          measure: edge.from.measure,
          at: edge.ref.path,
          message: 'large',
          data: { count: cycle.nodes.length, cycle: { list: cycle.pathThrough(edge).map((n) => n.ref), separator: ' → ' } },
          related: memberLocations(cycle, MAX_RELATED).filter((m) => !isEntryOf(m, edge)).map((m) => m.location),
        });
        continue;
      }
      const members = memberLocations(cycle, PER_ENTRY_UP_TO);
      for (const edge of cycle.edges) {
        const path = cycle.pathThrough(edge);
        const self = path.length === 2 && path[0] === path[1];
        report({
          measure: edge.from.measure,
          at: edge.ref.path,
          message: self ? 'self' : 'cycle',
          data: { id: edge.from.ref, cycle: { list: path.map((n) => n.ref), separator: ' → ' } },
          related: self ? undefined : members.filter((m) => !isEntryOf(m, edge)).map((m) => m.location),
        });
      }
    }
  },
};

/** Cycles up to this many members get a finding at each entry that closes them; larger ones one finding. */
export const PER_ENTRY_UP_TO = 20;
/** Related locations (members) listed with the finding of a large cycle. */
export const MAX_RELATED = 20;

type Member = { node: DependencyNode; path: Path; location: RelatedLocation };

/** Whether a member is located at the entry `edge` starts from (paths are shared between measures: compare the node too). */
function isEntryOf(member: Member, edge: DependencyCycle['edges'][number]): boolean {
  return member.node === edge.from && member.path === edge.ref.path;
}

/** The first `max` members of the cycle: at its entry that continues the cycle, else at its id. */
function memberLocations(cycle: DependencyCycle, max: number): Member[] {
  const entryOf = new Map<DependencyNode, Path>();
  for (const e of cycle.edges) if (!entryOf.has(e.from)) entryOf.set(e.from, e.ref.path);
  return cycle.nodes.slice(0, max).map((node) => {
    const path = entryOf.get(node) ?? (node.kind === 'measure' ? ['id'] : [...node.milestone.path, 'id']);
    const origin = node.measure.origin;
    return { node, path, location: { file: origin.file, range: origin.source.locate(path, 'value', origin.node), message: formatMessage(MESSAGES.member, { id: node.ref }) } };
  });
}
