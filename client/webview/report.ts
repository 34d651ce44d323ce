/**
 * The report page (bundled to media/report.js). It renders the Report the extension posts —
 * computed by the language server — and computes no figure itself. It keeps its UI state
 * (asset table page, sort, filter, focused item) with setState, so hiding and showing the panel
 * or reloading the window brings the same view back.
 */
import type { Report, ReportAsset } from '../../engine';
import type { AssetSortKey, Focus, FromWebview, ReportSource, ToWebview, WebviewState } from '../src/report/protocol';
import { ASSET_COLUMNS, assetDetail, assetTable, AssetView, DEFAULT_ASSET_VIEW, PAGE_SIZE, pageCount, sortAssets } from './assets';
import { changes } from './changes';
import { Ctx } from './context';
import { h } from './dom';
import { banners, breakdown, budgets, factors, footer, header, headline, hotspots, issues, scenarios, section, sites } from './sections';
import { quarters, targets } from './progress';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.getElementById('report-main') as HTMLElement;

let state: WebviewState = vscode.getState() ?? { uri: '' };
let current: Extract<ToWebview, { type: 'report' }> | undefined;
let source: ReportSource | undefined;
let status: { state: 'ok' | 'updating' | 'error'; message?: string } = { state: 'ok' };
/** The focused asset in full (parts, assumptions), sent apart from the slim report. */
let details: ReportAsset | undefined;

function saveState(): void {
  vscode.setState(state);
}

function assetView(): AssetView {
  return state.assets ?? DEFAULT_ASSET_VIEW;
}

// Sorting 10,000 assets is cheap, but not on every keystroke of an unrelated control.
let sortedCache: { report: Report; key: string; rows: ReportAsset[] } | undefined;
function sortedAssets(report: Report, view: AssetView): ReportAsset[] {
  const key = `${view.sort}|${view.descending}|${view.filter}`;
  if (sortedCache?.report !== report || sortedCache.key !== key) sortedCache = { report, key, rows: sortAssets(report.assets, view) };
  return sortedCache.rows;
}
let bySizeCache: { report: Report; rows: ReportAsset[] } | undefined;
function assetsBySize(report: Report): ReportAsset[] {
  if (bySizeCache?.report !== report) bySizeCache = { report, rows: [...report.assets].sort((a, b) => b.kgCO2e - a.kgCO2e) };
  return bySizeCache.rows;
}

function context(): Ctx | undefined {
  if (!current) return undefined;
  return { report: current.report, source: current.source, units: current.units, view: current.view, updatedAt: current.updatedAt, state, whatIfsPending: current.whatIfsPending, change: current.change };
}

// ---------------------------------------------------------------------------------------------
// Rendering

function tableOfContents(ctx: Ctx): HTMLElement {
  const entries: [string, string][] = [
    ...(ctx.change && ctx.change.state !== 'off' ? [['changes', `Changes vs ${ctx.change.ref}`] as [string, string]] : []),
    ['breakdown', 'Breakdown'],
    ...((ctx.report.targets ?? []).length > 0 ? [['targets', `Targets (${ctx.report.targets!.length})`] as [string, string]] : []),
    ...((ctx.report.quarters ?? []).length > 0 ? [['quarters', 'Quarters'] as [string, string]] : []),
    ['budgets', `Budgets (${ctx.report.budgets.length})`],
    ['hotspots', 'Hotspots'],
    ['scenarios', 'Reduction levers'],
    ['assets', `Assets (${ctx.report.assets.length.toLocaleString('en-US')})`],
  ];
  if (ctx.report.sites.length > 0) entries.push(['sites', 'Sites']);
  if (ctx.report.diagnostics.length > 0) entries.push(['issues', `Issues (${ctx.report.diagnostics.length})`]);
  if (ctx.report.factors.length > 0) entries.push(['factors', 'Factors']);
  return h('nav', { class: 'toc', 'aria-label': 'Sections of the report' }, h('ul', {}, entries.map(([id, label]) => h('li', {}, h('a', { href: `#${id}`, 'data-action': 'jump', 'data-target': id, 'data-focus-key': `toc:${id}` }, label)))));
}

