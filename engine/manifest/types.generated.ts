/* Generated from schemas/carbon-manifest.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A reporting year (1 January to 31 December).
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "periodYear".
 */
export type PeriodYear = number;
/**
 * A calendar quarter, YYYY-QN: Q1 is January to March, Q2 April to June, Q3 July to September, Q4 October to December.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "periodQuarter".
 */
export type PeriodQuarter = string;
/**
 * Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "id".
 */
export type Id = string;
/**
 * A calendar date in ISO 8601 form, YYYY-MM-DD.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "date".
 */
export type Date = string;

/**
 * A Carbon Lens manifest: the sites, hardware assets and carbon budgets of an AI hardware fleet for one reporting period.
 */
export interface CarbonManifest {
  /**
   * Manifest format version. Always 1 for this format.
   */
  version: 1;
  /**
   * Name of the reporting organisation, shown at the top of reports.
   */
  organization?: string;
  /**
   * Reporting period: a calendar year such as 2026, a quarter such as 2026-Q1, or explicit start and end dates (end exclusive). Use-phase emissions and the amortised share of embodied emissions are counted for this period; targets compare it with the same share of their yearly path.
   */
  period: PeriodYear | PeriodQuarter | PeriodRange;
  /**
   * Calculation method. `default` uses vendor product carbon footprints where they exist and current factors; `boavizta-2.4` reproduces BoaviztAPI 2.4.1 for component-level servers (no PUE overhead at PUE 1, Boavizta grid factors).
   */
  methodology?: 'default' | 'boavizta-2.4';
  /**
   * Data centres or server rooms where assets run. Each site sets the electricity grid, the PUE and the site's direct (Scope 1) emissions.
   *
   * @maxItems 100000
   */
  sites: Site[];
  /**
   * Hardware assets: groups of identical servers or accelerators, each either a built-in catalog `model` or a list of `components`.
   *
   * @maxItems 1000000
   */
  assets: Asset[];
  /**
   * Carbon budgets checked against the computed footprint. An exceeded budget is reported with its severity in the editor and by `carbon-lens check`.
   *
   * @maxItems 10000
   */
  budgets?: Budget[];
  /**
   * Reduction targets (such as a science-based target): each gives the emissions allowed in this period on the path from a base year to a target year, checked against the actual.
   *
   * @maxItems 1000
   */
  targets?: Target[];
  /**
   * Reduction scenarios to compare against the baseline: each applies changes (PUE, renewable share, lifespan, refurbished hardware) to some or all sites and assets.
   *
   * @maxItems 1000
   */
  scenarios?: Scenario[];
  /**
   * Overrides of built-in emission factors, each by factor id (for example `grid/FR` or `transport/air`) with the value and its source.
   *
   * @maxItems 10000
   */
  factors?: FactorOverride[];
  /**
   * Metered data per site and quarter or month (facility or IT electricity, diesel, refrigerant leaks). It replaces the modelled figures for that site and time.
   *
   * @maxItems 100000
   */
  measurements?: Measurement[];
}
/**
 * A reporting period from `start` (inclusive) to `end` (exclusive).
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "periodRange".
 */
export interface PeriodRange {
  /**
   * First day of the period (inclusive), YYYY-MM-DD.
   */
  start: string;
  /**
   * Day after the last day of the period (exclusive), YYYY-MM-DD.
   */
  end: string;
}
/**
 * A data centre or server room.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "site".
 */
