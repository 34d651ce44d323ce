/**
 * The GHG Protocol / ESRS E1-6 table of a report (`report --format ghg-inventory`, Markdown, and
 * `ghg-inventory-csv`): gross Scope 1, Scope 2 location- and market-based, Scope 3 by each of the
 * 15 categories, totals under both Scope 2 methods, and the period, boundary, methodology and
 * what is left out. Figures are the report's GHG Protocol inventory view (capital goods in full in
 * the year acquired); nothing is computed here but the two totals of ESRS E1 AR 47.
 *
 * ESRS E1 (Commission Delegated Regulation (EU) 2023/2772) paragraphs cited: 44(a)–(d) gross
 * Scope 1, 2, 3 and total emissions in tCO2e; 52(a)–(b) the total with location- and market-based
 * Scope 2; AR 47 the two totals' formulas; AR 39(b) methodologies, assumptions and factors.
 */
import { formatNumber } from '../../contracts/units';
import { Category } from '../compute/breakdown';
import { csvCell, mdEscape } from './escape';
import { Report } from './model';

export type InventoryStatus = 'computed' | 'not relevant' | 'not computed';

export interface InventoryRow {
  /** `Scope 1`, `Scope 2`, `Scope 3` or `Total`. */
  scope: string;
  /** Scope 3 category number (1–15), when the row is one. */
  category?: number;
  label: string;
  /** The ESRS E1 paragraph the figure answers. */
  esrs: string;
  /** Null when not computed or not relevant. */
  kgCO2e: number | null;
  status: InventoryStatus;
  /** What the figure covers, or why there is none. */
  note: string;
}

interface CategoryDefinition {
  number: number;
  label: string;
  /** The engine's category, when it computes one. */
  key?: Category;
  /** Only computed for leased or sold hardware (`ownership`): listed in the report only then. */
  ownership?: string;
  covers?: string;
  /** Why there is no figure, and whether that is because nothing of it is in the manifest. */
  absent: string;
  absentStatus: Exclude<InventoryStatus, 'computed'>;
}

const OUTSIDE = 'not described by a hardware manifest: to be added from other sources';

// GHG Protocol Scope 3 Standard, table 5.1 (the 15 categories).
const CATEGORIES: readonly CategoryDefinition[] = [
  { number: 1, label: 'Purchased goods and services', key: 'purchasedGoods', ownership: 'sold', covers: 'hardware bought for resale and sold in the period (ownership: sold); other purchased goods and services (cloud, software, services) not computed', absent: `no hardware is declared sold; other purchased goods and services are ${OUTSIDE}`, absentStatus: 'not computed' },
  { number: 2, label: 'Capital goods', key: 'capitalGoods', covers: 'manufacturing of hardware acquired in the period, in full', absent: '', absentStatus: 'not computed' },
  { number: 3, label: 'Fuel- and energy-related activities', key: 'fuelAndEnergy', covers: 'upstream emissions and transmission and distribution losses of the electricity in Scope 2', absent: '', absentStatus: 'not computed' },
  { number: 4, label: 'Upstream transportation and distribution', key: 'upstreamTransport', covers: 'inbound freight of hardware acquired (or sold) in the period', absent: '', absentStatus: 'not computed' },
  { number: 5, label: 'Waste generated in operations', key: 'waste', covers: 'end of life of owned and leased-out hardware retired in the period', absent: '', absentStatus: 'not computed' },
  { number: 6, label: 'Business travel', absent: OUTSIDE, absentStatus: 'not computed' },
  { number: 7, label: 'Employee commuting', absent: OUTSIDE, absentStatus: 'not computed' },
  { number: 8, label: 'Upstream leased assets', key: 'upstreamLeased', ownership: 'leased-in', covers: 'manufacturing, freight and end of life of leased-in hardware (its use is in Scope 2: operational control)', absent: 'no hardware is declared leased in (ownership: leased-in)', absentStatus: 'not relevant' },
  { number: 9, label: 'Downstream transportation and distribution', absent: `freight of sold hardware to its buyers is ${OUTSIDE}`, absentStatus: 'not computed' },
  { number: 10, label: 'Processing of sold products', absent: 'hardware is sold as a finished product', absentStatus: 'not relevant' },
  { number: 11, label: 'Use of sold products', key: 'useOfSoldProducts', ownership: 'sold', covers: "buyers' electricity over the lifetime of hardware sold in the period (assumptions in the sold-use-assumed diagnostics)", absent: 'no hardware is declared sold (ownership: sold)', absentStatus: 'not relevant' },
  { number: 12, label: 'End-of-life treatment of sold products', key: 'endOfLifeOfSoldProducts', ownership: 'sold', covers: 'end of life of hardware sold in the period', absent: 'no hardware is declared sold (ownership: sold)', absentStatus: 'not relevant' },
  { number: 13, label: 'Downstream leased assets', key: 'downstreamLeased', ownership: 'leased-out', covers: "lessees' electricity for leased-out hardware (location-based)", absent: 'no hardware is declared leased out (ownership: leased-out)', absentStatus: 'not relevant' },
  { number: 14, label: 'Franchises', absent: OUTSIDE, absentStatus: 'not computed' },
  { number: 15, label: 'Investments', absent: OUTSIDE, absentStatus: 'not computed' },
];

