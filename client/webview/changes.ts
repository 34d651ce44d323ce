/**
 * "Changes vs HEAD": the manifest against its `compareTo` version, as the language server
 * compared them (the same model as `carbon-lens diff --format json`). Figures are the server's;
 * the page only lays them out, the largest changes linking to their lines.
 */
import type { AssetChange, BudgetSide } from '../../engine';
import { formatBudgetUse, formatInputChange, formatSignedKg, formatSignedPercent } from '../../contracts/units';
import type { ReportChange } from '../src/report/protocol';
import { Ctx, kg } from './context';
import { h, lineLink } from './dom';
import { section } from './sections';

const STATUS_WORDS = { added: 'new', removed: 'removed', changed: 'changed', unchanged: 'unchanged' } as const;

/** Why there is no comparison, in a sentence. */
function notCompared(change: ReportChange): string {
  switch (change.state) {
    case 'pending':
      return `Comparing with ${change.ref}…`;
    case 'off':
      return 'No comparison: the carbonLens.compareTo setting is empty.';
    default:
      return `Not compared with ${change.ref}: ${change.message ?? change.state}.`;
  }
}

function what(asset: AssetChange): string {
  if (asset.leftOut) return `left out at ${asset.leftOut.side === 'head' ? 'this version' : 'the base'} (error at line ${asset.leftOut.line})`;
  if (asset.status !== 'changed') return STATUS_WORDS[asset.status];
  return asset.changed.length > 0 ? asset.changed.slice(0, 3).map(formatInputChange).join('; ') + (asset.changed.length > 3 ? `; ${asset.changed.length - 3} more` : '') : 'figures changed';
}

function budgetUse(ctx: Ctx, side: BudgetSide | null): string {
  return side ? `${kg(ctx, side.actualKgCO2e)} (${formatBudgetUse(side.ratio)})` : '—';
}

export function changes(ctx: Ctx): HTMLElement | null {
  const change = ctx.change;
  if (!change || change.state === 'off') return null;
  const title = `Changes vs ${change.ref}`;
  const diff = change.diff;
  if (!diff) return section('changes', title, null, h('p', { class: 'empty', id: 'change-status' }, notCompared(change)));
  const signed = (value: number) => formatSignedKg(value, ctx.units);
  const d = diff.delta;
  const commit = diff.base.commit ? ` (${diff.base.commit.slice(0, 12)})` : '';
  const headline = h(
    'div',
    { class: 'card change-card', id: 'change-total' },
    h('p', { class: 'big', 'data-kg': String(d.kgCO2e) }, signed(d.kgCO2e)),
    h('p', { class: 'range-text' }, `${formatSignedPercent(d.percent)} · ${kg(ctx, diff.base.kgCO2e)} at ${change.ref}${commit} → ${kg(ctx, diff.head.kgCO2e)} now`),
    h('p', { class: 'explain' }, `Between ${signed(d.min)} and ${signed(d.max)} with both versions at the same factor bounds (they share their uncertainty). ${change.state === 'notAtRef' ? `The file is not in ${change.ref}: all of it is new.` : ''}`),
  );
  const rows = diff.assets.map((a) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, a.lineAt === 'head' ? lineLink(a.id, a.line, `asset ${a.id}`) : h('span', {}, a.id, h('span', { class: 'hint' }, `line ${a.line} at ${change.ref}`))),
      h('td', { class: 'num' }, signed(a.deltaKgCO2e), a.deltaMin !== null && a.deltaMax !== null && a.deltaMin !== a.deltaMax ? h('span', { class: 'hint' }, `${signed(a.deltaMin)} to ${signed(a.deltaMax)}`) : null),
      h('td', { class: 'num' }, a.baseKgCO2e === null ? '—' : kg(ctx, a.baseKgCO2e)),
      h('td', { class: 'num' }, a.headKgCO2e === null ? '—' : kg(ctx, a.headKgCO2e)),
      h('td', {}, what(a)),
    ));
  const more = (change.changedAssets ?? 0) - diff.assets.length;
  const counts = [more > 0 ? `${more} more changed asset${more === 1 ? '' : 's'}` : '', change.unchangedAssets ? `${change.unchangedAssets} unchanged` : ''].filter(Boolean).join(' · ');
  const table = rows.length === 0
    ? h('p', { class: 'empty' }, 'No asset changed.')
    : h(
        'div',
        { class: 'table-scroll card' },
        h(
          'table',
          { id: 'change-table' },
          h('caption', { class: 'sr-only' }, `Largest changes vs ${change.ref}`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Asset'), h('th', { scope: 'col', class: 'num' }, 'Change'), h('th', { scope: 'col', class: 'num' }, change.ref), h('th', { scope: 'col', class: 'num' }, 'Now'), h('th', { scope: 'col' }, 'What changed'))),
          h('tbody', {}, rows),
        ),
      );
  const budgets = diff.budgets.filter((b) => b.status !== 'unchanged');
  const budgetList = budgets.length === 0
    ? null
    : h(
        'ul',
        { class: 'change-budgets' },
        budgets.map((b) =>
          h(
            'li',
            {},
            b.lineAt === 'head' ? lineLink(b.id, b.line, `budget ${b.id}`) : b.id,
            `: ${budgetUse(ctx, b.base)} → ${budgetUse(ctx, b.head)} · `,
            b.newlyExceeded ? h('strong', {}, b.statusChange) : b.statusChange,
          )),
      );
  return section('changes', title, null, headline, table, counts ? h('p', { class: 'hint' }, counts) : null, budgetList);
}
