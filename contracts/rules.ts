/**
 * Every diagnostic code the engine can emit, defined once: its category, default severity, a
 * one-line description, and which setting can change it. The language service's completeness
 * filter and severity handling, `docs/diagnostics.md` (scripts/gen-diagnostics-doc.mjs) and the
 * SARIF `rules` all read this table; a test fails when the engine emits a code missing here.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleCategory = 'syntax' | 'schema' | 'reference' | 'budget' | 'target' | 'completeness' | 'information';

/** Section titles of docs/diagnostics.md, in order. */
export const RULE_CATEGORIES: Record<RuleCategory, string> = {
  syntax: 'Syntax and format',
  schema: 'Schema (one sentence per mistake)',
  reference: 'References and catalog',
  budget: 'Budgets',
  target: 'Targets and measured data',
  completeness: 'Completeness (under-scoping Scope 3 is the classic mistake)',
  information: 'Information',
};

export interface Rule {
  code: string;
  category: RuleCategory;
  /** Severity the engine gives it (for `budgetSeverity` rules: the default of a budget's `severity`). */
  severity: Severity;
  /** One line: when it is emitted. */
  doc: string;
  /** What the quick fix does, if there is one beyond "ignore here". */
  fix?: string;
  /** Hidden when the `completeness` setting (`--no-completeness`) is off. */
  completeness?: boolean;
  /** Its severity is the budget's own, and the `budgetSeverity` setting (`--budget-severity`) can force it. */
  budgetSeverity?: boolean;
  /** Never listed as a diagnostic (not in the editor, not in reports): it only carries data. */
  unlisted?: boolean;
  /** Emitted by the report (scenarios, what-ifs), not by the analysis the editor shows. */
  reportOnly?: boolean;
}

