/**
 * Custom messages between the Carbon Lens client and server. Both sides import this file (and
 * nothing else of each other), so the client bundle pulls in no server code.
 */
import type { ViewName } from './settings';

/** The language of Carbon Lens manifests, and the documents the server serves: every one of them, whatever its scheme (files, untitled, virtual file systems). */
export const MANIFEST_LANGUAGE_ID = 'carbon-yaml';
export const MANIFEST_DOCUMENT_SELECTOR = [{ language: MANIFEST_LANGUAGE_ID }];

/**
 * Diagnostics in two reports, when the client pulls diagnostics and registers providers
 * dynamically (VS Code does): the server registers both (LSP 3.17 `DiagnosticRegistrationOptions`
 * with these identifiers). The totals report holds the findings that state the file's totals
 * (`statesTotals` in rules.ts: budgets, targets, metering); the items report every other finding.
 * A keystroke in a count or a power usually changes only the totals report (unless the asset
 * has a finding that states its own figure), and the items report is answered `unchanged`: the
 * editor keeps, and does not redraw, the hundreds of diagnostics of a large file. Other clients
 * get one report (pulled or published).
 */
export const ITEM_DIAGNOSTICS = 'carbon-lens';
export const TOTALS_DIAGNOSTICS = 'carbon-lens-totals';

/** Request: the full computed report of a document (the same model the CLI prints as JSON). */
export const REPORT_REQUEST = 'carbonLens/report';
export interface ReportParams {
  uri: string;
  /** Include the built-in reduction what-ifs (a few extra computations). Default true. */
  whatIfs?: boolean;
}

/**
 * Request: the report of a document written out in one of the export formats, with the
 * document's settings (units, view, budget severity, completeness), as `carbon-lens report`
 * would print it. The result is the file's content.
 */
export const EXPORT_REQUEST = 'carbonLens/exportReport';
export const EXPORT_FORMAT_NAMES = ['markdown', 'csv', 'html', 'json', 'ghg-inventory', 'ghg-inventory-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];
export interface ExportParams {
  uri: string;
  format: ExportFormat;
  /** The manifest's name as the export should show it (a workspace-relative path). */
  file: string;
}

/** Notification from the server after each analysis: enough for a status bar item. */
export const ANALYSIS_NOTIFICATION = 'carbonLens/analysis';
export interface AnalysisSummary {
  uri: string;
  version: number;
  /** Headline total in the chosen view (location-based Scope 2) in kgCO2e, or null when it cannot be computed. */
  totalKgCO2e: number | null;
  view: ViewName;
  budgets: { ok: number; near: number; exceeded: number; /** Budgets whose outcome depends on items left out because of errors. */ unknown?: number };
  /** Error diagnostics, as the Problems panel shows them (after the budget-severity setting). */
  errors: number;
  complete: boolean;
  /** "2 assets left out" when errors left something out (the total is then a lower bound). */
  leftOut?: string;
  /** How many assets, sites or parts are left out (the status bar's "N left out"). */
  leftOutCount?: number;
  /** Items whose last good figure stands in while they are being edited (see `stale` in the engine's file summary). */
  stale?: number;
  /** The change against the `compareTo` version (absent until the client sent a base). */
  change?: DocumentChange;
}

/**
 * Notification from the client: the version of a manifest at the `compareTo` ref (read through
 * VS Code's git extension, or git), or why there is none. The server compares each analysis
 * with it (lenses, hovers, the status, the report's "Changes vs …").
 */
export const BASE_NOTIFICATION = 'carbonLens/base';
/**
 * `found`: the text at the ref; `notAtRef`: the file is not in that commit (everything in it is
 * new); `noRepository`: not in a git repository; `noRef`: the ref names no commit; `off`:
 * `compareTo` is empty; `unavailable`: git could not be asked (a virtual file system, no git).
 */
export type BaseState = 'found' | 'notAtRef' | 'noRepository' | 'noRef' | 'off' | 'unavailable';
export interface BaseParams {
  uri: string;
  /** The ref compared with, as the setting gives it (`HEAD`, `main`). */
  ref: string;
  state: BaseState;
  /** The manifest's text at the ref (state `found`). */
  text?: string;
  /** The commit the ref resolved to, when known. */
  commit?: string;
  /** What read it. */
  via?: 'git-extension' | 'git';
  /** Why there is no base, in a sentence. */
  message?: string;
}

/** The change of a document against its base, as the status and the report say it. */
export interface DocumentChange {
  ref: string;
  /** `pending` while the base is being analysed or has not arrived. */
  state: BaseState | 'pending';
  message?: string;
  /** The file's change in the chosen view, kgCO2e, with its range at shared factor bounds (states `found`, `notAtRef`). */
  deltaKgCO2e?: number;
  minKgCO2e?: number;
  maxKgCO2e?: number;
  /** Of the base's total; null when the base is zero. */
  percent?: number | null;
}

/**
 * Request: the full comparison of a document with its base (the same model as
 * `carbon-lens diff --format json`, typed by the caller), for the report's "Changes vs …".
 */
export const CHANGE_REQUEST = 'carbonLens/change';
export interface ChangeParams {
  uri: string;
}
export interface ChangeResult<Diff = unknown> extends DocumentChange {
  diff?: Diff;
}
