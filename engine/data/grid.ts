import type { Factor } from '../factors/factor';

/**
 * Location-based grid electricity factors (kgCO2e per kWh consumed).
 *
 * Two families, never mixed within one row:
 * - countries and regions from BoaviztAPI 2.4.1 (`lifecycle`: includes fuel upstream), which are
 *   also exactly what `methodology: boavizta-2.4` uses;
 * - US EPA eGRID subregions (`combustion`: stack CO2, CH4 and N2O only).
 * Sites name a location as ISO 3166 alpha-2 or alpha-3 (`FR`, `FRA`) or `US-<SUBRGN>` (`US-CAMX`).
 */

const BOAVIZTA_FACTORS_URL =
  'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/data/factors.yml';
const VIA_BOAVIZTA = 'via BoaviztAPI 2.4.1 factors.yml electricity.<zone>.gwp (commit 15878f0)';

type BoaviztaSource = 'SCARLAT' | 'EMBER' | 'ADEME' | 'MEAN';

const BOAVIZTA_SOURCES: Record<BoaviztaSource, { source: string; url: string }> = {
  SCARLAT: {
    source: `Scarlat, Prussi & Padella, "Quantification of the carbon intensity of electricity produced and used in Europe", Applied Energy (2022), consumption-based incl. imports; ${VIA_BOAVIZTA}`,
    url: 'https://www.sciencedirect.com/science/article/pii/S0306261921012149',
  },
  EMBER: {
    source: `Ember, yearly electricity data (data explorer), 2020 values; ${VIA_BOAVIZTA}`,
    url: 'https://ember-climate.org/data/data-explorer',
  },
  ADEME: {
    source: `ADEME Base IMPACTS® (2011 values); ${VIA_BOAVIZTA}`,
    url: BOAVIZTA_FACTORS_URL,
  },
  MEAN: {
    source: `BoaviztAPI 2.4.1: mean of all countries in its table (2019 and 2020 values); ${VIA_BOAVIZTA}`,
    url: BOAVIZTA_FACTORS_URL,
  },
};

/** [zone code (ISO alpha-3, or WOR/EEE), ISO alpha-2, name, kgCO2e/kWh, reference year, source]. */
type BoaviztaRow = readonly [string, string | undefined, string, number, number, BoaviztaSource];

