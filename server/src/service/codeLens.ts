import { CodeLens, Command, InlayHint, Range } from 'vscode-languageserver';
import { Analysis, analysisTargets, assetFigure, budgetView, computedItems, fileSummary, isComputed, periodWording, targetAllowanceWords, targetView } from '../../../engine';
import { Settings } from '../../../contracts/settings';
import { formatKg, formatPercent } from '../../../contracts/units';
import { assetLensChange, budgetLensChange, DocumentBase, fileLensChange } from './change';
import { rangeOf } from './convert';

/** Leased and sold hardware leaves Scope 2 or the period's own use: the lens says where it went. */
const OWNERSHIP_LENS = { owned: '', 'leased-in': ' · leased in: hardware in cat. 8', 'leased-out': ' · leased out: use in cat. 13', sold: ' · sold: lifetime use in cat. 11' } as const;

/** The client command a lens runs: open the report focused on an item. */
export const OPEN_REPORT_COMMAND = 'carbonLens.openReport';

/**
 * Above this many lenses (a fleet of thousands of assets), lenses are sent without their
 * titles and each is resolved when the editor shows it (`codeLens/resolve`): titles depend
 * on the file total, so they would all change with every edit, and most are off screen.
 */
export const RESOLVE_LENSES_ABOVE = 500;

/**
 * Above this many lenses, each asset's figure is an inlay hint at the end of its `- id:` line
 * instead of a lens above it: the editor asks for the hints of the lines on screen only, while it
 * keeps a lens (a view zone) for every asset of the file and takes them all again after each
 * edit. The file total and the budgets stay lenses.
 */
export const ASSET_HINTS_ABOVE = RESOLVE_LENSES_ABOVE;

/** Whether the file's lenses (its total, the assets, the budgets) are too many for per-asset lenses: asset figures are then inlay hints. */
function assetsAsHints({ assets, budgets }: { assets: readonly number[]; budgets: readonly number[] }): boolean {
  return assets.length + budgets.length + 1 > ASSET_HINTS_ABOVE;
}

/** What a lens is about: the file, or the asset or budget at an index of its section. */
type LensTarget = { kind: 'file'; range: Range } | { kind: 'asset' | 'budget' | 'target'; index: number; range: Range };

/** A resolvable lens's kind, by its number in `data`. */
const LENS_KINDS = ['file', 'asset', 'budget', 'target'] as const;

