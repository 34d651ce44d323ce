/**
 * Every `carbonLens.*` setting, defined once: its type, default, allowed values, scope, how a
 * value sent by a client is normalised, and the `carbon-lens` flag with the same meaning. The
 * server (`normalizeSettings`), the client (`readSettings`) and the CLI's argument parser read
 * this table; a test checks `package.json` `contributes.configuration` against it.
 */

export type Methodology = 'default' | 'boavizta-2.4';
/** Which total drives lenses, the status and headlines: the period view or the GHG Protocol inventory view. */
export type ViewName = 'period' | 'inventory';
export type UnitsSetting = 'auto' | 'kg' | 't';
/** '' keeps each budget's own severity. */
export type BudgetSeveritySetting = '' | 'error' | 'warning' | 'info';

/** The settings the language server (and the CLI) work with, per document. */
export interface Settings {
  methodology: Methodology;
  /** Grid location for sites without `location` ('' = world average). */
  defaultLocation: string;
  view: ViewName;
  units: UnitsSetting;
  codeLens: { enable: boolean };
  budgetSeverity: BudgetSeveritySetting;
  /** Show completeness findings (the rules marked `completeness` in contracts/rules.ts). */
  completeness: boolean;
  /** The git ref lenses, hovers, the status and the report compare with ('' = no comparison). */
  compareTo: string;
}

export interface SettingValue {
  value: string;
  description: string;
  /** Label in the settings editor's drop-down, when the value itself says nothing (''). */
  label?: string;
}

/** A CLI flag taking a value (`--view inventory`) or, for a boolean, a flag that sets it. */
export type CliFlag =
  | { flag: string; argument: string }
  | { flag: string; sets: boolean };

export interface SettingDefinition {
  /** The key under `carbonLens.` (`codeLens.enable` for nested settings). */
  key: string;
  type: 'string' | 'boolean';
  default: string | boolean;
  /** Allowed values, in the order the settings editor lists them. */
  values?: readonly SettingValue[];
  /** For free text: the pattern the settings editor checks. */
  pattern?: string;
  scope: 'resource' | 'window';
  description: string;
  /** The description is Markdown (`markdownDescription` in package.json). */
  markdown?: boolean;
  /** False for settings only the client library reads (`trace.server`): not part of `Settings`. */
  server: boolean;
  /** The `carbon-lens` flag with the same meaning, or why there is none. */
  cli: CliFlag | { none: string };
}

/**
 * What `compareTo` (and `--base`) accept: a branch, tag, commit or an expression such as
 * `HEAD~1` or `main...HEAD`. Never a leading `-` (git would read an option), no spaces or the
 * characters git refuses in refs.
 */
const COMPARE_TO_PATTERN = '^(?!-)[^\\s:?*\\[\\\\]*$';

/** Why a `compareTo` value is not a ref git should be given, or undefined ('' is "off", not a problem). */
export function compareToProblem(ref: string): string | undefined {
  if (new RegExp(COMPARE_TO_PATTERN).test(ref) && !/[\u0000-\u001f\u007f]/.test(ref)) return undefined;
  return `"${ref}" is not a git ref (a branch, tag or commit; it cannot start with "-" or contain spaces, ":", "?", "*", "[" or "\\")`;
}