// Values restated unchanged from factors.yml (139 zones). ANT and SCG are withdrawn ISO codes
// (Netherlands Antilles, Serbia and Montenegro) kept because Boavizta uses them.
const BOAVIZTA_ROWS: readonly BoaviztaRow[] = [
  ['AGO', 'AO', 'Angola', 0.173, 2020, 'EMBER'],
  ['ALB', 'AL', 'Albania', 0.024, 2019, 'SCARLAT'],
  ['ANT', 'AN', 'Netherlands Antilles', 1.13161, 2011, 'ADEME'],
  ['ARE', 'AE', 'United Arab Emirates', 0.472, 2020, 'EMBER'],
  ['ARG', 'AR', 'Argentina', 0.353, 2020, 'EMBER'],
  ['ARM', 'AM', 'Armenia', 0.209, 2020, 'EMBER'],
  ['AUS', 'AU', 'Australia', 0.56, 2020, 'EMBER'],
  ['AUT', 'AT', 'Austria', 0.264, 2020, 'EMBER'],
  ['AZE', 'AZ', 'Azerbaijan', 0.537, 2020, 'EMBER'],
  ['BEL', 'BE', 'Belgium', 0.23, 2019, 'SCARLAT'],
  ['BEN', 'BJ', 'Benin', 0.652, 2020, 'EMBER'],
  ['BGD', 'BD', 'Bangladesh', 0.55, 2020, 'EMBER'],
  ['BGR', 'BG', 'Bulgaria', 0.544, 2019, 'SCARLAT'],
  ['BHR', 'BH', 'Bahrain', 0.49, 2020, 'EMBER'],
  ['BIH', 'BA', 'Bosnia and Herzegovina', 0.522, 2020, 'EMBER'],
  ['BLR', 'BY', 'Belarus', 0.516, 2019, 'SCARLAT'],
  ['BOL', 'BO', 'Bolivia', 0.32, 2020, 'EMBER'],
  ['BRA', 'BR', 'Brazil', 0.113, 2020, 'EMBER'],
  ['BRN', 'BN', 'Brunei', 0.659, 2020, 'EMBER'],
  ['BWA', 'BW', 'Botswana', 0.8, 2020, 'EMBER'],
  ['CAN', 'CA', 'Canada', 0.12, 2020, 'EMBER'],
  ['CHE', 'CH', 'Switzerland', 0.078, 2019, 'SCARLAT'],
  ['CHL', 'CL', 'Chile', 0.387, 2020, 'EMBER'],
  ['CHN', 'CN', 'China', 0.55, 2020, 'EMBER'],
  ['CIV', 'CI', "Côte d'Ivoire", 0.421, 2020, 'EMBER'],
  ['CMR', 'CM', 'Cameroon', 0.254, 2020, 'EMBER'],
  ['COD', 'CD', 'Congo, Democratic Republic of the', 0.026, 2020, 'EMBER'],
  ['COG', 'CG', 'Congo', 0.375, 2020, 'EMBER'],
  ['COL', 'CO', 'Colombia', 0.211, 2020, 'EMBER'],
  ['CRI', 'CR', 'Costa Rica', 0.033, 2020, 'EMBER'],
  ['CUB', 'CU', 'Cuba', 0.61, 2020, 'EMBER'],
  ['CYP', 'CY', 'Cyprus', 0.791, 2019, 'SCARLAT'],
  ['CZE', 'CZ', 'Czechia', 0.397, 2020, 'EMBER'],
  ['DEU', 'DE', 'Germany', 0.422, 2019, 'SCARLAT'],
  ['DNK', 'DK', 'Denmark', 0.158, 2019, 'SCARLAT'],
  ['DOM', 'DO', 'Dominican Republic', 0.625, 2020, 'EMBER'],
  ['DZA', 'DZ', 'Algeria', 0.485, 2020, 'EMBER'],
  ['ECU', 'EC', 'Ecuador', 0.135, 2020, 'EMBER'],
  ['EEE', undefined, 'Europe', 0.38, 2019, 'SCARLAT'],
  ['EGY', 'EG', 'Egypt', 0.471, 2020, 'EMBER'],
  ['ERI', 'ER', 'Eritrea', 0.652, 2020, 'EMBER'],
  ['ESP', 'ES', 'Spain', 0.279, 2019, 'SCARLAT'],
  ['EST', 'EE', 'Estonia', 0.472, 2019, 'SCARLAT'],
  ['ETH', 'ET', 'Ethiopia', 0.025, 2020, 'EMBER'],
  ['FIN', 'FI', 'Finland', 0.141, 2019, 'SCARLAT'],
  ['FRA', 'FR', 'France', 0.098, 2019, 'SCARLAT'],
  ['GAB', 'GA', 'Gabon', 0.306, 2020, 'EMBER'],
  ['GBR', 'GB', 'United Kingdom', 0.246, 2020, 'EMBER'],
  ['GEO', 'GE', 'Georgia', 0.136, 2020, 'EMBER'],
  ['GHA', 'GH', 'Ghana', 0.344, 2020, 'EMBER'],
  ['GIB', 'GI', 'Gibraltar', 0.977477, 2011, 'ADEME'],
  ['GRC', 'GR', 'Greece', 0.78, 2019, 'SCARLAT'],
  ['GTM', 'GT', 'Guatemala', 0.278, 2020, 'EMBER'],
  ['HKG', 'HK', 'Hong Kong', 0.95888, 2011, 'ADEME'],
  ['HND', 'HN', 'Honduras', 0.346, 2020, 'EMBER'],
  ['HRV', 'HR', 'Croatia', 0.372, 2019, 'SCARLAT'],
  ['HTI', 'HT', 'Haiti', 0.612, 2020, 'EMBER'],
  ['HUN', 'HU', 'Hungary', 0.338, 2019, 'SCARLAT'],
  ['IDN', 'ID', 'Indonesia', 0.663, 2020, 'EMBER'],
  ['IND', 'IN', 'India', 0.626, 2020, 'EMBER'],
  ['IRL', 'IE', 'Ireland', 0.384, 2019, 'SCARLAT'],
  ['IRN', 'IR', 'Iran', 0.488, 2020, 'EMBER'],
  ['IRQ', 'IQ', 'Iraq', 0.518, 2020, 'EMBER'],
  ['ISL', 'IS', 'Iceland', 0.026, 2019, 'SCARLAT'],
  ['ISR', 'IL', 'Israel', 0.557, 2020, 'EMBER'],
  ['ITA', 'IT', 'Italy', 0.356, 2019, 'SCARLAT'],
  ['JAM', 'JM', 'Jamaica', 0.544, 2020, 'EMBER'],
  ['JOR', 'JO', 'Jordan', 0.435, 2020, 'EMBER'],
  ['JPN', 'JP', 'Japan', 0.473, 2020, 'EMBER'],
  ['KAZ', 'KZ', 'Kazakhstan', 0.655, 2020, 'EMBER'],
  ['KEN', 'KE', 'Kenya', 0.08, 2020, 'EMBER'],
  ['KGZ', 'KG', 'Kyrgyzstan', 0.081, 2020, 'EMBER'],
  ['KHM', 'KH', 'Cambodia', 0.424, 2020, 'EMBER'],
  ['KOR', 'KR', 'South Korea', 0.444, 2020, 'EMBER'],
  ['KWT', 'KW', 'Kuwait', 0.49, 2020, 'EMBER'],
  ['LBN', 'LB', 'Lebanon', 0.546, 2020, 'EMBER'],
  ['LBY', 'LY', 'Libya', 0.552, 2020, 'EMBER'],
  ['LKA', 'LK', 'Sri Lanka', 0.494, 2020, 'EMBER'],
  ['LTU', 'LT', 'Lithuania', 0.321, 2019, 'SCARLAT'],
  ['LUX', 'LU', 'Luxembourg', 0.338, 2019, 'SCARLAT'],
  ['LVA', 'LV', 'Latvia', 0.325, 2019, 'SCARLAT'],
  ['MAR', 'MA', 'Morocco', 0.625, 2020, 'EMBER'],
  ['MDA', 'MD', 'Moldova', 0.488, 2019, 'SCARLAT'],
  ['MEX', 'MX', 'Mexico', 0.411, 2020, 'EMBER'],
  ['MKD', 'MK', 'North Macedonia', 0.528, 2020, 'EMBER'],
  ['MLT', 'MT', 'Malta', 0.463, 2019, 'SCARLAT'],
  ['MMR', 'MM', 'Myanmar', 0.313, 2020, 'EMBER'],
  ['MNG', 'MN', 'Mongolia', 0.733, 2020, 'EMBER'],
  ['MOZ', 'MZ', 'Mozambique', 0.134, 2020, 'EMBER'],
  ['MYS', 'MY', 'Malaysia', 0.589, 2020, 'EMBER'],
  ['NAM', 'NA', 'Namibia', 0.048, 2020, 'EMBER'],
  ['NGA', 'NG', 'Nigeria', 0.398, 2020, 'EMBER'],
  ['NIC', 'NI', 'Nicaragua', 0.351, 2020, 'EMBER'],
  ['NLD', 'NL', 'Netherlands', 0.45, 2019, 'SCARLAT'],
  ['NOR', 'NO', 'Norway', 0.031, 2019, 'SCARLAT'],
  ['NPL', 'NP', 'Nepal', 0.023, 2020, 'EMBER'],
  ['NZL', 'NZ', 'New Zealand', 0.149, 2020, 'EMBER'],
  ['OMN', 'OM', 'Oman', 0.49, 2020, 'EMBER'],
  ['PAK', 'PK', 'Pakistan', 0.356, 2020, 'EMBER'],
  ['PAN', 'PA', 'Panama', 0.243, 2020, 'EMBER'],
  ['PER', 'PE', 'Peru', 0.231, 2020, 'EMBER'],
  ['PHL', 'PH', 'Philippines', 0.578, 2020, 'EMBER'],
  ['POL', 'PL', 'Poland', 0.805, 2019, 'SCARLAT'],
  ['PRK', 'KP', 'North Korea', 0.155, 2020, 'EMBER'],
  ['PRT', 'PT', 'Portugal', 0.324, 2019, 'SCARLAT'],
  ['PRY', 'PY', 'Paraguay', 0.024, 2020, 'EMBER'],
  ['QAT', 'QA', 'Qatar', 0.49, 2020, 'EMBER'],
  ['ROU', 'RO', 'Romania', 0.464, 2019, 'SCARLAT'],
  ['RUS', 'RU', 'Russia', 0.347, 2020, 'EMBER'],
  ['SAU', 'SA', 'Saudi Arabia', 0.57, 2020, 'EMBER'],
  ['SCG', 'CS', 'Serbia (Serbia and Montenegro)', 0.9, 2019, 'SCARLAT'],
  ['SDN', 'SD', 'Sudan', 0.266, 2020, 'EMBER'],
  ['SEN', 'SN', 'Senegal', 0.545, 2020, 'EMBER'],
  ['SGP', 'SG', 'Singapore', 0.489, 2020, 'EMBER'],
  ['SLV', 'SV', 'El Salvador', 0.183, 2020, 'EMBER'],
  ['SVK', 'SK', 'Slovakia', 0.346, 2019, 'SCARLAT'],
  ['SVN', 'SI', 'Slovenia', 0.307, 2019, 'SCARLAT'],
  ['SWE', 'SE', 'Sweden', 0.04, 2019, 'SCARLAT'],
  ['SYR', 'SY', 'Syria', 0.539, 2020, 'EMBER'],
  ['TGO', 'TG', 'Togo', 0.593, 2020, 'EMBER'],
  ['THA', 'TH', 'Thailand', 0.507, 2020, 'EMBER'],
  ['TJK', 'TJ', 'Tajikistan', 0.073, 2020, 'EMBER'],
  ['TKM', 'TM', 'Turkmenistan', 0.544, 2020, 'EMBER'],
  ['TTO', 'TT', 'Trinidad and Tobago', 0.52, 2020, 'EMBER'],
  ['TUN', 'TN', 'Tunisia', 0.471, 2020, 'EMBER'],
  ['TUR', 'TR', 'Türkiye', 0.588, 2019, 'SCARLAT'],
  ['TWN', 'TW', 'Taiwan', 0.563, 2020, 'EMBER'],
  ['TZA', 'TZ', 'Tanzania', 0.387, 2020, 'EMBER'],
  ['UKR', 'UA', 'Ukraine', 0.492, 2019, 'SCARLAT'],
  ['URY', 'UY', 'Uruguay', 0.106, 2020, 'EMBER'],
  ['USA', 'US', 'United States', 0.37, 2020, 'EMBER'],
  ['UZB', 'UZ', 'Uzbekistan', 0.497, 2020, 'EMBER'],
  ['VEN', 'VE', 'Venezuela', 0.192, 2020, 'EMBER'],
  ['VNM', 'VN', 'Vietnam', 0.546, 2020, 'EMBER'],
  ['WOR', undefined, 'World', 0.39, 2020, 'MEAN'],
  ['YEM', 'YE', 'Yemen', 0.541, 2020, 'EMBER'],
  ['ZAF', 'ZA', 'South Africa', 0.72, 2020, 'EMBER'],
  ['ZMB', 'ZM', 'Zambia', 0.121, 2020, 'EMBER'],
  ['ZWE', 'ZW', 'Zimbabwe', 0.288, 2020, 'EMBER'],
];

