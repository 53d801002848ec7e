import type { Rule } from '../rule';
import { formatMessage } from '../rule';
import { dependencyGraph, type DependencyCycle, type DependencyNode } from '../../graph';
import type { Path, RelatedLocation } from '../../types';

const MESSAGES = {
  cycle: { de: 'Zyklische Abhängigkeit: {cycle}. Mindestens eine dieser Abhängigkeiten entfernen', en: 'Dependency cycle: {cycle}. Remove at least one of these dependencies' },
  self: { de: '„{id}“ hängt von sich selbst ab: diesen Eintrag entfernen', en: '"{id}" depends on itself: remove this entry' },
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
      const members = memberLocations(cycle);
      for (const edge of cycle.edges) {
        const path = cycle.pathThrough(edge);
        const self = path.length === 2 && path[0] === path[1];
        report({
          measure: edge.from.measure,
          at: edge.ref.path,
          message: self ? 'self' : 'cycle',
          data: { id: edge.from.ref, cycle: { list: path.map((n) => n.ref), separator: ' → ' } },
          related: self ? undefined : members.filter((m) => m.path !== edge.ref.path).map((m) => m.location),
        });
      }
    }
  },
};

/** Every member of the cycle: at its entry that continues the cycle, else at its id. */
function memberLocations(cycle: DependencyCycle): Array<{ path: Path; location: RelatedLocation }> {
  const entryOf = new Map<DependencyNode, Path>();
  for (const e of cycle.edges) if (!entryOf.has(e.from)) entryOf.set(e.from, e.ref.path);
  return cycle.nodes.map((node) => {
    const path = entryOf.get(node) ?? (node.kind === 'measure' ? ['id'] : [...node.milestone.path, 'id']);
    const origin = node.measure.origin;
    return { path, location: { file: origin.file, range: origin.source.locate(path, 'value', origin.node), message: formatMessage(MESSAGES.member, { id: node.ref }) } };
  });
}
