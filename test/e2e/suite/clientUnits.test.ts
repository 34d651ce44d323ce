// The client's pure pieces, in the extension host (they import `vscode`): crash back-off, the
// status text, the validation of messages from the report page, export targets.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CrashPolicy } from '../../../client/src/client';
import { defaultTarget, parseExportOptions } from '../../../client/src/export';
import { newManifestName } from '../../../client/src/manifests';
import { parseFocus, parseFromWebview, slimReport } from '../../../client/src/report/protocol';
import { manifestColumn } from '../../../client/src/report/reveal';
import { budgetState, describeSummary, describeTotal } from '../../../client/src/status';
import type { AnalysisSummary } from '../../../contracts/protocol';
import { reportText } from '../../../engine';
import { sampleText } from './carbonLensHelpers';

describe('Carbon Lens client units', () => {
  it('plans restarts after crashes with a doubling delay (at most 30 s), and gives up after 5 crashes in 3 minutes', () => {
    const policy = new CrashPolicy();
    const t0 = 1_000_000;
    const delays = [0, 1, 2, 3, 4].map((i) => policy.onCrash(t0 + i * 1000));
    assert.deepEqual(delays.map((d) => d.delayMs), [500, 1000, 2000, 4000, 8000]);
    assert.ok(delays.every((d) => d.restart));
    assert.equal(policy.onCrash(t0 + 5000).restart, false, 'the sixth crash within 3 minutes');
    // Crashes older than the window are forgotten.
    const later = policy.onCrash(t0 + 5000 + 3 * 60_000 + 1);
    assert.equal(later.restart, true);
    assert.equal(later.delayMs, 500);
    // The delay never exceeds 30 s.
    const slow = new CrashPolicy(100, 3 * 60_000);
    let last = 0;
    for (let i = 0; i < 12; i++) last = slow.onCrash(t0 + i).delayMs;
    assert.equal(last, 30_000);
  });

  it('describes an analysis for the status item', () => {
    const summary = (budgets: AnalysisSummary['budgets'], extra: Partial<AnalysisSummary> = {}): AnalysisSummary =>
      ({ uri: 'file:///x.carbon.yaml', version: 1, totalKgCO2e: 231_677, view: 'period', budgets, errors: 0, complete: true, ...extra });
    assert.deepEqual(describeSummary(summary({ ok: 2, near: 0, exceeded: 0 }), 'auto'), { text: '232 tCO2e this period', detail: '2 budgets ok' });
    assert.deepEqual(describeSummary(summary({ ok: 1, near: 1, exceeded: 1 }), 'kg'), { text: '231,677 kgCO2e this period', detail: '1 budget exceeded · 1 near the limit · 1 ok' });
    assert.equal(describeSummary(summary({ ok: 0, near: 0, exceeded: 0 }, { totalKgCO2e: null, complete: false, errors: 3 }), 'auto').detail, 'no budgets · 3 errors: incomplete');
    assert.equal(describeSummary(summary({ ok: 0, near: 0, exceeded: 0 }, { view: 'inventory' }), 't').text, '232 tCO2e inventory view');
    assert.equal(budgetState(summary({ ok: 3, near: 1, exceeded: 0 })), 'near');
    assert.equal(budgetState(summary({ ok: 0, near: 0, exceeded: 0 })), 'none');
  });

  it('describes the total in the status bar with its state: computing, live, updating, stale, incomplete', () => {
    const summary = (extra: Record<string, unknown> = {}): AnalysisSummary =>
      ({ uri: 'file:///x.carbon.yaml', version: 1, totalKgCO2e: 51_500, view: 'period', budgets: { ok: 1, near: 0, exceeded: 0 }, errors: 0, complete: true, ...extra } as AnalysisSummary);
    assert.deepEqual(describeTotal(undefined, 'auto'), { text: '$(loading~spin) CO2e: computing…', state: 'computing' });
    assert.deepEqual(describeTotal(summary(), 'auto'), { text: '$(pulse) 51.5 tCO2e this period', state: 'live' });
    assert.deepEqual(describeTotal(summary(), 'auto', true), { text: '$(sync~spin) 51.5 tCO2e this period', state: 'updating' });
    assert.deepEqual(describeTotal(summary({ complete: false, errors: 1 }), 'auto'), { text: '$(warning) ≥ 51.5 tCO2e this period · incomplete', state: 'incomplete' });
    // Facts a server may add: how many items are left out, and kept at their last good figure.
    assert.deepEqual(describeTotal(summary({ complete: false, errors: 2, leftOut: 2 }), 'auto'), { text: '$(warning) ≥ 51.5 tCO2e this period · 2 left out', state: 'incomplete' });
    assert.deepEqual(describeTotal(summary({ stale: ['training-pods'] }), 'auto'), { text: '$(history) 51.5 tCO2e this period · stale', state: 'stale' });
    assert.equal(describeTotal(summary({ totalKgCO2e: null, complete: false }), 'auto').state, 'noTotal');
    assert.equal(describeTotal(summary({ view: 'inventory' }), 'kg').text, '$(pulse) 51,500 kgCO2e');
  });

  it('names a new manifest fleet.carbon.yaml, or the first free fleet-N.carbon.yaml', () => {
    assert.equal(newManifestName(() => false), 'fleet.carbon.yaml');
    const taken = new Set(['fleet.carbon.yaml', 'fleet-2.carbon.yaml']);
    assert.equal(newManifestName((name) => taken.has(name)), 'fleet-3.carbon.yaml');
  });

  it('reveals a manifest from its report in the editor already there, beside the report only when there is none', () => {
    const group = (viewColumn: number, facts: Partial<{ manifestVisible: boolean; manifestTab: boolean; report: boolean }> = {}) =>
      ({ viewColumn, manifestVisible: false, manifestTab: false, report: false, ...facts });
    assert.equal(manifestColumn([group(1, { manifestTab: true, report: true })]), 1, 'behind the report in its group: revealed there');
    assert.equal(manifestColumn([group(1, { manifestTab: true }), group(2, { report: true })]), 1);
    assert.equal(manifestColumn([group(1, { report: true }), group(2, { manifestVisible: true, manifestTab: true })]), 2);
    assert.equal(manifestColumn([group(1, { manifestTab: true, report: true }), group(2, { manifestTab: true })]), 2, 'another group than the report\'s first');
    assert.equal(manifestColumn([group(1), group(2, { report: true })]), 1, 'not open: in the other group');
    assert.equal(manifestColumn([group(1, { report: true })]), 'beside');
  });

  it('describes the change against compareTo in the status item, or why there is none', () => {
    const summary = (change: AnalysisSummary['change']): AnalysisSummary =>
      ({ uri: 'file:///x.carbon.yaml', version: 1, totalKgCO2e: 276_714, view: 'period', budgets: { ok: 2, near: 0, exceeded: 0 }, errors: 0, complete: true, change });
    assert.deepEqual(describeSummary(summary({ ref: 'HEAD', state: 'found', deltaKgCO2e: 45_037, minKgCO2e: 35_711, maxKgCO2e: 62_488, percent: 0.1944 }), 'auto'),
      { text: '277 tCO2e this period · +45 tCO2e vs HEAD', detail: '2 budgets ok · +45 tCO2e (+35.7 tCO2e to +62.5 tCO2e), +19% vs HEAD' });
    assert.deepEqual(describeSummary(summary({ ref: 'main', state: 'found', deltaKgCO2e: -1200, minKgCO2e: -1500, maxKgCO2e: -900, percent: -0.004 }), 'auto').text, '277 tCO2e this period · \u22121.2 tCO2e vs main');
    assert.equal(describeSummary(summary({ ref: 'HEAD', state: 'found', deltaKgCO2e: 0, minKgCO2e: 0, maxKgCO2e: 0, percent: 0 }), 'auto').detail, '2 budgets ok · no change vs HEAD');
    assert.deepEqual(describeSummary(summary({ ref: 'HEAD', state: 'notAtRef', deltaKgCO2e: 276_714, minKgCO2e: 1, maxKgCO2e: 2, percent: null }), 'auto'),
      { text: '277 tCO2e this period · new since HEAD', detail: '2 budgets ok · not in HEAD: all of it is new' });
    assert.equal(describeSummary(summary({ ref: 'HEAD', state: 'pending' }), 'auto').detail, '2 budgets ok · comparing with HEAD…');
    assert.equal(describeSummary(summary({ ref: 'v2', state: 'noRef', message: 'v2 names no commit in this repository' }), 'auto').detail, '2 budgets ok · no comparison with v2: v2 names no commit in this repository');
    assert.deepEqual(describeSummary(summary({ ref: '', state: 'off' }), 'auto'), { text: '277 tCO2e this period', detail: '2 budgets ok' });
  });

  it('accepts only well-formed messages from the report page', () => {
    assert.deepEqual(parseFromWebview({ type: 'reveal', line: 14 }), { type: 'reveal', line: 14 });
    for (const bad of [null, 'reveal', { type: 'reveal', line: 0 }, { type: 'reveal', line: 1.5 }, { type: 'reveal', line: '3' },
      { type: 'open', uri: 'file:///etc/passwd' }, { type: 'command', id: 'workbench.action.terminal.new' }, { type: 'details', id: '' },
      { type: 'rendered', revision: 'x' }]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parseFromWebview({ type: 'export', target: '/tmp/x' }), { type: 'export' }, 'extra fields are dropped');
    assert.deepEqual(parseFocus({ kind: 'budget', id: 'embodied' }), { kind: 'budget', id: 'embodied' });
    assert.equal(parseFocus({ kind: 'site', id: 'x' }), undefined);
  });

  it('sends the page a slim report: assets without parts, assumptions and factor ids', () => {
    const report = reportText(sampleText());
    const slim = slimReport(report);
    assert.ok(report.assets[0]!.parts.length > 0);
    assert.deepEqual(slim.assets.map((a) => [a.parts.length, a.assumptions.length, a.factorIds.length]), report.assets.map(() => [0, 0, 0]));
    assert.equal(slim.totals, report.totals);
    assert.ok(JSON.stringify(slim).length < JSON.stringify(report).length);
  });

  it('exports next to the manifest by default and reads its options defensively', () => {
    const manifest = vscode.Uri.file('/data/fleet/lab.carbon.yaml');
    assert.equal(defaultTarget(manifest, 'markdown').path, '/data/fleet/lab.carbon-report.md');
    assert.equal(defaultTarget(manifest, 'csv').path, '/data/fleet/lab.carbon-report.csv');
    assert.deepEqual(parseExportOptions({ format: 'pdf', target: 42 }), {});
    assert.deepEqual(parseExportOptions({ format: 'json', target: '/tmp/r.json' }), { format: 'json', target: '/tmp/r.json' });
  });
});
