import { HOURS_PER_YEAR } from '../data/defaults';
import { dayOf, isoDateNumber, monthOf, yearOf } from '../manifest/dates';
import { PeriodQuarter, PeriodRange, PeriodYear } from '../manifest/types.generated';

const MS_PER_DAY = 86_400_000;
const MS_PER_YEAR = 365 * MS_PER_DAY;

/** The reporting period as UTC milliseconds, with its length in hours (a year counts 8,760 h). */
export interface ReportingPeriod {
  startMs: number;
  endMs: number;
  hours: number;
  label: string;
  start: string;
  end: string;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC milliseconds of a YYYY-MM-DD date (the schema's `date` format; every asset has one). */
export function parseIsoDate(text: string): number {
  const date = isoDateNumber(text);
  if (date >= 0) return Date.UTC(yearOf(date), monthOf(date) - 1, dayOf(date));
  const [year, month, day] = text.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

export function reportingPeriod(period: PeriodYear | PeriodQuarter | PeriodRange): ReportingPeriod {
  if (typeof period === 'string') {
    const span = calendarSpan(period);
    const startMs = span?.startMs ?? NaN;
    const endMs = span?.endMs ?? NaN;
    return { startMs, endMs, hours: ((endMs - startMs) / MS_PER_DAY) * 24, label: period, start: isoDate(startMs), end: isoDate(endMs) };
  }
  if (typeof period === 'number') {
    const startMs = Date.UTC(period, 0, 1);
    const endMs = Date.UTC(period + 1, 0, 1);
    return { startMs, endMs, hours: HOURS_PER_YEAR, label: String(period), start: isoDate(startMs), end: isoDate(endMs) };
  }
  const startMs = parseIsoDate(period.start);
  const endMs = parseIsoDate(period.end);
  const hours = ((endMs - startMs) / MS_PER_DAY) * 24;
  return { startMs, endMs, hours, label: `${period.start} – ${period.end}`, start: period.start, end: period.end };
}

const ISO_DATE = /^(\d{4})-(\d{2}-\d{2})$/;

/** Twelve months: the same month and day, one year apart (a calendar year or any year-long period). */
export function isTwelveMonths(period: { start: string; end: string }): boolean {
  const start = ISO_DATE.exec(period.start);
  const end = ISO_DATE.exec(period.end);
  return !!start && !!end && Number(end[1]) === Number(start[1]) + 1 && end[2] === start[2];
}

/** Hours of a lifespan: 365-day years of 8,760 h (the one rule amortisation and whole-life figures use). */
export function lifeHoursOf(lifespanYears: number): number {
  return lifespanYears * HOURS_PER_YEAR;
}

export interface ServiceWindow {
  /** Hours of the reporting period during which the asset is in service. */
  serviceHours: number;
  /** Share of the whole-life embodied footprint attributed to the period (linear amortisation). */
  amortisedShare: number;
  acquiredMs: number;
  retiredMs: number;
  acquiredInPeriod: boolean;
  retiredInPeriod: boolean;
}

/**
 * When an asset is in service relative to the period. Lifespans count 365-day years so that a
 * full calendar year of service is 8,760 h and a 5-year asset amortises 1/5 per year.
 */
export function serviceWindow(period: ReportingPeriod, acquiredMs: number, lifespanYears: number): ServiceWindow {
  const retiredMs = acquiredMs + lifespanYears * MS_PER_YEAR;
  const overlapMs = Math.max(0, Math.min(period.endMs, retiredMs) - Math.max(period.startMs, acquiredMs));
  const periodMs = period.endMs - period.startMs;
  const serviceHours = periodMs > 0 ? period.hours * (overlapMs / periodMs) : 0;
  const lifeHours = lifeHoursOf(lifespanYears);
  return {
    serviceHours,
    amortisedShare: lifeHours > 0 ? Math.min(1, serviceHours / lifeHours) : 0,
    acquiredMs,
    retiredMs,
    acquiredInPeriod: acquiredMs >= period.startMs && acquiredMs < period.endMs,
    retiredInPeriod: retiredMs >= period.startMs && retiredMs < period.endMs,
  };
}

/** A calendar span in UTC milliseconds, end exclusive. */
export interface CalendarSpan {
  startMs: number;
  endMs: number;
}

const QUARTER = /^([0-9]{4})-Q([1-4])$/;
const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

/** The span of a quarter (`2026-Q1`) or a month (`2026-03`); undefined for anything else (`2026-Q5`). */
export function calendarSpan(text: string): CalendarSpan | undefined {
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const year = Number(quarter[1]);
    const firstMonth = (Number(quarter[2]) - 1) * 3;
    return { startMs: Date.UTC(year, firstMonth, 1), endMs: Date.UTC(year, firstMonth + 3, 1) };
  }
  const month = MONTH.exec(text);
  if (month) {
    const year = Number(month[1]);
    return { startMs: Date.UTC(year, Number(month[2]) - 1, 1), endMs: Date.UTC(year, Number(month[2]), 1) };
  }
  return undefined;
}

/** The calendar quarters a period overlaps, in order, each with its label (`2026-Q1`). */
export function quartersOf(period: CalendarSpan): (CalendarSpan & { label: string })[] {
  const out: (CalendarSpan & { label: string })[] = [];
  if (!(period.endMs > period.startMs)) return out;
  const first = new Date(period.startMs);
  let year = first.getUTCFullYear();
  let quarter = Math.floor(first.getUTCMonth() / 3);
  for (;;) {
    const startMs = Date.UTC(year, quarter * 3, 1);
    if (startMs >= period.endMs) return out;
    out.push({ startMs, endMs: Date.UTC(year, quarter * 3 + 3, 1), label: `${year}-Q${quarter + 1}` });
    quarter += 1;
    if (quarter === 4) {
      quarter = 0;
      year += 1;
    }
  }
}

/** Milliseconds `a` and `b` have in common. */
export function overlapMs(a: CalendarSpan, b: CalendarSpan): number {
  return Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs));
}
