import type { Rule } from '../rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'parse',
  description: {
    de: 'Datei kann nicht gelesen werden: YAML-Syntaxfehler, doppelte Schlüssel, Alias-Bomben, ungültiges UTF-8, zu große Dateien.',
    en: 'File cannot be read: YAML syntax errors, duplicate keys, alias bombs, invalid UTF-8, oversized files.',
  },
  messages: {
    syntax: { de: 'YAML-Syntaxfehler: {detail}', en: 'YAML syntax error: {detail}' },
    duplicateKey: { de: 'Doppelter Schlüssel „{key}“: der spätere Wert überschreibt den früheren', en: 'Duplicate key "{key}": the later value overrides the earlier one' },
    tab: { de: 'Tabulator in der Einrückung: YAML erlaubt nur Leerzeichen, mit Leerzeichen einrücken', en: 'Tab in indentation: YAML allows spaces only, indent with spaces' },
    colon: { de: 'Der Wert von „{key}“ enthält „: “ und wird so als neue Zuordnung gelesen: den Wert in Anführungszeichen setzen, also {suggestion}', en: 'The value of "{key}" contains ": " and is read as a nested mapping: put the value in quotes, i.e. {suggestion}' },
    fixQuote: { de: 'Wert in Anführungszeichen setzen', en: 'Put the value in quotes' },
    fixIndent: { de: 'Mit Leerzeichen einrücken', en: 'Indent with spaces' },
    aliases: { de: 'Zu viele YAML-Aliase (mehr als {max}): Datei wird nicht ausgewertet (Schutz vor „Alias-Bomben“)', en: 'Too many YAML aliases (more than {max}): file not evaluated (protection against alias bombs)' },
    depth: { de: 'Zu tief verschachtelt (mehr als {max} Ebenen): Datei wird nicht ausgewertet', en: 'Nested too deeply (more than {max} levels): file not evaluated' },
    encoding: { de: 'Kein gültiges UTF-8 (Byte {byte}): bitte als UTF-8 speichern', en: 'Not valid UTF-8 (byte {byte}): save the file as UTF-8' },
    tooLarge: { de: 'Datei ist zu groß ({size} Bytes, Grenze {max}): nicht ausgewertet', en: 'File too large ({size} bytes, limit {max}): not evaluated' },
    binary: { de: 'Datei enthält NUL-Bytes (Binärdatei?): nicht ausgewertet', en: 'File contains NUL bytes (binary?): not evaluated' },
    empty: { de: 'Datei ist leer', en: 'File is empty' },
    unreadable: { de: 'Datei kann nicht gelesen werden: {code}', en: 'Cannot read file: {code}' },
    more: { de: '{count} weitere YAML-Fehler in dieser Datei nicht gezeigt: zuerst die obigen beheben', en: '{count} more YAML errors in this file not shown: fix the ones above first' },
    frontMatterUnclosed: { de: 'Front Matter wird nicht mit „---“ geschlossen', en: 'Front matter is not closed with "---"' },
  },
};
