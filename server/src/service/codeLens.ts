import { CodeLens, Command, Range } from 'vscode-languageserver';
import { Analysis } from '../../../engine/analysis';
import { total } from '../../../engine/compute/breakdown';
import { formatKg, formatPercent } from '../../../contracts/units';
import { Settings } from '../settings';
import { rangeOf } from './convert';

/** The client command a lens runs: open the report focused on an item. */
export const OPEN_REPORT_COMMAND = 'carbonLens.openReport';

/**
 * Above this many lenses (a fleet of thousands of assets), lenses are sent without their
 * titles and each is resolved when the editor shows it (`codeLens/resolve`): titles depend
 * on the file total, so they would all change with every edit, and most are off screen.
 */
export const RESOLVE_LENSES_ABOVE = 500;

const perYear = (settings: Settings) => (settings.view === 'period' ? '/yr' : '');

/** What a lens is about: the file, an asset or a budget (index into the inventory's lists). */
type LensTarget = { kind: 'file'; range: Range } | { kind: 'asset' | 'budget'; index: number; range: Range };

/** The lenses' targets in order: file total at the top, one per asset and per budget. */
function lensTargets(analysis: Analysis, settings: Settings): LensTarget[] {
  const inventory = analysis.inventory;
  if (!settings.codeLens.enable || !inventory) return [];
  const targets: LensTarget[] = [{ kind: 'file', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  const outline = new Map(analysis.outline.map((o) => [`${o.section}/${o.index}`, o]));
  inventory.assets.forEach((asset, index) => {
    const item = outline.get(`assets/${asset.index}`);
    if (item) targets.push({ kind: 'asset', index, range: rangeOf(analysis, item.start, item.start) });
  });
  inventory.budgets.forEach((budget, index) => {
    const item = outline.get(`budgets/${budget.index}`);
    if (item) targets.push({ kind: 'budget', index, range: rangeOf(analysis, item.start, item.start) });
  });
  return targets;
}

function commandFor(analysis: Analysis, target: LensTarget, uri: string, settings: Settings): Command | undefined {
  const inventory = analysis.inventory;
  if (!inventory) return undefined;
  const view = settings.view;
  const unit = settings.units === 'auto' ? undefined : settings.units;
  const grand = total(inventory.totals[view]).value;
  if (target.kind === 'file') {
    const budgetsExceeded = inventory.budgets.filter((b) => b.status === 'exceeded').length;
    return {
      title: `Carbon Lens: ${formatKg(grand, unit)}${view === 'period' ? ' this period' : ' (GHG inventory view)'} · ${inventory.assets.length} asset${inventory.assets.length === 1 ? '' : 's'}${budgetsExceeded ? ` · ${budgetsExceeded} budget${budgetsExceeded > 1 ? 's' : ''} exceeded` : ''}${inventory.excluded.length ? ` · ${inventory.excluded.length} left out (errors)` : ''}`,
      command: OPEN_REPORT_COMMAND,
      arguments: [uri],
    };
  }
  if (target.kind === 'asset') {
    const asset = inventory.assets[target.index];
    if (!asset) return undefined;
    const kg = total(asset[view]).value;
    return {
      title: `≈ ${formatKg(kg, unit)}${perYear(settings)} · ${formatPercent(grand > 0 ? kg / grand : 0)} of total`,
      command: OPEN_REPORT_COMMAND,
      arguments: [uri, { kind: 'asset', id: asset.id }],
    };
  }
  const budget = inventory.budgets[target.index];
  if (!budget) return undefined;
  const status = budget.status === 'exceeded' ? ' · exceeded' : budget.status === 'near' ? ' · near limit' : '';
  return {
    title: Number.isFinite(budget.ratio)
      ? `${formatPercent(budget.ratio)} of ${formatKg(budget.limitKgCO2e, unit)}${budget.per ? ` per ${budget.per}` : ''}${status}`
      : `${formatKg(budget.actualKgCO2e.value, unit)}${budget.per ? ` per ${budget.per}` : ''} against a zero limit${status}`,
    command: OPEN_REPORT_COMMAND,
    arguments: [uri, { kind: 'budget', id: budget.id }],
  };
}

/** File total at the top, one lens per asset and per budget. */
export function codeLenses(analysis: Analysis, uri: string, settings: Settings): CodeLens[] {
  return lensTargets(analysis, settings).map((target) => ({ range: target.range, command: commandFor(analysis, target, uri, settings) }));
}

/**
 * The lenses to send: with their commands up to `RESOLVE_LENSES_ABOVE` lenses, else without
 * (`data` says which lens, for `resolveCodeLens`; `tag` names the analysis it was made from).
 */
export function codeLensesToSend(analysis: Analysis, uri: string, settings: Settings, tag: number): CodeLens[] {
  const targets = lensTargets(analysis, settings);
  if (targets.length <= RESOLVE_LENSES_ABOVE) return targets.map((target) => ({ range: target.range, command: commandFor(analysis, target, uri, settings) }));
  return targets.map((target) => ({
    range: target.range,
    data: target.kind === 'file' ? [tag, 0] : [tag, target.kind === 'asset' ? 1 : 2, target.index],
  }));
}

/** The command of a lens sent by `codeLensesToSend` without one, from the same analysis. */
export function resolveCodeLens(analysis: Analysis, lens: CodeLens, uri: string, settings: Settings): CodeLens {
  const data = lens.data as number[] | undefined;
  if (!Array.isArray(data) || lens.command) return lens;
  const target: LensTarget = data[1] === 0 ? { kind: 'file', range: lens.range } : { kind: data[1] === 1 ? 'asset' : 'budget', index: data[2], range: lens.range };
  const command = commandFor(analysis, target, uri, settings);
  return command ? { range: lens.range, command } : lens;
}