/** The table's rows, in order: Scope 1, Scope 2 both ways, Scope 3 and its 15 categories, the two totals. */
export function ghgInventoryRows(report: Report): InventoryRow[] {
  const t = report.totals.inventoryView;
  const s = t.byScope;
  const rows: InventoryRow[] = [
    { scope: 'Scope 1', label: 'Gross Scope 1 GHG emissions', esrs: '44(a)', kgCO2e: s.scope1, status: 'computed', note: 'on-site diesel generators and refrigerant leaks declared per site' },
    { scope: 'Scope 2', label: 'Gross location-based Scope 2 GHG emissions', esrs: '44(b)', kgCO2e: s.scope2Location, status: 'computed', note: "electricity of owned and leased-in hardware at each site's grid average factor, with PUE" },
    { scope: 'Scope 2', label: 'Gross market-based Scope 2 GHG emissions', esrs: '44(b)', kgCO2e: s.scope2Market, status: 'computed', note: 'residual mix for the electricity not covered by renewable contracts (renewableShare)' },
    { scope: 'Scope 3', label: 'Gross Scope 3 GHG emissions', esrs: '44(c)', kgCO2e: s.scope3, status: 'computed', note: 'the computed categories below' },
  ];
  const present = new Set<string>(report.assets.flatMap((a) => (a.ownership ? [a.ownership] : [])));
  for (const c of CATEGORIES) {
    const value = c.key === undefined ? undefined : t.scope3ByCategory[c.key];
    const computed = value !== undefined && (c.ownership === undefined || present.has(c.ownership));
    rows.push({
      scope: 'Scope 3', category: c.number, label: `${c.number}. ${c.label}`, esrs: '44(c)',
      kgCO2e: computed ? value : null, status: computed ? 'computed' : c.absentStatus, note: computed ? c.covers ?? '' : c.absent,
    });
  }
  // ESRS E1 AR 47: Scope 1 + Scope 2 (each method) + Scope 3.
  rows.push(
    { scope: 'Total', label: 'Total GHG emissions (location-based)', esrs: '44(d), 52(a)', kgCO2e: s.scope1 + s.scope2Location + s.scope3, status: 'computed', note: `range ${formatNumber(t.min / 1000)} – ${formatNumber(t.max / 1000)} tCO2e` },
    { scope: 'Total', label: 'Total GHG emissions (market-based)', esrs: '44(d), 52(b)', kgCO2e: s.scope1 + s.scope2Market + s.scope3, status: 'computed', note: '' },
  );
  return rows;
}

const METHODOLOGY: Record<string, string> = {
  default: 'Carbon Lens default: vendor product carbon footprints, BoaviztAPI component models, PUE, Scope 1 and category 3',
  'boavizta-2.4': 'BoaviztAPI 2.4.1 parity',
};

