import type { Factor } from '../factors/factor';

/**
 * Freight emission factors per tonne-kilometre for inbound transport of hardware (Scope 3
 * category 4). One basis for all modes: well-to-wheel (WTW, as GLEC / ISO 14083 require),
 * built as UK DESNZ 2025 "Freighting goods" (tank-to-wheel) + "WTT- delivery vehs & freight"
 * (well-to-tank). GLEC v3 module tables were not available to verify, so DESNZ supplies the
 * value and the other published figures only widen min–max.
 */

export type FreightMode = 'air' | 'sea' | 'road' | 'rail';

const DESNZ =
  'UK DESNZ GHG conversion factors 2025 (flat file v2), Freighting goods + WTT- delivery vehs & freight';
const DESNZ_URL = 'https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting';
const DESNZ_COPY =
  '[S] DESNZ values read from a third-party machine copy (github.com/scope3emissiontest-oss/JulesProject, defra_factors_2025_v2), not from gov.uk.';

interface FreightRow {
  mode: FreightMode;
  label: string;
  ttw: number;
  wtt: number;
  min: number;
  max: number;
  /** Which DESNZ rows, and where min and max come from. */
  detail: string;
}

const ROWS: readonly FreightRow[] = [
  {
    mode: 'air',
    label: 'Air freight (long-haul freighter, without radiative forcing)',
    ttw: 0.5313,
    wtt: 0.13516,
    min: 0.608,
    max: 2.11,
    detail:
      'Freight flights, international to/from non-UK, without RF: 0.5313 TTW + 0.13516 WTT. Min: GLEC v3.2 air belly long-haul 0.608 (secondary JSON); max: BoaviztAPI 2.4.1 GPU sub-model plane 2.11. DESNZ with RF would be 0.89939 + 0.13516 = 1.035',
  },
  {
    mode: 'sea',
    label: 'Sea freight (container ship, average)',
    ttw: 0.01612,
    wtt: 0.00365,
    min: 0.0133,
    max: 0.056,
    detail:
      'Cargo ship, container ship, average: 0.01612 TTW + 0.00365 WTT. Min: BoaviztAPI 2.4.1 boat 0.0133; max: EPA Hub Table 8 (older edition) waterborne 0.082 kg CO2/short ton-mile = 0.056',
  },
  {
    mode: 'road',
    label: 'Road freight (HGV, all diesel, average laden)',
    ttw: 0.10163,
    wtt: 0.02359,
    min: 0.0504,
    max: 0.127,
    detail:
      'HGV (all diesel), all HGVs, average laden: 0.10163 TTW + 0.02359 WTT. Min: BoaviztAPI 2.4.1 truck 0.0504; max: EPA Hub (2024/25) medium- and heavy-duty truck 0.186 kg CO2/short ton-mile = 0.127',
  },
  {
    mode: 'rail',
    label: 'Rail freight (freight train)',
    ttw: 0.02779,
    wtt: 0.00691,
    min: 0.014,
    max: 0.0347,
    detail:
      'Rail, freight train: 0.02779 TTW + 0.00691 WTT. Min: EPA Hub (2024/25) rail 0.021 kg CO2/short ton-mile = 0.014 (tank-to-wheel CO2 only)',
  },
];

function freightFactor(row: FreightRow): Factor {
  const value = Math.round((row.ttw + row.wtt) * 1e5) / 1e5;
  return {
    id: `transport/${row.mode}`,
    label: row.label,
    value,
    min: Math.min(row.min, value),
    max: Math.max(row.max, value),
    unit: 'kgCO2e/t.km',
    source: `${DESNZ}: ${row.detail}`,
    url: DESNZ_URL,
    year: 2025,
    boundary: 'well-to-wheel',
    note: DESNZ_COPY,
  };
}

const BY_MODE: ReadonlyMap<FreightMode, Factor> = new Map(ROWS.map((row) => [row.mode, freightFactor(row)]));

export const TRANSPORT_FACTORS: readonly Factor[] = [...BY_MODE.values()];

/** The WTW factor of a freight mode. */
export function transportFactorFor(mode: FreightMode): Factor {
  const factor = BY_MODE.get(mode);
  if (!factor) throw new Error(`No freight factor for mode ${mode}`);
  return factor;
}
