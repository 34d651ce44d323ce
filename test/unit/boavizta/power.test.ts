import { strict as assert } from 'node:assert';
import { cpuPower, cpuPowerAtLoadW, cpuPowerCurve, fitLogCurve, ramPower, serverPower } from '../../../engine/model/boavizta';
import { assertExact, assertRange, assertSigFigs } from './sigfig';

// CPU curve P(load%) = a·ln(b·(load + c)) + d, at least 1 W (BoaviztAPI 2.4.1 CPUConsumptionProfileModel).
// Default (archetypes/components/cpu.csv): a 171.2, b 0.0354, c 36.89, d −10.13.
// With a TDP, the curve is refit (scipy curve_fit, bounds p0 ± 2|p0|, a,b,c ≥ 0) through the Teads points
// 0/10/50/100% → 0.12/0.32/0.75/1.02 × TDP. RAM 0.284 W/GB. Server: (CPU + RAM + GPU) × (1 + 0.33 (0.2–0.6)).
describe('boavizta cpu power', () => {
  it('default Platinum curve at 50% load is 182.2 W', () => {
    // 171.2 × ln(0.0354 × 86.89) − 10.13 = 171.2 × ln(3.07591) − 10.13 = 171.2 × 1.12360 − 10.13 = 182.2
    const { curve } = cpuPowerCurve(undefined);
    assertSigFigs(cpuPowerAtLoadW(curve, 50), 182.2);
    // load not given → 50 (0–100): 0% → 171.2 × ln(1.30591) − 10.13 = 35.56; 100% → 171.2 × ln(4.84591) − 10.13 = 260.0
    const one = cpuPower({ units: 1 });
    assertRange(one.watts, [182.2, 35.56, 260.0]);
    assert.ok(one.assumptions.some((a) => a.startsWith("Load not given: Boavizta's default workload, 50% (0–100)")));
    // 2 sockets at a given 50%: 364.5 W exactly
    assertExact(cpuPower({ units: 2 }, 50).watts, 364.5);
  });

  it('uses the model-range row when given', () => {
    // Xeon Gold: 35.5688 × ln(0.2438 × 59.6694) − 0.6087 = 35.5688 × ln(14.5474) − 0.6087 = 35.5688 × 2.67741 − 0.6087 = 94.62
    assertSigFigs(cpuPower({ units: 1, modelRange: 'Xeon  Gold' }, 50).watts.value, 94.62);
  });

  it('matches model ranges like BoaviztAPI (rapidfuzz token_sort_ratio ≥ 90)', () => {
    // "Xeon E7" is not in cpu_profile.csv; it scores 92.3 against "Xeon E" (2 × 6 ÷ 13) and 85.7 against
    // "Xeon E5"/"Xeon E3", so the API takes the Xeon E curve:
    // 55.6501 × ln(0.0467 × 70.4146) + 4.24362 = 55.6501 × 1.19040 + 4.24362 = 70.49 W at 50%
    assertSigFigs(cpuPower({ units: 1, modelRange: 'Xeon E7' }, 50).watts.value, 70.49);
    // "Xeon E" is close to three rows and narrowed to the exact one
    assertSigFigs(cpuPower({ units: 1, modelRange: 'xeon e' }, 50).watts.value, 70.49);
    // an AMD range has no curve: the default Platinum curve, said so
    const epyc = cpuPower({ units: 1, modelRange: 'EPYC' }, 50);
    assertSigFigs(epyc.watts.value, 182.2);
    assert.match(epyc.assumptions[0], /"EPYC" has no Boavizta power curve/);
  });

  it('never goes below 1 W', () => {
    assert.equal(cpuPowerAtLoadW({ a: 10, b: 0.01, c: 1, d: 0 }, 0), 1);
  });

  // Expectations for refits: scipy 1.17.1 curve_fit with BoaviztAPI's p0 and bounds (the fit has no closed form).
  it('refits through TDP like BoaviztAPI test_cp (Xeon Gold, TDP 100: a 50.85, c 20.45)', () => {
    const { curve } = cpuPowerCurve({ units: 1, modelRange: 'xeon gold', tdpW: 100 });
    assertSigFigs(curve.a, 50.85);
    assertSigFigs(curve.c, 20.45);
    // scipy: P(0, 10, 50, 100) = 11.93, 32.17, 74.82, 102.1 W
    assertSigFigs(cpuPowerAtLoadW(curve, 0), 11.93);
    assertSigFigs(cpuPowerAtLoadW(curve, 10), 32.17);
    assertSigFigs(cpuPowerAtLoadW(curve, 50), 74.82);
    assertSigFigs(cpuPowerAtLoadW(curve, 100), 102.1);
  });

  it('refits from the default curve (AMD EPYC 7251, TDP 120: a 61.02, c 20.45)', () => {
    const { curve } = cpuPowerCurve({ units: 1, tdpW: 120 });
    assertSigFigs(curve.a, 61.02);
    assertSigFigs(curve.c, 20.45);
    // scipy P(50) = 89.78 W
    assertSigFigs(cpuPowerAtLoadW(curve, 50), 89.78);
  });

  it('respects the parameter bounds like scipy (Xeon Silver, TDP 205: a stops at 3 × 20.7794)', () => {
    const { curve } = cpuPowerCurve({ units: 1, modelRange: 'Xeon Silver', tdpW: 205 });
    // upper bound 20.7794 + 2 × 20.7794 = 62.34; scipy c = 6.192; P(0, 50, 100) = 19.62, 157.1, 196.8 W
    assertSigFigs(curve.a, 62.34);
    assertSigFigs(curve.c, 6.192);
    assertSigFigs(cpuPowerAtLoadW(curve, 0), 19.62);
    assertSigFigs(cpuPowerAtLoadW(curve, 50), 157.1);
    assertSigFigs(cpuPowerAtLoadW(curve, 100), 196.8);
  });

  it('fits a curve that passes through points it can reach exactly', () => {
    // y = 50 ln(0.1 (x + 10)) + 5 sampled at 0, 10, 50, 100 is recovered (b, d only enter as 50 ln b + d)
    const truth = { a: 50, b: 0.1, c: 10, d: 5 };
    const xs = [0, 10, 50, 100];
    const ys = xs.map((x) => truth.a * Math.log(truth.b * (x + truth.c)) + truth.d);
    const fit = fitLogCurve(xs, ys, { a: 40, b: 0.1, c: 12, d: 0 }, 2);
    assertSigFigs(fit.a, 50, 6);
    assertSigFigs(fit.c, 10, 6);
    for (const x of [0, 25, 75, 100]) assertSigFigs(cpuPowerAtLoadW(fit, x), truth.a * Math.log(truth.b * (x + truth.c)) + truth.d, 6);
  });
});

