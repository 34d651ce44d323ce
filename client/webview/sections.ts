/** The report's sections, each a function of the render context returning DOM nodes. */
import type { ReportAsset, ReportBreakdown } from '../../engine';
import { budgetStatusOf } from '../../contracts/budgets';
import { codeSpans } from '../../contracts/messages';
import { gauge, legend, pairBar, rangeBar, simpleBar, stackedBar } from './charts';
import { CATEGORIES, Ctx, energy, kg, number, percent, SCOPES, STAGE_HINTS, STAGE_LABELS, STAGES, tonnes, assetLines } from './context';
import { Child, h, lineLink, srOnly, uid } from './dom';

/** A titled section with an id for the table of contents and aria-labelledby. */
export function section(id: string, title: string, intro: Child, ...children: Child[]): HTMLElement {
  const headingId = `${id}-title`;
  return h(
    'section',
    { id, class: 'report-section', 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: -1 }, title),
    intro ? h('p', { class: 'section-intro' }, intro) : null,
    ...children,
  );
}

/** A collapsible data table: the accessible (and exact) alternative to a chart (`caption` for screen readers, when given). */
export function dataTable(summary: string, caption: string | undefined, head: readonly string[], rows: readonly (readonly Child[])[], numericFrom = 1): HTMLDetailsElement {
  return h(
    'details',
    { class: 'data-table' },
    h('summary', {}, summary),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        caption === undefined ? null : h('caption', { class: 'sr-only' }, caption),
        h('thead', {}, h('tr', {}, head.map((cell, i) => h('th', { scope: 'col', class: i >= numericFrom ? 'num' : undefined }, cell)))),
        h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: i >= numericFrom ? 'num' : undefined }, cell)))))),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Header and banners

export function header(ctx: Ctx, status: { state: 'ok' | 'updating' | 'error'; message?: string }): HTMLElement {
  const r = ctx.report;
  const updated = new Date(ctx.updatedAt);
  const time = Number.isNaN(updated.getTime()) ? '' : updated.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const statusText = status.state === 'updating' ? 'Updating…' : status.state === 'error' ? 'Not up to date' : `Live · updated ${time}`;
  return h(
    'header',
    { class: 'report-header' },
    h(
      'div',
      { class: 'title-block' },
      h('p', { class: 'eyebrow' }, 'Carbon inventory'),
      h('h1', {}, r.organization ?? 'Unnamed organisation', r.period.label ? h('span', { class: 'period' }, ` · ${r.period.label}`) : null),
      h(
        'p',
        { class: 'meta' },
        h('span', { class: 'file', title: ctx.source.uri }, ctx.source.detail),
        r.period.start ? h('span', {}, `${r.period.start} to ${r.period.end} (${number(r.period.hours)} h)`) : null,
        h('span', {}, `Method: ${r.methodology === 'boavizta-2.4' ? 'BoaviztAPI 2.4.1 parity' : r.methodology === 'default' ? 'Carbon Lens default' : r.methodology}`),
        h('span', { id: 'update-status', class: `live ${status.state}`, role: 'status', 'aria-live': 'polite' }, statusText),
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'button', 'data-action': 'export', 'data-focus-key': 'export' }, 'Export…')),
  );
}

