import { strict as assert } from 'node:assert';
import { analyze, fixedFactors, overridableFactors, reportFromAnalysis } from '../../../engine';
import { CPU_POWER_CURVES } from '../../../engine/data/boavizta';
import { canonicalFactorId, dataCatalog } from '../../../engine/data/registry';

/**
 * Issue 11, "every factor overridable, or an error": for every factor `carbon-lens factors`
 * lists, some manifest that uses it gives another report when the factor is overridden, and the
 * report flags the row as overridden; every model parameter is refused at the override's line.
 */

interface Case {
  methodology?: 'boavizta-2.4';
  site?: string;
  asset?: string;
  extra?: string;
}

const SITE = 'id: dc\n    location: FR\n    pue: 1.3';
const ASSET = 'id: a\n    site: dc\n    count: 3\n    acquired: 2026-01-01\n    lifespanYears: 4\n    utilization: 0.6\n    transport: { mode: sea, distanceKm: 5000, weightKg: 30 }\n    endOfLife: recycle';
const components = (body: string): string => `${ASSET}\n    components:\n${body}`;
const FULL_SERVER = '      cpu: { units: 2, cores: 32, tdpW: 205 }\n      ram: [{ units: 8, capacityGb: 64 }]\n      ssd: [{ units: 2, capacityGb: 3840 }]\n      psu: { units: 2, weightKg: 2 }\n      chassis: rack';

function manifest({ methodology, site = SITE, asset = components(FULL_SERVER), extra = '' }: Case): string {
  return `version: 1\nperiod: 2026\n${methodology ? `methodology: ${methodology}\n` : ''}sites:\n  - ${site}\nassets:\n  - ${asset}\n${extra}`;
}

const locationsByGridId = new Map<string, string>();
for (const location of dataCatalog().locations()) {
  const id = canonicalFactorId(`grid/${location}`);
  if (!locationsByGridId.has(id)) locationsByGridId.set(id, location);
}

/** Manifests that use a factor, by its kind; the property needs one of them to react. */
function casesFor(id: string): Case[] {
  const [kind, ...rest] = id.split('/');
  const name = rest.join('/');
  const both = (c: Case): Case[] => [c, { ...c, methodology: 'boavizta-2.4' }];
  switch (kind) {
    case 'grid': {
      const location = locationsByGridId.get(id);
      const noLocation = { site: 'id: dc\n    pue: 1.3' };
      return location ? [{ site: `id: dc\n    location: ${location}\n    pue: 1.3` }] : [noLocation];
    }
    case 'electricity': {
      const subregions = dataCatalog().locations().filter((l) => l.startsWith('US'));
      return ['FR', 'DE', 'CN', 'IN', ...subregions].map((l) => ({ site: `id: dc\n    location: ${l}\n    pue: 1.3` }));
    }
    case 'refrigerant':
      return [{ site: `${SITE}\n    refrigerants: [{ gas: ${name}, leakedKg: 10 }]` }];
    case 'fuel':
      return [{ site: `${SITE}\n    generators: { dieselLitres: 1000 }` }];
    case 'transport':
      return [{ asset: components(FULL_SERVER).replace('mode: sea', `mode: ${name}`) }, { asset: components(FULL_SERVER).replace(/\n    transport: .*/, '') }];
    case 'endOfLife':
      // The refurbished share is read by the "buy refurbished" what-if of every report.
      if (name === 'refurbished-share') return [{}];
      return [{ asset: components(FULL_SERVER).replace('endOfLife: recycle', `endOfLife: ${name}`) }];
    case 'model':
      return [{ asset: `${ASSET}\n    model: ${name}` }];
    case 'default': {
      const bare = 'id: a\n    site: dc\n    components:\n' + FULL_SERVER;
      return [{ asset: bare, site: 'id: dc\n    location: FR' }];
    }
    case 'boavizta':
      return boaviztaCases(name).flatMap(both);
    case 'accelerator': {
      // The default methodology's accelerator model: cards by their dimensions (HBM, GDDR), by none, and a catalog card.
      const gpu = (body: string): Case => ({ asset: components(`      gpu: ${body}`) });
      return [
        gpu('{ units: 4, memoryGb: 80, memoryDies: 5, dieSizeMm2: 814, tdpW: 700, weightKg: 1.69 }'),
        gpu('{ units: 4, memoryGb: 48, memoryDies: 24, dieSizeMm2: 609, tdpW: 350, weightKg: 1.1 }'),
        gpu('{ units: 4 }'),
        { asset: `${ASSET}\n    model: nvidia-l40s` },
      ];
    }
    case 'server':
      // The platform term of component-described servers (rack or tower, blade).
      return [{}, { asset: components('      cpu: { units: 2 }\n      chassis: blade') }];
    default:
      return [];
  }
}