function boaviztaFactor([code, , name, value, year, from]: BoaviztaRow): Factor {
  return {
    id: `grid/${code}`,
    label: `${name} grid electricity (BoaviztAPI 2.4.1)`,
    value,
    min: value,
    max: value,
    unit: 'kgCO2e/kWh',
    ...BOAVIZTA_SOURCES[from],
    year,
    boundary: 'lifecycle',
    ...(code === 'WOR' ? { note: 'Unweighted mean of the countries in the table, mixing 2019 and 2020 data.' } : {}),
  };
}

/** The 139 BoaviztAPI 2.4.1 zones, as `methodology: boavizta-2.4` must use them. */
export const BOAVIZTA_GRID_FACTORS: readonly Factor[] = BOAVIZTA_ROWS.map(boaviztaFactor);

/**
 * BoaviztAPI's default location (Europe, EEE) with the table's extremes as bounds: the range
 * applied when the location is unknown (`electricity.min-max.gwp` in factors.yml).
 */
export const DEFAULT_GRID_BOUNDS: Factor = {
  id: 'grid/default-bounds',
  label: 'Unknown location: BoaviztAPI default (Europe) with the min–max of all zones',
  value: 0.38,
  min: 0.023,
  max: 1.13161,
  unit: 'kgCO2e/kWh',
  source: `BoaviztAPI 2.4.1 utils/config.py default location EEE and factors.yml electricity.min-max.gwp (commit 15878f0)`,
  url: BOAVIZTA_FACTORS_URL,
  year: 2019,
  boundary: 'lifecycle',
};

