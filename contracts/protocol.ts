/**
 * Custom messages between the Carbon Lens client and server. Both sides import this file (and
 * nothing else of each other), so the client bundle pulls in no server code.
 */
import type { ViewName } from './settings';

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
export const EXPORT_FORMAT_NAMES = ['markdown', 'csv', 'html', 'json'] as const;
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
  budgets: { ok: number; near: number; exceeded: number };
  /** Error diagnostics, as the Problems panel shows them (after the budget-severity setting). */
  errors: number;
  complete: boolean;
}
