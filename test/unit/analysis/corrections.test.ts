import { strict as assert } from 'node:assert';
import { countryCodeForName, egridLocationsForState } from '../../../engine/data/locationSpellings';
import { transportModeFor } from '../../../engine/data/transportModeNames';
import { locationName } from '../../../engine/data/grid';
import { dateReadings } from '../../../engine/manifest/corrections';

const STATES = ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR'];

describe('corrections of hand-typed values (engine/manifest/corrections.ts and its tables)', () => {
  it('reads a date one way when only one reading is a real date, both ways otherwise', () => {
    assert.deepEqual(dateReadings('15/01/2025').map((r) => r.text), ['2025-01-15']);
    assert.deepEqual(dateReadings('01/15/2025').map((r) => r.text), ['2025-01-15']);
    assert.deepEqual(dateReadings('07/07/2025').map((r) => r.text), ['2025-07-07'], 'same day and month: one date');
    assert.deepEqual(dateReadings('2025/1/5').map((r) => r.text), ['2025-01-05']);
    assert.deepEqual(dateReadings('03/04/2025').map((r) => `${r.text} ${r.meaning}`), ['2025-04-03 3 April 2025', '2025-03-04 4 March 2025']);
    assert.deepEqual(dateReadings('31/02/2025'), [], 'no 31 February');
    assert.deepEqual(dateReadings('29/02/2023'), [], '2023 is not a leap year');
    assert.deepEqual(dateReadings('next year'), []);
  });

  it('knows countries by name, in any case and without accents', () => {
    assert.equal(countryCodeForName('France'), 'FR');
    assert.equal(countryCodeForName('united kingdom'), 'GB');
    assert.equal(countryCodeForName('Cote d\'Ivoire'), 'CI');
    assert.equal(countryCodeForName('Deutschland'), 'DE');
    assert.equal(countryCodeForName('Atlantis'), undefined);
  });

  it('gives every US state, DC and Puerto Rico the eGRID subregions of the table', () => {
    // eGRID2023 subregions (engine/data/grid.ts); the state → subregion table cites the EPA eGRID map.
    for (const state of STATES) {
      const locations = egridLocationsForState(`US-${state}`);
      assert.ok(locations && locations.length > 0, state);
      for (const location of locations) assert.ok(locationName(location), `${state} → ${location} is an eGRID subregion of the grid table`);
    }
    assert.deepEqual(egridLocationsForState('US-VA'), ['US-SRVC']);
    assert.equal(egridLocationsForState('US-XX'), undefined);
  });

  it('maps freight words to the schema\'s modes', () => {
    assert.equal(transportModeFor('ship'), 'sea');
    assert.equal(transportModeFor('Truck'), 'road');
    assert.equal(transportModeFor('air-freight'), 'air');
    assert.equal(transportModeFor('teleport'), undefined);
  });
});