export function banners(ctx: Ctx, status: { state: 'ok' | 'updating' | 'error'; message?: string }): HTMLElement[] {
  const r = ctx.report;
  const out: HTMLElement[] = [];
  if (status.state === 'error' && status.message) {
    out.push(h('div', { class: 'banner error', role: 'alert' }, h('strong', {}, 'Not updated. '), status.message, ' The figures below are from the last successful analysis.'));
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (r.assets.length === 0 && r.sites.length === 0 && errors > 0) {
    out.push(h('div', { class: 'banner error', role: 'alert' }, h('strong', {}, 'No footprint yet. '), `The manifest has ${errors} error${errors > 1 ? 's' : ''} that keep it from being computed; see Issues below.`));
  } else if (!r.complete) {
    out.push(
      h(
        'div',
        { class: 'banner warning', role: 'note' },
        h('strong', {}, 'Incomplete. '),
        `${r.excluded.length} item${r.excluded.length === 1 ? ' is' : 's are'} left out of the totals because of errors: `,
        r.excluded.slice(0, 8).map((e, i) => [i > 0 ? ', ' : '', lineLink(e.id ?? `line ${e.line}`, e.line, e.id ?? `excluded item`)]),
        r.excluded.length > 8 ? ` and ${r.excluded.length - 8} more` : '',
        '.',
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Headline figures

function totalCard(ctx: Ctx, kind: 'period' | 'inventory', b: ReportBreakdown, scaleMax: number): HTMLElement {
  const title = kind === 'period' ? 'This period' : 'GHG Protocol inventory';
  const explain = kind === 'period'
    ? "Each asset's embodied emissions spread evenly over its lifespan: the footprint of running the fleet this period."
    : 'Capital goods counted in full in the year they were bought (Scope 3 category 2), as the GHG Protocol requires.';
  const headline = ctx.view === kind;
  const id = uid('total');
  return h(
    'article',
    { class: `card total-card${headline ? ' headline' : ''}`, 'aria-labelledby': id, id: kind === 'period' ? 'report-total' : 'report-inventory-total' },
    h('h3', { id }, title, headline ? h('span', { class: 'tag', title: 'The view chosen by the carbonLens.view setting: code lenses and budgets use it' }, 'headline') : null),
    h('p', { class: 'big', 'data-kg': b.kgCO2e }, kg(ctx, b.kgCO2e)),
    h('p', { class: 'range-text' }, `likely ${kg(ctx, b.min)} – ${kg(ctx, b.max)}`),
    rangeBar(b.kgCO2e, b.min, b.max, scaleMax, `${title}: ${kg(ctx, b.kgCO2e)}, range ${kg(ctx, b.min)} to ${kg(ctx, b.max)}`),
    h('p', { class: 'explain' }, explain),
  );
}

export function headline(ctx: Ctx): HTMLElement {
  const t = ctx.report.totals;
  const inv = t.inventoryView;
  const scaleMax = Math.max(t.max, inv.max, t.kgCO2e, inv.kgCO2e);
  const s2 = t.byScope;
  const s2Max = Math.max(s2.scope2Location, s2.scope2Market);
  const s2Id = uid('s2');
  const fleetId = uid('fleet');
  const difference = s2.scope2Location > 0 ? 1 - s2.scope2Market / s2.scope2Location : 0;
  return h(
    'section',
    { class: 'headline-grid', 'aria-label': 'Headline figures' },
    h(
      'div',
      { class: 'totals-pair', role: 'group', 'aria-label': 'Total footprint, period view and inventory view side by side on the same scale' },
      totalCard(ctx, 'period', t, scaleMax),
      totalCard(ctx, 'inventory', inv, scaleMax),
      h('p', { class: 'axis-note' }, `Bars share one scale, 0 – ${kg(ctx, scaleMax)}; the band is the likely range, the mark the central estimate.`),
    ),
    h(
      'article',
      { class: 'card', 'aria-labelledby': s2Id },
      h('h3', { id: s2Id }, 'Scope 2 electricity'),
      h(
        'dl',
        { class: 'pair-values' },
        h('div', {}, h('dt', {}, 'Location-based'), h('dd', { class: 'value' }, kg(ctx, s2.scope2Location))),
        h('div', {}, h('dt', {}, 'Market-based'), h('dd', { class: 'value' }, kg(ctx, s2.scope2Market))),
      ),
      pairBar(
        { value: s2.scope2Location, className: 's2', label: `Location-based ${kg(ctx, s2.scope2Location)}` },
        { value: s2.scope2Market, className: 's2m', label: `Market-based ${kg(ctx, s2.scope2Market)}` },
        s2Max,
        `Scope 2: location-based ${kg(ctx, s2.scope2Location)}, market-based ${kg(ctx, s2.scope2Market)}`,
      ),
      h(
        'p',
        { class: 'explain' },
        difference > 0.0005
          ? `Renewable contracts bring market-based Scope 2 ${percent(difference)} below the grid average. Market-based total: ${kg(ctx, t.marketKgCO2e)}.`
          : `No renewable contracts lower market-based Scope 2. Market-based total: ${kg(ctx, t.marketKgCO2e)}.`,
      ),
    ),
    h(
      'article',
      { class: 'card', 'aria-labelledby': fleetId },
      h('h3', { id: fleetId }, 'Fleet and energy'),
      h(
        'dl',
        { class: 'facts' },
        h('div', {}, h('dt', {}, 'Units'), h('dd', {}, number(t.units))),
        h('div', {}, h('dt', {}, 'GPUs'), h('dd', {}, number(t.gpus))),
        h('div', {}, h('dt', {}, 'Assets · sites'), h('dd', {}, `${number(ctx.report.assets.length)} · ${number(ctx.report.sites.length)}`)),
        h('div', {}, h('dt', {}, 'Facility electricity'), h('dd', {}, energy(t.facilityEnergyKWh))),
        h('div', {}, h('dt', {}, 'of which IT'), h('dd', {}, energy(t.itEnergyKWh))),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Breakdown: stage × scope, scopes, Scope 3 categories

export function breakdown(ctx: Ctx): HTMLElement {
  const which = ctx.state.breakdown ?? ctx.view;
  const b = which === 'inventory' ? ctx.report.totals.inventoryView : ctx.report.totals;
  const stageMax = Math.max(0, ...STAGES.map((stage) => b.byStage[stage]));
  const toggle = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Totals shown in the charts' },
    (['period', 'inventory'] as const).map((v) =>
      h('button', { type: 'button', class: 'seg-button', 'data-action': 'breakdown', 'data-view': v, 'aria-pressed': String(which === v), 'data-focus-key': `breakdown:${v}` }, v === 'period' ? 'This period' : 'Inventory view'),
    ),
  );

  const stageRows = STAGES.map((stage) => {
    const cell = b.matrix[stage];
    const stageTotal = b.byStage[stage];
    const parts = SCOPES.filter((scope) => cell[scope.key] > 0).map((scope) => `${scope.label} ${kg(ctx, cell[scope.key])}`);
    return h(
      'div',
      { class: 'chart-row' },
      h('div', { class: 'row-label' }, STAGE_LABELS[stage], h('span', { class: 'hint' }, STAGE_HINTS[stage])),
      stackedBar(
        SCOPES.map((scope) => ({ value: cell[scope.key], className: scope.className, label: `${STAGE_LABELS[stage]} · ${scope.label}: ${kg(ctx, cell[scope.key])}` })),
        stageMax,
        `${STAGE_LABELS[stage]}: ${kg(ctx, stageTotal)}${parts.length ? ` (${parts.join(', ')})` : ''}`,
      ),
      h('div', { class: 'row-value' }, kg(ctx, stageTotal), h('span', { class: 'hint' }, percent(b.kgCO2e > 0 ? stageTotal / b.kgCO2e : 0))),
    );
  });
  const stageTable = dataTable(
    'Stage × scope table',
    'Emissions by lifecycle stage and scope, tCO2e',
    ['Stage', 'Total tCO2e', 'Scope 1', 'Scope 2 location', 'Scope 2 market', 'Scope 3'],
    STAGES.map((stage) => {
      const m = b.matrix[stage];
      return [STAGE_LABELS[stage], tonnes(b.byStage[stage]), tonnes(m.scope1), tonnes(m.scope2Location), tonnes(m.scope2Market), tonnes(m.scope3)];
    }),
  );

  const scopeValues = [
    { label: 'Scope 1', value: b.byScope.scope1, className: 's1', hint: 'direct' },
    { label: 'Scope 2 location-based', value: b.byScope.scope2Location, className: 's2', hint: 'grid average' },
    { label: 'Scope 2 market-based', value: b.byScope.scope2Market, className: 's2m', hint: 'with contracts' },
    { label: 'Scope 3', value: b.byScope.scope3, className: 's3', hint: 'value chain' },
  ];
  const scopeMax = Math.max(0, ...scopeValues.map((v) => v.value));
  const categoryMax = Math.max(0, ...CATEGORIES.map((c) => b.scope3ByCategory[c.key]));

  return section(
    'breakdown',
    'Where the emissions come from',
    null,
    toggle,
    h(
      'div',
      { class: 'two-columns' },
      h(
        'figure',
        { class: 'chart card' },
        h('figcaption', {}, h('h3', {}, 'Lifecycle stage × scope'), legend(SCOPES.map((s) => ({ className: s.className, label: s.label })))),
        h('div', { class: 'chart-rows' }, stageRows),
        stageTable,
      ),
      h(
        'div',
        { class: 'stack' },
        h(
          'figure',
          { class: 'chart card' },
          h('figcaption', {}, h('h3', {}, 'By GHG Protocol scope')),
          h(
            'div',
            { class: 'chart-rows' },
            scopeValues.map((v) =>
              h(
                'div',
                { class: 'chart-row' },
                h('div', { class: 'row-label' }, v.label, h('span', { class: 'hint' }, v.hint)),
                simpleBar(v.value, scopeMax, v.className, `${v.label}: ${kg(ctx, v.value)}`),
                h('div', { class: 'row-value' }, kg(ctx, v.value)),
              ),
            ),
          ),
          h('p', { class: 'explain' }, 'Location- and market-based Scope 2 are two ways of counting the same electricity: add one or the other, never both.'),
        ),
        h(
          'figure',
          { class: 'chart card' },
          h('figcaption', {}, h('h3', {}, 'Scope 3 by category')),
          h(
            'div',
            { class: 'chart-rows' },
            CATEGORIES.map((c) =>
              h(
                'div',
                { class: 'chart-row' },
                h('div', { class: 'row-label' }, c.label),
                simpleBar(b.scope3ByCategory[c.key], categoryMax, 's3', `${c.label}: ${kg(ctx, b.scope3ByCategory[c.key])}`),
                h('div', { class: 'row-value' }, kg(ctx, b.scope3ByCategory[c.key])),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Budgets

const STATUS_TEXT = { ok: 'Within budget', near: 'Near the limit', exceeded: 'Exceeded', unknown: 'Unknown: items left out' } as const;
const STATUS_GLYPH = { ok: '✓', near: '!', exceeded: '✕', unknown: '?' } as const;

export function budgets(ctx: Ctx): HTMLElement {
  const r = ctx.report;
  if (r.budgets.length === 0) {
    return section('budgets', 'Budgets', null, h('p', { class: 'empty' }, 'This manifest sets no budgets. Add a ', h('code', {}, 'budgets:'), ' list (a limit in tCO2e, optionally per stage, scope, site or per GPU) to track it here and in the Problems panel.'));
  }
  const lines = assetLines(r);
  const siteLines = new Map(r.sites.map((site) => [site.id, site.line]));
  const focus = ctx.state.focus?.kind === 'budget' ? ctx.state.focus.id : undefined;
  const cards = r.budgets.map((b) => {
    const status = budgetStatusOf(b);
    const titleId = `budget-${b.index}-title`;
    const unitNote = b.per ? ` per ${b.per === 'gpu' ? 'GPU' : 'unit'}` : '';
    const contributors = b.contributors.slice(0, 3);
    const used = b.ratio === null ? 'over' : percent(b.ratio);
    return h(
      'article',
      {
        class: `card budget ${status}${focus === b.id ? ' focused' : ''}`,
        id: `budget-${b.index}`,
        tabindex: -1,
        'aria-labelledby': titleId,
        'data-focus-key': `budget:${b.index}`,
      },
      h('h3', { id: titleId }, lineLink(b.id, b.line, `budget ${b.id}`)),
      gauge(
        // null: a zero limit with a non-zero actual (infinitely over).
        b.ratio ?? 1,
        b.limitKgCO2e > 0 ? b.min / b.limitKgCO2e : 0,
        b.limitKgCO2e > 0 ? b.max / b.limitKgCO2e : 0,
        status,
        `Budget ${b.id}: ${kg(ctx, b.actualKgCO2e)} of ${kg(ctx, b.limitKgCO2e)}${unitNote}, ${used} used; ${STATUS_TEXT[status].toLowerCase()}`,
        used,
      ),
      h('p', { class: `pill ${status}` }, h('span', { 'aria-hidden': 'true' }, STATUS_GLYPH[status]), ` ${STATUS_TEXT[status]}`, status === 'exceeded' ? ` (${b.severity})` : ''),
      h('p', { class: 'budget-figures' }, h('strong', {}, kg(ctx, b.actualKgCO2e)), ` of ${kg(ctx, b.limitKgCO2e)}${unitNote}`),
      h('p', { class: 'hint' }, `likely ${kg(ctx, b.min)} – ${kg(ctx, b.max)} · ${b.view === 'period' ? 'this period' : 'inventory view'}`),
      contributors.length > 0
        ? h(
            'div',
            { class: 'contributors' },
            h('p', { class: 'hint' }, 'Largest contributors'),
            h(
              'ol',
              {},
              contributors.map((c) => {
                const line = c.kind === 'asset' ? lines.get(c.id) : siteLines.get(c.id);
                return h(
                  'li',
                  {},
                  h('span', { class: 'who' }, line ? lineLink(c.id, line, `${c.kind} ${c.id}`) : c.id, c.kind === 'site' ? h('span', { class: 'hint' }, ' site, direct') : null),
                  h('span', { class: 'num' }, kg(ctx, c.kgCO2e)),
                );
              }),
            ),
          )
        : null,
    );
  });
  return section('budgets', 'Budgets', null, h('div', { class: 'budget-grid' }, cards));
}

// ---------------------------------------------------------------------------------------------
// Hotspots

interface Ranked {
  label: string;
  kgCO2e: number;
  share: number;
  line?: number;
  linkWhat: string;
  note?: string;
}

function rankedList(ctx: Ctx, title: string, items: readonly Ranked[], total: number, more: number): HTMLElement {
  const max = Math.max(0, ...items.map((i) => i.kgCO2e));
  const id = uid('rank');
  return h(
    'figure',
    { class: 'chart card ranked', 'aria-labelledby': id },
    h('figcaption', {}, h('h3', { id }, title)),
    items.length === 0
      ? h('p', { class: 'empty' }, 'Nothing to rank yet.')
      : h(
          'ol',
          { class: 'ranked-list' },
          items.map((item) =>
            h(
              'li',
              {},
              h('div', { class: 'ranked-label' }, item.line ? lineLink(item.label, item.line, item.linkWhat) : h('span', {}, item.label), item.note ? h('span', { class: 'hint' }, item.note) : null),
              simpleBar(item.kgCO2e, max, 'hot', `${item.label}: ${kg(ctx, item.kgCO2e)}, ${percent(item.share)} of the total`, 8),
              h('div', { class: 'ranked-value' }, kg(ctx, item.kgCO2e), h('span', { class: 'hint' }, percent(item.share))),
            ),
          ),
        ),
    more > 0 ? h('p', { class: 'hint more' }, `and ${number(more)} more (of ${kg(ctx, total)} in total)`) : null,
  );
}

const TOP = 8;

export function hotspots(ctx: Ctx, sortedAssets: readonly ReportAsset[]): HTMLElement {
  const r = ctx.report;
  const firstAssetOfModel = new Map<string, number>();
  for (const asset of sortedAssets) {
    const key = asset.model ?? 'component-level servers';
    if (!firstAssetOfModel.has(key)) firstAssetOfModel.set(key, asset.line);
  }
  const assets: Ranked[] = sortedAssets.slice(0, TOP).map((a) => ({ label: a.id, kgCO2e: a.kgCO2e, share: a.share, line: a.line, linkWhat: `asset ${a.id}`, note: `${number(a.count)} × ${a.model ?? 'component-level'}` }));
  const models: Ranked[] = r.models.slice(0, TOP).map((m) => ({
    label: m.model,
    kgCO2e: m.kgCO2e,
    share: m.share,
    line: firstAssetOfModel.get(m.model),
    linkWhat: `largest asset using ${m.model}`,
    note: `${number(m.units)} units in ${number(m.assets)} asset${m.assets === 1 ? '' : 's'}`,
  }));
  const sites: Ranked[] = [...r.sites]
    .sort((a, b) => b.kgCO2e - a.kgCO2e)
    .slice(0, TOP)
    .map((site) => ({ label: site.id, kgCO2e: site.kgCO2e, share: site.share, line: site.line, linkWhat: `site ${site.id}`, note: `${site.location ?? 'world average grid'} · PUE ${number(site.pue)}` }));
  return section(
    'hotspots',
    'Hotspots',
    'The largest contributors this period. Names link to their line in the manifest.',
    h(
      'div',
      { class: 'three-columns' },
      rankedList(ctx, 'Assets', assets, r.totals.kgCO2e, r.assets.length - assets.length),
      rankedList(ctx, 'Hardware models', models, r.totals.kgCO2e, r.models.length - models.length),
      rankedList(ctx, 'Sites (incl. direct emissions)', sites, r.totals.kgCO2e, r.sites.length - sites.length),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Scenarios and what-ifs

export function scenarios(ctx: Ctx): HTMLElement {
  const r = ctx.report;
  const all = [
    ...r.scenarios.map((s) => ({ ...s, source: 'Manifest scenario' })),
    ...r.whatIfs.map((s) => ({ ...s, source: 'What-if' })),
  ];
  const pending = ctx.whatIfsPending
    ? h('p', { class: 'hint pending', role: 'status' }, 'Computing the built-in what-ifs for this fleet; they appear here in a moment.')
    : null;
  if (all.length === 0 && pending) return section('scenarios', 'Reduction levers', null, pending);
  if (all.length === 0) {
    return section('scenarios', 'Reduction levers', null, h('p', { class: 'empty' }, 'No scenarios. Add a ', h('code', {}, 'scenarios:'), ' list to the manifest to compare changes (PUE, renewable share, lifespan, refurbished hardware, location).'));
  }
  const max = Math.max(0, ...all.map((s) => Math.max(s.savingKgCO2e, s.savingMarketKgCO2e)));
  const rows = all.map((s) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('span', { class: 'scenario-name' }, s.description), h('span', { class: 'hint' }, `${s.source} · ${s.id}`)),
      h('td', { class: 'num' }, kg(ctx, s.savingKgCO2e), h('span', { class: 'hint' }, percent(s.savingShare))),
      h('td', { class: 'num' }, kg(ctx, s.savingMarketKgCO2e), h('span', { class: 'hint' }, percent(s.savingMarketShare))),
      h(
        'td',
        { class: 'bar-cell' },
        pairBar(
          { value: Math.max(0, s.savingKgCO2e), className: 'save', label: `Location-based saving ${kg(ctx, s.savingKgCO2e)}` },
          { value: Math.max(0, s.savingMarketKgCO2e), className: 'save-m', label: `Market-based saving ${kg(ctx, s.savingMarketKgCO2e)}` },
          max,
          `${s.description}: saves ${kg(ctx, s.savingKgCO2e)} (${percent(s.savingShare)}) location-based, ${kg(ctx, s.savingMarketKgCO2e)} (${percent(s.savingMarketShare)}) market-based`,
        ),
      ),
    ),
  );
  return section(
    'scenarios',
    'Reduction levers',
    'Savings against this period\'s total if each change were made on its own. Renewable contracts only show in the market-based figure.',
    pending,
    h(
      'div',
      { class: 'table-scroll card' },
      h(
        'table',
        { class: 'scenario-table' },
        h('caption', { class: 'sr-only' }, 'Reduction scenarios and what-ifs with their savings'),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, 'Lever'), h('th', { scope: 'col', class: 'num' }, 'Saving (location)'), h('th', { scope: 'col', class: 'num' }, 'Saving (market)'), h('th', { scope: 'col' }, srOnly('Chart'), legend([{ className: 'save', label: 'location' }, { className: 'save-m', label: 'market' }]))),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Sites

const SITE_ROWS = 200;

export function sites(ctx: Ctx): HTMLElement | null {
  const r = ctx.report;
  if (r.sites.length === 0) return null;
  const list = [...r.sites].sort((a, b) => b.kgCO2e - a.kgCO2e);
  return section(
    'sites',
    'Sites and electricity',
    'Grid factors marked * are assumed (no location given); PUE marked * is the default.',
    h(
      'div',
      { class: 'table-scroll card', role: 'region', 'aria-label': 'Sites table', tabindex: 0 },
      h(
        'table',
        {},
        h('caption', { class: 'sr-only' }, 'Sites with their grid, PUE, energy and emissions'),
        h(
          'thead',
          {},
          h('tr', {}, ['Site', 'Grid', 'kgCO2e/kWh', 'PUE', 'Renewable', 'Facility MWh', 'Scope 1 t', 'Scope 2 loc. t', 'Scope 2 mkt. t', 'Total t', 'Share'].map((c, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : undefined }, c))),
        ),
        h(
          'tbody',
          {},
          list.slice(0, SITE_ROWS).map((site) => {
            const direct = site.scope1.dieselKgCO2e + site.scope1.refrigerants.reduce((sum, x) => sum + x.kgCO2e, 0);
            return h(
              'tr',
              {},
              h('th', { scope: 'row' }, lineLink(site.id, site.line, `site ${site.id}`)),
              h('td', { title: `${site.gridSource} (${site.gridYear})` }, site.location ?? 'world average', site.gridAssumed ? ' *' : ''),
              h('td', { class: 'num' }, number(site.gridKgCO2ePerKWh)),
              h('td', { class: 'num' }, number(site.pue), site.pueAssumed ? ' *' : ''),
              h('td', { class: 'num' }, percent(site.renewableShare)),
              h('td', { class: 'num' }, number(site.energyKWh.facility / 1000)),
              h('td', { class: 'num' }, tonnes(direct)),
              h('td', { class: 'num' }, tonnes(site.scope2LocationKgCO2e)),
              h('td', { class: 'num' }, tonnes(site.scope2MarketKgCO2e)),
              h('td', { class: 'num strong' }, tonnes(site.kgCO2e)),
              h('td', { class: 'num' }, percent(site.share)),
            );
          }),
        ),
      ),
    ),
    list.length > SITE_ROWS ? h('p', { class: 'hint' }, `Showing the ${SITE_ROWS} largest of ${number(list.length)} sites; export the report for all of them.`) : null,
  );
}

// ---------------------------------------------------------------------------------------------
// Issues and factors

const ISSUE_ROWS = 200;

export function issues(ctx: Ctx): HTMLElement | null {
  const list = ctx.report.diagnostics;
  if (list.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2, hint: 3 } as const;
  const sorted = [...list].sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
  const counts = (['error', 'warning', 'info'] as const).map((sev) => [sev, list.filter((d) => d.severity === sev).length] as const).filter(([, n]) => n > 0);
  return section(
    'issues',
    `Issues (${number(list.length)})`,
    counts.map(([sev, n]) => `${n} ${sev}${n === 1 ? '' : sev === 'info' ? '' : 's'}`).join(', '),
    h(
      'ul',
      { class: 'issue-list card' },
      sorted.slice(0, ISSUE_ROWS).map((d) =>
        h(
          'li',
          { class: `issue ${d.severity}` },
          h('span', { class: `sev ${d.severity}` }, d.severity),
          lineLink(`line ${d.line}`, d.line, `${d.severity} ${d.code}`),
          h('span', { class: 'issue-message' }, codeSpans(d.message).map((part) => (part.code ? h('code', {}, part.text) : part.text))),
          h('code', {}, d.code),
        ),
      ),
    ),
    list.length > ISSUE_ROWS ? h('p', { class: 'hint' }, `and ${number(list.length - ISSUE_ROWS)} more in the Problems panel.`) : null,
  );
}

export function factors(ctx: Ctx): HTMLElement | null {
  const list = ctx.report.factors;
  if (list.length === 0) return null;
  return section(
    'factors',
    `Emission factors (${number(list.length)})`,
    'Every factor the figures above multiply by, with its source and reference year.',
    h(
      'details',
      { class: 'card factors' },
      h('summary', {}, 'Show the factors and their sources'),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          {},
          h('caption', { class: 'sr-only' }, 'Emission factors used'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Factor'), h('th', { scope: 'col', class: 'num' }, 'Value'), h('th', { scope: 'col' }, 'Unit'), h('th', { scope: 'col', class: 'num' }, 'Year'), h('th', { scope: 'col' }, 'Source'))),
          h(
            'tbody',
            {},
            list.map((f) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, h('code', {}, f.id), f.overridden ? h('span', { class: 'tag' }, 'manifest override') : null),
                h('td', { class: 'num' }, number(f.value, 4)),
                h('td', {}, f.unit),
                h('td', { class: 'num' }, String(f.year)),
                h('td', { class: 'source' }, f.source),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function footer(ctx: Ctx): HTMLElement {
  return h(
    'footer',
    { class: 'report-footer' },
    h('p', {}, `Computed by the Carbon Lens language server (${ctx.report.methodology} methodology) from ${ctx.source.detail}. Figures are estimates with ranges; see the emission factors above for their sources.`),
  );
}

