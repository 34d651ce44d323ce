import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import {
  Analysis, AssetView, assetView, BudgetView, budgetView, cpuView, locationView, modelView, PathSegment, pathAtPosition,
  MeasurementView, measurementView, refrigerantView, schemaDocAt, SiteView, siteView, Stage, StageRow, STAGES, TargetView, targetView,
} from '../../../engine';
import { Settings } from '../../../contracts/settings';
import { formatBudgetUse, formatKg, formatNumber, formatPercent, tableMassUnit } from '../../../contracts/units';
import { assetHoverChange, DocumentBase } from './change';

const STAGE_TITLES: Record<Stage, string> = { manufacturing: 'Manufacturing', transport: 'Transport', use: 'Use', endOfLife: 'End of life' };

/** Escapes text from the manifest for Markdown (hover content is rendered as Markdown). */
export function md(text: unknown): string {
  // One line (a line break would end a table row); `:` `@` `&` too, so that no autolink
  // (http:, a@b.c) or character reference is formed.
  return String(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~:@&]/g, (c) => `\\${c}`);
}

function shorten(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function assetHover(asset: AssetView, settings: Settings, base?: DocumentBase): string {
  const fmt = (kg: number) => formatKg(kg, settings.units);
  const rows: [string, StageRow][] = [
    [`One unit, ${md(asset.periodLabel)}`, asset.oneUnitThisPeriod],
    [`All ${asset.count}, ${md(asset.periodLabel)}`, asset.allUnitsThisPeriod],
    ['One unit, whole life', asset.oneUnitWholeLife],
    [`All ${asset.count}, whole life (${formatNumber(asset.lifespanYears)} yr)`, asset.allUnitsWholeLife],
  ];
  // One unit for the whole table, named in its corner: figures of a column compare at a glance.
  const unit = tableMassUnit(rows.flatMap(([, r]) => [r.totalKgCO2e, ...STAGES.map((s) => r.byStageKgCO2e[s])]), settings.units);
  const cell = (kg: number) => formatNumber(kg / unit.divisor);
  const lines = [
    `**${md(asset.id)}** · ${asset.count} × ${md(asset.model ?? 'component-level server')}${asset.gpus ? ` · ${asset.gpus} GPUs` : ''}`,
    '',
    `**${fmt(asset.thisPeriod.kgCO2e)}** this period (${fmt(asset.thisPeriod.minKgCO2e)} – ${fmt(asset.thisPeriod.maxKgCO2e)}) · ${formatPercent(asset.shareOfTotal)} of the file total`,
    ...assetHoverChange(asset, settings, base, md),
    '',
    `| ${unit.label} | ${STAGES.map((s) => STAGE_TITLES[s]).join(' | ')} | Total |`,
    `|---|${STAGES.map(() => '---:').join('|')}|---:|`,
    ...rows.map(([label, values]) => `| ${label} | ${STAGES.map((s) => cell(values.byStageKgCO2e[s])).join(' | ')} | **${cell(values.totalKgCO2e)}** |`),
  ];
  // Sources right under the table, before the detail lines, so that they show without scrolling.
  if (asset.sources.length > 0) {
    lines.push('', `_Sources:_ ${asset.sources.slice(0, 5).map((f) => `\`${f.id}\` ${formatNumber(f.value, 4)} ${md(f.unit)}${f.overridden ? ' (manifest override)' : ''}`).join(' · ')}`);
  }
  lines.push(
    '',
    `Scope 2 ${fmt(asset.scope2LocationKgCO2e)} location-based / ${fmt(asset.scope2MarketKgCO2e)} market-based · Scope 3 ${fmt(asset.scope3KgCO2e)} · GHG inventory view ${fmt(asset.inventoryViewKgCO2e)}`,
    '',
    ...ownershipLines(asset, fmt),
    `Power ${formatNumber(asset.powerWPerUnit)} W per unit · ${formatNumber(asset.facilityEnergyKWh / 1000)} MWh facility electricity this period`,
  );
  if (asset.sources.length > 0) {
    lines.push('', '_Where the factors come from:_');
    for (const f of asset.sources.slice(0, 5)) lines.push(`- \`${f.id}\`: ${md(shorten(f.source))} (${f.year})`);
  }
  if (asset.assumptions.length > 0) {
    lines.push('', '_Assumptions:_');
    for (const a of asset.assumptions.slice(0, 4)) lines.push(`- ${md(a)}`);
  }
  return lines.join('\n');
}

