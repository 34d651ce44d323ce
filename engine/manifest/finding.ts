/**
 * A problem or note about a manifest, positioned by character offsets into the text.
 * The language service turns findings into LSP diagnostics, the CLI into file:line:col
 * messages and SARIF results; both reuse `code` and `data` without recomputing anything.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

/** A text replacement that fixes the finding (used for quick fixes). */
export interface Suggestion {
  title: string;
  start: number;
  end: number;
  newText: string;
}

export interface Finding {
  /** Stable machine-readable code, e.g. `unknown-model`, `budget-exceeded`. See docs/diagnostics.md. */
  code: string;
  severity: Severity;
  /** One plain sentence (two at most) saying what is wrong and what to do. */
  message: string;
  start: number;
  end: number;
  /** The facts behind the message: budget, actual, allowed values, estimates. */
  data?: Record<string, unknown>;
  related?: RelatedLocation[];
  suggestions?: Suggestion[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
