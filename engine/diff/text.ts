/** `carbon-lens diff` for a terminal: the headline change, then what made it. */
import type { UnitsSetting } from '../../contracts/settings';
import { formatBudgetUse, formatKg } from '../../contracts/units';
import type { GateResult } from './gate';
import type { BudgetSide, CarbonDiff, DiffSide } from './model';
import { assetWhy, deltaRange, inputWords, signedKg, signedPercent, STATUS_MARK, viewWords } from './words';

export interface DiffFormatOptions {
  units?: UnitsSetting;
  /** The gate's verdict, when one was asked for. */
  gate?: GateResult;
  /** At most this many assets are listed (largest change first). Default 20. */
  maxAssets?: number;
}

export function sideLabel(side: DiffSide): string {
  return side.commit ? `${side.ref} (${side.commit.slice(0, 12)})` : side.ref;
}

export function budgetWords(side: BudgetSide | null, units?: UnitsSetting): string {
  if (!side) return '—';
  return `${formatKg(side.actualKgCO2e, units)} (${formatBudgetUse(side.ratio)}${side.per ? ` per ${side.per}` : ''})`;
}

export function formatDiffText(diff: CarbonDiff, options: DiffFormatOptions = {}): string {
  const units = options.units;
  const kg = (value: number) => formatKg(value, units);
  const d = diff.delta;
  const out = [
    `Carbon Lens diff, ${viewWords(diff.view)}: ${sideLabel(diff.base)} → ${sideLabel(diff.head)}`,
    `Total: ${kg(diff.base.kgCO2e)} → ${kg(diff.head.kgCO2e)}: ${signedKg(d.kgCO2e, units)} (${signedPercent(d.percent)})`,
    `  range of the change ${deltaRange(d, units)} (both versions at the same factor bounds: ${signedKg(d.atLowBound, units)} low, ${signedKg(d.atHighBound, units)} high)`,
  ];
  const files = diff.files.filter((f) => f.status !== 'unchanged');
  if (diff.files.length > 1 || files.some((f) => f.status !== 'changed')) {
    out.push('', 'Files');
    for (const f of diff.files) out.push(`  ${STATUS_MARK[f.status]} ${f.file}  ${signedKg(f.delta.kgCO2e, units)}${f.status === 'added' ? '  (not in the base: all added)' : f.status === 'removed' ? '  (deleted: all removed)' : ''}`);
  }
  const changedAssets = diff.assets.filter((a) => a.status !== 'unchanged');
  const max = options.maxAssets ?? 20;
  if (changedAssets.length > 0) {
    out.push('', 'Assets (largest change first)');
    for (const a of changedAssets.slice(0, max)) {
      const range = a.deltaMin !== null && a.deltaMax !== null && a.deltaMin !== a.deltaMax ? ` (${deltaRange({ min: a.deltaMin, max: a.deltaMax }, units)})` : '';
      out.push(`  ${STATUS_MARK[a.status]} ${a.id}  ${a.file}:${a.line}${a.lineAt === 'base' ? ' (base)' : ''}  ${signedKg(a.deltaKgCO2e, units)}${range}  ${assetWhy(a, 6)}`);
    }
    if (changedAssets.length > max) out.push(`  … ${changedAssets.length - max} more changed assets (--format json lists them all)`);
  }
  const unchanged = diff.assets.length - changedAssets.length;
  if (unchanged > 0) out.push(`  ${unchanged} asset${unchanged === 1 ? '' : 's'} unchanged`);
  const sites = diff.sites.filter((s) => s.status !== 'unchanged');
  if (sites.length > 0) {
    out.push('', 'Sites');
    for (const s of sites) {
      const figure = s.deltaKgCO2e === null ? '' : `  ${signedKg(s.deltaKgCO2e, units)}`;
      out.push(`  ${STATUS_MARK[s.status]} ${s.id}  ${s.file}:${s.line}${s.lineAt === 'base' ? ' (base)' : ''}${figure}${s.changed.length ? `  ${s.changed.map(inputWords).join('; ')}` : ''}`);
    }
  }
  if (diff.budgets.length > 0) {
    out.push('', 'Budgets (base → head)');
    for (const b of diff.budgets) {
      const limit = b.head ?? b.base!;
      out.push(`  ${b.id}  ${b.file}:${b.line}  limit ${kg(limit.limitKgCO2e)}${limit.per ? ` per ${limit.per}` : ''}: ${budgetWords(b.base, units)} → ${budgetWords(b.head, units)}  ${b.newlyExceeded ? `NEWLY EXCEEDED (${b.head!.severity})` : b.statusChange}`);
    }
  }
  out.push('', 'By stage (base → head)');
  for (const [stage, f] of Object.entries(diff.byStage)) out.push(`  ${stage}: ${kg(f.base)} → ${kg(f.head)} (${signedKg(f.delta, units)})`);
  out.push('By scope (base → head)');
  for (const [scope, f] of Object.entries(diff.byScope)) out.push(`  ${scope}: ${kg(f.base)} → ${kg(f.head)} (${signedKg(f.delta, units)})`);
  if (diff.diagnostics.length > 0) {
    out.push('', 'Issues (errors of either version, warnings new at head)');
    for (const x of diff.diagnostics.slice(0, 50)) out.push(`  ${x.side} ${x.file}:${x.line}:${x.column}: ${x.severity} [${x.code}] ${x.message}`);
    if (diff.diagnostics.length > 50) out.push(`  … ${diff.diagnostics.length - 50} more`);
  }
  if (diff.notes.length > 0) out.push('', ...diff.notes.map((n) => `Note: ${n}`));
  if (options.gate) {
    out.push('', `Gate: ${options.gate.failed ? 'FAILED' : 'passed'}`);
    for (const c of options.gate.checks) out.push(`  ${c.failed ? 'FAIL' : 'ok  '} ${c.message}`);
  }
  return `${out.join('\n')}\n`;
}
