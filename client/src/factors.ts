import * as vscode from 'vscode';
import type { Report } from '../../engine';
import { formatNumber } from '../../contracts/units';

type Factor = Report['factors'][number];

const GROUPS: Record<string, string> = {
  grid: 'Electricity grids',
  electricity: 'Electricity (upstream, losses)',
  model: 'Hardware models',
  transport: 'Transport',
  endOfLife: 'End of life',
  fuel: 'Fuels',
  refrigerant: 'Refrigerants',
  default: 'Defaults',
};

interface FactorItem extends vscode.QuickPickItem {
  factor?: Factor;
}

/** Quick pick items: one per factor, grouped by kind, with value, unit, source and year. */
export function factorItems(factors: readonly Factor[]): FactorItem[] {
  const byGroup = new Map<string, Factor[]>();
  for (const factor of factors) {
    const group = factor.id.split('/')[0] ?? factor.id;
    byGroup.set(group, [...(byGroup.get(group) ?? []), factor]);
  }
  const items: FactorItem[] = [];
  for (const [group, list] of [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    items.push({ label: GROUPS[group] ?? group, kind: vscode.QuickPickItemKind.Separator });
    for (const factor of list) {
      items.push({
        label: factor.id,
        description: `${formatNumber(factor.value, 4)} ${factor.unit} · ${factor.year}${factor.overridden ? ' · overridden in the manifest' : ''}`,
        detail: factor.source,
        factor,
      });
    }
  }
  return items;
}

/**
 * Lists the emission factors a report used, with their source and reference year. Choosing one
 * copies its citation. Returns once the list is shown (not when it is closed).
 */
export function showFactorSources(report: Report, title: string): readonly Factor[] {
  const pick = vscode.window.createQuickPick<FactorItem>();
  pick.title = `Emission factors used by ${title} (${report.factors.length})`;
  pick.placeholder = 'Filter by id, value or source; Enter copies the citation';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = factorItems(report.factors);
  pick.onDidAccept(() => {
    const factor = pick.selectedItems[0]?.factor;
    if (factor) {
      const citation = `${factor.id}: ${formatNumber(factor.value, 4)} ${factor.unit} — ${factor.source} (${factor.year})`;
      void vscode.env.clipboard.writeText(citation).then(() => vscode.window.showInformationMessage(`Copied the source of ${factor.id}.`));
    }
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return report.factors;
}
