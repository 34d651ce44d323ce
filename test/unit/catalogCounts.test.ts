import { strict as assert } from 'node:assert';
import { CATALOG } from '../../engine/data/catalog';
import { modelView, modelViews } from '../../engine/views/catalog';
import { assetOf, closeRange, compute } from './compute/helpers';

// What `carbon-lens models`, hover and completion show for a model (its ModelView) is what a
// manifest with that model counts: the HGX/DGX servers used to be listed at their baseboard PCF
// (1,312 / 2,274 kg) while a manifest counted the baseboard plus the host server (≈ 7–8 t).
describe('catalog listing against analysis', () => {
  for (const model of CATALOG) {
    it(`${model.id}: listed manufacturing = a manifest's manufacturing per unit`, () => {
      const { inventory } = compute(
        `version: 1\norganization: t\nperiod: 2025\nsites:\n  - { id: s1, location: FR }\nassets:\n  - { id: a, site: s1, model: ${model.id}, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1 }, endOfLife: recycle }\n`,
      );
      const counted = assetOf(inventory, 'a').perUnit.manufacturing;
      const listed = modelView(model.id)!.embodied;
      closeRange(counted, [listed.kgCO2e, listed.minKgCO2e, listed.maxKgCO2e], model.id);
    });
  }

  it('says the boundary of a baseboard PCF with a host estimate, and lists both parts', () => {
    for (const view of modelViews().filter((v) => v.hostComponentsSource)) {
      assert.match(view.embodied.boundary, /plus the host server estimated from its components/, view.id);
      const parts = view.embodied.parts ?? [];
      assert.equal(parts.length, 2, view.id);
      assert.ok(Math.abs(parts[0].kgCO2e + parts[1].kgCO2e - view.embodied.kgCO2e) < 1e-6, view.id);
      assert.ok(view.embodied.kgCO2e > parts[0].kgCO2e, `${view.id}: more than the baseboard`);
    }
    assert.ok(modelViews().filter((v) => v.hostComponentsSource).length >= 3);
  });
});
