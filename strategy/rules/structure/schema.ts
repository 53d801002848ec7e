import type { Rule } from '../rule';

export const schema: Rule = {
  id: 'schema',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'parse',
  description: {
    de: 'Datei entspricht nicht dem Format: unbekannter Schlüssel, falscher Typ, unzulässiger Wert, ungültiges Datum, fehlender Pflichtschlüssel.',
    en: 'File does not match the format: unknown key, wrong type, value not allowed, invalid date, missing required key.',
  },
  messages: {
    unknownKey: { de: 'Unbekannter Schlüssel „{key}“', en: 'Unknown key "{key}"' },
    unknownKeySuggest: { de: 'Unbekannter Schlüssel „{key}“ – meinten Sie „{suggestion}“?', en: 'Unknown key "{key}" – did you mean "{suggestion}"?' },
    required: { de: 'Pflichtschlüssel „{key}“ fehlt', en: 'Required key "{key}" is missing' },
    type: { de: '„{key}“ muss {expected} sein', en: '"{key}" must be {expected}' },
    enum: { de: '„{value}“ ist für „{key}“ nicht zulässig; erlaubt: {allowed}', en: '"{value}" is not allowed for "{key}"; allowed: {allowed}' },
    enumSuggest: { de: '„{value}“ ist für „{key}“ nicht zulässig – meinten Sie „{suggestion}“?', en: '"{value}" is not allowed for "{key}" – did you mean "{suggestion}"?' },
    date: { de: '„{value}“ ist kein gültiges Datum (JJJJ, JJJJ-Qn, JJJJ-MM oder JJJJ-MM-TT)', en: '"{value}" is not a valid date (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)' },
    dateSuggest: { de: '„{value}“ ist kein gültiges Datum (JJJJ, JJJJ-Qn, JJJJ-MM oder JJJJ-MM-TT): {suggestion} schreiben', en: '"{value}" is not a valid date (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD): write {suggestion}' },
    id: { de: '„{value}“ ist keine gültige ID (ein Buchstabe A–Z, dann Buchstaben A–Z, Ziffern, _ oder -)', en: '"{value}" is not a valid id (a letter A–Z, then letters A–Z, digits, _ or -)' },
    idAscii: { de: '„{value}“ ist keine gültige ID: nur Buchstaben A–Z ohne Umlaute und ß, Ziffern, _ und - sind erlaubt, z. B. {suggestion}', en: '"{value}" is not a valid id: only the letters A–Z without umlauts or ß, digits, _ and - are allowed, e.g. {suggestion}' },
    pattern: { de: '„{value}“ hat nicht das erwartete Format für „{key}“', en: '"{value}" does not have the expected format for "{key}"' },
    empty: { de: '„{key}“ darf nicht leer sein', en: '"{key}" must not be empty' },
    const: { de: '„{key}“ muss {expected} sein', en: '"{key}" must be {expected}' },
    range: { de: '„{key}“ liegt außerhalb des zulässigen Bereichs', en: '"{key}" is out of range' },
    more: { de: '{count} weitere Schemafehler hier nicht gezeigt: zuerst die obigen beheben', en: '{count} more schema errors here not shown: fix the ones above first' },
    rootType: { de: 'Die Datei muss eine YAML-Zuordnung (Schlüssel: Wert) enthalten', en: 'The file must contain a YAML mapping (key: value)' },
  },
};
