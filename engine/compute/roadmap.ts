import { HOST_KEPT_GENERATIONS } from '../data/targets';
import { byScope, total } from './breakdown';
import { ComputeContext, ComputeInput, computeInventory, Inventory } from './inventory';
import { hostShare } from './keptHosts';
import { applyScenario, builtInLevers, Lever, scenarioLevers, ScenarioWork } from './scenarios';
import { scopedTotal, TargetResult } from './targets';

/** One lever of the roadmap, in the order they are applied (largest saving first). Amounts in kgCO2e. */
export interface RoadmapStep {
  id: string;
  description: string;
  /** The lever alone against the modelled baseline, in the target's scopes and view. */
  savingKgCO2e: number;
  /** saving ÷ the target's gap; null when there is no gap to close. */
  gapClosedShare: number | null;
  /** This lever and every one before it, applied one after another to the already-reduced inventory. */
  cumulativeSavingKgCO2e: number;
  cumulativeGapClosedShare: number | null;
}

export interface Roadmap {
  /** The target whose scopes, view and gap measure the levers (the first off-track one, else the first); none: location-based total, period view. */
  targetId?: string;
  baselineKgCO2e: number;
  gapKgCO2e: number | null;
  steps: RoadmapStep[];
}

/** The "upgrade the accelerators and keep the host" lever, for the assets that are modular GPU servers. */
export function keepHostLever(inventory: Inventory): Lever | undefined {
  const ids = inventory.assets.filter((a) => hostShare(a.measurement?.modelled ?? a) > 0).map((a) => a.id);
  if (ids.length === 0) return undefined;
  return {
    id: 'what-if-keep-host',
    description: `Upgrade the accelerators and keep the host: each GPU server's host serves ${HOST_KEPT_GENERATIONS.value} accelerator generations (${ids.length} asset${ids.length === 1 ? '' : 's'})`,
    apply: (input) => ({ ...applyScenario(input, {}), keptHosts: new Set([...(input.keptHosts ?? []), ...ids]) }),
  };
}

/**
 * The reduction roadmap: every lever (the manifest's scenarios, the built-in what-ifs and, for
 * modular GPU servers, keeping the host) ranked by its saving, each with the share of the
 * target's gap it closes, and their combined effect when applied in that order. Each lever is
 * applied to the input the levers before it produced, so two levers that touch the same
 * emissions (better cooling, then renewable power for what is left) count them once.
 */
export function buildRoadmap(input: ComputeInput, context: ComputeContext, inventory: Inventory, work = new ScenarioWork()): Roadmap {
  const target = inventory.targets.find((t) => t.status === 'off-track') ?? inventory.targets[0];
  const measure = figureOf(target);
  // Levers change the model: they are measured against the modelled inventory (metered data set aside).
  const baseInput = applyScenario(input, {});
  const baseline = measure(input.measurements?.some((m) => m) ? computeInventory(baseInput, context) : inventory);
  const gap = target && target.gapKgCO2e > 0 ? target.gapKgCO2e : null;
  const share = (saving: number) => (gap === null ? null : saving / gap);
  const keepHost = keepHostLever(inventory);
  const levers = [...scenarioLevers(input), ...builtInLevers(context.factors), ...(keepHost ? [keepHost] : [])];

  const alone: { lever: Lever; saving: number }[] = [];
  for (const lever of levers) {
    if (!work.take(input.assets.length, lever.id)) continue;
    alone.push({ lever, saving: baseline - measure(computeInventory(lever.apply(baseInput), context)) });
  }
  alone.sort((a, b) => b.saving - a.saving);

  const steps: RoadmapStep[] = [];
  let current = baseInput;
  let cumulative = 0;
  for (const { lever, saving } of alone) {
    // A lever that saves nothing alone, or that would undo part of the levers before it (a
    // scenario setting a lower renewable share than one already applied), is listed, not applied.
    if (saving > 0 && work.take(input.assets.length, `${lever.id} (combined)`)) {
      const next = lever.apply(current);
      const combined = baseline - measure(computeInventory(next, context));
      if (combined >= cumulative) {
        current = next;
        cumulative = combined;
      }
    }
    steps.push({ id: lever.id, description: lever.description, savingKgCO2e: saving, gapClosedShare: share(saving), cumulativeSavingKgCO2e: cumulative, cumulativeGapClosedShare: share(cumulative) });
  }
  return { targetId: target?.id, baselineKgCO2e: baseline, gapKgCO2e: gap, steps };
}

/** The figure levers are measured by: the target's scopes in its view, else the location-based period total. */
function figureOf(target: TargetResult | undefined): (inventory: Inventory) => number {
  if (!target) return (inventory) => total(inventory.totals.period).value;
  return (inventory) => scopedTotal(byScope(inventory.totals[target.view]), target.scopes).value;
}
