/**
 * Custom messages between the Carbon Lens client and server (shared by both; no imports so
 * that the client bundle does not pull in server code).
 */

/** Request: the full computed report of a document (the same model the CLI prints as JSON). */
export const REPORT_REQUEST = 'carbonLens/report';
export interface ReportParams {
  uri: string;
  /** Include the built-in reduction what-ifs (a few extra computations). Default true. */
  whatIfs?: boolean;
}

/** Notification from the server after each analysis: enough for a status bar item. */
export const ANALYSIS_NOTIFICATION = 'carbonLens/analysis';
export interface AnalysisSummary {
  uri: string;
  version: number;
  /** Headline total (period view, location-based) in kgCO2e, or null when it cannot be computed. */
  totalKgCO2e: number | null;
  view: 'period' | 'inventory';
  budgets: { ok: number; near: number; exceeded: number };
  errors: number;
  complete: boolean;
}
