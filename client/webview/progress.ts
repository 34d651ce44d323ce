/**
 * Progress against targets: the trajectory chart (base year → target year: the path, this
 * period's actual, the trend) and the quarterly bars (measured and modelled parts told apart).
 * Both charts are focusable figures with a caption and a data table; their colours are theme
 * variables (media/report.css), so they read in light and dark themes.
 */
import type { ReportQuarter, ReportTarget } from '../../engine';
import { Ctx, kg, percent, tonnes } from './context';
import { h, lineLink, s } from './dom';
import { dataTable, section } from './sections';

const W = 600;
const H = 240;
const PAD = { left: 64, right: 20, top: 30, bottom: 34 };

function legendList(items: readonly [string, string][]): HTMLElement {
  return h('ul', { class: 'chart-legend' }, items.map(([className, label]) => h('li', {}, s('svg', { class: 'key', width: 14, height: 10, focusable: 'false', 'aria-hidden': 'true' }, s('rect', { class: className, width: 14, height: 10, rx: 2 })), label)));
}

/** The trend line through the base and this period's annualised actual, at `year`. */
function trendAt(t: ReportTarget, year: number): number {
  const elapsed = t.periodYear - t.baseYear;
  return elapsed > 0 ? t.baseKgCO2e + ((t.annualActualKgCO2e - t.baseKgCO2e) / elapsed) * (year - t.baseYear) : t.annualActualKgCO2e;
}

