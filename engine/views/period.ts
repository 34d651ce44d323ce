/** How a figure for the reporting period is worded: per year when the period is a year. */
import type { Analysis } from '../analysis';
import { isTwelveMonths, ReportingPeriod } from '../compute/period';

export interface PeriodWording {
  /** `2026`, or `2026-01-01 – 2026-02-01`. */
  label: string;
  /** True when the period is twelve months (a calendar year, or any date to the same date a year later). */
  isYear: boolean;
  /** Suffix of a figure for the period: `/yr` for a year, else ` this period`. */
  perPeriod: string;
}

export function wordingOf(period: ReportingPeriod): PeriodWording {
  const year = isTwelveMonths(period);
  return { label: period.label, isYear: year, perPeriod: year ? '/yr' : ' this period' };
}

/** How the analysed manifest's period is worded; undefined when it has no valid period. */
export function periodWording(analysis: Analysis): PeriodWording | undefined {
  return analysis.inventory && wordingOf(analysis.inventory.period);
}