export interface Site {
  /**
   * Site identifier, referenced by assets' `site`.
   */
  id: string;
  /**
   * Human-readable site name.
   */
  name?: string;
  /**
   * Electricity grid location: an ISO 3166 alpha-2 or alpha-3 country code (FR, FRA), EU for the European average, or a US eGRID subregion as US-<SUBRGN> (US-CAMX). Sets the location-based grid factor.
   */
  location?: string;
  /**
   * Power usage effectiveness: facility energy divided by IT energy. 1.0 means no overhead; typical values are 1.1 (hyperscale) to 1.6 (enterprise).
   */
  pue?: number;
  /**
   * Share (0..1) of the site's electricity covered by contractual instruments (PPAs, guarantees of origin, RECs) that meet the GHG Protocol Scope 2 Quality Criteria. Used for market-based Scope 2.
   */
  renewableShare?: number;
  /**
   * Residual-mix emission factor (kgCO2e/kWh) for the electricity not covered by contractual instruments, for market-based Scope 2. Defaults to the location-based grid factor.
   */
  residualMixKgCO2ePerKWh?: number;
  /**
   * On-site backup generators: fuel burned during the reporting period (Scope 1, stationary combustion).
   */
  generators?: {
    /**
     * Diesel burned during the reporting period, in litres.
     */
    dieselLitres?: number;
  };
  /**
   * Refrigerant leaks (top-ups) from cooling equipment during the reporting period (Scope 1, fugitive emissions).
   *
   * @maxItems 100
   */
  refrigerants?: {
    /**
     * Refrigerant designation, such as R-134a, R-410A, R-32 or HFC-227ea.
     */
    gas: string;
    /**
     * Mass of refrigerant leaked (recharged) during the period, in kg.
     */
    leakedKg: number;
  }[];
}
/**
 * A group of identical servers or accelerators: either a built-in catalog `model` or a list of `components`.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "asset".
 */
export interface Asset {
  /**
   * Asset identifier.
   */
  id: string;
  /**
   * Human-readable asset name.
   */
  name?: string;
  /**
   * Id of the site this asset runs in.
   */
  site: string;
  /**
   * Id of a built-in catalog model (for example nvidia-hgx-h100-8gpu, dell-poweredge-r740). Mutually exclusive with `components`.
   */
  model?: string;
  /**
   * Number of identical units. Defaults to 1.
   */
  count?: number;
  components?: Components;
  /**
   * Measured or rated electrical power of one unit: either `idleW` and `maxW` (interpolated by `utilization`) or `averageW`. Overrides the catalog or component power model.
   */
  power?: {
    /**
     * Power of one unit when idle, in watts.
     */
    idleW?: number;
    /**
     * Power of one unit at full load, in watts.
     */
    maxW?: number;
    /**
     * Average power of one unit over the time it is powered, in watts (utilization is then already included).
     */
    averageW?: number;
  };
  /**
   * Average load (0..1) while powered. Defaults to 0.5.
   */
  utilization?: number;
  /**
   * Hours at each load over the period, for a fleet whose load varies: power is averaged over the profile at each load (the component power curve is concave, so this differs from the power at the average load). Only the shares of hours matter. Use instead of `utilization`.
   *
   * @minItems 1
   * @maxItems 100
   */
  utilizationHours?: [
    {
      /**
       * Load (0..1) during these hours.
       */
      load: number;
      /**
       * Hours at that load.
       */
      hours: number;
    },
    ...{
      /**
       * Load (0..1) during these hours.
       */
      load: number;
      /**
       * Hours at that load.
       */
      hours: number;
    }[]
  ];
  /**
   * Share (0..1) of the period the units are powered on. Defaults to 1.
   */
  uptime?: number;
  /**
   * Date the units were acquired and put in service, YYYY-MM-DD. The GHG Protocol inventory view counts their embodied emissions in full in that year.
   */
  acquired?: string;
  /**
   * Expected service life in years. Embodied emissions are amortised linearly over it in the period view.
   */
  lifespanYears?: number;
  /**
   * Who owns and who operates the units, which decides where they fall in the GHG Protocol inventory (operational control approach, operating leases). `owned` (default): use in Scope 2 and category 3, hardware in categories 2, 4 and 5. `leased-in`: you operate them, so use stays in Scope 2; the lessor's hardware goes to category 8 (upstream leased assets). `leased-out`: the lessee operates them at the site given, so their use goes to category 13 (downstream leased assets); the hardware stays in categories 2, 4 and 5. `sold`: units sold in the period (`acquired` is the date of sale): their use over `lifespanYears` at the site's grid, PUE, `uptime` and `utilization` goes to category 11 (use of sold products), their end of life to category 12, the goods to categories 1 and 4, all in the period of sale.
   */
  ownership?: 'owned' | 'leased-in' | 'leased-out' | 'sold';
  /**
   * Inbound freight of the units to the site (Scope 3 category 4): `mode` and `distanceKm` for the leg, `weightKg` alone for a known shipped weight on the default route.
   */
  transport?: {
    /**
     * Freight mode.
     */
    mode?: 'air' | 'sea' | 'road' | 'rail';
    /**
     * Distance travelled, in km.
     */
    distanceKm?: number;
    /**
     * Shipped weight of one unit, in kg. Defaults to the catalog or component estimate.
     */
    weightKg?: number;
  };
  /**
   * What happens to the units when retired (Scope 3 category 5): recycle (WEEE treatment), refurbish, landfill, or resell.
   */
  endOfLife?: 'recycle' | 'refurbish' | 'landfill' | 'resell';
}
/**
 * Component-level description of one server, for the bottom-up (Boavizta-style) embodied and power model. Mutually exclusive with `model`.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "components".
 */
