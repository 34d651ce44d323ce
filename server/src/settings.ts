import { Methodology } from '../../engine/compute/notes';

/** Per-resource settings (section `carbonLens` of the client's configuration). */
export interface Settings {
  /** Methodology for manifests that do not set `methodology`. */
  methodology: Methodology;
  /** Grid location for sites without `location` ('' = world average). */
  defaultLocation: string;
  /** Which view drives code lenses and the status: the period view or the GHG Protocol inventory view. */
  view: 'period' | 'inventory';
  /** Units in hovers and lenses: automatic (kg below a tonne), always kg, or always tonnes. */
  units: 'auto' | 'kg' | 't';
  codeLens: { enable: boolean };
  /** Forces every budget's severity ('' keeps each budget's own). */
  budgetSeverity: '' | 'error' | 'warning' | 'info';
  /** Show completeness warnings (missing transport, end of life, lifespan, PUE). */
  completeness: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  methodology: 'default',
  defaultLocation: '',
  view: 'period',
  units: 'auto',
  codeLens: { enable: true },
  budgetSeverity: '',
  completeness: true,
};

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** Settings from whatever the client sent: unknown or malformed values fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const codeLens = (r.codeLens && typeof r.codeLens === 'object' ? r.codeLens : {}) as Record<string, unknown>;
  return {
    methodology: oneOf(r.methodology, ['default', 'boavizta-2.4'] as const, DEFAULT_SETTINGS.methodology),
    defaultLocation: typeof r.defaultLocation === 'string' ? r.defaultLocation.trim() : '',
    view: oneOf(r.view, ['period', 'inventory'] as const, DEFAULT_SETTINGS.view),
    units: oneOf(r.units, ['auto', 'kg', 't'] as const, DEFAULT_SETTINGS.units),
    codeLens: { enable: typeof codeLens.enable === 'boolean' ? codeLens.enable : true },
    budgetSeverity: oneOf(r.budgetSeverity, ['', 'error', 'warning', 'info'] as const, ''),
    completeness: typeof r.completeness === 'boolean' ? r.completeness : true,
  };
}