const KG_PER_LB = 0.45359237; // exact, by definition of the international pound
const EGRID_URL = 'https://www.epa.gov/egrid/summary-data';

/** [eGRID subregion acronym, subregion name, total output emission rate in lb CO2e/MWh]. */
type EgridRow = readonly [string, string, number];

// eGRID2023 (data year 2023, revision 2 of June 2025), summary table 1: annual total output
// CO2e rates. Read from the data file of EPA's Power Profiler (github.com/USEPA/power-profiler,
// app/data/subregion.json at commit f42a47a, "Egrid 2023 rev2 (#164)"), which matches the
// summary tables cell for cell.
const EGRID_ROWS: readonly EgridRow[] = [
  ['AKGD', 'ASCC Alaska Grid', 905.109],
  ['AKMS', 'ASCC Miscellaneous', 522.4],
  ['AZNM', 'WECC Southwest', 706.189],
  ['CAMX', 'WECC California', 429.983],
  ['ERCT', 'ERCOT All', 736.629],
  ['FRCC', 'FRCC All', 784.785],
  ['HIMS', 'HICC Miscellaneous', 1133.294],
  ['HIOA', 'HICC Oahu', 1498.947],
  ['MROE', 'MRO East', 1404.963],
  ['MROW', 'MRO West', 926.552],
  ['NEWE', 'NPCC New England', 543.178],
  ['NWPP', 'WECC Northwest', 635.267],
  ['NYCW', 'NPCC NYC/Westchester', 865.744],
  ['NYLI', 'NPCC Long Island', 1189.333],
  ['NYUP', 'NPCC Upstate NY', 242.776],
  ['PRMS', 'Puerto Rico Miscellaneous', 1548.53],
  ['RFCE', 'RFC East', 599.17],
  ['RFCM', 'RFC Michigan', 975.978],
  ['RFCW', 'RFC West', 916.054],
  ['RMPA', 'WECC Rockies', 1042.539],
  ['SPNO', 'SPP North', 867.74],
  ['SPSO', 'SPP South', 875.567],
  ['SRMV', 'SERC Mississippi Valley', 741.741],
  ['SRMW', 'SERC Midwest', 1248.582],
  ['SRSO', 'SERC South', 846.007],
  ['SRTV', 'SERC Tennessee Valley', 903.306],
  ['SRVC', 'SERC Virginia/Carolina', 596.326],
];