/** The statements a disclosure needs beside the numbers (ESRS E1 AR 39(b)). */
export function ghgInventoryContext(report: Report): { label: string; text: string }[] {
  const { start, end, label } = report.period;
  const units = report.assets.reduce((sum, a) => sum + a.count, 0);
  const leased = report.assets.filter((a) => a.ownership === 'leased-in' || a.ownership === 'leased-out').length;
  const sold = report.assets.filter((a) => a.ownership === 'sold').length;
  const excluded = report.excluded.map((e) => `${e.id ?? 'an item'} (line ${e.line}: ${e.reason})`);
  const notComputed = ghgInventoryRows(report).filter((r) => r.status === 'not computed').map((r) => r.category);
  return [
    { label: 'Organisation', text: report.organization ?? 'unnamed organisation' },
    { label: 'Reporting period', text: `${label} (${start} up to ${end}, end exclusive)` },
    {
      label: 'Organisational boundary',
      text: `operational control approach (GHG Protocol Corporate Standard, chapter 3): the ${report.sites.length} site${report.sites.length === 1 ? '' : 's'} and ${report.assets.length} hardware asset${report.assets.length === 1 ? '' : 's'} (${formatNumber(units)} units) of the manifest${report.file ? ` ${report.file}` : ''}; leases are operating leases (${leased} leased asset${leased === 1 ? '' : 's'}, ${sold} sold)`,
    },
    {
      label: 'Methodology',
      text: `${METHODOLOGY[report.methodology] ?? report.methodology}. GHG Protocol inventory view: embodied emissions in full in the year of acquisition, end of life in the year of retirement; Scope 2 reported location- and market-based (GHG Protocol Scope 2 Guidance); lifecycle stage and category mapping and every factor's source in docs/methodology.md, carbon-lens factors and report --format json`,
    },
    {
      label: 'Left out',
      text: [
        `Scope 3 categories ${notComputed.join(', ')} (not computed)`,
        'the share of Scope 1 under regulated emission trading schemes',
        'biogenic emissions',
        ...(excluded.length > 0 ? [`items with errors: ${excluded.join('; ')}`] : []),
      ].join('; '),
    },
  ];
}

// Tonnes to one decimal, the same for every line, so that the lines add up to the totals as printed.
const TONNES = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function tonnes(kg: number | null): string {
  if (kg === null) return '—';
  if (kg > 0 && kg < 50) return '< 0.1';
  return Number.isFinite(kg) ? TONNES.format(kg / 1000) : 'n/a';
}

/** The table in Markdown, ready to paste into a disclosure. */
export function formatGhgInventoryMarkdown(report: Report): string {
  const title = `# GHG inventory (GHG Protocol, ESRS E1-6) — ${mdEscape(report.organization ?? 'unnamed organisation')}`;
  if (report.notComputed) return `${title}\n\n> **Not computed:** ${mdEscape(report.notComputed)}\n`;
  const lines = [
    `${title}, ${mdEscape(report.period.label)}`,
    '',
    ...ghgInventoryContext(report).map((c) => `- **${c.label}:** ${mdEscape(c.text)}`),
    '',
    report.complete ? '' : '> **Incomplete:** some items have errors and are left out of the figures (see "Left out").\n',
    '| Scope | Emissions | tCO2e | ESRS E1 | Status | Covers |',
    '|---|---|---:|---|---|---|',
    ...ghgInventoryRows(report).map((r) => {
      const label = r.scope === 'Total' ? `**${r.label}**` : r.category !== undefined ? `↳ ${r.label}` : r.label;
      const value = r.scope === 'Total' ? `**${tonnes(r.kgCO2e)}**` : tonnes(r.kgCO2e);
      return `| ${r.scope} | ${label} | ${value} | ${r.esrs} | ${r.status} | ${mdEscape(r.note)} |`;
    }),
    '',
    'Totals per ESRS E1 AR 47: Scope 1 + Scope 2 (location- or market-based) + Scope 3. Figures are model estimates from secondary data; the range of every figure is in `report --format json`.',
  ];
  return `${lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n')}\n`;
}

/** One row per line of the table and per manifest, kgCO2e and tCO2e unrounded. */
export function formatGhgInventoryCsv(reports: Report[]): string {
  const header = ['file', 'organization', 'periodStart', 'periodEnd', 'scope', 'category', 'line', 'esrsE1', 'kgCO2e', 'tCO2e', 'status', 'note'];
  const rows = [header.join(',')];
  for (const r of reports) {
    // Without an inventory the figures are unknown, not zero: no rows.
    if (r.notComputed) continue;
    for (const row of ghgInventoryRows(r)) {
      rows.push([r.file, r.organization, r.period.start, r.period.end, row.scope, row.category, row.label, row.esrs, row.kgCO2e ?? undefined, row.kgCO2e === null ? undefined : row.kgCO2e / 1000, row.status, row.note].map(csvCell).join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}