function assetsSection(ctx: Ctx): HTMLElement {
  const view = assetView();
  const focusId = state.focus?.kind === 'asset' ? state.focus.id : undefined;
  const focus = focusId === undefined ? undefined : details?.id === focusId ? details : ctx.report.assets.find((a) => a.id === focusId);
  const filterId = 'asset-filter';
  return section(
    'assets',
    `All assets (${ctx.report.assets.length.toLocaleString('en-US')})`,
    null,
    focus ? assetDetail(ctx, focus) : null,
    h(
      'div',
      { class: 'table-tools' },
      h('label', { for: filterId }, 'Filter'),
      h('input', { id: filterId, type: 'search', class: 'input', placeholder: 'asset, site or model', value: view.filter, 'data-focus-key': 'asset-filter', autocomplete: 'off', spellcheck: 'false' }),
      h('span', { class: 'hint' }, `${PAGE_SIZE} per page · click a column to sort`),
    ),
    assetTable(ctx, sortedAssets(ctx.report, view), view),
  );
}

/** Remembers which control had focus (by data-focus-key) so a re-render can put it back. */
function activeFocusKey(): { key: string; start: number | null; end: number | null } | undefined {
  const active = document.activeElement as HTMLElement | null;
  const key = active?.getAttribute('data-focus-key');
  if (!active || !key) return undefined;
  const input = active instanceof HTMLInputElement ? active : undefined;
  return { key, start: input?.selectionStart ?? null, end: input?.selectionEnd ?? null };
}

function restoreFocus(saved: ReturnType<typeof activeFocusKey>): void {
  if (!saved) return;
  const element = [...document.querySelectorAll<HTMLElement>('[data-focus-key]')].find((e) => e.getAttribute('data-focus-key') === saved.key);
  if (!element) return;
  element.focus({ preventScroll: true });
  if (element instanceof HTMLInputElement && saved.start !== null) element.setSelectionRange(saved.start, saved.end ?? saved.start);
}

function render(scrollToFocus = false): void {
  const ctx = context();
  if (!ctx) return;
  const started = performance.now();
  const saved = activeFocusKey();
  const scrollY = window.scrollY;
  const content = [
    header(ctx, status),
    ...banners(ctx, status),
    tableOfContents(ctx),
    headline(ctx),
    changes(ctx),
    breakdown(ctx),
    targets(ctx),
    quarters(ctx),
    budgets(ctx),
    hotspots(ctx, assetsBySize(ctx.report)),
    scenarios(ctx),
    assetsSection(ctx),
    sites(ctx),
    issues(ctx),
    factors(ctx),
    footer(ctx),
  ];
  main.replaceChildren(...content.filter((node): node is HTMLElement => node !== null));
  main.setAttribute('aria-busy', 'false');
  main.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
  if (scrollToFocus && state.focus) {
    revealFocus(state.focus);
  } else {
    window.scrollTo(0, scrollY);
    restoreFocus(saved);
  }
}

function renderAssetTable(): void {
  const ctx = context();
  const container = document.getElementById('asset-table');
  if (!ctx || !container) return;
  const saved = activeFocusKey();
  container.replaceWith(assetTable(ctx, sortedAssets(ctx.report, assetView()), assetView()));
  restoreFocus(saved);
}

