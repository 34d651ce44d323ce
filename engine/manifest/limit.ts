/** Kilograms per unit a budget `limit` may be written in. */
const UNIT_KG: Record<string, number> = { kgCO2e: 1, tCO2e: 1e3, ktCO2e: 1e6, MtCO2e: 1e9 };
const LIMIT_PATTERN = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(kg|t|kt|Mt)CO2e\s*$/;

/** "900 tCO2e" → 900,000 kg; undefined when the text is not a valid limit. */
export function parseLimitKg(limit: string): number | undefined {
  const match = LIMIT_PATTERN.exec(limit);
  if (!match) return undefined;
  // Infinity for absurdly long numbers: the semantic checks report it, budgets skip it.
  return Number(match[1]) * UNIT_KG[`${match[2]}CO2e`];
}
