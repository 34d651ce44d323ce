import { strict as assert } from 'node:assert';
import {
  canonicalRefrigerantFactorId,
  knownRefrigerants,
  refrigerantFor,
  REFRIGERANT_FACTORS,
} from '../../../engine/data/refrigerants';

const gwp = (gas: string) => refrigerantFor(gas)?.value;

describe('refrigerants', () => {
  it('uses AR5 GWP100 as the value, with AR6 alongside', () => {
    assert.equal(gwp('R-134a'), 1300);
    assert.equal(refrigerantFor('R-134a')?.ar6, 1530);
    assert.equal(gwp('R-32'), 677);
    assert.equal(gwp('SF6'), 23500);
    assert.equal(gwp('NF3'), 16100);
    assert.equal(gwp('HFC-227ea'), 3350);
    assert.equal(gwp('R-22'), 1760);
    assert.ok(REFRIGERANT_FACTORS.every((f) => f.boundary === 'GWP100 AR5' && f.unit === 'kgCO2e/kg'));
  });

  it('computes blends as mass-weighted sums', () => {
    // R-410A: 0.5 × 677 + 0.5 × 3170 = 1923.5 → 1924 (EPA Hub value); AR6 0.5 × 771 + 0.5 × 3740 = 2255.5 → 2256
    assert.equal(gwp('R-410A'), 1924);
    assert.equal(refrigerantFor('R-410A')?.ar6, 2256);
    // R-404A: 0.44 × 3170 + 0.52 × 4800 + 0.04 × 1300 = 3942.8 → 3943
    assert.equal(gwp('R-404A'), 3943);
    // R-407C: 0.23 × 677 + 0.25 × 3170 + 0.52 × 1300 = 1624.21 → 1624
    assert.equal(gwp('R-407C'), 1624);
    // R-513A: 0.56 × (<1) + 0.44 × 1300 = 572 to 572.56 → 573
    assert.equal(gwp('R-513A'), 573);
    assert.equal(refrigerantFor('R-513A')?.min, 572);
  });

  it('resolves aliases and spellings', () => {
    for (const s of ['R-134a', 'R134a', 'r-134a', 'HFC-134a', 'hfc134a', 'R 134A']) {
      assert.equal(refrigerantFor(s)?.id, 'refrigerant/R-134a', s);
    }
    assert.equal(refrigerantFor('FM-200')?.id, 'refrigerant/HFC-227ea');
    assert.equal(refrigerantFor('CO2')?.id, 'refrigerant/R-744');
    assert.equal(refrigerantFor('R-1234ze')?.id, 'refrigerant/R-1234ze(E)');
    assert.equal(refrigerantFor('HFO-1234yf')?.id, 'refrigerant/R-1234yf');
    assert.equal(refrigerantFor('HCFC-22')?.id, 'refrigerant/R-22');
    assert.equal(gwp('ammonia'), 0);
    assert.equal(refrigerantFor('R-999'), undefined);
  });

  it('gives every alias to exactly one gas', () => {
    for (const f of REFRIGERANT_FACTORS) {
      for (const name of [f.id.slice('refrigerant/'.length), ...f.aliases]) {
        assert.equal(refrigerantFor(name)?.id, f.id, name);
      }
    }
  });

  it('lists canonical designations and canonicalises override ids', () => {
    const known = knownRefrigerants();
    assert.equal(known.length, REFRIGERANT_FACTORS.length);
    assert.ok(known.includes('R-410A') && known.includes('HFC-227ea'));
    assert.equal(canonicalRefrigerantFactorId('refrigerant/HFC-134a'), 'refrigerant/R-134a');
    assert.equal(canonicalRefrigerantFactorId('refrigerant/unknown'), 'refrigerant/unknown');
    assert.equal(canonicalRefrigerantFactorId('grid/FR'), 'grid/FR');
  });
});