export const RULES: readonly Rule[] = [
  // Syntax and format
  { code: 'yaml-syntax', category: 'syntax', severity: 'error', doc: 'The YAML does not parse (bad indentation, unclosed brackets, tabs, duplicate keys).' },
  { code: 'yaml-unknown-tag', category: 'syntax', severity: 'warning', doc: 'An unknown tag such as `!foo`; the value is read as a string.' },
  { code: 'yaml-warning', category: 'syntax', severity: 'warning', doc: 'Other YAML warnings.' },
  { code: 'yaml-alias-limit', category: 'syntax', severity: 'error', doc: 'Aliases expand past the limit of 1,000 ("billion laughs" guard).' },
  { code: 'yaml-alias-cycle', category: 'syntax', severity: 'error', doc: 'An alias used inside its own anchor (`&a [*a]`): the value would contain itself.' },
  { code: 'yaml-unresolved-alias', category: 'syntax', severity: 'error', doc: 'An alias (`*name`) with no anchor (`&name`) before it.' },
  { code: 'yaml-merge', category: 'syntax', severity: 'error', doc: 'A merge key (`<<`) that does not refer to a mapping or a list of mappings.' },
  { code: 'yaml-nesting', category: 'syntax', severity: 'error', doc: 'Lists and mappings nested more than 256 levels deep (refused before parsing).' },
  { code: 'multiple-documents', category: 'syntax', severity: 'error', doc: 'More than one `---` document: only the first is analysed.' },
  { code: 'file-too-large', category: 'syntax', severity: 'error', doc: 'The file is larger than the analysis limit (4 MB for a whole-document parse) or has more than 250,000 lines and list or map entries.' },
  { code: 'not-a-manifest', category: 'syntax', severity: 'error', doc: 'The file is empty, a list or a scalar instead of a mapping.' },

  // Schema
  { code: 'missing-required', category: 'schema', severity: 'error', doc: 'A required key is missing (`site`, `limit`, …).', fix: 'Add the key with a sensible value.' },
  { code: 'missing-model', category: 'schema', severity: 'error', doc: 'An asset has neither `model` nor `components`.' },
  { code: 'conflicting-keys', category: 'schema', severity: 'error', doc: 'Two keys that exclude each other (`model` and `components`, `dieSizeMm2` and `dieSizePerCoreMm2`, `averageW` and `idleW`/`maxW`).' },
  { code: 'unknown-key', category: 'schema', severity: 'error', doc: 'A key the format does not know.', fix: 'Rename to the closest key.' },
  { code: 'wrong-type', category: 'schema', severity: 'error', doc: 'Text where a number belongs, a list where a mapping belongs, …', fix: 'A number in quotes (`"16"` → `16`), a percentage for a share (`75%` → `0.75`).' },
  { code: 'invalid-value', category: 'schema', severity: 'error', doc: 'A value outside an enumeration (`endOfLife: recycel`).', fix: 'Change to the closest value, or the mode a word stands for (`ship` → `sea`).' },
  { code: 'out-of-range', category: 'schema', severity: 'error', doc: 'Negative counts, shares above 1 (`utilization: 75`), PUE below 1, more list entries than allowed, …', fix: 'For shares given as percentages: divide by 100.' },
  { code: 'invalid-id', category: 'schema', severity: 'error', doc: 'An id with characters other than letters, digits, `.`, `_`, `-` (including right-to-left marks, emoji, zero-width characters).' },
  { code: 'invalid-location', category: 'schema', severity: 'error', doc: 'A location that is not a country code or `US-<SUBRGN>`.', fix: 'A country name to its code (`France` → `FR`), a US state to its eGRID subregion (`US-VA` → `US-SRVC`; every one offered when a state has several).' },
  {
    code: 'invalid-limit', category: 'schema', severity: 'error',
    doc: 'A budget limit without a valid unit (`900 tCO2`, `900 tonnes`), with a number that is not plain (`1,000 tCO2e`, `9e2 tCO2e`), negative, ambiguous (`900 MT`: megatonnes or metric tonnes?) or too large to compute with.',
    fix: 'Change to the corrected limit; grams and gigatonnes are converted (`900 gCO2e` → `0.9 kgCO2e`), never guessed into another magnitude.',
  },
  { code: 'invalid-date', category: 'schema', severity: 'error', doc: 'A date that is not a real `YYYY-MM-DD` date.', fix: 'A date written another way (`15/01/2025` → `2025-01-15`); both readings offered when day and month can swap.' },
  { code: 'not-finite', category: 'schema', severity: 'error', doc: '`.nan`, `.inf` or a number too large to represent.' },
  { code: 'inconsistent-values', category: 'schema', severity: 'error', doc: 'Values each in range but impossible together: `power.idleW` above `power.maxW` (an error: `power` is then estimated as if missing), a GPU\'s `idleW` above its `tdpW` (a warning). `data` gives both values and the relation.' },
  { code: 'invalid-period', category: 'schema', severity: 'error', doc: 'A period that ends before it starts, or a quarter or month that does not exist (`2026-Q5`, `2026-13`).' },
  { code: 'schema', category: 'schema', severity: 'error', doc: 'Any other departure from the manifest schema, worded from the schema.' },

  // References and catalog
  { code: 'duplicate-id', category: 'reference', severity: 'error', doc: 'Two sites, assets, budgets or scenarios share an id (related information points at the first).' },
  { code: 'unknown-site', category: 'reference', severity: 'error', doc: 'An asset, budget or scenario names a site that is not defined.', fix: 'Did you mean.' },
  { code: 'unknown-asset', category: 'reference', severity: 'error', doc: 'A budget or scenario names an asset that is not defined.', fix: 'Did you mean.' },
  { code: 'unknown-model', category: 'reference', severity: 'error', doc: 'A catalog model id that does not exist.', fix: 'Did you mean.' },
  { code: 'unknown-location', category: 'reference', severity: 'error', doc: 'A well-formed location that has no grid factor (`EU` is Europe\'s; only another US subregion is suggested, never a country one letter away).', fix: 'Did you mean.' },
  { code: 'unknown-refrigerant', category: 'reference', severity: 'error', doc: 'A refrigerant the GWP table does not know.', fix: 'Did you mean.' },
  { code: 'unknown-factor', category: 'reference', severity: 'error', doc: 'A `factors` override whose id does not exist (completion on `id:` and `carbon-lens factors` list them).', fix: 'Did you mean.' },
  { code: 'factor-not-overridable', category: 'reference', severity: 'error', doc: 'A `factors` override of a model parameter (wafer geometry, curve-fit bounds, match threshold): listed by `carbon-lens factors` but fixed, so an override is refused rather than silently ignored. `data.factorId`.' },
  { code: 'unknown-cpu', category: 'reference', severity: 'warning', doc: 'A CPU `name` not in the CPU table; says how the die size is estimated (core-count group or all CPUs, `data.dieSizeMm2` with bounds) and suggests only CPUs of the same vendor and generation.' },

  // Budgets
  {
    code: 'budget-exceeded', category: 'budget', severity: 'error', budgetSeverity: true,
    doc: 'Actual above the limit. `data`: `limitKgCO2e`, `actualKgCO2e`, `minKgCO2e`, `maxKgCO2e`, `ratio`, `contributors`; related information points at the largest contributors.',
    fix: 'A lifespan-extension scenario for the largest asset.',
  },
  { code: 'budget-near', category: 'budget', severity: 'info', doc: 'Actual at 90% of the limit or more.' },
  { code: 'budget-unknown', category: 'budget', severity: 'warning', doc: 'Within the limit on what was computed, but assets or sites in its scope are left out because of errors: its status is `unknown`, never `ok`. `data.leftOut` lists them.' },
  { code: 'budget-ok', category: 'budget', severity: 'hint', unlisted: true, doc: 'Within the limit; carries the same data as `budget-exceeded` for tools that read findings.' },
  { code: 'budget-no-gpus', category: 'budget', severity: 'warning', doc: 'A `per: gpu` budget over assets without GPUs.' },
  { code: 'quarter-outside-period', category: 'budget', severity: 'error', doc: 'A quarterly budget (`quarter: 2026-Q3`) whose quarter is not inside the reporting period; it is not checked.' },

  // Targets and measured data
  { code: 'invalid-target', category: 'target', severity: 'error', doc: 'A target whose `targetYear` is not after its `baseYear`, with both or neither of `base` and `baseline`, or both or neither of `reduction` and `pathway`.' },
  {
    code: 'target-off-track', category: 'target', severity: 'error',
    doc: 'The actual in the target\'s scopes and view is above what its linear path allows in this period (the period\'s share of each year). Severity: the target\'s own. `data`: `allowedKgCO2e`, `actualKgCO2e`, `gapKgCO2e`, `trendReachYear`.',
  },
  { code: 'target-scope3-missing', category: 'target', severity: 'warning', doc: 'A target leaves out Scope 3 while Scope 3 is 40 % or more of Scopes 1–3 (SBTi near-term criteria, C4).' },
  { code: 'target-baseline-unread', category: 'target', severity: 'warning', doc: 'A target\'s `baseline` file could not be read as a Carbon Lens JSON report (warning), or the editor, which reads no files, cannot evaluate it (info); the target is not evaluated.' },
  { code: 'measurement-outside-period', category: 'target', severity: 'error', doc: 'A measurement whose quarter or month is not inside the reporting period; it is not counted.' },
  { code: 'measurement-overlap', category: 'target', severity: 'error', doc: 'Two measurements of the same site cover the same time (a month inside a measured quarter); the later one is not counted.' },
  {
    code: 'measurement-model-mismatch', category: 'target', severity: 'warning',
    doc: 'A meter reading outside the model\'s range for the same site and time: a likely wrong PUE, power or utilization. The meter still replaces the model. `data`: `meteredKWh`, `modelledKWh`, `modelledMinKWh`, `modelledMaxKWh`.',
  },

  // Completeness
  { code: 'missing-transport', category: 'completeness', severity: 'warning', completeness: true, doc: 'An asset without `transport` (estimated sea + road; `data.airPerUnitKgCO2e` says what air freight would be).' },
  { code: 'missing-end-of-life', category: 'completeness', severity: 'warning', completeness: true, doc: 'An asset without `endOfLife` (assumed WEEE recycling; the GPU sub-model\'s own end of life is given apart in `data`).' },
  { code: 'missing-lifespan', category: 'completeness', severity: 'warning', completeness: true, doc: 'An asset without `lifespanYears` (assumed 4 years; the message gives 3- and 6-year figures).' },
  { code: 'missing-pue', category: 'completeness', severity: 'warning', completeness: true, doc: 'A site without `pue` (assumed 1.58; the message gives the overhead it adds and the 1.1/2.0 bounds).' },
  { code: 'missing-location', category: 'completeness', severity: 'warning', completeness: true, doc: 'A site without `location` (world average with the widest range, or the `defaultLocation` setting).' },
  { code: 'incomplete-components', category: 'completeness', severity: 'info', completeness: true, doc: 'A component-level server with no memory, storage or CPU listed: BoaviztAPI\'s default parts are assumed and included; `data.parts` gives what each adds per unit (kgCO2e, min, max).' },
  { code: 'estimated-power', category: 'completeness', severity: 'hint', completeness: true, doc: 'Power estimated from components; measured `power` makes the use phase exact.' },

  // Information
  { code: 'implausible-power', category: 'information', severity: 'warning', doc: 'A measured `power` more than 3× the catalog model\'s maximum or below a third of its idle power (per rack instead of per unit, or kW for W). `data`: `measuredW`, `modelIdleW`, `modelMaxW`, `model`. Counted as written.' },
  { code: 'not-in-service', category: 'information', severity: 'info', doc: 'An asset acquired after the period or retired before it.' },
  { code: 'leased-asset-scope', category: 'information', severity: 'info', doc: 'A leased asset (`ownership: leased-in` or `leased-out`): where its use and hardware fall in the GHG Protocol inventory (Scope 2, category 8 or 13) and, leased out, the site grid and PUE taken for the lessee\'s.' },
  { code: 'sold-use-assumed', category: 'information', severity: 'info', doc: 'Sold hardware (`ownership: sold`): the lifetime, grid, PUE, uptime and utilisation its category 11 use of sold products assumes, and its category 12 end of life.' },
  {
    code: 'scenario-skipped', category: 'information', severity: 'info', reportOnly: true,
    doc: 'A scenario or built-in what-if was not evaluated: a report evaluates at most 50,000 asset × scenario pairs (each scenario recomputes every asset).',
  },
];

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

