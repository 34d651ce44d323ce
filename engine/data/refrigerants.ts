import type { Factor } from '../factors/factor';

/**
 * 100-year global warming potentials of refrigerants and fire-suppression or switchgear gases,
 * for fugitive Scope 1 emissions (kg leaked × GWP). The inventory default is IPCC AR5, the set
 * used by the US EPA GHG Emission Factors Hub and the GHG Protocol tools; AR6 values ride along
 * in `ar6` for inventories that chose AR6. Keep one report for a whole inventory and its base year.
 */

export interface RefrigerantFactor extends Factor {
  /** GWP100 from IPCC AR6 WG1 Table 7.SM.7 (blends: mass-weighted). */
  ar6: number;
  /** Other designations that resolve to this gas (matching ignores case, spaces and dashes). */
  aliases: readonly string[];
  /** Blend composition as [component designation, mass fraction] (ASHRAE 34). */
  composition?: readonly (readonly [string, number])[];
}

const AR5_SOURCE =
  'IPCC AR5 WG1 Ch.8 Table 8.A.1 GWP100, as listed in GHG Protocol "Global Warming Potential Values" (2016); read from openclimatedata/globalwarmingpotentials (CC0, commit fc4e6f4)';
const AR5_URL = 'https://github.com/openclimatedata/globalwarmingpotentials';
const AR6_NOTE = 'AR6 value from IPCC AR6 WG1 Table 7.SM.7 (chrisroadmap/ar6 metrics_supplement_cleaned.csv).';

interface GasRow {
  gas: string;
  name: string;
  ar5: number;
  ar6: number;
  aliases: string[];
  /** AR5 bounds when the report gives an inequality. */
  ar5Min?: number;
  note?: string;
}

const PURE_GASES: readonly GasRow[] = [
  { gas: 'R-32', name: 'difluoromethane', ar5: 677, ar6: 771, aliases: ['HFC-32'] },
  { gas: 'R-125', name: 'pentafluoroethane', ar5: 3170, ar6: 3740, aliases: ['HFC-125'] },
  { gas: 'R-134a', name: '1,1,1,2-tetrafluoroethane', ar5: 1300, ar6: 1530, aliases: ['HFC-134a'] },
  { gas: 'R-143a', name: '1,1,1-trifluoroethane', ar5: 4800, ar6: 5810, aliases: ['HFC-143a'] },
  {
    gas: 'R-1234yf',
    name: 'HFO, 2,3,3,3-tetrafluoropropene',
    ar5: 1,
    ar5Min: 0,
    ar6: 0.501,
    aliases: ['HFO-1234yf'],
    note: '[S] AR5 gives "<1" (IPCC AR5 WG1 via coolingpost.com/IIR); 1 is used as the upper bound.',
  },
  {
    gas: 'R-1234ze(E)',
    name: 'HFO, trans-1,3,3,3-tetrafluoropropene',
    ar5: 1,
    ar5Min: 0,
    ar6: 1.37,
    aliases: ['HFO-1234ze(E)', 'R-1234ze', 'HFO-1234ze'],
    note: '[S] AR5 gives "<1" (IPCC AR5 WG1 via coolingpost.com/IIR); 1 is used as the upper bound.',
  },
  {
    gas: 'HFC-227ea',
    name: 'heptafluoropropane (FM-200 fire suppression)',
    ar5: 3350,
    ar6: 3600,
    aliases: ['R-227ea', 'FM-200'],
  },
  { gas: 'SF6', name: 'sulfur hexafluoride (switchgear)', ar5: 23500, ar6: 25200, aliases: ['sulfur hexafluoride', 'sulphur hexafluoride'] },
  { gas: 'NF3', name: 'nitrogen trifluoride', ar5: 16100, ar6: 17400, aliases: ['nitrogen trifluoride'] },
  { gas: 'R-744', name: 'carbon dioxide', ar5: 1, ar6: 1, aliases: ['CO2', 'carbon dioxide'] },
  {
    gas: 'R-22',
    name: 'chlorodifluoromethane (HCFC)',
    ar5: 1760,
    ar6: 1960,
    aliases: ['HCFC-22'],
    note: 'An HCFC controlled by the Montreal Protocol, not a Kyoto gas: the GHG Protocol lets it be reported separately from the scopes.',
  },
  {
    gas: 'R-717',
    name: 'ammonia',
    ar5: 0,
    ar6: 0,
    aliases: ['NH3', 'ammonia'],
    note: '[S] Not in the IPCC GWP tables (no direct greenhouse effect); 0 by convention, as in ASHRAE 34 refrigerant listings.',
  },
];

