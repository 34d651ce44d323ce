import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { Analysis } from '../../../engine/analysis';
import { AssetResult } from '../../../engine/compute/asset';
import { byScope, byStage, Stage, STAGES, total } from '../../../engine/compute/breakdown';
import { HOURS_PER_YEAR } from '../../../engine/data/defaults';
import { catalogModel } from '../../../engine/data/catalog';
import { cpuFor } from '../../../engine/data/cpus';
import { gridFactorFor, locationName } from '../../../engine/data/grid';
import { refrigerantFor } from '../../../engine/data/refrigerants';
import { pathAt } from '../../../engine/manifest/pathAt';
import { schemaAt } from '../../../engine/manifest/schema';
import { formatBudgetUse, formatKg, formatNumber, formatPercent, MassUnit } from '../../../contracts/units';
import { Settings } from '../settings';
import { offsetOf, rangeOf } from './convert';

const STAGE_TITLES: Record<Stage, string> = { manufacturing: 'Manufacturing', transport: 'Transport', use: 'Use', endOfLife: 'End of life' };

/** Escapes text from the manifest for Markdown (hover content is rendered as Markdown). */
export function md(text: unknown): string {
  // One line (a line break would end a table row); `:` `@` `&` too, so that no autolink
  // (http:, a@b.c) or character reference is formed.
  return String(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~:@&]/g, (c) => `\\${c}`);
}

function unitOf(settings: Settings): MassUnit | undefined {
  return settings.units === 'auto' ? undefined : settings.units;
}