export interface Components {
  /**
   * Processors of one server.
   */
  cpu?: {
    /**
     * Number of CPU sockets.
     */
    units: number;
    /**
     * Cores per CPU.
     */
    cores?: number;
    /**
     * Total silicon die area of one CPU package in mm², including I/O dies for chiplet parts.
     */
    dieSizeMm2?: number;
    /**
     * Die area per core in mm² (multiplied by `cores`).
     */
    dieSizePerCoreMm2?: number;
    /**
     * Thermal design power of one CPU in watts; used to fit the CPU power curve.
     */
    tdpW?: number;
    /**
     * CPU model name or catalog id, used to look up die size and TDP (for example amd-epyc-9654 or Intel Xeon Platinum 8480+).
     */
    name?: string;
    /**
     * CPU family (BoaviztAPI's model range), e.g. `Xeon Gold` or `Xeon Platinum`: picks the measured power-vs-load curve of that family (the default curve is Xeon Platinum's). Families without a curve (EPYC, Xeon E7) take the default or the closest name, as BoaviztAPI does.
     */
    family?: string;
  };
  /**
   * Memory modules of one server, one entry per kind of module.
   *
   * @maxItems 64
   */
  ram?: {
    /**
     * Number of modules.
     */
    units: number;
    /**
     * Capacity of one module in GB. Left out: BoaviztAPI's default module, 32 GB (1–128 GB), with that range.
     */
    capacityGb?: number;
    /**
     * DRAM die density in GB per cm² (0.6 to 2.4 for DDR3–DDR5 nodes).
     */
    densityGbPerCm2?: number;
  }[];
  /**
   * Solid-state drives of one server, one entry per kind of drive.
   *
   * @maxItems 64
   */
  ssd?: {
    /**
     * Number of drives.
     */
    units: number;
    /**
     * Capacity of one drive in GB. Left out: BoaviztAPI's default drive, 1,000 GB (100–5,000 GB), with that range.
     */
    capacityGb?: number;
    /**
     * NAND die density in GB per cm² (16 to 128 for 32- to 176-layer 3D NAND).
     */
    densityGbPerCm2?: number;
  }[];
  /**
   * Hard disk drives of one server.
   */
  hdd?: {
    /**
     * Number of hard disk drives.
     */
    units: number;
  };
  /**
   * Accelerators of one server: a catalog `model`, or the die and memory description for the bottom-up GPU model.
   */
  gpu?: {
    /**
     * Number of GPUs.
     */
    units: number;
    /**
     * Catalog id of the GPU (for example nvidia-h100-sxm).
     */
    model?: string;
    /**
     * Area of the GPU die in mm² (before the wafer and yield model).
     */
    dieSizeMm2?: number;
    /**
     * On-package memory (HBM or GDDR) per GPU, in GB.
     */
    memoryGb?: number;
    /**
     * Number of memory dies (stacks) per GPU.
     */
    memoryDies?: number;
    /**
     * Board power of one GPU at full load, in watts.
     */
    tdpW?: number;
    /**
     * Power of one GPU when idle, in watts. Defaults to a share of `tdpW`.
     */
    idleW?: number;
    /**
     * Printed circuit board area of one GPU card, in cm².
     */
    pcbAreaCm2?: number;
    /**
     * Mass of one GPU card, in kg.
     */
    weightKg?: number;
    /**
     * Mass of the heatsink of one GPU card, in kg.
     */
    heatsinkWeightKg?: number;
    /**
     * Mass of the casing (shroud) of one GPU card, in kg.
     */
    casingWeightKg?: number;
    /**
     * Distribution route of one GPU card from its factory, per leg in km, for BoaviztAPI's GPU sub-model (`methodology: boavizta-2.4`; in the default methodology cards travel in the server's shipment, `transport`). Legs left out keep BoaviztAPI's Large GPU route (19,000 km by boat, 1,000 km by truck, none by plane).
     */
    transport?: {
      /**
       * Distance by container ship, in km.
       */
      boatKm?: number;
      /**
       * Distance by truck, in km.
       */
      truckKm?: number;
      /**
       * Distance by air freight, in km.
       */
      planeKm?: number;
    };
  };
  /**
   * Power supply units of one server.
   */
  psu?: {
    /**
     * Number of power supply units.
     */
    units: number;
    /**
     * Mass of one power supply unit in kg.
     */
    weightKg?: number;
  };
  /**
   * Server enclosure type: rack, blade (one slot of a 16-slot enclosure) or tower.
   */
  chassis?: 'rack' | 'blade' | 'tower';
  /**
   * Motherboards of one server. Defaults to one.
   */
  motherboard?: {
    /**
     * Number of motherboards.
     */
    units: number;
  };
}
/**
 * A carbon budget: a limit on the footprint of the whole manifest or of a filtered part of it (stage, scope, site, assets).
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "budget".
 */