const CATEGORY_TITLES: Record<number, string> = {
  1: 'purchased goods', 8: 'upstream leased assets', 11: 'use of sold products', 12: 'end of life of sold products', 13: 'downstream leased assets',
};

const OWNERSHIP_WORDING: Record<Exclude<AssetView['ownership'], 'owned'>, string> = {
  'leased-in': 'Leased in (operating lease): you operate it, so its electricity stays in your Scope 2; the lessor\'s hardware is Scope 3 category 8',
  'leased-out': 'Leased out: the lessee operates it, so its electricity is Scope 3 category 13, not your Scope 2',
  sold: 'Sold: the buyers\' lifetime electricity is Scope 3 category 11 and its end of life category 12, in the period of sale',
};

/** Where leased or sold hardware falls, since its scopes differ from owned hardware's. */
function ownershipLines(asset: AssetView, fmt: (kg: number) => string): string[] {
  if (asset.ownership === 'owned') return [];
  const figures = asset.ownershipCategories.map((c) => `cat. ${c.category} ${CATEGORY_TITLES[c.category]} ${fmt(c.kgCO2e)}`).join(' · ');
  return [`${OWNERSHIP_WORDING[asset.ownership]}${figures ? `: ${figures}` : ''}.`, ''];
}

function siteHover(site: SiteView, settings: Settings): string {
  const fmt = (kg: number) => formatKg(kg, settings.units);
  return [
    `**${md(site.id)}** · ${md(site.location ?? 'no location')}${site.location ? ` (${md(site.locationName ?? '')})` : ''} · ${site.assets} asset${site.assets === 1 ? '' : 's'}`,
    '',
    `_Grid:_ ${md(shorten(site.gridSource, 200))} (${site.gridYear}, ${md(site.gridBoundary)})`,
    '',
    `| | |`,
    `|---|---:|`,
    `| Grid factor | ${formatNumber(site.gridKgCO2ePerKWh, 4)} kgCO2e/kWh${site.gridAssumed ? ' (assumed)' : ''} |`,
    `| PUE | ${formatNumber(site.pue)}${site.pueAssumed ? ` (assumed, ${formatNumber(site.pueMin)}–${formatNumber(site.pueMax)})` : ''} |`,
    `| Renewable share | ${formatPercent(site.renewableShare)} |`,
    `| IT energy | ${formatNumber(site.itEnergyKWh / 1000)} MWh |`,
    `| Facility energy | ${formatNumber(site.facilityEnergyKWh / 1000)} MWh |`,
    `| Scope 2 location-based | ${fmt(site.scope2LocationKgCO2e)} |`,
    `| Scope 2 market-based | ${fmt(site.scope2MarketKgCO2e)} |`,
    `| Scope 1 (diesel, refrigerants) | ${fmt(site.scope1KgCO2e)} |`,
  ].join('\n');
}

const BUDGET_STATUS = {
  ok: () => 'within its limit',
  near: () => 'near its limit',
  exceeded: (budget: BudgetView, fmt: (kg: number) => string) => `**exceeded** by ${fmt(budget.overKgCO2e)}`,
  unknown: () => '**unknown**: items in its scope are left out because of errors',
} as const;

function budgetHover(budget: BudgetView, settings: Settings): string {
  const fmt = (kg: number) => formatKg(kg, settings.units);
  const per = budget.per ? ` per ${budget.per}` : '';
  const lines = [
    `**${md(budget.id)}** · ${BUDGET_STATUS[budget.status](budget, fmt)}`,
    '',
    `Actual **${fmt(budget.actualKgCO2e)}**${per} (${fmt(budget.minKgCO2e)} – ${fmt(budget.maxKgCO2e)}) of ${fmt(budget.limitKgCO2e)} · ${formatBudgetUse(budget.ratio)} · ${budget.view} view`,
  ];
  if (budget.contributors.length > 0) {
    const unit = tableMassUnit(budget.contributors.map((c) => c.kgCO2e), settings.units);
    lines.push('', `| Top contributors | ${unit.label}${per} |`, '|---|---:|');
    for (const c of budget.contributors) lines.push(`| ${md(c.id)} (${c.kind}) | ${formatNumber(c.kgCO2e / unit.divisor)} |`);
  }
  return lines.join('\n');
}

