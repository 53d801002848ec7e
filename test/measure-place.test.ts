import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadWorkspace } from '../cli/load';
import { deriveMeasureId, idPrefix, measureFolder, uniqueId } from '../strategy/templates/measure-place';
import { existingIds } from '../strategy/templates/measure';

describe('New Measure: id and folder follow the repository (strategy/templates/measure-place.ts)', () => {
  const model = loadWorkspace(join(__dirname, '..', 'examples', 'herne')).lint({ asOf: '2026-11-26' }).model;

  it('derives the id with the field prefix and without filler words, cut at a whole word', () => {
    assert.equal(idPrefix(model, 'verwaltung', true), 'KI');
    assert.equal(idPrefix(model, 'smart-city', false), 'ST');
    assert.equal(deriveMeasureId('KI-Sitzungsprotokolle mit automatischer Zusammenfassung', 'KI'), 'KI-SITZUNGSPROTOKOLLE-AUTOMATISCHER');
    assert.equal(deriveMeasureId('Sitzungsprotokolle mit Spracherkennung', 'KI'), 'KI-SITZUNGSPROTOKOLLE-SPRACHERKENNUNG');
    assert.equal(deriveMeasureId('Offene Daten für die Stadt', undefined), 'OFFENE-DATEN-STADT');
    assert.equal(uniqueId('KI-CHATBOT', existingIds(model)), 'KI-CHATBOT-2');
  });

  it('puts the file into the folder of the field’s measures', () => {
    assert.equal(measureFolder(model, 'verwaltung'), 'measures/verwaltung');
    assert.equal(measureFolder(model, undefined), undefined);
  });
});
