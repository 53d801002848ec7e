import { message, type Lang } from '../../strategy/index';
import { printable } from '../format/stylish';

/**
 * What a register export could not fill, one line per gap: „measures/x.yaml KI-X: contact_email:
 * missing“, then a summary line. Values from the repository are shown through `printable`.
 */
export function missingReport(entries: { measure: string; file: string; items: string[] }[], lang: Lang): string {
  const lines: string[] = [];
  let incomplete = 0;
  for (const e of entries) {
    if (!e.items.length) continue;
    incomplete++;
    for (const item of e.items) lines.push(`${printable(e.file)} ${printable(e.measure)}: ${printable(item)}`);
  }
  const total = entries.length;
  lines.push(
    message(lang, total === 1 ? 'register.exported.one' : 'register.exported.other', { n: total, incomplete }),
  );
  return lines.join('\n') + '\n';
}
