import { CodeLens } from 'vscode-languageserver';
import { Analysis } from '../../../engine/analysis';
import { total } from '../../../engine/compute/breakdown';
import { formatKg, formatPercent } from '../../../engine/report/units';
import { Settings } from '../settings';
import { rangeOf } from './convert';

/** The client command a lens runs: open the report focused on an item. */
export const OPEN_REPORT_COMMAND = 'carbonLens.openReport';

const perYear = (settings: Settings) => (settings.view === 'period' ? '/yr' : '');

/** File total at the top, one lens per asset and per budget. */
export function codeLenses(analysis: Analysis, uri: string, settings: Settings): CodeLens[] {
  const inventory = analysis.inventory;
  if (!settings.codeLens.enable || !inventory) return [];
  const view = settings.view;
  const unit = settings.units === 'auto' ? undefined : settings.units;
  const grand = total(inventory.totals[view]).value;
  const lenses: CodeLens[] = [];
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const budgetsExceeded = inventory.budgets.filter((b) => b.status === 'exceeded').length;
  lenses.push({
    range: top,
    command: {
      title: `Carbon Lens: ${formatKg(grand, unit)}${view === 'period' ? ' this period' : ' (GHG inventory view)'} · ${inventory.assets.length} assets${budgetsExceeded ? ` · ${budgetsExceeded} budget${budgetsExceeded > 1 ? 's' : ''} exceeded` : ''}${inventory.excluded.length ? ` · ${inventory.excluded.length} left out (errors)` : ''}`,
      command: OPEN_REPORT_COMMAND,
      arguments: [uri],
    },
  });
  const outline = new Map(analysis.outline.map((o) => [`${o.section}/${o.index}`, o]));
  for (const asset of inventory.assets) {
    const item = outline.get(`assets/${asset.index}`);
    if (!item) continue;
    const kg = total(asset[view]).value;
    lenses.push({
      range: rangeOf(analysis, item.start, item.start),
      command: {
        title: `≈ ${formatKg(kg, unit)}${perYear(settings)} · ${formatPercent(grand > 0 ? kg / grand : 0)} of total`,
        command: OPEN_REPORT_COMMAND,
        arguments: [uri, { kind: 'asset', id: asset.id }],
      },
    });
  }
  for (const budget of inventory.budgets) {
    const item = outline.get(`budgets/${budget.index}`);
    if (!item) continue;
    const status = budget.status === 'exceeded' ? ' · exceeded' : budget.status === 'near' ? ' · near limit' : '';
    lenses.push({
      range: rangeOf(analysis, item.start, item.start),
      command: {
        title: `${formatPercent(budget.ratio)} of ${formatKg(budget.limitKgCO2e, unit)}${budget.per ? ` per ${budget.per}` : ''}${status}`,
        command: OPEN_REPORT_COMMAND,
        arguments: [uri, { kind: 'budget', id: budget.id }],
      },
    });
  }
  return lenses;
}