function assetHover(analysis: Analysis, asset: AssetResult, settings: Settings): string {
  const unit = unitOf(settings);
  const fmt = (kg: number) => formatKg(kg, unit);
  const inventory = analysis.inventory!;
  const period = byStage(asset.period);
  const grand = total(inventory.totals.period).value;
  const assetTotal = total(asset.period);
  const count = asset.count;
  // Whole life: embodied in full, use at this period's rate over the whole lifespan.
  const hours = asset.window.serviceHours;
  const lifeHours = asset.lifespanYears * HOURS_PER_YEAR;
  const useWholeLife = hours > 0 ? (period.use.value * lifeHours) / hours : 0;
  const wholeLife: Record<Stage, number> = {
    manufacturing: asset.perUnit.manufacturing.value * count,
    transport: asset.perUnit.transport.value * count,
    use: useWholeLife,
    endOfLife: asset.perUnit.endOfLife.value * count,
  };
  const row = (label: string, values: Record<Stage, number>, k: number) =>
    `| ${label} | ${STAGES.map((s) => fmt(values[s] * k)).join(' | ')} | **${fmt(STAGES.reduce((sum, s) => sum + values[s] * k, 0))}** |`;
  const periodValues = Object.fromEntries(STAGES.map((s) => [s, period[s].value])) as Record<Stage, number>;
  const scopes = byScope(asset.period);
  const lines = [
    `**${md(asset.id)}** · ${count} × ${md(asset.modelId ?? 'component-level server')}${asset.gpusPerUnit ? ` · ${asset.gpusPerUnit * count} GPUs` : ''}`,
    '',
    `| | ${STAGES.map((s) => STAGE_TITLES[s]).join(' | ')} | Total |`,
    `|---|${STAGES.map(() => '---:').join('|')}|---:|`,
    row(`One unit, ${md(inventory.period.label)}`, periodValues, 1 / count),
    row(`All ${count}, ${md(inventory.period.label)}`, periodValues, 1),
    row('One unit, whole life', wholeLife, 1 / count),
    row(`All ${count}, whole life (${formatNumber(asset.lifespanYears)} yr)`, wholeLife, 1),
    '',
    `**${fmt(assetTotal.value)}** this period (${fmt(assetTotal.min)} – ${fmt(assetTotal.max)}) · ${formatPercent(grand > 0 ? assetTotal.value / grand : 0)} of the file total`,
    '',
    `Scope 2 ${fmt(scopes.scope2Location.value)} location-based / ${fmt(scopes.scope2Market.value)} market-based · Scope 3 ${fmt(scopes.scope3.value)} · GHG inventory view ${fmt(total(asset.inventory).value)}`,
    '',
    `Power ${formatNumber(asset.perUnit.powerW.value)} W per unit · ${formatNumber(asset.energyKWh.facility.value / 1000)} MWh facility electricity this period`,
  ];
  const sources = asset.factors.filter((f) => f.id.startsWith('model/') || f.id.startsWith('grid/') || f.id.startsWith('transport/') || f.id.startsWith('default/'));
  if (sources.length > 0) {
    lines.push('', '_Sources:_');
    for (const f of dedupe(sources).slice(0, 5)) lines.push(`- \`${f.id}\` ${formatNumber(f.value, 4)} ${md(f.unit)}: ${md(shorten(f.source))} (${f.year})${f.overridden ? ' — manifest override' : ''}`);
  }
  if (asset.assumptions.length > 0) {
    lines.push('', '_Assumptions:_');
    for (const a of asset.assumptions.slice(0, 4)) lines.push(`- ${md(a)}`);
  }
  return lines.join('\n');
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

function shorten(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function siteHover(analysis: Analysis, siteId: string, settings: Settings): string | undefined {
  const inventory = analysis.inventory!;
  const site = inventory.sites.find((s) => s.id === siteId);
  if (!site) return undefined;
  const fmt = (kg: number) => formatKg(kg, unitOf(settings));
  const ctx = site.context;
  let itKWh = 0;
  let facilityKWh = 0;
  let s2l = 0;
  let s2m = 0;
  let assets = 0;
  for (const asset of inventory.assets) {
    if (asset.siteId !== siteId) continue;
    assets += 1;
    itKWh += asset.energyKWh.it.value;
    facilityKWh += asset.energyKWh.facility.value;
    s2l += asset.period.stages.use.scope2Location.value;
    s2m += asset.period.stages.use.scope2Market.value;
  }
  const scope1 = byScope(site.direct).scope1.value;
  return [
    `**${md(site.id)}** · ${md(ctx.location ?? 'no location')}${ctx.location ? ` (${md(locationName(ctx.location) ?? '')})` : ''} · ${assets} asset${assets === 1 ? '' : 's'}`,
    '',
    `| | |`,
    `|---|---:|`,
    `| Grid factor | ${formatNumber(ctx.grid.value, 4)} kgCO2e/kWh${ctx.gridAssumed ? ' (assumed)' : ''} |`,
    `| PUE | ${formatNumber(ctx.pue.value)}${ctx.pueAssumed ? ` (assumed, ${formatNumber(ctx.pue.min)}–${formatNumber(ctx.pue.max)})` : ''} |`,
    `| Renewable share | ${formatPercent(ctx.renewableShare)} |`,
    `| IT energy | ${formatNumber(itKWh / 1000)} MWh |`,
    `| Facility energy | ${formatNumber(facilityKWh / 1000)} MWh |`,
    `| Scope 2 location-based | ${fmt(s2l)} |`,
    `| Scope 2 market-based | ${fmt(s2m)} |`,
    `| Scope 1 (diesel, refrigerants) | ${fmt(scope1)} |`,
    '',
    `_Grid:_ ${md(shorten(ctx.grid.source, 200))} (${ctx.grid.year}, ${md(ctx.grid.boundary)})`,
  ].join('\n');
}

function budgetHover(analysis: Analysis, budgetId: string, settings: Settings): string | undefined {
  const budget = analysis.inventory!.budgets.find((b) => b.id === budgetId);
  if (!budget) return undefined;
  const fmt = (kg: number) => formatKg(kg, unitOf(settings));
  const per = budget.per ? ` per ${budget.per}` : '';
  const status = budget.status === 'exceeded' ? `**exceeded** by ${fmt(budget.actualKgCO2e.value - budget.limitKgCO2e)}` : budget.status === 'near' ? 'near its limit' : 'within its limit';
  const lines = [
    `**${md(budget.id)}** · ${status}`,
    '',
    `Actual **${fmt(budget.actualKgCO2e.value)}**${per} (${fmt(budget.actualKgCO2e.min)} – ${fmt(budget.actualKgCO2e.max)}) of ${fmt(budget.limitKgCO2e)} · ${formatBudgetUse(budget.ratio)} · ${budget.view} view`,
  ];
  if (budget.contributors.length > 0) {
    lines.push('', '| Top contributors | |', '|---|---:|');
    for (const c of budget.contributors) lines.push(`| ${md(c.id)} (${c.kind}) | ${fmt(c.kgCO2e)}${per} |`);
  }
  return lines.join('\n');
}

function modelHover(id: string): string | undefined {
  const model = catalogModel(id);
  if (!model) return undefined;
  const s = model.specs;
  const spec = (label: string, v: { value: unknown } | undefined, suffix = '') => (v ? `| ${label} | ${md(v.value)}${suffix} |` : undefined);
  return [
    `**${md(model.name)}** (\`${md(model.id)}\`) · ${md(model.vendor)} · ${model.releaseYear}`,
    '',
    '| | |',
    '|---|---:|',
    spec('Memory', s.memoryGb, ' GB'),
    spec('Memory type', s.memoryType),
    spec('Power (TDP/board)', s.tdpW, ' W'),
    spec('Process', s.processNode),
    spec('Die area', s.dieAreaMm2, ' mm²'),
    spec('Max system power', s.maxSystemPowerW, ' W'),
    `| Power model | ${model.power.idleW}–${model.power.maxW} W |`,
    `| Weight | ${formatNumber(model.weightKg.value)} kg |`,
    model.gpus ? `| GPUs | ${model.gpus} |` : undefined,
    `| Embodied (manufacturing) | ${formatKg(model.embodied.value)} (${formatKg(model.embodied.min ?? model.embodied.value)} – ${formatKg(model.embodied.max ?? model.embodied.value)}) |`,
    '',
    `_Embodied:_ ${md(model.embodied.method)}: ${md(shorten(model.embodied.source, 240))} (${model.embodied.year}, ${md(model.embodied.boundary)})`,
    model.hostComponents && !model.hostComponents.includedInEmbodied ? `\n_Host server_ modelled from its components: ${md(shorten(model.hostComponents.source, 160))}` : undefined,
  ].filter((l): l is string => l !== undefined).join('\n');
}

function factorHover(path: (string | number)[], value: unknown): string | undefined {
  const key = path[path.length - 1];
  if (typeof value !== 'string') return undefined;
  if (key === 'location') {
    const grid = gridFactorFor(value);
    return grid ? `**${md(locationName(value) ?? value)}** grid: ${formatNumber(grid.value, 4)} kgCO2e/kWh (${grid.year}, ${md(grid.boundary)})\n\n${md(shorten(grid.source, 240))}` : undefined;
  }
  if (key === 'gas') {
    const gas = refrigerantFor(value);
    return gas ? `**${md(value)}**: GWP100 ${formatNumber(gas.value, 4)} (${md(gas.boundary)})\n\n${md(shorten(gas.source, 240))}` : undefined;
  }
  if (key === 'name' && path.includes('cpu')) {
    const cpu = cpuFor(value);
    return cpu ? `**${md(cpu.name)}** · ${cpu.cores} cores · ${cpu.tdpW} W TDP · ${cpu.totalDieMm2} mm² (${md(cpu.dieComposition)}) · ${md(cpu.process)}\n\n${md(shorten(cpu.source, 200))}` : undefined;
  }
  return undefined;
}

function schemaHover(path: (string | number)[]): string | undefined {
  const schema = schemaAt(path);
  if (!schema?.description) return undefined;
  const parts = [md(schema.description)];
  if (schema.enum) parts.push(`Allowed: ${schema.enum.map((v) => `\`${md(v)}\``).join(', ')}`);
  if (schema.default !== undefined) parts.push(`Default: \`${md(JSON.stringify(schema.default))}\``);
  if (schema.examples?.length) parts.push(`Example: \`${md(JSON.stringify(schema.examples[0]))}\``);
  return parts.join('\n\n');
}

