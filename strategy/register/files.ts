/** The files an import writes: a measure per record, and strategy.yaml for a new register repository. */
import { stringify } from 'yaml';
import type { ImportedMeasure } from './import';

const HEADER = '# Imported from the Algoritmeregister (strategy import algoritmeregister).\n# Guesses are listed under x-import.guesses: check them, then remove the entry.\n';

export function measureFile(m: ImportedMeasure): string {
  return HEADER + stringify(m.data, { lineWidth: 0 });
}

export function registerStrategyFile(organisation: string): string {
  return stringify(
    {
      schema: 1,
      title: `Algoritmeregister ${organisation}`,
      organisation,
      language: 'en',
      lint: { profile: 'register' },
    },
    { lineWidth: 0 },
  );
}

/** File name of an imported measure: its id in lower case. */
export function measureFileName(id: string): string {
  return `measures/algoritmeregister/${id.toLowerCase()}.yaml`;
}