export interface Budget {
  /**
   * Budget identifier.
   */
  id: string;
  /**
   * The limit, a number with a unit: kgCO2e, tCO2e (tonnes), ktCO2e or MtCO2e.
   */
  limit: string;
  /**
   * Only count this lifecycle stage.
   */
  stage?: 'manufacturing' | 'transport' | 'use' | 'endOfLife';
  /**
   * Only count this GHG Protocol scope (1 direct, 2 purchased energy, 3 value chain).
   */
  scope?: 1 | 2 | 3;
  /**
   * Which Scope 2 figure the budget counts: location-based (default) or market-based.
   */
  scope2Basis?: 'location' | 'market';
  /**
   * Which accounting view the budget is checked against: `period` (embodied amortised over lifespan, default) or `inventory` (GHG Protocol: capital goods in full in the year acquired).
   */
  view?: 'period' | 'inventory';
  /**
   * Only count assets and direct emissions of this site.
   */
  site?: string;
  /**
   * Only count these assets (by id).
   *
   * @maxItems 100000
   */
  assets?: Id[];
  /**
   * Check the limit per GPU or per unit instead of in total.
   */
  per?: 'gpu' | 'unit';
  /**
   * How an exceeded budget is reported: error (fails `carbon-lens check`), warning or info. Defaults to error.
   */
  severity?: 'error' | 'warning' | 'info';
  /**
   * A calendar quarter, YYYY-QN: Q1 is January to March, Q2 April to June, Q3 July to September, Q4 October to December.
   */
  quarter?: string;
}
/**
 * A reduction target: emissions in the covered scopes must fall from `base` in `baseYear` to the target level in `targetYear` along a straight line (linear absolute contraction). Each period is compared with its share of that yearly path.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "target".
 */
export interface Target {
  /**
   * Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters.
   */
  id: string;
  /**
   * The year the reduction is measured from.
   */
  baseYear: number;
  /**
   * Emissions of the covered scopes in the base year, a number with a unit: kgCO2e, tCO2e (tonnes), ktCO2e or MtCO2e. Give either `base` or `baseline`.
   */
  base?: string;
  /**
   * Path of a saved `carbon-lens report --format json` of the base year, relative to this manifest and inside its folder (no `..`, no absolute path or URL): its total in the covered scopes and view is the base. Read by `carbon-lens check` and `report`; give either `base` or `baseline`.
   */
  baseline?: string;
  /**
   * The year by which the reduction must be reached; after `baseYear`.
   */
  targetYear: number;
  /**
   * Share (0..1) of the base to cut by `targetYear`, reached along a straight line. Give either `reduction` or `pathway`.
   */
  reduction?: number;
  /**
   * A science-based pathway instead of `reduction`: `sbti-1.5c` cuts 4.2 % of the base every year, `sbti-wb2c` (well below 2 °C) 2.5 % a year (SBTi linear absolute contraction).
   */
  pathway?: 'sbti-1.5c' | 'sbti-wb2c';
  /**
   * Which emissions the target covers: `scope1`, `scope2Location` or `scope2Market` (Scope 2 counted one way), `scope3`. Defaults to Scope 1, location-based Scope 2 and Scope 3. The SBTi asks for Scope 3 when it is 40 % or more of the total.
   *
   * @minItems 1
   * @maxItems 4
   */
  scopes?:
    | ['scope1' | 'scope2Location' | 'scope2Market' | 'scope3']
    | ['scope1' | 'scope2Location' | 'scope2Market' | 'scope3', 'scope1' | 'scope2Location' | 'scope2Market' | 'scope3']
    | [
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3',
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3',
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3'
      ]
    | [
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3',
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3',
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3',
        'scope1' | 'scope2Location' | 'scope2Market' | 'scope3'
      ];
  /**
   * Which accounting view the actual is taken from: `period` (embodied amortised over lifespan, default) or `inventory` (GHG Protocol: capital goods in full in the year acquired).
   */
  view?: 'period' | 'inventory';
  /**
   * How an off-track target is reported: error (fails `carbon-lens check`), warning or info. Defaults to error.
   */
  severity?: 'error' | 'warning' | 'info';
}
/**
 * A reduction scenario: changes applied to the baseline to estimate the saving.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "scenario".
 */
