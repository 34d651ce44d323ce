/**
 * The change of an open manifest against its `compareTo` version, as lenses, hovers and the
 * status say it: each figure is the head's (from the views) minus the base's of the same id
 * (engine/diff/editor.ts), the same differences `carbon-lens diff` prints.
 */
import type { DocumentChange } from '../../../contracts/protocol';
import type { Settings } from '../../../contracts/settings';
import { formatKg, formatPercent } from '../../../contracts/units';
import {
  Analysis, assetChangeVsBase, AssetView, BudgetView, EditorBase, fileChangeVsBase, fileSummary, inputWords, signedKg,
} from '../../../engine';
import type { BaseState } from '../../../contracts/protocol';

/** What the server knows of a document's base version. */
export interface DocumentBase {
  ref: string;
  state: BaseState | 'pending';
  /** The base to compare with (states `found` and `notAtRef`: an empty base, everything new). */
  base?: EditorBase;
  /** The commit the ref resolved to, when the client knew it. */
  commit?: string;
  message?: string;
}

const comparable = (base: DocumentBase | undefined): base is DocumentBase & { base: EditorBase } => !!base?.base;

/** The status's and the report's summary of the change. */
export function documentChange(analysis: Analysis, settings: Settings, base: DocumentBase | undefined): DocumentChange | undefined {
  if (!base) return undefined;
  const out: DocumentChange = { ref: base.ref, state: base.state, ...(base.message ? { message: base.message } : {}) };
  const total = fileSummary(analysis, settings).total;
  if (!comparable(base) || !total) return out;
  const delta = fileChangeVsBase(base.base, total, settings.view);
  return { ...out, deltaKgCO2e: delta.kgCO2e, minKgCO2e: delta.min, maxKgCO2e: delta.max, percent: delta.percent };
}

/** The file lens's suffix: " · +45 tCO2e vs HEAD", " · new since HEAD", " · no change vs HEAD". */
export function fileLensChange(analysis: Analysis, settings: Settings, base: DocumentBase | undefined): string {
  if (!comparable(base)) return '';
  if (base.state === 'notAtRef') return ` · new since ${base.ref}`;
  const change = documentChange(analysis, settings, base);
  if (change?.deltaKgCO2e === undefined) return '';
  return change.deltaKgCO2e === 0 ? ` · no change vs ${base.ref}` : ` · ${signedKg(change.deltaKgCO2e, settings.units)} vs ${base.ref}`;
}

/** An asset lens's suffix: " · +45 tCO2e vs HEAD", " · new vs HEAD", nothing when unchanged. */
export function assetLensChange(id: string, headKg: number, settings: Settings, base: DocumentBase | undefined): string {
  if (!comparable(base) || base.state === 'notAtRef') return '';
  const change = assetChangeVsBase(base.base, id, settings.view, headKg);
  if (change.status === 'added') return ` · new vs ${base.ref}`;
  return change.deltaKgCO2e === 0 ? '' : ` · ${signedKg(change.deltaKgCO2e, settings.units)} vs ${base.ref}`;
}

/** A budget lens's suffix when its use changed: " · 75% at HEAD", " · new since HEAD". */
export function budgetLensChange(budget: BudgetView, settings: Settings, base: DocumentBase | undefined): string {
  if (!comparable(base) || base.state === 'notAtRef') return '';
  const old = base.base.report?.budgets.find((b) => b.id === budget.id);
  if (!old) return ` · new since ${base.ref}`;
  if (old.actualKgCO2e === budget.actualKgCO2e && old.limitKgCO2e === budget.limitKgCO2e) return '';
  return old.ratio === null ? ` · ${formatKg(old.actualKgCO2e, settings.units)} at ${base.ref}` : ` · ${formatPercent(old.ratio)} at ${base.ref}`;
}

/** Lines for an asset's hover: its change, its range at shared factor bounds, what changed. */
export function assetHoverChange(asset: AssetView, settings: Settings, base: DocumentBase | undefined, md: (text: unknown) => string): string[] {
  if (!base) return [];
  // A ref git does not know, or a base that cannot be read, is worth a line; a file outside any
  // repository is the status item's to say (not on every hover of someone who does not use git).
  if (!comparable(base)) return (base.state === 'noRef' || base.state === 'unavailable') && base.message ? ['', `_${md(`No comparison with ${base.ref}: ${base.message}`)}_`] : [];
  const fmt = (kg: number) => formatKg(kg, settings.units);
  const change = assetChangeVsBase(base.base, asset.id, 'period', asset.thisPeriod.kgCO2e, asset.thisPeriod, { count: asset.count, model: asset.model, lifespanYears: asset.lifespanYears });
  const ref = md(base.ref);
  if (change.status === 'added') return ['', `**New since ${ref}**: ${fmt(change.deltaKgCO2e)} this period`];
  if (change.status === 'unchanged') return ['', `No change since ${ref}`];
  const range = change.delta ? ` (${md(signedKg(change.delta.min, settings.units))} to ${md(signedKg(change.delta.max, settings.units))} with both versions at the same factor bounds)` : '';
  const inputs = change.changed.length > 0 ? ` · ${change.changed.map((c) => md(inputWords(c))).join(' · ')}` : '';
  return ['', `**${md(signedKg(change.deltaKgCO2e, settings.units))} vs ${ref}**${range} · was ${fmt(change.baseKgCO2e ?? 0)}${inputs}`];
}