function targetHover(target: TargetView, settings: Settings): string {
  const fmt = (kg: number) => formatKg(kg, settings.units);
  const scopes = target.scopes.map((s) => ({ scope1: 'Scope 1', scope2Location: 'Scope 2 (location)', scope2Market: 'Scope 2 (market)', scope3: 'Scope 3' })[s]).join(' + ');
  const status = target.status === 'on-track' ? `on track, ${fmt(-target.gapKgCO2e)} below the path` : `**off track** by ${fmt(target.gapKgCO2e)}`;
  const lines = [
    `**${md(target.id)}** · ${status}`,
    '',
    `${md(target.periodLabel)}: actual **${fmt(target.actualKgCO2e)}** (${fmt(target.minKgCO2e)} – ${fmt(target.maxKgCO2e)}) of ${fmt(target.allowedKgCO2e)} allowed${target.yearShare !== 1 ? ` (${formatPercent(target.yearShare)} of a year)` : ''} · ${md(scopes)} · ${target.view} view`,
    target.measuredKgCO2e > 0 ? `\n${formatPercent(target.measuredShare)} of the actual is metered, the rest modelled.` : '',
    '',
    `Path: ${fmt(target.baseKgCO2e)} in ${target.baseYear}, −${formatPercent(target.annualReductionShare)} of it a year (${md(shorten(target.rateSource, 160))})`,
    '',
    '| Year | Allowed |',
    '|---|---:|',
    ...target.path.map((p) => `| ${p.year} | ${fmt(p.allowedKgCO2e)} |`),
    '',
    target.trendReachYear === null
      ? `At the current trend (${fmt(target.annualActualKgCO2e)} a year) the target level is never reached.`
      : `At the current trend (${fmt(target.annualActualKgCO2e)} a year) the target level is reached in ${target.trendReachYear} (target year ${target.targetYear}).`,
  ];
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
}

function measurementHover(m: MeasurementView, settings: Settings): string {
  const fmt = (kg: number) => formatKg(kg, settings.units);
  const mwh = (kWh: number) => `${formatNumber(kWh / 1000)} MWh`;
  const model = m.modelledMinKWh === m.modelledMaxKWh ? mwh(m.modelledFacilityKWh) : `${mwh(m.modelledFacilityKWh)} (${mwh(m.modelledMinKWh)} – ${mwh(m.modelledMaxKWh)})`;
  return [
    `**${md(m.siteId)}** · ${md(m.period)} · metered`,
    '',
    m.facilityKWh === undefined ? `Model: ${model} of facility electricity (no electricity reading)` : `Facility electricity: **${mwh(m.facilityKWh)}** metered · model ${model}`,
    '',
    `Counted: **${fmt(m.measuredKgCO2e)}** from the meters, in place of ${fmt(m.replacedKgCO2e)} modelled for this site and time.`,
  ].join('\n');
}

function modelHover(id: string): string | undefined {
  const model = modelView(id);
  if (!model) return undefined;
  const e = model.embodied;
  return [
    `**${md(model.name)}** (\`${md(model.id)}\`) · ${md(model.vendor)} · ${model.releaseYear}`,
    '',
    `_Embodied:_ ${md(e.method)}: ${md(shorten(e.source, 240))} (${e.year}, ${md(e.boundary)})`,
    '',
    '| | |',
    '|---|---:|',
    ...model.specs.map((spec) => `| ${spec.label} | ${md(spec.value)}${spec.unit ? ` ${spec.unit}` : ''} |`),
    `| Power model | ${model.idleW}–${model.maxW} W |`,
    `| Weight | ${formatNumber(model.weightKg)} kg |`,
    model.gpus ? `| GPUs | ${model.gpus} |` : undefined,
    `| Embodied (manufacturing) | ${formatKg(e.kgCO2e)} (${formatKg(e.minKgCO2e)} – ${formatKg(e.maxKgCO2e)}) |`,
    // What the figure adds up (baseboard PCF + host estimate), so the boundary is plain.
    ...(e.parts ?? []).map((part) => `| · ${md(part.label)} | ${formatKg(part.kgCO2e)} (${formatKg(part.minKgCO2e)} – ${formatKg(part.maxKgCO2e)}) |`),
    model.hostComponentsSource ? `\n_Host server_ modelled from its components: ${md(shorten(model.hostComponentsSource, 160))}` : undefined,
  ].filter((l): l is string => l !== undefined).join('\n');
}

