/** The asset table (sortable, filterable, paginated for fleets of thousands) and the focused asset's card. */
import type { ReportAsset } from '../../engine';
import type { AssetSortKey, WebviewState } from '../src/report/protocol';
import { legend, stackedBar } from './charts';
import { Ctx, energy, kg, number, percent, SCOPES, STAGE_LABELS, STAGES, tonnes } from './context';
import { h, lineLink } from './dom';

export const PAGE_SIZE = 50;

export type AssetView = NonNullable<WebviewState['assets']>;
export const DEFAULT_ASSET_VIEW: AssetView = { page: 0, sort: 'kgCO2e', descending: true, filter: '' };

const COLUMNS: readonly { key: AssetSortKey; label: string; numeric: boolean; title?: string }[] = [
  { key: 'id', label: 'Asset', numeric: false },
  { key: 'site', label: 'Site', numeric: false },
  { key: 'model', label: 'Model', numeric: false },
  { key: 'count', label: 'Units', numeric: true },
  { key: 'kgCO2e', label: 'tCO2e this period', numeric: true },
  { key: 'share', label: 'Share', numeric: true },
  { key: 'inventoryKgCO2e', label: 'tCO2e inventory', numeric: true, title: 'GHG Protocol inventory view' },
  { key: 'embodied', label: 'Embodied per unit', numeric: true },
  { key: 'line', label: 'Line', numeric: true },
];

