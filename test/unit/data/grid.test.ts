import { strict as assert } from 'node:assert';
import {
  ALPHA2_TO_ALPHA3,
  BOAVIZTA_GRID_FACTORS,
  boaviztaGridFactorFor,
  canonicalGridFactorId,
  canonicalLocation,
  DEFAULT_GRID_BOUNDS,
  EGRID_FACTORS,
  gridFactorFor,
  knownLocations,
  locationName,
} from '../../../engine/data/grid';

const value = (location: string) => gridFactorFor(location)?.value;

describe('grid factors', () => {
  it('covers the 139 BoaviztAPI 2.4.1 zones and 27 eGRID subregions', () => {
    assert.equal(BOAVIZTA_GRID_FACTORS.length, 139);
    assert.equal(EGRID_FACTORS.length, 27);
    assert.ok(BOAVIZTA_GRID_FACTORS.every((f) => f.boundary === 'lifecycle' && f.unit === 'kgCO2e/kWh'));
    assert.ok(EGRID_FACTORS.every((f) => f.boundary === 'combustion' && f.year === 2023));
  });

  it('keeps the BoaviztAPI values exactly', () => {
    assert.equal(value('FRA'), 0.098);
    assert.equal(value('DEU'), 0.422);
    assert.equal(value('WOR'), 0.39);
    assert.equal(value('EEE'), 0.38);
    assert.equal(value('HKG'), 0.95888);
    assert.equal(gridFactorFor('FRA')?.year, 2019);
    assert.equal(gridFactorFor('USA')?.year, 2020);
  });

  it('gives the default-location bounds as a row', () => {
    assert.equal(DEFAULT_GRID_BOUNDS.id, 'grid/default-bounds');
    assert.deepEqual([DEFAULT_GRID_BOUNDS.min, DEFAULT_GRID_BOUNDS.value, DEFAULT_GRID_BOUNDS.max], [0.023, 0.38, 1.13161]);
    // The bounds are the table's own extremes.
    const values = BOAVIZTA_GRID_FACTORS.map((f) => f.value);
    assert.equal(Math.min(...values), 0.023);
    assert.equal(Math.max(...values), 1.13161);
  });

  it('converts eGRID lb/MWh to kg/kWh', () => {
    // CAMX: 429.983 lb/MWh × 0.45359237 / 1000 = 0.195037 kg/kWh
    assert.equal(value('US-CAMX'), 0.195037);
    // SRSO: 846.007 × 0.45359237 / 1000 = 0.383742
    assert.equal(value('US-SRSO'), 0.383742);
  });

  it('accepts alpha-2, alpha-3 and US-<SUBRGN>, in any case', () => {
    assert.equal(gridFactorFor('FR')?.id, 'grid/FRA');
    assert.equal(gridFactorFor('FRA')?.id, 'grid/FRA');
    assert.equal(gridFactorFor(' fr ')?.id, 'grid/FRA');
    assert.equal(gridFactorFor('US-CAMX')?.id, 'grid/US-CAMX');
    assert.equal(gridFactorFor('us-camx')?.id, 'grid/US-CAMX');
    assert.equal(gridFactorFor('RS')?.id, 'grid/SCG');
    assert.equal(gridFactorFor('UK')?.id, 'grid/GBR');
    assert.equal(gridFactorFor('XX'), undefined);
    assert.equal(gridFactorFor('US-XXXX'), undefined);
    assert.equal(canonicalLocation('de'), 'DEU');
  });

  it('maps every country row to its ISO alpha-2 code', () => {
    const countries = BOAVIZTA_GRID_FACTORS.filter((f) => !['grid/WOR', 'grid/EEE'].includes(f.id));
    const alpha3 = new Set(ALPHA2_TO_ALPHA3.values());
    for (const f of countries) assert.ok(alpha3.has(f.id.slice(5)), f.id);
    assert.equal(ALPHA2_TO_ALPHA3.size, 137);
    assert.equal(ALPHA2_TO_ALPHA3.get('DE'), 'DEU');
    assert.equal(ALPHA2_TO_ALPHA3.get('TW'), 'TWN');
  });

  it('resolves BoaviztAPI parity lookups', () => {
    assert.equal(boaviztaGridFactorFor('US-CAMX')?.id, 'grid/USA');
    assert.equal(boaviztaGridFactorFor('FR')?.id, 'grid/FRA');
    assert.equal(boaviztaGridFactorFor(undefined), DEFAULT_GRID_BOUNDS);
    assert.equal(boaviztaGridFactorFor('XX'), undefined);
  });

  it('canonicalises override ids', () => {
    assert.equal(canonicalGridFactorId('grid/FR'), 'grid/FRA');
    assert.equal(canonicalGridFactorId('grid/us-camx'), 'grid/US-CAMX');
    assert.equal(canonicalGridFactorId('grid/default-bounds'), 'grid/default-bounds');
    assert.equal(canonicalGridFactorId('transport/air'), 'transport/air');
  });

  it('lists known locations and names them', () => {
    const known = knownLocations();
    for (const l of ['FR', 'FRA', 'US-CAMX', 'WOR']) assert.ok(known.includes(l), l);
    assert.ok(known.every((l) => /^([A-Z]{2,3}|US-[A-Z]{4})$/.test(l)), 'all match the manifest schema pattern');
    assert.equal(locationName('FR'), 'France');
    assert.equal(locationName('US-CAMX'), 'WECC California (eGRID CAMX)');
    assert.equal(locationName('XX'), undefined);
  });
});