/** Hover: breakdowns on asset, site and budget ids; specs on catalog values; schema docs on keys. */
export function hover(analysis: Analysis, position: Position, settings: Settings): Hover | null {
  const offset = offsetOf(analysis, position);
  const at = pathAt(analysis.parsed.doc, offset);
  if (!at) return null;
  const { path } = at;
  const range = rangeOf(analysis, at.start, at.end);
  const reply = (value: string | undefined): Hover | null => (value ? { contents: { kind: MarkupKind.Markdown, value }, range } : null);
  const [section, index, key] = path;
  if (analysis.inventory && typeof index === 'number' && key === 'id' && path.length === 3) {
    if (section === 'assets') {
      const asset = analysis.inventory.assets.find((a) => a.index === index);
      if (asset) return reply(assetHover(analysis, asset, settings));
    }
    if (section === 'sites') return reply(siteHover(analysis, String(at.value ?? ''), settings) ?? schemaHover(path));
    if (section === 'budgets') return reply(budgetHover(analysis, String(at.value ?? ''), settings) ?? schemaHover(path));
  }
  if (analysis.inventory && section === 'budgets' && typeof index === 'number' && key === 'limit') {
    const budget = analysis.inventory.budgets.find((b) => b.index === index);
    if (budget) return reply(budgetHover(analysis, budget.id, settings));
  }
  if (analysis.inventory && section === 'assets' && key === 'site' && !at.onKey) {
    return reply(siteHover(analysis, String(at.value ?? ''), settings));
  }
  if (!at.onKey && path[path.length - 1] === 'model' && typeof at.value === 'string') {
    return reply(modelHover(at.value) ?? schemaHover(path));
  }
  if (!at.onKey) {
    const factor = factorHover(path, at.value);
    if (factor) return reply(factor);
  }
  return reply(schemaHover(path));
}
