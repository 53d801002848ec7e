import type { Rule } from '../rule';

export const notAMeasure: Rule = {
  id: 'not-a-measure',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'parse',
  description: {
    de: 'Eine Datei unter `include` ist keine Maßnahme (kein Front Matter, keine `id`).',
    en: 'A file matched by `include` is not a measure (no front matter, no `id`).',
  },
  messages: {
    noFrontMatter: { de: 'Keine Maßnahme: Markdown-Datei ohne YAML-Front-Matter („---“ am Dateianfang)', en: 'Not a measure: Markdown file without YAML front matter ("---" at the start)' },
    noId: { de: 'Keine Maßnahme: es fehlt eine „id“', en: 'Not a measure: no "id"' },
    notMapping: { de: 'Keine Maßnahme: erwartet wird eine Zuordnung oder eine Liste von Zuordnungen', en: 'Not a measure: expected a mapping or a list of mappings' },
  },
};
