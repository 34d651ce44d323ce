/**
 * The change between two versions of one or more manifests (`carbon-lens diff --format json`,
 * the PR comment, the editor's "Changes vs HEAD"). Every mass is kgCO2e; lines are 1-based.
 */
import type { BudgetStatus } from '../../contracts/budgets';
import type { ViewName } from '../../contracts/settings';
import type { Stage } from '../compute/breakdown';
import type { Bounds, Delta } from './delta';

/** How an item (a file, an asset, a site, a budget) differs between the versions, matched by `id`. */
export type ItemStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** One input that differs: `count` 16 → 20, `site.pue` 1.3 → 1.2, `factor grid/FR` … */
export interface InputChange {
  /** Stable name: `count`, `model`, `site`, `lifespanYears`, `site.pue`, `factor:grid/FR`, … */
  input: string;
  /** The same in words, for people: "count", "PUE of site fra-dc1", "factor grid/FR". */
  label: string;
  base: string | number | null;
  head: string | number | null;
}

/** One side of the comparison as a whole. */
export interface DiffSide extends Bounds {
  /** What was compared: a git ref (`main`, `HEAD~1`), `working tree`, or a baseline file. */
  ref: string;
  /** The commit the ref resolved to, when it is one. */
  commit?: string;
  /** False when errors left items out of this side's totals. */
  complete: boolean;
}

export interface FigureChange {
  base: number;
  head: number;
  delta: number;
}

export interface FileChange {
  file: string;
  status: ItemStatus;
  base: Bounds | null;
  head: Bounds | null;
  delta: Delta;
  /** File-wide inputs that differ: methodology, period. */
  changed: InputChange[];
}

export interface AssetChange {
  id: string;
  file: string;
  /** Where to look: the head's line, or the base's for a removed asset. */
  line: number;
  /** Which version `line` is in. */
  lineAt: 'base' | 'head';
  status: ItemStatus;
  /** Set when errors left the asset out of a version's totals (its status then says how that version counts it). */
  leftOut?: { side: 'base' | 'head'; line: number; reason: string };
  /** null when the asset is not in that version's totals. */
  baseKgCO2e: number | null;
  headKgCO2e: number | null;
  deltaKgCO2e: number;
  /** The change's range at shared bounds (period view); null where the report has no per-asset range (inventory view). */
  deltaMin: number | null;
  deltaMax: number | null;
  changed: InputChange[];
}

/** A site's status follows its own inputs; its figure also moves with its assets', which are listed apart. */
export interface SiteChange {
  id: string;
  file: string;
  line: number;
  lineAt: 'base' | 'head';
  status: ItemStatus;
  /** The site's own emissions and its assets', period view; null for an absent site or in the inventory view. */
  baseKgCO2e: number | null;
  headKgCO2e: number | null;
  deltaKgCO2e: number | null;
  changed: InputChange[];
}

/** A budget as one version evaluates it. */
export interface BudgetSide {
  limitKgCO2e: number;
  actualKgCO2e: number;
  ratio: number | null;
  status: BudgetStatus;
  severity: 'error' | 'warning' | 'info';
  view: ViewName;
  per?: 'gpu' | 'unit';
}

export interface BudgetChange {
  id: string;
  file: string;
  line: number;
  lineAt: 'base' | 'head';
  status: ItemStatus;
  base: BudgetSide | null;
  head: BudgetSide | null;
  /** "ok → exceeded", "near → ok", "added: exceeded", … */
  statusChange: string;
  /** Exceeded at head, and not at base (or new). */
  newlyExceeded: boolean;
  changed: InputChange[];
}

export interface DiffDiagnostic {
  side: 'base' | 'head';
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
}

export interface CarbonDiff {
  format: 'carbon-lens-diff/1';
  /** Which totals are compared: the period view (default) or the GHG Protocol inventory view. */
  view: ViewName;
  base: DiffSide;
  head: DiffSide;
  delta: Delta;
  byStage: Record<Stage, FigureChange>;
  byScope: Record<'scope1' | 'scope2Location' | 'scope2Market' | 'scope3', FigureChange>;
  files: FileChange[];
  /** Largest change first. */
  assets: AssetChange[];
  sites: SiteChange[];
  budgets: BudgetChange[];
  /** Errors of either version (they leave items out of its totals) and warnings new at head. */
  diagnostics: DiffDiagnostic[];
  /** What the reader should know about the comparison itself (different methodologies, …). */
  notes: string[];
}