function egridFactor([subregion, name, lbPerMWh]: EgridRow): Factor {
  const value = Math.round(((lbPerMWh * KG_PER_LB) / 1000) * 1e6) / 1e6;
  return {
    id: `grid/US-${subregion}`,
    label: `${name} (eGRID ${subregion}) grid electricity`,
    value,
    min: value,
    max: value,
    unit: 'kgCO2e/kWh',
    source: 'US EPA eGRID2023 rev2 (June 2025), subregion annual total output emission rate (CO2e), from lb/MWh',
    url: EGRID_URL,
    year: 2023,
    boundary: 'combustion',
    note: `${lbPerMWh} lb CO2e/MWh × 0.45359237 kg/lb ÷ 1000.`,
  };
}

/** The 27 US eGRID2023 subregions, ids `grid/US-<SUBRGN>`. */
export const EGRID_FACTORS: readonly Factor[] = EGRID_ROWS.map(egridFactor);

/** Every grid row, including the unknown-location bounds. */
export const GRID_FACTORS: readonly Factor[] = [...BOAVIZTA_GRID_FACTORS, DEFAULT_GRID_BOUNDS, ...EGRID_FACTORS];

/** ISO 3166 alpha-2 → zone code, for every country in the table. */
export const ALPHA2_TO_ALPHA3: ReadonlyMap<string, string> = new Map(
  BOAVIZTA_ROWS.flatMap(([code, alpha2]) => (alpha2 ? [[alpha2, code] as const] : [])),
);