function factorHover(path: PathSegment[], value: unknown): string | undefined {
  const key = path[path.length - 1];
  if (typeof value !== 'string') return undefined;
  if (key === 'location') {
    const location = locationView(value);
    return location ? `**${md(location.name ?? value)}** grid: ${formatNumber(location.gridKgCO2ePerKWh, 4)} kgCO2e/kWh (${location.year}, ${md(location.boundary)})\n\n${md(shorten(location.source, 240))}` : undefined;
  }
  if (key === 'gas') {
    const gas = refrigerantView(value);
    return gas ? `**${md(value)}**: GWP100 ${formatNumber(gas.gwp, 4)} (${md(gas.boundary)})\n\n${md(shorten(gas.source, 240))}` : undefined;
  }
  if (key === 'name' && path.includes('cpu')) {
    const cpu = cpuView(value);
    return cpu ? `**${md(cpu.name)}** · ${cpu.cores} cores · ${cpu.tdpW} W TDP · ${cpu.totalDieMm2} mm² (${md(cpu.dieComposition)}) · ${md(cpu.process)}\n\n${md(shorten(cpu.source, 200))}` : undefined;
  }
  return undefined;
}

function schemaHover(path: PathSegment[]): string | undefined {
  const doc = schemaDocAt(path);
  if (!doc?.description) return undefined;
  const parts = [md(doc.description)];
  if (doc.allowed) parts.push(`Allowed: ${doc.allowed.map((v) => `\`${md(v)}\``).join(', ')}`);
  if (doc.default !== undefined) parts.push(`Default: \`${md(JSON.stringify(doc.default))}\``);
  if (doc.example !== undefined) parts.push(`Example: \`${md(JSON.stringify(doc.example))}\``);
  return parts.join('\n\n');
}

/** The hover of the key or value at `path`: breakdowns on ids, specs on catalog values, schema docs on keys. */
function hoverText(analysis: Analysis, path: PathSegment[], onKey: boolean, value: unknown, settings: Settings, base?: DocumentBase): string | undefined {
  const [section, index, key] = path;
  if (typeof index === 'number' && path.length === 3 && key === 'id') {
    const asset = section === 'assets' ? assetView(analysis, index) : undefined;
    if (asset) return assetHover(asset, settings, base);
    const site = section === 'sites' ? siteView(analysis, String(value ?? '')) : undefined;
    if (site) return siteHover(site, settings);
  }
  if (section === 'budgets' && typeof index === 'number' && (key === 'id' || key === 'limit') && path.length === 3) {
    const budget = budgetView(analysis, index);
    if (budget) return budgetHover(budget, settings);
  }
  if (section === 'targets' && typeof index === 'number' && path.length === 3 && ['id', 'base', 'targetYear', 'pathway', 'reduction'].includes(String(key))) {
    const target = targetView(analysis, index);
    if (target && (key === 'id' || !onKey)) return targetHover(target, settings);
  }
  if (section === 'measurements' && typeof index === 'number' && path.length === 3 && !onKey && ['site', 'period', 'electricityKWh', 'itElectricityKWh', 'dieselLitres'].includes(String(key))) {
    const measurement = measurementView(analysis, index);
    if (measurement) return measurementHover(measurement, settings);
  }
  if (!onKey && section === 'assets' && key === 'site') {
    const site = siteView(analysis, String(value ?? ''));
    if (site) return siteHover(site, settings);
  }
  if (!onKey && path[path.length - 1] === 'model' && typeof value === 'string') {
    const model = modelHover(value);
    if (model) return model;
  }
  return (!onKey ? factorHover(path, value) : undefined) ?? schemaHover(path);
}

/** Hover: breakdowns on asset, site and budget ids; specs on catalog values; schema docs on keys. */
export function hover(analysis: Analysis, position: Position, settings: Settings, base?: DocumentBase): Hover | null {
  const at = pathAtPosition(analysis, position);
  if (!at) return null;
  const value = hoverText(analysis, at.path, at.onKey, at.value, settings, base);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: at.range } : null;
}