/** The lenses' targets in order: file total at the top, one per computed asset and per evaluated budget. */
function lensTargets(analysis: Analysis, settings: Settings): LensTarget[] {
  if (!settings.codeLens.enable || !isComputed(analysis)) return [];
  const targets: LensTarget[] = [{ kind: 'file', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  const outline = new Map(analysis.outline.map((o) => [`${o.section}/${o.index}`, o]));
  const { assets, budgets } = computedItems(analysis);
  for (const [kind, indices] of [['asset', assetsAsHints({ assets, budgets }) ? [] : assets], ['budget', budgets]] as const) {
    for (const index of indices) {
      const item = outline.get(`${kind}s/${index}`);
      if (item) targets.push({ kind, index, range: rangeOf(analysis, item.start, item.start) });
    }
  }
  for (const target of analysisTargets(analysis)) {
    const item = outline.get(`targets/${target.index}`);
    if (item) targets.push({ kind: 'target', index: target.index, range: rangeOf(analysis, item.start, item.start) });
  }
  return targets;
}

function fileTitle(analysis: Analysis, settings: Settings, base?: DocumentBase): string | undefined {
  const summary = fileSummary(analysis, settings);
  if (!summary.total) return undefined;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const exceeded = summary.budgets.exceeded;
  return [
    `Carbon Lens: ${summary.complete ? '' : '≥ '}${formatKg(summary.total.kgCO2e, settings.units)}${settings.view === 'period' ? ' this period' : ' (GHG inventory view)'}`,
    plural(summary.assets, 'asset'),
    ...(exceeded ? [`${plural(exceeded, 'budget')} exceeded`] : []),
    ...(summary.budgets.unknown ? [`${plural(summary.budgets.unknown, 'budget')} unknown`] : []),
    ...(summary.leftOutText ? [`${summary.leftOutText} (errors)`] : []),
    ...(summary.stale ? [`${plural(summary.stale, 'stale figure')} (being edited)`] : []),
  ].join(' · ') + fileLensChange(analysis, settings, base);
}

function commandFor(analysis: Analysis, target: LensTarget, uri: string, settings: Settings, base?: DocumentBase): Command | undefined {
  if (target.kind === 'file') {
    const title = fileTitle(analysis, settings, base);
    return title === undefined ? undefined : { title, command: OPEN_REPORT_COMMAND, arguments: [uri] };
  }
  if (target.kind === 'asset') {
    const asset = assetFigure(analysis, target.index, settings.view);
    if (!asset) return undefined;
    // The period view is a figure for the reporting period: per year only when the period is one.
    const per = settings.view === 'period' ? periodWording(analysis)?.perPeriod ?? '' : '';
    return {
      title: `≈ ${formatKg(asset.kgCO2e, settings.units)}${per} · ${formatPercent(asset.shareOfTotal)} of total${OWNERSHIP_LENS[asset.ownership]}${asset.stale ? ' · stale (last figure, while being edited)' : ''}${assetLensChange(asset.id, asset.kgCO2e, settings, base)}`,
      command: OPEN_REPORT_COMMAND,
      arguments: [uri, { kind: 'asset', id: asset.id }],
    };
  }
  if (target.kind === 'target') {
    const view = targetView(analysis, target.index);
    if (!view) return undefined;
    const gap = view.status === 'off-track' ? ` (${formatKg(view.gapKgCO2e, settings.units)} over)` : '';
    return {
      title: `${targetAllowanceWords(view, settings.units)} · ${view.status === 'on-track' ? 'on track' : 'off track'}${gap}`,
      command: OPEN_REPORT_COMMAND,
      arguments: [uri, { kind: 'target', id: view.id }],
    };
  }
  const budget = budgetView(analysis, target.index);
  if (!budget) return undefined;
  const status = budget.status === 'exceeded' ? ' · exceeded' : budget.status === 'near' ? ' · near limit' : '';
  const per = budget.per ? ` per ${budget.per}` : '';
  return {
    title: (budget.ratio !== null
      ? `${formatPercent(budget.ratio)} of ${formatKg(budget.limitKgCO2e, settings.units)}${per}${status}`
      : `${formatKg(budget.actualKgCO2e, settings.units)}${per} against a zero limit${status}`) + budgetLensChange(budget, settings, base),
    command: OPEN_REPORT_COMMAND,
    arguments: [uri, { kind: 'budget', id: budget.id }],
  };
}

/**
 * In a file with more than `ASSET_HINTS_ABOVE` lenses, the asset figures of the lines
 * `fromLine`…`toLine`: an inlay hint at the end of each asset's first line, with the title and
 * command its lens has in a smaller file. None in smaller files (they have lenses).
 */
export function assetInlayHints(analysis: Analysis, uri: string, settings: Settings, fromLine: number, toLine: number, base?: DocumentBase): InlayHint[] {
  if (!settings.codeLens.enable || !isComputed(analysis)) return [];
  if (!assetsAsHints(computedItems(analysis))) return [];
  const lines = analysis.lines;
  const from = lines.lineStart(Math.max(0, Math.min(fromLine, lines.lineCount - 1)));
  const to = toLine + 1 < lines.lineCount ? lines.lineStart(toLine + 1) : analysis.text.length;
  const hints: InlayHint[] = [];
  for (const item of analysis.outline) {
    if (item.section !== 'assets' || item.start < from || item.start >= to) continue;
    const command = commandFor(analysis, { kind: 'asset', index: item.index, range: rangeOf(analysis, item.start, item.start) }, uri, settings, base);
    if (!command) continue;
    const line = lines.position(item.start).line;
    const next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : analysis.text.length;
    let end = next;
    while (end > item.start && (analysis.text[end - 1] === '\n' || analysis.text[end - 1] === '\r')) end--;
    hints.push({ position: lines.position(end), label: [{ value: command.title, command }], paddingLeft: true });
  }
  return hints;
}

/** File total at the top, one lens per asset (in smaller files) and per budget. */
export function codeLenses(analysis: Analysis, uri: string, settings: Settings, base?: DocumentBase): CodeLens[] {
  return lensTargets(analysis, settings).map((target) => ({ range: target.range, command: commandFor(analysis, target, uri, settings, base) }));
}

/**
 * The lenses to send: with their commands up to `RESOLVE_LENSES_ABOVE` lenses, else without
 * (`data` says which lens, for `resolveCodeLens`; `tag` names the analysis it was made from).
 */
export function codeLensesToSend(analysis: Analysis, uri: string, settings: Settings, tag: number, base?: DocumentBase): CodeLens[] {
  const targets = lensTargets(analysis, settings);
  if (targets.length <= RESOLVE_LENSES_ABOVE) return targets.map((target) => ({ range: target.range, command: commandFor(analysis, target, uri, settings, base) }));
  return targets.map((target) => ({
    range: target.range,
    data: target.kind === 'file' ? [tag, 0] : [tag, LENS_KINDS.indexOf(target.kind), target.index],
  }));
}

/** The command of a lens sent by `codeLensesToSend` without one, from the same analysis. */
export function resolveCodeLens(analysis: Analysis, lens: CodeLens, uri: string, settings: Settings, base?: DocumentBase): CodeLens {
  const data = lens.data as number[] | undefined;
  if (!Array.isArray(data) || lens.command) return lens;
  const kind = LENS_KINDS[data[1]];
  const target: LensTarget = kind === 'file' || !kind ? { kind: 'file', range: lens.range } : { kind, index: data[2], range: lens.range };
  const command = commandFor(analysis, target, uri, settings, base);
  return command ? { range: lens.range, command } : lens;
}