// Codes people use that are not the table's own: Serbia's current ISO codes map to Boavizta's
// SCG row; UK is ISO's exceptionally reserved code for the United Kingdom.
// EU (ISO's exceptionally reserved code for the European Union) and EUR take the table's Europe
// row (EEE: Scarlat, Prussi & Padella 2022, consumption-based, 2019 data, via BoaviztAPI 2.4.1).
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['RS', 'SCG'],
  ['SRB', 'SCG'],
  ['UK', 'GBR'],
  ['EU', 'EEE'],
  ['EUR', 'EEE'],
]);

const BY_ID: ReadonlyMap<string, Factor> = new Map(GRID_FACTORS.map((f) => [f.id, f]));
const NAMES: ReadonlyMap<string, string> = new Map([
  ...BOAVIZTA_ROWS.map(([code, , name]) => [code, name] as const),
  ...EGRID_ROWS.map(([subregion, name]) => [`US-${subregion}`, `${name} (eGRID ${subregion})`] as const),
]);

/**
 * The table's own code for a location: `FR`, `fra` → `FRA`; `us-camx` → `US-CAMX`.
 * Undefined when the location is not in the table.
 */
export function canonicalLocation(location: string): string | undefined {
  const code = location.trim().toUpperCase();
  const zone = ALIASES.get(code) ?? ALPHA2_TO_ALPHA3.get(code) ?? code;
  return NAMES.has(zone) ? zone : undefined;
}

/**
 * Location-based grid factor of the default methodology: eGRID for `US-<SUBRGN>`, BoaviztAPI's
 * country table otherwise (so `US`/`USA` is the Ember 2020 country average).
 */
export function gridFactorFor(location: string): Factor | undefined {
  const zone = canonicalLocation(location);
  return zone ? BY_ID.get(`grid/${zone}`) : undefined;
}

/**
 * The factor BoaviztAPI 2.4.1 itself would apply: it has no US subregions, so `US-<SUBRGN>`
 * falls back to the USA row; no location gives the default bounds.
 */
export function boaviztaGridFactorFor(location: string | undefined): Factor | undefined {
  if (location === undefined || location.trim() === '') return DEFAULT_GRID_BOUNDS;
  const zone = canonicalLocation(location);
  if (!zone) return undefined;
  return BY_ID.get(`grid/${zone.startsWith('US-') ? 'USA' : zone}`);
}

/**
 * Maps a factor id written with any accepted location spelling to the table's id
 * (`grid/FR` → `grid/FRA`), for manifest overrides; other ids pass through unchanged.
 */
export function canonicalGridFactorId(id: string): string {
  if (!id.startsWith('grid/')) return id;
  const zone = canonicalLocation(id.slice('grid/'.length));
  return zone ? `grid/${zone}` : id;
}

/** Every location spelling a site may use (alpha-3, alpha-2, US-<SUBRGN>), sorted, for completion. */
export function knownLocations(): string[] {
  return [...NAMES.keys(), ...ALPHA2_TO_ALPHA3.keys(), ...ALIASES.keys()].sort();
}

/** Human name of a location for hover text: `FR` → `France`, `US-CAMX` → `WECC California (eGRID CAMX)`. */
export function locationName(location: string): string | undefined {
  const zone = canonicalLocation(location);
  return zone ? NAMES.get(zone) : undefined;
}

/**
 * Locations a site's unknown code may have meant: another subregion for `US-…` only. A country
 * code one letter away is usually another country on another continent (`EU` → `AU`), so none
 * is suggested for those.
 */
export function locationCandidates(location: string): string[] {
  return /^US-/i.test(location.trim()) ? [...NAMES.keys()].filter((code) => code.startsWith('US-')) : [];
}