export interface Scenario {
  /**
   * Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters.
   */
  id: string;
  /**
   * What the scenario means in practice.
   */
  description?: string;
  /**
   * Only apply site changes to these sites (default: all).
   *
   * @maxItems 100000
   */
  sites?: Id[];
  /**
   * Only apply asset changes to these assets (default: all).
   *
   * @maxItems 100000
   */
  assets?: Id[];
  /**
   * The changes to apply.
   */
  set: {
    /**
     * New PUE for the selected sites.
     */
    pue?: number;
    /**
     * New renewable share (0..1) for the selected sites.
     */
    renewableShare?: number;
    /**
     * New lifespan for the selected assets, in years.
     */
    lifespanYears?: number;
    /**
     * Acquire the selected assets refurbished instead of new: manufacturing is replaced by the refurbishment impact.
     */
    refurbished?: boolean;
    /**
     * New utilization (0..1) for the selected assets.
     */
    utilization?: number;
    /**
     * New end-of-life route for the selected assets.
     */
    endOfLife?: 'recycle' | 'refurbish' | 'landfill' | 'resell';
  };
}
/**
 * Replaces one built-in emission factor, by id, with a value from a documented source.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "factorOverride".
 */
export interface FactorOverride {
  /**
   * Factor id, such as grid/FR, grid/US-CAMX, transport/air, fuel/diesel, refrigerant/R-134a or model/nvidia-h100-sxm.
   */
  id: string;
  /**
   * The new value, in the unit of the built-in factor (completion on `id` shows each factor's value and unit).
   */
  value: number;
  /**
   * Where the value comes from (publication, year, URL).
   */
  source: string;
  /**
   * Reference year of the value.
   */
  year?: number;
}
/**
 * Metered data for one site and one quarter or month of the reporting period. Measured values replace the modelled ones for that site and time; the report says how much of each figure is measured.
 *
 * This interface was referenced by `CarbonManifest`'s JSON-Schema
 * via the `definition` "measurement".
 */
export interface Measurement {
  /**
   * Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters.
   */
  site: string;
  /**
   * The quarter (YYYY-QN, such as 2026-Q1) or month (YYYY-MM, such as 2026-03) the readings cover; inside the reporting period.
   */
  period: string;
  /**
   * Facility electricity meter reading for the period, in kWh: cooling and power overhead (PUE) are already in it.
   */
  electricityKWh?: number;
  /**
   * IT electricity meter reading (the servers' own consumption) for the period, in kWh: the site's PUE is applied to it. With `electricityKWh` too, the facility meter counts and the ratio of the two is checked against the site's PUE.
   */
  itElectricityKWh?: number;
  /**
   * Diesel burned by backup generators in the period, in litres (replaces the site's modelled share of `generators.dieselLitres`).
   */
  dieselLitres?: number;
  /**
   * Refrigerant leaks (top-ups) recorded in the period (replace the site's modelled share of its `refrigerants`).
   *
   * @maxItems 100
   */
  refrigerants?: {
    /**
     * Refrigerant designation, such as R-134a, R-410A, R-32 or HFC-227ea.
     */
    gas: string;
    /**
     * Mass of refrigerant leaked (recharged) during the period, in kg.
     */
    leakedKg: number;
  }[];
}
