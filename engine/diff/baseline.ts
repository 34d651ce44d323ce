/**
 * A saved `carbon-lens report --format json` as the base of a diff (`--baseline FILE.json`), for
 * CI systems that keep the base's report as an artifact instead of its manifests.
 */
import type { Report } from '../report/model';

const FORMAT = 'carbon-lens-report/1';

function isReport(value: unknown): value is Report {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<Report>;
  return r.format === FORMAT && !!r.totals && typeof r.totals.kgCO2e === 'number' && Array.isArray(r.assets) && Array.isArray(r.sites) && Array.isArray(r.budgets)
    && Array.isArray(r.diagnostics) && Array.isArray(r.excluded) && Array.isArray(r.factors);
}

/** The reports of a baseline file (one report, or the array `report --format json` prints for several files). */
export function readBaseline(text: string, name: string): Report[] | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `${name} is not JSON (${error instanceof Error ? error.message : String(error)}); --baseline takes the output of \`carbon-lens report --format json\`` };
  }
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const bad = reports.findIndex((r) => !isReport(r));
  if (reports.length === 0 || bad >= 0) {
    const what = reports.length === 0 ? 'an empty list' : `not a Carbon Lens report${reports.length > 1 ? ` (item ${bad + 1})` : ''}`;
    return { error: `${name} is ${what}: --baseline takes the output of \`carbon-lens report --format json\` (format "${FORMAT}")` };
  }
  return reports;
}