/** The rule of a code, or undefined for a code the registry does not know (a test keeps that from happening). */
export function ruleFor(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/**
 * Whether a rule's findings state the file's totals (budgets, targets, metered against modelled):
 * most keystrokes in a count or a power change them and no other finding. An editor that takes
 * diagnostics in several reports gets these in one of their own (TOTALS_DIAGNOSTICS in
 * protocol.ts), so such a keystroke re-sends a few findings instead of every finding of the file.
 */
export function statesTotals(code: string): boolean {
  const category = BY_CODE.get(code)?.category;
  return category === 'budget' || category === 'target';
}

/** What the user's settings do to the diagnostics (the `budgetSeverity` and `completeness` settings). */
export interface DiagnosticSettings {
  budgetSeverity: '' | 'error' | 'warning' | 'info';
  completeness: boolean;
}

/**
 * The severity a finding is shown with under the settings, or undefined when it is not shown
 * at all (unlisted rules, completeness rules with the setting off).
 */
export function shownSeverity(code: string, severity: Severity, settings: DiagnosticSettings): Severity | undefined {
  const rule = BY_CODE.get(code);
  if (!rule) return severity;
  if (rule.unlisted) return undefined;
  if (rule.completeness && !settings.completeness) return undefined;
  if (rule.budgetSeverity && settings.budgetSeverity) return settings.budgetSeverity;
  return severity;
}