interface BlendRow {
  gas: string;
  composition: readonly (readonly [string, number])[];
}

// Mass fractions per ASHRAE 34, as compiled in the Carbon Lens methodology brief §4.3.
const BLENDS: readonly BlendRow[] = [
  { gas: 'R-404A', composition: [['R-125', 0.44], ['R-143a', 0.52], ['R-134a', 0.04]] },
  { gas: 'R-407C', composition: [['R-32', 0.23], ['R-125', 0.25], ['R-134a', 0.52]] },
  { gas: 'R-410A', composition: [['R-32', 0.5], ['R-125', 0.5]] },
  { gas: 'R-513A', composition: [['R-1234yf', 0.56], ['R-134a', 0.44]] },
];

function pureFactor(row: GasRow): RefrigerantFactor {
  return {
    id: `refrigerant/${row.gas}`,
    label: `${row.gas} (${row.name})`,
    value: row.ar5,
    min: row.ar5Min ?? row.ar5,
    max: row.ar5,
    unit: 'kgCO2e/kg',
    source: AR5_SOURCE,
    url: AR5_URL,
    year: 2013,
    boundary: 'GWP100 AR5',
    note: row.note ? `${row.note} ${AR6_NOTE}` : AR6_NOTE,
    ar6: row.ar6,
    aliases: row.aliases,
  };
}

const PURE_FACTORS = PURE_GASES.map(pureFactor);
const PURE_BY_GAS = new Map(PURE_FACTORS.map((f) => [f.id.slice('refrigerant/'.length), f]));

function component(gas: string): RefrigerantFactor {
  const found = PURE_BY_GAS.get(gas);
  if (!found) throw new Error(`Blend component ${gas} is not in the refrigerant table`);
  return found;
}

/** GWP of a blend is the mass-weighted sum of its components', rounded to a whole number as the EPA Hub lists them. */
function blendFactor(row: BlendRow): RefrigerantFactor {
  const sum = (pick: (f: RefrigerantFactor) => number) =>
    row.composition.reduce((total, [gas, share]) => total + share * pick(component(gas)), 0);
  const value = Math.round(sum((f) => f.value));
  const parts = row.composition.map(([gas, share]) => `${Math.round(share * 100)}% ${gas}`).join(' + ');
  return {
    id: `refrigerant/${row.gas}`,
    label: `${row.gas} (blend: ${parts})`,
    value,
    min: Math.min(value, Math.round(sum((f) => f.min ?? f.value))),
    max: value,
    unit: 'kgCO2e/kg',
    source: `Mass-weighted sum of component GWPs (${AR5_SOURCE}); composition per ASHRAE 34`,
    url: AR5_URL,
    year: 2013,
    boundary: 'GWP100 AR5',
    note: `[S] Composition from a secondary compilation (methodology brief §4.3); exact sum ${sum((f) => f.value).toFixed(2)}. ${AR6_NOTE}`,
    ar6: Math.round(sum((f) => f.ar6)),
    aliases: [],
    composition: row.composition,
  };
}

export const REFRIGERANT_FACTORS: readonly RefrigerantFactor[] = [...PURE_FACTORS, ...BLENDS.map(blendFactor)];

/** Matching key: upper case, letters and digits only, without the R-/HFC-/HFO-/HCFC- prefix. */
function gasKey(designation: string): string {
  return designation
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^(HCFC|HFC|HFO|R)(?=\d)/, '');
}

const BY_KEY: ReadonlyMap<string, RefrigerantFactor> = new Map(
  REFRIGERANT_FACTORS.flatMap((f) =>
    [f.id.slice('refrigerant/'.length), ...f.aliases].map((name) => [gasKey(name), f] as const),
  ),
);

/** The row for a gas designation: `R-134a`, `HFC-134a`, `r134a`, `FM-200`, `CO2` … */
export function refrigerantFor(gas: string): RefrigerantFactor | undefined {
  return BY_KEY.get(gasKey(gas));
}

/** Canonical designations (`R-134a`, `HFC-227ea`, `SF6` …) for completion and "did you mean". */
export function knownRefrigerants(): string[] {
  return REFRIGERANT_FACTORS.map((f) => f.id.slice('refrigerant/'.length)).sort();
}

/** Maps `refrigerant/<any alias>` to the table's id (`refrigerant/HFC-134a` → `refrigerant/R-134a`). */
export function canonicalRefrigerantFactorId(id: string): string {
  if (!id.startsWith('refrigerant/')) return id;
  return refrigerantFor(id.slice('refrigerant/'.length))?.id ?? id;
}
