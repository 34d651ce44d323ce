/**
 * The editor's comparison of an open manifest with its base version: the base's report is made
 * once per base text, and each lens, hover and status figure is its head figure (from the views)
 * minus the base's figure of the same id, as `diffReports` computes it.
 */
import type { ViewName } from '../../contracts/settings';
import type { Report, ReportAsset } from '../report/model';
import { Bounds, Delta, deltaOf } from './delta';
import { AssetInputs, assetInputChanges, assetInputs } from './inputs';
import type { InputChange } from './model';

export interface EditorBase {
  /** The ref the user compares with (`HEAD`, `main`). */
  ref: string;
  /** The base's report; null when the file is not at that ref (everything in it is new). */
  report: Report | null;
  /** First asset of each id at the base. */
  assets: Map<string, ReportAsset>;
}

export function editorBaseOf(report: Report | null, ref: string): EditorBase {
  const assets = new Map<string, ReportAsset>();
  for (const asset of report?.assets ?? []) if (!assets.has(asset.id)) assets.set(asset.id, asset);
  return { ref, report, assets };
}

/** The base's total in a view (zero for a file that is not at the base). */
export function baseTotal(base: EditorBase, view: ViewName): Bounds | null {
  const t = base.report && (view === 'inventory' ? base.report.totals.inventoryView : base.report.totals);
  return t ? { kgCO2e: t.kgCO2e, min: t.min, max: t.max } : null;
}

/** The file's change: its head total (the views' `fileSummary` total) against the base's. */
export function fileChangeVsBase(base: EditorBase, head: { kgCO2e: number; minKgCO2e: number; maxKgCO2e: number }, view: ViewName): Delta {
  return deltaOf(baseTotal(base, view), { kgCO2e: head.kgCO2e, min: head.minKgCO2e, max: head.maxKgCO2e });
}

export interface AssetVsBase {
  status: 'added' | 'changed' | 'unchanged';
  baseKgCO2e: number | null;
  deltaKgCO2e: number;
  /** The range of the change at shared bounds, when the head's range is given (period view). */
  delta?: Delta;
  changed: InputChange[];
}

/**
 * An asset's change: `headKg` is its figure in the view (`assetFigure`), with its range when
 * the caller has it (`assetView`, period view). `inputs` are what the caller knows of its inputs.
 */
export function assetChangeVsBase(base: EditorBase, id: string, view: ViewName, headKg: number, headRange?: { minKgCO2e: number; maxKgCO2e: number }, inputs?: AssetInputs): AssetVsBase {
  const old = base.assets.get(id);
  if (!old) return { status: 'added', baseKgCO2e: null, deltaKgCO2e: headKg, ...(headRange && view === 'period' ? { delta: deltaOf(null, { kgCO2e: headKg, min: headRange.minKgCO2e, max: headRange.maxKgCO2e }) } : {}), changed: [] };
  const baseKg = view === 'inventory' ? old.inventoryKgCO2e : old.kgCO2e;
  const delta = headRange && view === 'period' ? deltaOf({ kgCO2e: old.kgCO2e, min: old.min, max: old.max }, { kgCO2e: headKg, min: headRange.minKgCO2e, max: headRange.maxKgCO2e }) : undefined;
  const changed = inputs ? assetInputChanges(assetInputs(old), inputs) : [];
  const same = headKg === baseKg && changed.length === 0 && (!delta || (delta.atLowBound === 0 && delta.atHighBound === 0));
  return { status: same ? 'unchanged' : 'changed', baseKgCO2e: baseKg, deltaKgCO2e: headKg - baseKg, ...(delta ? { delta } : {}), changed };
}
