import type { Factor } from '../factors/factor';

/**
 * End of life of retired hardware (Scope 3 category 5, waste generated in operations), per kg of
 * equipment. Cut-off approach, as the GHG Protocol asks: only collection, transport and treatment
 * are counted; recycling credits (avoided virgin material) are never netted here.
 */

export type EndOfLifeRoute = 'recycle' | 'refurbish' | 'landfill' | 'resell';

const DESNZ =
  'UK DESNZ GHG conversion factors 2025 (flat file v2), Waste disposal, Electrical items, WEEE - mixed';
const DESNZ_URL = 'https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting';
const DESNZ_COPY =
  'Read from a third-party machine copy (github.com/scope3emissiontest-oss/JulesProject, defra_factors_2025_v2/category_waste_disposal.csv), not from gov.uk.';
// DESNZ waste factors before the 2024 transport-distance correction (about 21 kg/t for open-loop),
// kept as the upper bound.
const PRE_2024_MAX = 0.0213;

const ROUTES: Record<EndOfLifeRoute, Factor> = {
  recycle: {
    id: 'endOfLife/recycle',
    label: 'WEEE recycling (open-loop treatment), per kg',
    value: 0.00468568,
    min: 0.00468568,
    max: PRE_2024_MAX,
    unit: 'kgCO2e/kg',
    source: `${DESNZ}, open-loop 4.68568 kgCO2e/tonne; max: pre-2024 DESNZ open-loop factor (~21 kg/t)`,
    url: DESNZ_URL,
    year: 2025,
    boundary: 'gate-to-grave (cut-off, no recycling credit)',
    note: `[S] ${DESNZ_COPY} The pre-2024 maximum is recalled.`,
  },
  refurbish: {
    id: 'endOfLife/refurbish',
    label: 'Hand-over for refurbishment (collection and transport), per kg',
    value: 0.00468568,
    min: 0,
    max: PRE_2024_MAX,
    unit: 'kgCO2e/kg',
    source: `Proxy: ${DESNZ}, open-loop 4.68568 kgCO2e/tonne (mostly collection and transport since the 2024 update); DESNZ gives no re-use factor for WEEE`,
    url: DESNZ_URL,
    year: 2025,
    boundary: 'gate-to-grave (cut-off): the refurbished unit carries its own footprint',
    note: `[S] Proxy, not a refurbishment LCA. ${DESNZ_COPY}`,
  },
  landfill: {
    id: 'endOfLife/landfill',
    label: 'WEEE to landfill, per kg',
    value: 0.00898311,
    min: 0.00898311,
    max: 0.00898311,
    unit: 'kgCO2e/kg',
    source: `${DESNZ}, landfill 8.98311 kgCO2e/tonne (e-waste is largely inert: mostly transport and site operation)`,
    url: DESNZ_URL,
    year: 2025,
    boundary: 'gate-to-grave',
    note: `[S] ${DESNZ_COPY}`,
  },
  resell: {
    id: 'endOfLife/resell',
    label: 'Resold for re-use',
    value: 0,
    min: 0,
    max: 0,
    unit: 'kgCO2e/kg',
    source: 'GHG Protocol Scope 3 Standard (2011), category 5: a product sold on is not waste; its further use is the buyer’s (category 11/12 only for products you sell)',
    url: 'https://ghgprotocol.org/standards/scope-3-standard',
    year: 2011,
    boundary: 'outside the category 5 boundary',
    note: 'Zero by definition: the buyer’s use and eventual disposal are outside this inventory.',
  },
};

export function endOfLifeFor(route: EndOfLifeRoute): Factor {
  return ROUTES[route];
}

/**
 * Share of a new unit's manufacturing footprint that a refurbished unit carries (scenario
 * `refurbished: true`). ADEME found an 87% lower yearly climate impact for a refurbished
 * smartphone (77–91% across indicators); servers are only extrapolated there. When DIMMs or SSDs
 * are replaced with new ones, their share (about 90% of the Dell R740 full-LCA manufacturing
 * split) is carried in full, hence the wide upper bound.
 */
export const REFURBISHED_SHARE: Factor = {
  id: 'endOfLife/refurbished-share',
  label: 'Manufacturing impact of a refurbished unit, as a share of a new one',
  value: 0.13,
  min: 0.09,
  max: 0.5,
  unit: 'share of new manufacturing',
  source:
    'ADEME, "Évaluation de l’impact environnemental d’un ensemble de produits reconditionnés" (Sept 2022): refurbished smartphone −87% climate impact per year (−77 to −91% by indicator); upper bound: Carbon Lens judgement for refurbishment with new memory or storage',
  url: 'https://librairie.ademe.fr/',
  year: 2022,
  boundary: 'cradle-to-gate of the refurbished unit',
  note: '[S] ADEME figures from press summaries of the report, for smartphones (servers only extrapolated in its annex); the 0.5 upper bound is a judgement.',
};

/** The four routes and the refurbished share. */
export const END_OF_LIFE_FACTORS: readonly Factor[] = [...Object.values(ROUTES), REFURBISHED_SHARE];
