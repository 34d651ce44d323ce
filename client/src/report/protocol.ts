/**
 * Messages between the report panel (extension host) and its webview (client/webview, bundled to
 * media/report.js). Types only: both sides import this file, neither pulls code from the other.
 */
import type { AssetChange, CarbonDiff, Report, ReportAsset } from '../../../engine';
import type { ChangeResult } from '../../../contracts/protocol';
import type { UnitsSetting, ViewName } from '../../../contracts/settings';

/** What a code lens (or a link) asks the report to bring into view. */
export interface Focus {
  kind: 'asset' | 'budget';
  id: string;
}

/** The manifest a report is about, as shown in the report's header. */
export interface ReportSource {
  /** The document URI (string form); also what the serializer restores the panel from. */
  uri: string;
  /** File name, e.g. example-ai-lab.carbon.yaml. */
  label: string;
  /** Workspace-relative path (or the URI for files outside the workspace). */
  detail: string;
}

export type ToWebview =
  /** First message after the webview said it is ready: which manifest this panel shows. */
  | { type: 'init'; source: ReportSource }
  | {
      type: 'report';
      /** Increases with every report this panel sends; the webview echoes it in `rendered`. */
      revision: number;
      report: Report;
      source: ReportSource;
      /** The `carbonLens.units` and `carbonLens.view` settings of the manifest. */
      units: UnitsSetting;
      view: ViewName;
      /** ISO time the report was computed. */
      updatedAt: string;
      focus?: Focus;
      /** The focused asset in full (the report's assets come without parts and assumptions). */
      details?: ReportAsset;
      /** A large fleet's first report: the what-ifs follow in the next one. */
      whatIfsPending?: boolean;
      /** The manifest compared with its `compareTo` version ("Changes vs HEAD"). */
      change?: ReportChange;
    }
  | { type: 'focus'; focus: Focus; details?: ReportAsset }
  /** `updating`: an edit was analysed, a new report follows; `error`: the last request failed. */
  | { type: 'status'; state: 'updating' | 'error' | 'ok'; message?: string };

export type FromWebview =
  | { type: 'ready' }
  /** The page rendered a report; `focus` is what it shows focused (if anything). */
  | { type: 'rendered'; revision: number; focus?: Focus }
  /** Reveal a 1-based line of the panel's own manifest (the only navigation the webview can ask for). */
  | { type: 'reveal'; line: number }
  /** Run "Export Report…" for the panel's manifest. */
  | { type: 'export' }
  /** Show the details of an asset (by id) in the report. */
  | { type: 'details'; id: string };

/** The largest changes the page lists (the rest are counted). */
export const CHANGES_SHOWN = 12;

/** The comparison as the page gets it: the largest asset changes, the others counted. */
export interface ReportChange extends ChangeResult<CarbonDiff> {
  /** Assets that changed (the diff lists the largest `CHANGES_SHOWN`). */
  changedAssets?: number;
  unchangedAssets?: number;
}

/** A comparison made slim for the page: the largest changed assets only. */
export function slimChange(change: ChangeResult<CarbonDiff>): ReportChange {
  if (!change.diff) return change;
  const changed: AssetChange[] = change.diff.assets.filter((a) => a.status !== 'unchanged');
  return {
    ...change,
    diff: { ...change.diff, assets: changed.slice(0, CHANGES_SHOWN) },
    changedAssets: changed.length,
    unchangedAssets: change.diff.assets.length - changed.length,
  };
}

/** What the webview keeps with getState/setState (and what the serializer gets after a reload). */
export interface WebviewState {
  uri: string;
  focus?: Focus;
  assets?: { page: number; sort: AssetSortKey; descending: boolean; filter: string };
  /** Which totals the breakdown charts show. */
  breakdown?: 'period' | 'inventory';
}

export type AssetSortKey = 'id' | 'site' | 'model' | 'count' | 'kgCO2e' | 'share' | 'inventoryKgCO2e' | 'embodied' | 'line';

/** Parses a message from the webview; anything else is ignored (the webview is not trusted input). */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'export':
      return { type: m.type };
    case 'rendered': {
      if (!Number.isSafeInteger(m.revision)) return undefined;
      const focus = parseFocus(m.focus);
      return focus ? { type: 'rendered', revision: m.revision as number, focus } : { type: 'rendered', revision: m.revision as number };
    }
    case 'reveal':
      return Number.isSafeInteger(m.line) && (m.line as number) >= 1 ? { type: 'reveal', line: m.line as number } : undefined;
    case 'details':
      return typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 500 ? { type: 'details', id: m.id } : undefined;
    default:
      return undefined;
  }
}

/** Parses a focus argument (from a code lens or the restored state). */
export function parseFocus(value: unknown): Focus | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if ((v.kind === 'asset' || v.kind === 'budget') && typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 500) {
    return { kind: v.kind, id: v.id };
  }
  return undefined;
}

/**
 * The report as the page gets it: assets without their parts, assumptions and factor ids (the
 * bulk of a large fleet's report; the page only shows them for the focused asset, sent apart).
 */
export function slimReport(report: Report): Report {
  return { ...report, assets: report.assets.map((a) => ({ ...a, parts: [], assumptions: [], factorIds: [] })) };
}
