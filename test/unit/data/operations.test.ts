import { strict as assert } from 'node:assert';
import {
  COMBUSTION_UPSTREAM_SHARE,
  LIFECYCLE_COMBUSTION_SHARE,
  TD_LOSS_WORLD,
  tdLossFor,
} from '../../../engine/data/electricityUpstream';
import { endOfLifeFor, REFURBISHED_SHARE } from '../../../engine/data/endOfLife';
import { DIESEL, DIESEL_WELL_TO_TANK, LITRES_PER_US_GALLON } from '../../../engine/data/fuels';
import { transportFactorFor, TRANSPORT_FACTORS } from '../../../engine/data/transport';

const close = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

describe('fuels', () => {
  it('gives diesel at about 2.7 kg CO2e per litre', () => {
    // CO2 alone: 10.21 kg/gal ÷ 3.78541 L/gal = 2.6972 kg/L
    close(10.21 / LITRES_PER_US_GALLON, 2.6972, 1e-4);
    // + (0.41 g × 28 + 0.08 g × 265) / 1000 = 0.03268 kg/gal → 10.24268 / 3.78541 = 2.70583
    close(DIESEL.value, 2.70583, 1e-5);
    assert.equal(DIESEL.id, 'fuel/diesel');
    assert.equal(DIESEL.unit, 'kgCO2e/L');
  });

  it('gives diesel well-to-tank per litre', () => {
    assert.equal(DIESEL_WELL_TO_TANK.id, 'fuel/diesel-wtt');
    assert.equal(DIESEL_WELL_TO_TANK.value, 0.62409);
    assert.equal(DIESEL_WELL_TO_TANK.boundary, 'well-to-tank');
  });
});

describe('transport', () => {
  it('has one well-to-wheel factor per mode', () => {
    assert.deepEqual(TRANSPORT_FACTORS.map((f) => f.id), ['transport/air', 'transport/sea', 'transport/road', 'transport/rail']);
    assert.ok(TRANSPORT_FACTORS.every((f) => f.boundary === 'well-to-wheel' && f.unit === 'kgCO2e/t.km'));
  });

  it('adds tank-to-wheel and well-to-tank', () => {
    close(transportFactorFor('air').value, 0.5313 + 0.13516);
    close(transportFactorFor('sea').value, 0.01612 + 0.00365);
    close(transportFactorFor('road').value, 0.10163 + 0.02359);
    close(transportFactorFor('rail').value, 0.02779 + 0.00691);
  });

  it('orders modes by intensity: air ≫ road > rail > sea', () => {
    const v = (m: 'air' | 'sea' | 'road' | 'rail') => transportFactorFor(m).value;
    assert.ok(v('air') > v('road') && v('road') > v('rail') && v('rail') > v('sea'));
  });
});

describe('end of life', () => {
  it('counts treatment only (cut-off) and nothing for resale', () => {
    assert.equal(endOfLifeFor('resell').value, 0);
    close(endOfLifeFor('recycle').value, 4.68568 / 1000);
    close(endOfLifeFor('landfill').value, 8.98311 / 1000);
    assert.ok(endOfLifeFor('refurbish').value >= 0);
    for (const route of ['recycle', 'refurbish', 'landfill', 'resell'] as const) {
      assert.equal(endOfLifeFor(route).id, `endOfLife/${route}`);
      assert.equal(endOfLifeFor(route).unit, 'kgCO2e/kg');
    }
  });

  it('gives the refurbished share as a fraction of new manufacturing', () => {
    assert.equal(REFURBISHED_SHARE.id, 'endOfLife/refurbished-share');
    assert.ok(REFURBISHED_SHARE.value > 0 && (REFURBISHED_SHARE.max ?? 1) < 1);
  });
});

describe('electricity upstream', () => {
  it('picks the T&D loss rate by location', () => {
    assert.equal(tdLossFor('FR'), TD_LOSS_WORLD);
    assert.equal(tdLossFor('US-CAMX').value, 0.041);
    assert.equal(tdLossFor('US-HIOA').value, 0.044);
    assert.equal(tdLossFor('US-RFCE').value, 0.042);
    assert.equal(tdLossFor('USA').value, 0.042);
    assert.equal(TD_LOSS_WORLD.id, 'electricity/td-loss');
  });

  it('splits a lifecycle factor consistently with the combustion upstream share', () => {
    const u = COMBUSTION_UPSTREAM_SHARE;
    const c = LIFECYCLE_COMBUSTION_SHARE;
    close(c.value, 1 / (1 + u.value));
    close(c.min ?? 0, 1 / (1 + (u.max ?? 0)));
    close(c.max ?? 0, 1 / (1 + (u.min ?? 0)));
    // Lifecycle runs 5–15% above combustion: the central share sits in that band.
    assert.ok(u.value >= 0.05 && u.value <= 0.15);
  });
});