function revealFocus(focus: Focus): void {
  const target = focus.kind === 'asset'
    ? document.getElementById('focused-asset')
    : document.getElementById(`budget-${current?.report.budgets.find((b) => b.id === focus.id)?.index ?? -1}`);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

function renderMessage(text: string, kind: 'loading' | 'error'): void {
  main.replaceChildren(h('p', { class: kind === 'error' ? 'banner error' : 'loading', role: kind === 'error' ? 'alert' : 'status' }, text));
}

/** Puts the focused asset on the visible page of the table (clearing a filter that hides it). */
function showFocusedAsset(focus: Focus): void {
  if (!current || focus.kind !== 'asset') return;
  let view = assetView();
  let rows = sortedAssets(current.report, view);
  let index = rows.findIndex((a) => a.id === focus.id);
  if (index < 0 && view.filter) {
    view = { ...view, filter: '' };
    rows = sortedAssets(current.report, view);
    index = rows.findIndex((a) => a.id === focus.id);
  }
  if (index >= 0) state.assets = { ...view, page: Math.floor(index / PAGE_SIZE) };
}

function setFocus(focus: Focus | undefined): void {
  state.focus = focus;
  if (focus) showFocusedAsset(focus);
  saveState();
}

// ---------------------------------------------------------------------------------------------
// Messages from the extension

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'init':
      source = message.source;
      if (state.uri !== source.uri) state = { uri: source.uri };
      saveState();
      if (!current) renderMessage(`Computing the carbon report of ${source.label}…`, 'loading');
      break;
    case 'report': {
      current = message;
      source = message.source;
      if (message.details) details = message.details;
      status = { state: 'ok' };
      if (state.uri !== message.source.uri) state = { uri: message.source.uri };
      if (message.focus) setFocus(message.focus);
      else if (state.focus && state.focus.kind === 'asset' && !message.report.assets.some((a) => a.id === state.focus?.id)) setFocus(undefined);
      else saveState();
      render(!!message.focus);
      vscode.postMessage({ type: 'rendered', revision: message.revision, ...(state.focus ? { focus: state.focus } : {}) });
      break;
    }
    case 'focus':
      if (message.details) details = message.details;
      setFocus(message.focus);
      render(true);
      if (current) vscode.postMessage({ type: 'rendered', revision: current.revision, ...(state.focus ? { focus: state.focus } : {}) });
      break;
    case 'status': {
      status = { state: message.state, message: message.message };
      if (!current) {
        if (message.state === 'error') renderMessage(message.message ?? 'The report could not be computed.', 'error');
        break;
      }
      if (message.state === 'updating') {
        const live = document.getElementById('update-status');
        if (live) {
          live.textContent = 'Updating…';
          live.className = 'live updating';
        }
      } else {
        render();
      }
      break;
    }
  }
});

// ---------------------------------------------------------------------------------------------
// User actions (delegated: no inline handlers)

const SORT_KEYS = new Set<string>(ASSET_COLUMNS.map((c) => c.key));

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-line], [data-action]');
  if (!target) return;
  const line = target.getAttribute('data-line');
  if (line !== null) {
    event.preventDefault();
    const n = Number(line);
    if (Number.isSafeInteger(n) && n >= 1) vscode.postMessage({ type: 'reveal', line: n });
    return;
  }
  const action = target.getAttribute('data-action');
  const view = assetView();
  switch (action) {
    case 'export':
      vscode.postMessage({ type: 'export' });
      break;
    case 'details': {
      const id = target.getAttribute('data-id');
      if (id) vscode.postMessage({ type: 'details', id });
      break;
    }
    case 'jump': {
      event.preventDefault();
      const id = target.getAttribute('data-target') ?? '';
      const heading = document.getElementById(`${id}-title`);
      heading?.closest('section')?.scrollIntoView({ block: 'start' });
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
      break;
    }
    case 'sort': {
      const key = target.getAttribute('data-key') ?? '';
      if (!SORT_KEYS.has(key)) return;
      const sort = key as AssetSortKey;
      const descending = view.sort === sort ? !view.descending : !['id', 'site', 'model', 'line'].includes(sort);
      state.assets = { ...view, sort, descending, page: 0 };
      saveState();
      renderAssetTable();
      break;
    }
    case 'page': {
      const page = Number(target.getAttribute('data-page'));
      if (!current || !Number.isSafeInteger(page)) return;
      const pages = pageCount(sortedAssets(current.report, view).length);
      state.assets = { ...view, page: Math.min(Math.max(0, page), pages - 1) };
      saveState();
      renderAssetTable();
      // Keep the pager in view and focused on the same button (or the table if it is disabled now).
      document.getElementById('asset-table')?.scrollIntoView({ block: 'nearest' });
      break;
    }
    case 'breakdown': {
      const v = target.getAttribute('data-view');
      if (v !== 'period' && v !== 'inventory') return;
      state.breakdown = v;
      saveState();
      render();
      break;
    }
    case 'clear-focus':
      state.focus = undefined;
      saveState();
      render();
      document.getElementById('assets-title')?.focus({ preventScroll: true });
      break;
  }
});

let filterTimer: ReturnType<typeof setTimeout> | undefined;
document.addEventListener('input', (event) => {
  const input = event.target as HTMLInputElement | null;
  if (input?.id !== 'asset-filter') return;
  if (filterTimer) clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    state.assets = { ...assetView(), filter: input.value, page: 0 };
    saveState();
    renderAssetTable();
  }, 150);
});

// Ready: the extension answers with `init` and, if it has one, the report (instantly after a hide/show).
if (state.uri) renderMessage('Loading the carbon report…', 'loading');
vscode.postMessage({ type: 'ready' });