export function trajectoryChart(ctx: Ctx, t: ReportTarget): HTMLElement {
  const lastYear = Math.max(t.targetYear, Math.ceil(t.periodYear));
  const firstYear = Math.min(t.baseYear, Math.floor(t.periodYear));
  const top = Math.max(t.baseKgCO2e, t.annualActualKgCO2e, ...t.path.map((p) => p.allowedKgCO2e)) * 1.1 || 1;
  const x = (year: number) => PAD.left + ((year - firstYear) / Math.max(1, lastYear - firstYear)) * (W - PAD.left - PAD.right);
  const y = (kgValue: number) => PAD.top + (1 - Math.max(0, kgValue) / top) * (H - PAD.top - PAD.bottom);
  const captionId = `trajectory-${t.index}-caption`;
  const svg = s('svg', { class: 'trajectory-chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': captionId, focusable: 'false' });
  // Axes: years along the bottom, tonnes up the side (0, half, top).
  svg.appendChild(s('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }));
  for (const share of [0, 0.5, 1]) {
    const value = (top / 1.1) * share;
    svg.appendChild(s('line', { class: 'gridline', x1: PAD.left, y1: y(value), x2: W - PAD.right, y2: y(value) }));
    svg.appendChild(s('text', { class: 'tick', x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, tonnes(value)));
  }
  for (let year = firstYear; year <= lastYear; year++) svg.appendChild(s('text', { class: 'tick', x: x(year), y: H - PAD.bottom + 18, 'text-anchor': 'middle' }, String(year)));
  svg.appendChild(s('text', { class: 'tick', x: 4, y: 12 }, 'tCO2e/yr'));
  // The allowed path, the trend (dashed) and this period.
  svg.appendChild(s('polyline', { class: 'traj-path', points: t.path.map((p) => `${x(p.year)},${y(p.allowedKgCO2e)}`).join(' ') }, s('title', {}, `Allowed path: ${kg(ctx, t.baseKgCO2e)} in ${t.baseYear} to ${kg(ctx, t.path[t.path.length - 1]?.allowedKgCO2e ?? 0)} in ${t.targetYear}`)));
  svg.appendChild(s('line', { class: 'traj-trend', x1: x(t.baseYear), y1: y(t.baseKgCO2e), x2: x(lastYear), y2: y(trendAt(t, lastYear)) }, s('title', {}, `Trend: ${t.trendReachYear === null ? 'never reaches the target' : `reaches the target in ${t.trendReachYear}`}`)));
  svg.appendChild(s('line', { class: 'traj-now', x1: x(t.periodYear), y1: PAD.top, x2: x(t.periodYear), y2: H - PAD.bottom }));
  svg.appendChild(s('circle', { class: 'traj-base', cx: x(t.baseYear), cy: y(t.baseKgCO2e), r: 5 }, s('title', {}, `Base: ${kg(ctx, t.baseKgCO2e)} in ${t.baseYear}`)));
  svg.appendChild(s('circle', { class: `traj-actual ${t.status}`, cx: x(t.periodYear), cy: y(t.annualActualKgCO2e), r: 6 }, s('title', {}, `This period: ${kg(ctx, t.actualKgCO2e)}${t.yearShare !== 1 ? ` (${kg(ctx, t.annualActualKgCO2e)} a year)` : ''}`)));
  const caption = `Target ${t.id}: ${kg(ctx, t.baseKgCO2e)} in ${t.baseYear}, ${percent(t.annualReductionShare)} of it less each year to ${t.targetYear}. This period: ${kg(ctx, t.actualKgCO2e)} of ${kg(ctx, t.allowedKgCO2e)} allowed, ${t.status === 'on-track' ? 'on track' : `off track by ${kg(ctx, t.gapKgCO2e)}`}; ${t.trendReachYear === null ? 'the trend never reaches the target' : `the trend reaches the target level in ${t.trendReachYear}`}.`;
  return h(
    'figure',
    { class: 'chart-figure trajectory', tabindex: 0, 'aria-labelledby': captionId, 'data-focus-key': `trajectory:${t.index}` },
    svg,
    legendList([['traj-key-path', 'allowed path'], ['traj-key-actual', 'this period (a year at this rate)'], ['traj-key-trend', 'trend'], ['traj-key-now', 'this period']]),
    h('figcaption', { id: captionId }, caption),
  );
}

export function quarterChart(ctx: Ctx, quarters: readonly ReportQuarter[]): HTMLElement {
  const top = Math.max(...quarters.map((q) => q.max), ...quarters.map((q) => q.kgCO2e)) * 1.05 || 1;
  const band = (W - PAD.left - PAD.right) / quarters.length;
  const y = (kgValue: number) => PAD.top + (1 - Math.max(0, kgValue) / top) * (H - PAD.top - PAD.bottom);
  const svg = s('svg', { class: 'quarter-chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'group', 'aria-label': 'Footprint by quarter, measured and modelled' });
  svg.appendChild(s('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }));
  for (const share of [0, 0.5, 1]) {
    const value = (top / 1.05) * share;
    svg.appendChild(s('line', { class: 'gridline', x1: PAD.left, y1: y(value), x2: W - PAD.right, y2: y(value) }));
    svg.appendChild(s('text', { class: 'tick', x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, tonnes(value)));
  }
  svg.appendChild(s('text', { class: 'tick', x: 4, y: 12 }, 'tCO2e'));
  quarters.forEach((q, i) => {
    const x = PAD.left + band * i + band * 0.2;
    const width = band * 0.6;
    const label = `${q.quarter}: ${kg(ctx, q.kgCO2e)} (likely ${kg(ctx, q.min)} – ${kg(ctx, q.max)}), ${kg(ctx, q.measuredKgCO2e)} measured, ${kg(ctx, q.modelledKgCO2e)} modelled`;
    // Each quarter is a focusable bar: Tab moves through them and a screen reader reads its figures.
    const group = s('g', { class: 'quarter', tabindex: 0, role: 'img', 'aria-label': label, 'data-focus-key': `quarter:${q.quarter}` }, s('title', {}, label));
    group.appendChild(s('rect', { class: 'q-measured', x, y: y(q.measuredKgCO2e), width, height: Math.max(0, y(0) - y(q.measuredKgCO2e)) }));
    group.appendChild(s('rect', { class: 'q-modelled', x, y: y(q.kgCO2e), width, height: Math.max(0, y(q.measuredKgCO2e) - y(q.kgCO2e)) }));
    group.appendChild(s('line', { class: 'q-range', x1: x + width / 2, y1: y(q.max), x2: x + width / 2, y2: y(q.min) }));
    group.appendChild(s('text', { class: 'tick', x: x + width / 2, y: H - PAD.bottom + 18, 'text-anchor': 'middle' }, q.quarter));
    svg.appendChild(group);
  });
  return h(
    'figure',
    { class: 'chart-figure quarters' },
    svg,
    legendList([['q-measured', 'measured (meters)'], ['q-modelled', 'modelled'], ['q-key-range', 'likely range']]),
    h('figcaption', {}, 'Each quarter\'s footprint: metered data where the manifest has it, the model elsewhere. Tab through the bars for their figures.'),
  );
}

/** The targets section: one card per target with its trajectory; nothing for a manifest without targets. */
export function targets(ctx: Ctx): HTMLElement | null {
  const list = ctx.report.targets ?? [];
  if (list.length === 0) return null;
  return section(
    'targets',
    `Targets (${list.length})`,
    'Each target is a straight line from its base year to its target year; this period is compared with its share of that line.',
    list.map((t) => h(
      'article',
      { class: `card target ${t.status}`, id: `target-${t.index}`, 'aria-labelledby': `target-${t.index}-title` },
      h('h3', { id: `target-${t.index}-title` }, lineLink(t.id, t.line, `target ${t.id}`)),
      h('p', { class: `pill ${t.status === 'on-track' ? 'ok' : 'exceeded'}` }, t.status === 'on-track' ? 'On track' : `Off track (${t.severity})`),
      h('p', { class: 'budget-figures' }, h('strong', {}, kg(ctx, t.actualKgCO2e)), ` of ${kg(ctx, t.allowedKgCO2e)} allowed · gap ${kg(ctx, t.gapKgCO2e)}${t.measuredKgCO2e > 0 ? ` · ${percent(t.measuredShare)} measured` : ''}`),
      trajectoryChart(ctx, t),
      dataTable('Path as a table', undefined, ['Year', 'Allowed (tCO2e)'], t.path.map((p) => [String(p.year), tonnes(p.allowedKgCO2e)])),
    )),
  );
}

/** The quarters section: the bar chart and its table; nothing for a manifest that tracks no progress. */
export function quarters(ctx: Ctx): HTMLElement | null {
  const list = ctx.report.quarters ?? [];
  if (list.length === 0) return null;
  return section(
    'quarters',
    'Quarters',
    ctx.report.measured && ctx.report.measured.kgCO2e > 0
      ? `${kg(ctx, ctx.report.measured.kgCO2e)} of the total (${percent(ctx.report.measured.share)}) comes from meters; the rest is modelled.`
      : 'No metered data yet: every quarter is modelled.',
    quarterChart(ctx, list),
    dataTable('Quarters as a table', undefined, ['Quarter', 'tCO2e', 'Measured', 'Modelled'], list.map((q) => [q.quarter, tonnes(q.kgCO2e), tonnes(q.measuredKgCO2e), tonnes(q.modelledKgCO2e)])),
  );
}
