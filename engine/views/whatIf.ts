/** What-ifs the editor offers as quick fixes, by the same rules as the report's built-in what-ifs. */
import type { Analysis } from '../analysis';
import { evaluateScenarios, extendedLifespanYears } from '../compute/scenarios';

export interface LifespanWhatIf {
  assetId: string;
  fromYears: number;
  toYears: number;
  /** Period total now minus with the longer lifespan (location-based); negative when keeping it longer adds CO2e this period. */
  savingKgCO2e: number;
}

/**
 * One asset kept longer (the built-in "lifespan" what-if, for that asset alone): its new
 * lifespan and what it saves this period. Undefined when the asset was not computed, or when
 * the fleet is too large to recompute for a quick fix (the report's scenario work limit).
 */
export function lifespanWhatIf(analysis: Analysis, assetId: string): LifespanWhatIf | undefined {
  const { inventory, computed } = analysis;
  const asset = inventory?.assets.find((a) => a.id === assetId);
  if (!inventory || !computed || !asset) return undefined;
  const toYears = extendedLifespanYears(asset.lifespanYears, computed.context.factors);
  const scenario = { id: `extend-${asset.id}`, assets: [asset.id], set: { lifespanYears: toYears } };
  const [result] = evaluateScenarios({ ...computed.input, scenarios: [scenario] }, computed.context, inventory);
  return result && { assetId: asset.id, fromYears: asset.lifespanYears, toYears, savingKgCO2e: result.savingKgCO2e };
}