function sortValue(asset: ReportAsset, key: AssetSortKey): string | number {
  switch (key) {
    case 'id': return asset.id;
    case 'site': return asset.site;
    case 'model': return asset.model ?? '';
    case 'count': return asset.count;
    case 'kgCO2e': return asset.kgCO2e;
    case 'share': return asset.share;
    case 'inventoryKgCO2e': return asset.inventoryKgCO2e;
    case 'embodied': return asset.perUnit.embodiedKgCO2e;
    case 'line': return asset.line;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The assets in table order (sorting is presentation: no figure is computed here). */
export function sortAssets(assets: readonly ReportAsset[], view: AssetView): ReportAsset[] {
  const filter = view.filter.trim().toLowerCase();
  const list = filter
    ? assets.filter((a) => a.id.toLowerCase().includes(filter) || a.site.toLowerCase().includes(filter) || (a.model ?? 'component-level').toLowerCase().includes(filter))
    : [...assets];
  const direction = view.descending ? -1 : 1;
  list.sort((a, b) => {
    const x = sortValue(a, view.sort);
    const y = sortValue(b, view.sort);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order * direction || a.line - b.line;
  });
  return list;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The table part that changes with paging, sorting and filtering (re-rendered on its own). */
export function assetTable(ctx: Ctx, rows: readonly ReportAsset[], view: AssetView): HTMLElement {
  const pages = pageCount(rows.length);
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const start = page * PAGE_SIZE;
  const slice = rows.slice(start, start + PAGE_SIZE);
  const focused = ctx.state.focus?.kind === 'asset' ? ctx.state.focus.id : undefined;
  const total = ctx.report.assets.length;
  const summary = rows.length === 0
    ? `No asset matches “${view.filter}”.`
    : `Showing ${number(start + 1)}–${number(start + slice.length)} of ${number(rows.length)} asset${rows.length === 1 ? '' : 's'}${rows.length !== total ? ` (filtered from ${number(total)})` : ''}, by ${COLUMNS.find((c) => c.key === view.sort)?.label ?? view.sort}, ${view.descending ? 'largest first' : 'smallest first'}.`;

  const head = h(
    'tr',
    {},
    COLUMNS.map((column) => {
      const sorted = view.sort === column.key;
      return h(
        'th',
        { scope: 'col', class: column.numeric ? 'num' : undefined, 'aria-sort': sorted ? (view.descending ? 'descending' : 'ascending') : 'none', title: column.title },
        h(
          'button',
          { type: 'button', class: 'sort', 'data-action': 'sort', 'data-key': column.key, 'data-focus-key': `sort:${column.key}` },
          column.label,
          h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (view.descending ? ' ▼' : ' ▲') : ''),
        ),
      );
    }),
  );
  const body = slice.map((a) =>
    h(
      'tr',
      { class: a.id === focused ? 'focused' : undefined, id: `asset-row-${a.index}`, tabindex: a.id === focused ? -1 : undefined },
      h(
        'th',
        { scope: 'row' },
        lineLink(a.id, a.line, `asset ${a.id}`),
        h('button', { type: 'button', class: 'link details-button', 'data-action': 'details', 'data-id': a.id, 'data-focus-key': `details:${a.index}`, 'aria-label': `Details of ${a.id}`, title: 'Show the details of this asset' }, 'details'),
      ),
      h('td', {}, a.site),
      h('td', {}, a.model ?? h('span', { class: 'hint' }, 'component-level')),
      h('td', { class: 'num' }, number(a.count)),
      h('td', { class: 'num strong', title: `likely ${tonnes(a.min)} – ${tonnes(a.max)} tCO2e` }, tonnes(a.kgCO2e), h('span', { class: 'hint range' }, `${tonnes(a.min)}–${tonnes(a.max)}`)),
      h('td', { class: 'num' }, percent(a.share)),
      h('td', { class: 'num' }, tonnes(a.inventoryKgCO2e)),
      h('td', { class: 'num' }, kg(ctx, a.perUnit.embodiedKgCO2e)),
      h('td', { class: 'num' }, String(a.line)),
    ),
  );
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Asset table pages' },
    h('button', { type: 'button', class: 'button secondary', 'data-action': 'page', 'data-page': 0, disabled: page === 0, 'data-focus-key': 'page:first' }, '« First'),
    h('button', { type: 'button', class: 'button secondary', 'data-action': 'page', 'data-page': page - 1, disabled: page === 0, 'data-focus-key': 'page:prev' }, '‹ Previous'),
    h('span', { class: 'page-of' }, `Page ${number(page + 1)} of ${number(pages)}`),
    h('button', { type: 'button', class: 'button secondary', 'data-action': 'page', 'data-page': page + 1, disabled: page >= pages - 1, 'data-focus-key': 'page:next' }, 'Next ›'),
    h('button', { type: 'button', class: 'button secondary', 'data-action': 'page', 'data-page': pages - 1, disabled: page >= pages - 1, 'data-focus-key': 'page:last' }, 'Last »'),
  );
  return h(
    'div',
    { id: 'asset-table' },
    h('p', { class: 'table-status', role: 'status', 'aria-live': 'polite' }, summary),
    h(
      'div',
      { class: 'table-scroll card', role: 'region', 'aria-label': 'Assets table', tabindex: 0 },
      h('table', { class: 'asset-table' }, h('caption', { class: 'sr-only' }, 'Assets with their emissions'), h('thead', {}, head), h('tbody', {}, body)),
    ),
    pages > 1 ? pager : null,
  );
}

/** The card of the asset a code lens pointed at: everything the report knows about it. */
export function assetDetail(ctx: Ctx, asset: ReportAsset): HTMLElement {
  const u = asset.perUnit;
  return h(
    'article',
    { class: 'card asset-detail focused', id: 'focused-asset', tabindex: -1, 'aria-labelledby': 'focused-asset-title', 'data-focus-key': 'focused-asset' },
    h(
      'div',
      { class: 'detail-head' },
      h('h3', { id: 'focused-asset-title' }, lineLink(asset.id, asset.line, `asset ${asset.id}`)),
      h('button', { type: 'button', class: 'button secondary small', 'data-action': 'clear-focus', 'data-focus-key': 'clear-focus', 'aria-label': `Close the details of ${asset.id}` }, 'Close'),
    ),
    h('p', { class: 'meta' }, `${number(asset.count)} × ${asset.model ?? 'component-level server'} at ${asset.site}${asset.gpus ? ` · ${number(asset.gpus)} GPUs` : ''} · acquired ${asset.acquired} · ${number(asset.lifespanYears)}-year life`),
    h(
      'div',
      { class: 'detail-grid' },
      h(
        'dl',
        { class: 'facts' },
        h('div', {}, h('dt', {}, 'This period'), h('dd', { class: 'value' }, kg(ctx, asset.kgCO2e))),
        h('div', {}, h('dt', {}, 'Likely range'), h('dd', {}, `${kg(ctx, asset.min)} – ${kg(ctx, asset.max)}`)),
        h('div', {}, h('dt', {}, 'Share of total'), h('dd', {}, percent(asset.share))),
        h('div', {}, h('dt', {}, 'Inventory view'), h('dd', {}, kg(ctx, asset.inventoryKgCO2e))),
        h('div', {}, h('dt', {}, 'Embodied per unit'), h('dd', {}, `${kg(ctx, u.embodiedKgCO2e)} (${kg(ctx, u.embodiedMinKgCO2e)} – ${kg(ctx, u.embodiedMaxKgCO2e)})`)),
        h('div', {}, h('dt', {}, 'Power per unit'), h('dd', {}, `${number(u.powerW)} W`)),
        h('div', {}, h('dt', {}, 'Electricity'), h('dd', {}, `${energy(asset.energyKWh.facility)} facility (${energy(asset.energyKWh.it)} IT)`)),
      ),
      h(
        'div',
        {},
        h('p', { class: 'hint' }, 'By lifecycle stage'),
        stackedBar(
          STAGES.map((s, i) => ({ value: asset.byStage[s], className: `st${i}`, label: `${STAGE_LABELS[s]}: ${kg(ctx, asset.byStage[s])}` })),
          asset.kgCO2e,
          `${asset.id} by stage: ${STAGES.map((s) => `${STAGE_LABELS[s]} ${kg(ctx, asset.byStage[s])}`).join(', ')}`,
          18,
        ),
        legend(STAGES.map((s, i) => ({ className: `st${i}`, label: `${STAGE_LABELS[s]} ${kg(ctx, asset.byStage[s])}` }))),
        h('p', { class: 'hint' }, 'By scope'),
        h(
          'ul',
          { class: 'inline-list' },
          SCOPES.map((scope) => h('li', {}, `${scope.label}: ${kg(ctx, asset.byScope[scope.key])}`)),
          h('li', {}, `Scope 2 market-based: ${kg(ctx, asset.byScope.scope2Market)}`),
        ),
      ),
    ),
    asset.parts.length > 0
      ? h(
          'details',
          { class: 'data-table' },
          h('summary', {}, `Embodied emissions of one unit by part (${asset.parts.length})`),
          h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              {},
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col', class: 'num' }, 'kgCO2e'), h('th', { scope: 'col', class: 'num' }, 'Range'), h('th', { scope: 'col' }, 'Source'))),
              h(
                'tbody',
                {},
                asset.parts.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.label), h('td', { class: 'num' }, number(p.kgCO2e)), h('td', { class: 'num' }, `${number(p.min)} – ${number(p.max)}`), h('td', { class: 'source' }, p.source))),
              ),
            ),
          ),
        )
      : null,
    asset.assumptions.length > 0 ? h('div', {}, h('p', { class: 'hint' }, 'Assumptions'), h('ul', { class: 'assumptions' }, asset.assumptions.map((a) => h('li', {}, a)))) : null,
  );
}

export { COLUMNS as ASSET_COLUMNS };