describe('boavizta server power', () => {
  it('adds memory at 0.284 W/GB', () => {
    // 16 × 64 GB × 0.284 = 290.8 W
    assertExact(ramPower([{ units: 16, capacityGb: 64 }]).watts, 290.8);
    // default 8 (6–10) × 32 GB × 0.284 = 72.70 (54.53–90.88)
    assertRange(ramPower(undefined).watts, [72.7, 54.53, 90.88]);
  });

  it('dellR740-like server at the default load', () => {
    // CPU 2 × 182.23 = 364.46 (2 × 35.563 = 71.126 – 2 × 260.05 = 520.09); RAM 12 × 32 × 0.284 = 109.06
    // value (364.46 + 109.06) × 1.33 = 629.8; min (71.126 + 109.06) × 1.2 = 216.2; max (520.09 + 109.06) × 1.6 = 1007
    const power = serverPower({ cpu: { units: 2, cores: 24, dieSizePerCoreMm2: 24.5 }, ram: [{ units: 12, capacityGb: 32 }] });
    assertRange(power.watts, [629.8, 216.2, 1007]);
    assertExact(power.ramW, 109.1);
  });

  it('adds a given GPU average power per card', () => {
    // 8 GPUs × 400 W = 3200; (364.46 + 290.82 + 3200) × 1.33 = 5128 at 50% load
    // min (364.46 + 290.82 + 3200) × 1.2 = 4626; max × 1.6 = 6168 (only the other-consumption ratio varies)
    const components = { cpu: { units: 2 }, ram: [{ units: 16, capacityGb: 64 }], gpu: { units: 8 } };
    const power = serverPower(components, 50, 400);
    assertExact(power.gpuW, 3200);
    assertRange(power.watts, [5128, 4626, 6168]);
    // without a GPU power, GPUs add nothing and that is said
    const noGpuPower = serverPower(components, 50);
    assertExact(noGpuPower.gpuW, 0);
    assert.ok(noGpuPower.assumptions.some((a) => a.includes('no GPU power model')));
  });
});
