/**
 * Deterministic generator of realistic fleet manifests for the benchmark and the randomised
 * incremental-analysis test: several sites, a mix of catalog models and component-level
 * servers (with the odd missing field that real inventories have), site, stage, asset-list
 * and per-GPU budgets, and a couple of scenarios.
 */

/** Small fast PRNG (mulberry32) so that generated manifests are identical across runs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = [
  { id: 'fra-dc1', location: 'FR', pue: 1.3, renewableShare: 0.5, diesel: 8000, gas: 'R-134a', leak: 12 },
  { id: 'deu-fra2', location: 'DE', pue: 1.25, renewableShare: 0.7 },
  { id: 'irl-dub1', location: 'IE', pue: 1.18, renewableShare: 0.9, diesel: 12000 },
  { id: 'us-west-or', location: 'US-NWPP', pue: 1.12, renewableShare: 0.4, gas: 'R-410A', leak: 30 },
  { id: 'us-east-va', location: 'US-SRVC', pue: 1.35, renewableShare: 0.2, diesel: 25000 },
  { id: 'nor-osl1', location: 'NO', pue: 1.1, renewableShare: 1 },
  { id: 'sgp-sin1', location: 'SG', pue: 1.45, renewableShare: 0.1, gas: 'R-32', leak: 8 },
  { id: 'jpn-tyo1', location: 'JP', pue: 1.4 },
];

const MODELS = ['nvidia-hgx-h100-8gpu', 'nvidia-dgx-h100', 'nvidia-hgx-b200-8gpu', 'dell-poweredge-r740', 'nvidia-l40s', 'nvidia-h100-pcie', 'amd-mi300x', 'nvidia-a100-sxm4-80gb'];
const CPUS = ['AMD EPYC 9654', 'AMD EPYC 9554', 'Intel Xeon Platinum 8480+'];
const MODES = ['sea', 'air', 'road', 'rail'];
const ROUTES = ['recycle', 'refurbish', 'resell', 'landfill'];

export interface GenerateOptions {
  assets: number;
  seed?: number;
  /** Share of assets that leave out a field (transport, end of life, lifespan…). Default 0.05. */
  incompleteShare?: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function date(random: () => number): string {
  const year = 2022 + Math.floor(random() * 5);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The text of a manifest with `assets` assets. */
export function generateManifest({ assets, seed = 1, incompleteShare = 0.05 }: GenerateOptions): string {
  const random = rng(seed);
  const siteCount = Math.min(SITES.length, Math.max(2, Math.ceil(Math.log10(assets + 1) * 2)));
  const sites = SITES.slice(0, siteCount);
  const out: string[] = [
    `# Generated fleet inventory: ${assets} asset groups across ${siteCount} sites (carbon-lens bench).`,
    'version: 1',
    'organization: Bench Labs',
    'period: 2026',
    'sites:',
  ];
  for (const site of sites) {
    out.push(`  - id: ${site.id}`, `    location: ${site.location}`, `    pue: ${site.pue}`);
    if (site.renewableShare !== undefined) out.push(`    renewableShare: ${site.renewableShare}`);
    if (site.diesel) out.push(`    generators: { dieselLitres: ${site.diesel} }`);
    if (site.gas) out.push(`    refrigerants: [{ gas: ${site.gas}, leakedKg: ${site.leak} }]`);
  }
  out.push('assets:');
  const ids: string[] = [];
  for (let i = 0; i < assets; i++) {
    const site = pick(random, sites).id;
    const id = `${site.split('-')[0]}-${i < assets / 2 ? 'gpu' : 'node'}-${String(i).padStart(6, '0')}`;
    ids.push(id);
    const incomplete = random() < incompleteShare;
    const skip = incomplete ? Math.floor(random() * 4) : -1;
    if (i % 50 === 0) out.push(`  # rack row ${i / 50 + 1}`);
    out.push(`  - id: ${id}`, `    site: ${site}`);
    const catalog = random() < 0.6;
    if (catalog) {
      out.push(`    model: ${pick(random, MODELS)}`);
    } else {
      out.push('    components:');
      if (random() < 0.5) out.push(`      cpu: { units: 2, name: ${pick(random, CPUS)} }`);
      else out.push(`      cpu: { units: 2, cores: ${pick(random, [32, 64, 96])}, dieSizeMm2: ${pick(random, [800, 1200, 1400])} }`);
      out.push(`      ram: [{ units: ${pick(random, [8, 16, 24, 32])}, capacityGb: ${pick(random, [32, 64, 128])} }]`);
      if (random() < 0.7) out.push(`      ssd: [{ units: ${pick(random, [2, 4, 8, 12])}, capacityGb: ${pick(random, [1920, 3840, 7680])} }]`);
      else out.push(`      hdd: { units: ${pick(random, [8, 12, 24])} }`);
      if (random() < 0.4) out.push(`      gpu: { units: ${pick(random, [2, 4, 8])}, model: ${pick(random, ['nvidia-l40s', 'nvidia-h100-pcie', 'nvidia-l4'])} }`);
      out.push(`      psu: { units: 2, weightKg: 2.5 }`, '      chassis: rack');
      // Inventories exported from DCIM usually carry measured power; a few servers do not.
      if (random() < 0.85) out.push(`    power: { idleW: ${pick(random, [150, 250, 400])}, maxW: ${pick(random, [700, 900, 1600, 3000])} }`);
    }
    out.push(`    count: ${1 + Math.floor(random() * 64)}`, `    acquired: ${date(random)}`);
    if (skip !== 0) out.push(`    lifespanYears: ${pick(random, [4, 5, 6, 7])}`);
    out.push(`    utilization: ${pick(random, [0.2, 0.35, 0.5, 0.6, 0.75, 0.9])}`);
    if (skip !== 1) out.push(`    transport: { mode: ${pick(random, MODES)}, distanceKm: ${pick(random, [800, 2500, 9500, 12000])} }`);
    if (skip !== 2) out.push(`    endOfLife: ${pick(random, ROUTES)}`);
  }
  out.push('budgets:');
  out.push('  - id: annual-total', `    limit: ${Math.max(1, Math.round(assets * 40))} tCO2e`, '    severity: error');
  out.push('  - id: embodied', '    stage: manufacturing', `    limit: ${Math.max(1, Math.round(assets * 12))} tCO2e`, '    severity: warning');
  for (const site of sites.slice(0, 3)) {
    out.push(`  - id: ${site.id}-scope2`, `    site: ${site.id}`, '    scope: 2', '    scope2Basis: market', `    limit: ${Math.max(1, Math.round((assets * 20) / siteCount))} tCO2e`);
  }
  out.push('  - id: per-gpu', '    per: gpu', '    limit: 2 tCO2e', '    severity: info');
  out.push('  - id: flagship', `    assets: [${ids.slice(0, Math.min(5, ids.length)).join(', ')}]`, '    view: inventory', '    limit: 5000 tCO2e');
  out.push('scenarios:');
  out.push('  - id: longer-life', '    description: Keep every server 2 years longer', '    set: { lifespanYears: 7 }');
  out.push(`  - id: green-${sites[0].id}`, `    sites: [${sites[0].id}]`, '    set: { renewableShare: 1, pue: 1.1 }');
  return `${out.join('\n')}\n`;
}
