import { eachMeasure, type ReportInput, type Rule } from '../rule';
import { didYouMean } from '../../suggest';
import { dependencyGraph, parseDependencyRef } from '../../graph';
import type { Measure, Ref } from '../../model/types';
import { OWN_FUNDS } from '../../data/funding';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  category: 'structure',
  defaultSeverity: 'error',
  // Repository scope: `depends_on` and `ai_literacy.measure` name other measures. Every lookup is
  // a map access, so the rule stays linear; did-you-mean runs only for references that fail.
  scope: 'repository',
  description: {
    de: 'Verweis auf etwas, das es nicht gibt: Handlungsfeld, Ziel, Partner, Förderprogramm, Maßnahme oder Meilenstein.',
    en: 'Reference to something that does not exist: field of action, goal, partner, funding programme, measure or milestone.',
  },
  messages: {
    field: { de: 'Unbekanntes Handlungsfeld „{id}“: in strategy.yaml unter „fields“ anlegen oder die ID korrigieren', en: 'Unknown field of action "{id}": add it under "fields" in strategy.yaml or correct the id' },
    fieldSuggest: { de: 'Unbekanntes Handlungsfeld „{id}“ – meinten Sie „{suggestion}“?', en: 'Unknown field of action "{id}" – did you mean "{suggestion}"?' },
    goal: { de: 'Unbekanntes Ziel „{id}“: in strategy.yaml unter „goals“ anlegen oder die ID korrigieren', en: 'Unknown goal "{id}": add it under "goals" in strategy.yaml or correct the id' },
    goalSuggest: { de: 'Unbekanntes Ziel „{id}“ – meinten Sie „{suggestion}“?', en: 'Unknown goal "{id}" – did you mean "{suggestion}"?' },
    partner: { de: 'Unbekannter Partner „{id}“: in partners.yaml anlegen oder die ID korrigieren', en: 'Unknown partner "{id}": add it to partners.yaml or correct the id' },
    partnerSuggest: { de: 'Unbekannter Partner „{id}“ – meinten Sie „{suggestion}“?', en: 'Unknown partner "{id}" – did you mean "{suggestion}"?' },
    programme: { de: 'Unbekanntes Förderprogramm „{id}“: in funding.yaml anlegen, oder „own“ für Eigenmittel angeben', en: 'Unknown funding programme "{id}": add it to funding.yaml, or write "own" for the municipal budget' },
    programmeSuggest: { de: 'Unbekanntes Förderprogramm „{id}“ – meinten Sie „{suggestion}“?', en: 'Unknown funding programme "{id}" – did you mean "{suggestion}"?' },
    measure: { de: 'Unbekannte Maßnahme „{id}“: die ID korrigieren oder den Verweis entfernen', en: 'Unknown measure "{id}": correct the id or remove the reference' },
    measureSuggest: { de: 'Unbekannte Maßnahme „{id}“ – meinten Sie „{suggestion}“?', en: 'Unknown measure "{id}" – did you mean "{suggestion}"?' },
    milestone: { de: 'Die Maßnahme „{measure}“ hat keinen Meilenstein „{milestone}“', en: 'Measure "{measure}" has no milestone "{milestone}"' },
    milestoneSuggest: { de: 'Die Maßnahme „{measure}“ hat keinen Meilenstein „{milestone}“ – meinten Sie „{suggestion}“?', en: 'Measure "{measure}" has no milestone "{milestone}" – did you mean "{suggestion}"?' },
  },
  check(ctx) {
    const { model, report } = ctx;
    const graph = dependencyGraph(model);
    // Candidate lists only when a reference fails (a clean lint of many measures needs none).
    const measureIds = () => [...model.measureById.keys()];
    const programmeIds = () => [...model.programmeById.keys(), OWN_FUNDS];
    // Suggestions per (kind, id): the same typo in many measures costs one search.
    const suggestions = new Map<string, string | undefined>();
    const suggest = (kind: string, id: string, candidates: () => Iterable<string>) => {
      const key = `${kind}\0${id}`;
      if (!suggestions.has(key)) suggestions.set(key, didYouMean(id, candidates()));
      return suggestions.get(key);
    };
    // `suggestion` replaces the whole reported value (editors offer it as a quick fix), so a
    // milestone ref keeps its milestone part: `BASE/m1` for `BASIS/m1`.
    type Out = (r: ReportInput) => void;
    const unknown = (out: Out, kind: 'field' | 'goal' | 'partner' | 'programme' | 'measure', id: string, candidates: () => Iterable<string>, where: Partial<ReportInput>, suffix = '') => {
      const found = suggest(kind, id, candidates);
      const suggestion = found === undefined ? '' : found + suffix;
      out({ ...where, message: suggestion ? `${kind}Suggest` : kind, data: { id, suggestion } });
    };

    const checkDependency = (out: Out, m: Measure, ref: Ref) => {
      if (graph.resolve(ref.id)) return;
      const { measure: measureId, milestone } = parseDependencyRef(ref.id);
      const target = graph.resolve(measureId);
      const where = { measure: m, at: ref.path };
      if (milestone === undefined || !target) {
        // `depends_on: [m1]` inside a milestone most likely means the measure's own milestone.
        const own = milestone === undefined && m.milestones.some((ms) => ms.id === ref.id) ? `${m.id}/${ref.id}` : undefined;
        if (own) out({ ...where, message: 'measureSuggest', data: { id: ref.id, suggestion: own } });
        else unknown(out, 'measure', measureId, measureIds, where, milestone === undefined ? '' : `/${milestone}`);
        return;
      }
      const found = suggest(`milestone:${target.measure.id}`, milestone, () => target.measure.milestones.map((ms) => ms.id));
      out({ ...where, message: found ? 'milestoneSuggest' : 'milestone', data: { measure: measureId, milestone, suggestion: found ? `${measureId}/${found}` : '' } });
    };

    // Per measure: the catalogues and the ids in the repository (see eachMeasure).
    eachMeasure(ctx, (m, out) => {
      const at = (ref: Ref) => ({ measure: m, at: ref.path });
      if (m.field && !model.fieldById.has(m.field.id)) unknown(out, 'field', m.field.id, () => model.fieldById.keys(), at(m.field));
      for (const g of m.goals) if (!model.goalById.has(g.id)) unknown(out, 'goal', g.id, () => model.goalById.keys(), at(g));
      for (const p of m.partners) if (!model.partnerById.has(p.id)) unknown(out, 'partner', p.id, () => model.partnerById.keys(), at(p));
      for (const f of m.funding) {
        if (f.source !== OWN_FUNDS && !model.programmeById.has(f.source)) unknown(out, 'programme', f.source, programmeIds, { measure: m, at: [...f.path, 'source'] });
      }
      for (const d of m.dependsOn) checkDependency(out, m, d);
      for (const ms of m.milestones) for (const d of ms.dependsOn) checkDependency(out, m, d);
    });

    for (const g of model.goals) {
      if (g.field && !model.fieldById.has(g.field.id)) {
        unknown(report, 'field', g.field.id, () => model.fieldById.keys(), { file: g.origin.file, range: g.origin.source.locate(g.field.path, 'value', g.origin.node) });
      }
    }

    const literacy = model.strategy.aiLiteracy?.measure;
    const origin = model.strategy.origin;
    if (literacy && origin && !model.measureById.has(literacy.id)) {
      unknown(report, 'measure', literacy.id, measureIds, { file: origin.file, range: origin.source.locate(literacy.path, 'value', origin.node) });
    }
  },
};