function boaviztaCases(name: string): Case[] {
  const server = (body: string): Case => ({ asset: components(body) });
  const cores = /^cpu\/die-size\/cores-(\d+)$/.exec(name);
  if (cores) return [server(`      cpu: { units: 2, cores: ${cores[1]} }`)];
  const curve = /^cpu\/power-curve\/([a-z0-9-]+)\/[abcd]$/.exec(name);
  if (curve) {
    const row = CPU_POWER_CURVES.find((c) => c.a.id.includes(`/${curve[1]}/`))!;
    const family = row.modelRange === 'default' ? '' : `, family: ${row.modelRange}`;
    return [server(`      cpu: { units: 2${family} }`), server(`      cpu: { units: 2, tdpW: 150${family} }`)];
  }
  return [
    server(FULL_SERVER),
    server('      cpu: { units: 2 }\n      chassis: blade'),
    server('      cpu: { units: 2, cores: 200 }\n      hdd: { units: 4 }'),
    server('      gpu: { units: 4, transport: { planeKm: 5000 } }'),
    server('      gpu: { units: 4 }'),
    server('      ram: [{ units: 4, capacityGb: 32 }]'),
    server('      ram: [{ units: 4 }]\n      ssd: [{ units: 2 }]'),
    { asset: components(FULL_SERVER).replace('\n    utilization: 0.6', '') },
  ];
}

/** Everything a report says in numbers, without the factor list (which names the override). */
/** Factors only the report's built-in what-ifs read (not the inventory). */
const WHAT_IF_FACTORS = new Set(['default/best-practice-pue', 'endOfLife/refurbished-share']);

function numbers(text: string): string {
  const report = reportFromAnalysis(analyze(text), 'm.carbon.yaml') as unknown as Record<string, unknown>;
  const { factors: _factors, ...rest } = report;
  return JSON.stringify(rest, (_k, v: unknown) => (typeof v === 'string' ? undefined : v));
}

function overridden(text: string, id: string, value: number): string {
  return `${text}factors:\n  - { id: ${id}, value: ${value}, source: audit }\n`;
}

describe('compute: every listed factor can be overridden, or is refused', function () {
  this.timeout(600000);

  it('every overridable factor changes the report of a manifest that uses it, flagged as overridden', () => {
    const silent: string[] = [];
    for (const factor of overridableFactors()) {
      // Overrides are non-negative (schema): a negative curve parameter is overridden by a positive one.
      const changed = factor.value === 0 ? 1 : Math.abs(factor.value) * 1.37;
      const reacted = casesFor(factor.id).some((c) => {
        const text = manifest(c);
        const base = analyze(text);
        assert.equal(base.findings.filter((f) => f.severity === 'error').length, 0, `${factor.id}: the case manifest is valid:\n${text}`);
        const withOverride = overridden(text, factor.id, changed);
        assert.deepEqual(analyze(withOverride).findings.filter((f) => f.severity === 'error').map((f) => f.message), [], factor.id);
        if (numbers(withOverride) === numbers(text)) return false;
        const report = reportFromAnalysis(analyze(withOverride), 'm.carbon.yaml');
        const row = report.factors.find((f) => f.id === canonicalFactorId(factor.id));
        if (WHAT_IF_FACTORS.has(factor.id)) {
          // Read only by a built-in what-if: its description quotes the value in force.
          assert.ok(report.whatIfs.some((w) => w.description.includes(String(changed)) || w.description.includes(`${Math.round(changed * 100)}%`)), factor.id);
        } else {
          assert.ok(row?.overridden, `${factor.id}: the report lists the overridden row and flags it`);
        }
        return true;
      });
      if (!reacted) silent.push(factor.id);
    }
    assert.deepEqual(silent, [], 'overrides accepted and ignored');
  });

  it('every model parameter is listed and its override is refused at the override line', () => {
    const fixed = fixedFactors();
    assert.ok(fixed.length > 0);
    for (const factor of fixed) {
      const analysis = analyze(overridden(manifest({}), factor.id, factor.value + 1));
      const finding = analysis.findings.find((f) => f.code === 'factor-not-overridable');
      assert.ok(finding, factor.id);
      assert.equal(finding.severity, 'error');
      assert.equal(finding.data?.factorId, factor.id);
      assert.deepEqual(finding.data?.path, ['factors', 0, 'id'], 'at the override line');
      assert.match(finding.message, /model parameter/);
    }
  });

  it('a density override of 0 is refused at its value and the built-in density counts (no division by zero)', () => {
    // Found by the engine fuzzer: boavizta/ram/density/8 = 0 made a DRAM die area infinite.
    const base = manifest({});
    const analysis = analyze(overridden(base, 'boavizta/ram/density/8', 0));
    const finding = analysis.findings.find((f) => f.code === 'out-of-range' && f.data?.factorId === 'boavizta/ram/density/8');
    assert.ok(finding, 'an error on the override');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.data?.path, ['factors', 0, 'value']);
    const totals = (text: string) => JSON.stringify(reportFromAnalysis(analyze(text), 'm.carbon.yaml').totals);
    assert.equal(totals(overridden(base, 'boavizta/ram/density/8', 0)), totals(base), 'the built-in density is used');
  });
});