export const SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'methodology',
    type: 'string',
    default: 'default',
    values: [
      { value: 'default', description: 'Carbon Lens default: vendor product carbon footprints where published, default PUE, Scope 1, upstream electricity (Scope 3 category 3).' },
      { value: 'boavizta-2.4', description: 'BoaviztAPI 2.4.1 parity: bottom-up component models (never vendor figures), PUE 1 unless a site sets one, no upstream electricity.' },
    ],
    scope: 'resource',
    description: 'Methodology for manifests that do not set `methodology` themselves.',
    markdown: true,
    server: true,
    cli: { flag: '--methodology', argument: 'NAME' },
  },
  {
    key: 'defaultLocation',
    type: 'string',
    default: '',
    pattern: '^[A-Za-z0-9-]*$',
    scope: 'resource',
    description: 'Grid location for sites without `location`, e.g. `FR`, `DE`, `US-CAMX`. Empty: the world average grid (and a warning on each such site).',
    markdown: true,
    server: true,
    cli: { flag: '--default-location', argument: 'CC' },
  },
  {
    key: 'view',
    type: 'string',
    default: 'period',
    values: [
      { value: 'period', description: "This period: embodied emissions spread evenly over each asset's lifespan." },
      { value: 'inventory', description: 'GHG Protocol inventory: capital goods counted in full in the year they were bought.' },
    ],
    scope: 'resource',
    description: 'Which total drives the code lenses, the status bar and the headline of the report.',
    server: true,
    cli: { flag: '--view', argument: 'VIEW' },
  },
  {
    key: 'units',
    type: 'string',
    default: 'auto',
    values: [
      { value: 'auto', description: 'kgCO2e below a tonne, tCO2e (or ktCO2e) above.' },
      { value: 'kg', description: 'Always kgCO2e.' },
      { value: 't', description: 'Always tCO2e.' },
    ],
    scope: 'resource',
    description: 'Units of masses of CO2e in hovers, code lenses, the status bar and the report.',
    server: true,
    cli: { flag: '--units', argument: 'UNITS' },
  },
  {
    key: 'codeLens.enable',
    type: 'boolean',
    default: true,
    scope: 'resource',
    description: 'Show the footprint of the file, of each asset and of each budget above them (in files of about 500 assets or more, each asset\'s figure is an inlay hint at the end of its id line).',
    server: true,
    cli: { none: 'code lenses exist only in an editor; the CLI prints the same figures in its reports' },
  },
  {
    key: 'budgetSeverity',
    type: 'string',
    default: '',
    values: [
      { value: '', label: "(each budget's own)", description: 'Keep the severity each budget sets (default error).' },
      { value: 'error', description: 'Report every exceeded budget as an error.' },
      { value: 'warning', description: 'Report every exceeded budget as a warning.' },
      { value: 'info', description: 'Report every exceeded budget as information.' },
    ],
    scope: 'resource',
    description: "Severity of exceeded budgets in the Problems panel, overriding the budgets' own.",
    server: true,
    cli: { flag: '--budget-severity', argument: 'SEVERITY' },
  },
  {
    key: 'completeness',
    type: 'boolean',
    default: true,
    scope: 'resource',
    description: 'Warn about data an inventory should have: transport, end of life, lifespan, PUE (estimates are used meanwhile).',
    server: true,
    cli: { flag: '--no-completeness', sets: false },
  },
  {
    key: 'compareTo',
    type: 'string',
    default: 'HEAD',
    pattern: COMPARE_TO_PATTERN,
    scope: 'resource',
    description: 'The git version that code lenses, hovers, the status and the report compare each manifest with: `HEAD` (the last commit), a branch or tag such as `main`, or a commit. Empty: no comparison.',
    markdown: true,
    server: true,
    cli: { flag: '--base', argument: 'REF' },
  },
  {
    key: 'trace.server',
    type: 'string',
    default: 'off',
    values: [
      { value: 'off', description: 'No trace.' },
      { value: 'messages', description: 'The name of every message.' },
      { value: 'verbose', description: 'Every message with its content.' },
    ],
    scope: 'window',
    description: 'Traces the messages between VS Code and the Carbon Lens language server in the "Carbon Lens" output.',
    server: false,
    cli: { none: 'traces the editor\'s connection to the language server; the CLI runs the engine in-process, without one' },
  },
];

/** The prefix of every setting key in an editor's configuration. */
export const SETTINGS_SECTION = 'carbonLens';

/**
 * A setting's value from what a client sent (anything): an allowed value, a trimmed string, a
 * boolean; anything else falls back to the default.
 */
export function normalizeSetting(definition: SettingDefinition, raw: unknown): string | boolean {
  if (definition.type === 'boolean') return typeof raw === 'boolean' ? raw : definition.default;
  if (typeof raw !== 'string') return definition.default;
  if (definition.values) return definition.values.some((v) => v.value === raw) ? raw : definition.default;
  return raw.trim();
}

/**
 * Settings from a reader of setting keys (`codeLens.enable`): the client passes its
 * configuration's `get`, the server a lookup in the object the client sent.
 */
export function settingsFrom(read: (key: string) => unknown): Settings {
  const settings: Record<string, unknown> = {};
  for (const definition of SETTINGS) {
    if (!definition.server) continue;
    const path = definition.key.split('.');
    let target = settings;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = normalizeSetting(definition, read(definition.key));
  }
  return settings as unknown as Settings;
}

/** The value at a dotted key in a nested object (own properties only: `__proto__` finds nothing). */
function valueAt(raw: unknown, key: string): unknown {
  let value = raw;
  for (const part of key.split('.')) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Settings from whatever the client sent (the `carbonLens` section): unknown or malformed values fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  return settingsFrom((key) => valueAt(raw, key));
}

export const DEFAULT_SETTINGS: Settings = normalizeSettings({});

/**
 * A value given to a setting's CLI flag: the normalised value, or why it is refused (the CLI
 * says so and exits 2, where an editor would fall back to the default).
 */
export function cliSettingValue(definition: SettingDefinition, text: string): { value: string | boolean } | { error: string } {
  if (definition.values && !definition.values.some((v) => v.value === text)) {
    const allowed = definition.values.map((v) => (v.value === '' ? "'' (each budget's own)" : v.value)).join(', ');
    return { error: `unknown ${definition.key} "${text}" (${allowed})` };
  }
  return { value: normalizeSetting(definition, text) };
}

/** The setting behind a CLI flag (`--view`, `--no-completeness`), if any. */
export function settingForFlag(flag: string): SettingDefinition | undefined {
  return SETTINGS.find((d) => 'flag' in d.cli && d.cli.flag === flag);
}

/** Sets a setting (by its dotted key) in a settings object, in place. */
export function withSetting(settings: Settings, key: string, value: string | boolean): Settings {
  const path = key.split('.');
  let target = settings as unknown as Record<string, unknown>;
  for (const part of path.slice(0, -1)) target = (target[part] = { ...(target[part] as object) }) as Record<string, unknown>;
  target[path[path.length - 1]] = value;
  return settings;
}
