import { fixedFactors, modelViews, overridableFactors, type FactorRow } from '../engine';
import { formatNumber } from '../contracts/units';

/** `carbon-lens models`: the catalog with each model's embodied figure and its source. */
export function listModels(): string {
  const lines = modelViews().map((m) => {
    // A baseboard PCF with a host estimate says so: the figure is what a manifest counts.
    const made = m.embodied.parts ? ` [${m.embodied.parts.map((p) => `${p.label} ${formatNumber(p.kgCO2e)}`).join(' + ')}]` : '';
    return `${m.id.padEnd(26)} ${m.kind.padEnd(6)} ${formatNumber(m.embodied.kgCO2e).padStart(7)} kgCO2e  ${m.idleW}–${m.maxW} W  ${m.name}${made} — ${m.embodied.source} (${m.embodied.year})`;
  });
  return `${lines.join('\n')}\n`;
}

const factorLine = (f: FactorRow): string =>
  `${f.id.padEnd(40)} ${formatNumber(f.value, 4).padStart(9)} ${f.unit.padEnd(16)} ${f.year}  ${f.source}`;

/**
 * `carbon-lens factors`: every factor the engine uses, with value and source: those a manifest
 * can override, then the model parameters it cannot.
 */
export function listFactors(): string {
  const fixed = fixedFactors().map(factorLine);
  return `${overridableFactors().map(factorLine).join('\n')}\n\n# Model parameters (used, not overridable)\n${fixed.join('\n')}\n`;
}

/** What `check` adds to a message whose list the editor offers by completion: the command that prints it. */
export const LIST_HINTS: Readonly<Record<string, string>> = {
  'unknown-model': ' (`carbon-lens models` lists the catalog.)',
  'unknown-factor': ' (`carbon-lens factors` lists the factor ids.)',
};
