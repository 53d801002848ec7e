const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/** Longest slug derived from a title, so that ids and file names stay readable. */
export const MAX_SLUG = 40;

/**
 * A lowercase slug of a text: German umlauts and ß spelled out (ä → ae, ß → ss), other accents
 * dropped (é → e), everything else that is not a letter or digit becomes one `-`. Long slugs are
 * cut at a word boundary.
 */
export function slugify(text: string, max = MAX_SLUG): string {
  const ascii = text
    .normalize('NFC')
    .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  let slug = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    const cut = slug.slice(0, max + 1);
    const boundary = cut.lastIndexOf('-');
    slug = (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
  }
  return slug;
}

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * A measure id from a title: the uppercase slug (`KI-Bürgerassistent` → `KI-BUERGERASSISTENT`),
 * like the ids in the examples. An id must start with a letter, so a leading digit gets `M-`.
 * Empty when the title has no letters or digits at all.
 */
export function idFromTitle(title: string): string {
  const slug = slugify(title).toUpperCase();
  if (!slug) return '';
  return /^[A-Z]/.test(slug) ? slug : `M-${slug}`;
}
