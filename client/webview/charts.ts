/**
 * SVG charts drawn with theme colours only (classes in media/report.css map to
 * --vscode-charts-* variables). Geometry is in percentages of the SVG's width, so the charts
 * need no viewBox scaling and no inline styles. Every chart has a text alternative: an aria-label
 * and, where it carries numbers, a data table next to it.
 */
import type { BudgetStatus } from '../../contracts/budgets';
import { h, s, uid } from './dom';

const pct = (value: number) => `${Math.max(0, Math.min(100, Number.isFinite(value) ? value * 100 : 0)).toFixed(3)}%`;

export interface Segment {
  value: number;
  /** CSS class giving the colour (s1, s2, s3, …). */
  className: string;
  /** Tooltip and accessible text of the segment. */
  label: string;
}

/** One horizontal bar of stacked segments, scaled to `scaleMax`. */
export function stackedBar(segments: readonly Segment[], scaleMax: number, label: string, height = 16): SVGSVGElement {
  const svg = s('svg', { class: 'bar-chart', width: '100%', height, role: 'img', 'aria-label': label, focusable: 'false' });
  svg.appendChild(s('rect', { class: 'track', x: 0, y: 0, width: '100%', height, rx: 2 }));
  let x = 0;
  for (const segment of segments) {
    if (!(segment.value > 0) || !(scaleMax > 0)) continue;
    const width = segment.value / scaleMax;
    svg.appendChild(s('rect', { class: `seg ${segment.className}`, x: pct(x), y: 0, width: pct(width), height }, s('title', {}, segment.label)));
    x += width;
  }
  return svg;
}

/** A single bar (share of a scale) with an optional second, thinner bar under it. */
export function simpleBar(value: number, scaleMax: number, className: string, label: string, height = 12): SVGSVGElement {
  return stackedBar([{ value, className, label }], scaleMax, label, height);
}

/** Two bars, one above the other, for a side-by-side comparison (e.g. location vs market). */
export function pairBar(a: Segment, b: Segment, scaleMax: number, label: string): SVGSVGElement {
  const svg = s('svg', { class: 'bar-chart pair', width: '100%', height: 22, role: 'img', 'aria-label': label, focusable: 'false' });
  svg.appendChild(s('rect', { class: 'track', x: 0, y: 0, width: '100%', height: 10, rx: 2 }));
  svg.appendChild(s('rect', { class: 'track', x: 0, y: 12, width: '100%', height: 10, rx: 2 }));
  if (scaleMax > 0) {
    svg.appendChild(s('rect', { class: `seg ${a.className}`, x: 0, y: 0, width: pct(a.value / scaleMax), height: 10 }, s('title', {}, a.label)));
    svg.appendChild(s('rect', { class: `seg ${b.className}`, x: 0, y: 12, width: pct(b.value / scaleMax), height: 10 }, s('title', {}, b.label)));
  }
  return svg;
}

/**
 * A value with its uncertainty: a band from min to max and a marker at the central value, on a
 * 0…scaleMax axis shared by the charts it is compared with.
 */
export function rangeBar(value: number, min: number, max: number, scaleMax: number, label: string): SVGSVGElement {
  const svg = s('svg', { class: 'range-chart', width: '100%', height: 20, role: 'img', 'aria-label': label, focusable: 'false' });
  svg.appendChild(s('rect', { class: 'axis', x: 0, y: 9, width: '100%', height: 2 }));
  if (scaleMax > 0) {
    const lo = Math.min(min, value) / scaleMax;
    const hi = Math.max(max, value) / scaleMax;
    svg.appendChild(s('rect', { class: 'range-band', x: pct(lo), y: 4, width: pct(Math.max(hi - lo, 0.002)), height: 12, rx: 3 }));
    svg.appendChild(s('rect', { class: 'range-value', x: pct(Math.max(0, value / scaleMax - 0.003)), y: 0, width: '0.6%', height: 20 }));
  }
  return svg;
}

/** Point on the gauge's half circle for a ratio 0…1 (0 on the left, 1 on the right). */
function arcPoint(ratio: number, radius: number, cx: number, cy: number): [number, number] {
  const angle = Math.PI * (1 - Math.max(0, Math.min(1, ratio)));
  return [cx + radius * Math.cos(angle), cy - radius * Math.sin(angle)];
}

function arcPath(from: number, to: number, radius: number, cx: number, cy: number): string {
  const [x1, y1] = arcPoint(from, radius, cx, cy);
  const [x2, y2] = arcPoint(to, radius, cx, cy);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${radius} ${radius} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/**
 * A half-circle gauge of actual against limit: the arc fills to the used share (full, in the
 * "exceeded" colour, beyond the limit), a thin outer arc shows the min–max range.
 */
export function gauge(ratio: number, minRatio: number, maxRatio: number, status: BudgetStatus, label: string, centre: string): SVGSVGElement {
  const cx = 60;
  const cy = 58;
  const r = 44;
  const titleId = uid('gauge');
  const svg = s('svg', { class: `gauge ${status}`, viewBox: '0 0 120 68', role: 'img', 'aria-labelledby': titleId, focusable: 'false' });
  svg.appendChild(s('title', { id: titleId }, label));
  svg.appendChild(s('path', { class: 'gauge-track', d: arcPath(0, 1, r, cx, cy) }));
  if (ratio > 0) svg.appendChild(s('path', { class: 'gauge-value', d: arcPath(0, Math.min(1, ratio), r, cx, cy) }));
  const lo = Math.min(1, Math.max(0, minRatio));
  const hi = Math.min(1, Math.max(0, maxRatio));
  if (hi > lo) svg.appendChild(s('path', { class: 'gauge-range', d: arcPath(lo, hi, r + 10, cx, cy) }));
  svg.appendChild(s('text', { class: 'gauge-text', x: cx, y: cy - 6, 'text-anchor': 'middle' }, centre));
  // The ends of the scale: nothing, and the limit.
  svg.appendChild(s('text', { class: 'gauge-end', x: cx - r, y: cy + 8, 'text-anchor': 'middle' }, '0'));
  svg.appendChild(s('text', { class: 'gauge-end', x: cx + r, y: cy + 8, 'text-anchor': 'middle' }, 'limit'));
  return svg;
}

/** A legend: coloured keys and their labels. */
export function legend(items: readonly { className: string; label: string }[]): HTMLUListElement {
  return h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    items.map((item) =>
      h('li', {}, s('svg', { class: 'key', width: 10, height: 10, focusable: 'false' }, s('rect', { class: `seg ${item.className}`, width: 10, height: 10, rx: 2 })), item.label),
    ),
  );
}
