import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze, assetChangeVsBase, diffSideReport, assetFigure, assetView, buildReport, diffReports, editorBaseOf, evaluateGate, fileChangeVsBase, fileSummary, parseThreshold,
  readBaseline, Report, Threshold,
} from '../../../engine';
import { deltaOf } from '../../../engine/diff/delta';
import { DEFAULT_SETTINGS } from '../../../contracts/settings';

/**
 * Diffs (engine/diff): two versions compared through their report models, matched by id, with the
 * change's range taken at shared factor bounds.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');

function edited(text: string, ...edits: [string | RegExp, string][]): string {
  return edits.reduce((t, [from, to]) => {
    const next = t.replace(from, to);
    assert.notEqual(next, t, `the text has ${String(from)}`);
    return next;
  }, text);
}

const reportOf = (text: string, file = 'fleet.carbon.yaml'): Report => diffSideReport(analyze(text), { file });
const diff = (base: string | null, head: string | null, view: 'period' | 'inventory' = 'period') =>
  diffReports([{ file: 'fleet.carbon.yaml', base: base === null ? null : reportOf(base), head: head === null ? null : reportOf(head) }], { view, base: { ref: 'HEAD' }, head: { ref: 'working tree' } });
const threshold = (text: string) => parseThreshold(text) as Threshold;

describe('diffs (engine/diff)', () => {
  describe('the change and its range', () => {
    it('takes both versions at the same bound: low with low, high with high (hand-computed)', () => {
      // base 100 kg (80–150), head 130 kg (100–200): +30 central, +20 at the low bound, +50 at the high bound.
      const d = deltaOf({ kgCO2e: 100, min: 80, max: 150 }, { kgCO2e: 130, min: 100, max: 200 });
      assert.deepEqual(d, { kgCO2e: 30, min: 20, max: 50, atLowBound: 20, atHighBound: 50, percent: 0.3 });
      // Subtracting across bounds would give 100 − 150 = −50 to 200 − 80 = +120: not this.
    });

    it('spans the central change even when the bounds move the other way (asymmetric ranges)', () => {
      // base 100 (100–100, exact), head 100 (60–300): 0 central, −40 low, +200 high.
      const d = deltaOf({ kgCO2e: 100, min: 100, max: 100 }, { kgCO2e: 100, min: 60, max: 300 });
      assert.deepEqual([d.min, d.kgCO2e, d.max], [-40, 0, 200]);
      // base 100 (0–100), head 100 (100–300): +100 low, 0 central, +200 high → the range still holds 0.
      const e = deltaOf({ kgCO2e: 100, min: 0, max: 100 }, { kgCO2e: 100, min: 100, max: 300 });
      assert.deepEqual([e.min, e.kgCO2e, e.max], [0, 0, 200]);
    });

    it('counts an absent side as zero: an addition is its range, a removal its negated range', () => {
      assert.deepEqual(deltaOf(null, { kgCO2e: 10, min: 8, max: 15 }), { kgCO2e: 10, min: 8, max: 15, atLowBound: 8, atHighBound: 15, percent: null });
      const removed = deltaOf({ kgCO2e: 10, min: 8, max: 15 }, null);
      assert.deepEqual([removed.min, removed.kgCO2e, removed.max, removed.percent], [-15, -10, -8, -1]);
      assert.equal(deltaOf(null, null).percent, 0);
    });

    it('an unchanged manifest changes by exactly nothing, range included', () => {
      const d = diff(SAMPLE, SAMPLE);
      assert.deepEqual([d.delta.kgCO2e, d.delta.min, d.delta.max], [0, 0, 0]);
      assert.ok(d.assets.every((a) => a.status === 'unchanged' && a.deltaMin === 0 && a.deltaMax === 0));
      assert.deepEqual(d.files.map((f) => f.status), ['unchanged']);
      assert.ok(d.budgets.every((b) => b.status === 'unchanged' && b.statusChange === 'ok'));
    });
  });

  describe('a count edited from 16 to 20', () => {
    const head = edited(SAMPLE, ['count: 16', 'count: 20']);
    const base = reportOf(SAMPLE);
    const after = reportOf(head);
    const d = diff(SAMPLE, head);

    it('changes the total by report at head minus report at base, exactly, in both views', () => {
      assert.equal(d.base.kgCO2e, base.totals.kgCO2e);
      assert.equal(d.head.kgCO2e, after.totals.kgCO2e);
      assert.equal(d.delta.kgCO2e, after.totals.kgCO2e - base.totals.kgCO2e);
      assert.equal(d.delta.atLowBound, after.totals.min - base.totals.min);
      assert.equal(d.delta.atHighBound, after.totals.max - base.totals.max);
      const inventory = diff(SAMPLE, head, 'inventory');
      assert.equal(inventory.delta.kgCO2e, after.totals.inventoryView.kgCO2e - base.totals.inventoryView.kgCO2e);
      assert.equal(inventory.view, 'inventory');
    });

    it('names the asset, its change, its range at shared bounds and the input that changed', () => {
      const pods = d.assets.find((a) => a.id === 'training-pods')!;
      const [was, now] = [base.assets[0], after.assets[0]];
      assert.equal(pods.status, 'changed');
      assert.deepEqual([pods.baseKgCO2e, pods.headKgCO2e, pods.deltaKgCO2e], [was.kgCO2e, now.kgCO2e, now.kgCO2e - was.kgCO2e]);
      assert.equal(pods.deltaMin, Math.min(now.min - was.min, now.kgCO2e - was.kgCO2e, now.max - was.max));
      assert.equal(pods.deltaMax, now.max - was.max);
      assert.deepEqual(pods.changed, [{ input: 'count', label: 'count', base: 16, head: 20 }]);
      assert.equal(pods.line, 14);
      assert.equal(d.assets[0].id, 'training-pods', 'largest change first');
      assert.equal(d.assets.find((a) => a.id === 'storage-nodes')!.status, 'unchanged');
    });

    it('20 units of an asset whose figure scales with its count add a quarter of 16 units (hand-computed)', () => {
      // Every stage of training-pods is per unit × count: 20/16 of the base figure.
      const pods = d.assets[0];
      assert.ok(Math.abs(pods.deltaKgCO2e - pods.baseKgCO2e! * 0.25) < 1e-6 * pods.baseKgCO2e!);
    });

    it('sums stages and scopes per view, and the stages add up to the change', () => {
      const stages = Object.values(d.byStage).reduce((sum, f) => sum + f.delta, 0);
      assert.ok(Math.abs(stages - d.delta.kgCO2e) < 1e-6);
      assert.equal(d.byScope.scope1.delta, 0, 'generators and refrigerants did not change');
      assert.equal(d.byStage.use.head, after.totals.byStage.use);
    });

    it('the editor\'s lens and status figures are the same differences', () => {
      const editorBase = editorBaseOf(base, 'HEAD');
      const headAnalysis = analyze(head);
      const total = fileSummary(headAnalysis, { ...DEFAULT_SETTINGS, view: 'period' }).total!;
      const file = fileChangeVsBase(editorBase, total, 'period');
      assert.deepEqual(file, d.delta);
      for (const view of ['period', 'inventory'] as const) {
        const figure = assetFigure(headAnalysis, 0, view)!;
        const range = assetView(headAnalysis, 0)!.thisPeriod;
        const change = assetChangeVsBase(editorBase, 'training-pods', view, figure.kgCO2e, range, { count: 20, lifespanYears: 5, model: 'nvidia-hgx-h100-8gpu' });
        const expected = diff(SAMPLE, head, view).assets[0];
        assert.equal(change.deltaKgCO2e, expected.deltaKgCO2e, view);
        assert.deepEqual(change.changed, expected.changed);
        if (view === 'period') assert.deepEqual([change.delta!.min, change.delta!.max], [expected.deltaMin, expected.deltaMax]);
      }
      assert.equal(assetChangeVsBase(editorBase, 'storage-nodes', 'period', assetFigure(headAnalysis, 1, 'period')!.kgCO2e).status, 'unchanged');
      assert.equal(assetChangeVsBase(editorBaseOf(null, 'HEAD'), 'storage-nodes', 'period', 5).status, 'added');
    });
  });

  describe('matching by id', () => {
    it('a renamed id is a removal and an addition, even when the total does not move', () => {
      const d = diff(SAMPLE, edited(SAMPLE, ['id: storage-nodes', 'id: storage-tier']));
      assert.equal(d.delta.kgCO2e, 0);
      const byId = new Map(d.assets.map((a) => [a.id, a]));
      assert.equal(byId.get('storage-nodes')!.status, 'removed');
      assert.equal(byId.get('storage-nodes')!.headKgCO2e, null);
      assert.equal(byId.get('storage-nodes')!.lineAt, 'base');
      assert.equal(byId.get('storage-tier')!.status, 'added');
      assert.equal(byId.get('storage-tier')!.baseKgCO2e, null);
      assert.equal(byId.get('storage-tier')!.deltaKgCO2e, -byId.get('storage-nodes')!.deltaKgCO2e);
    });

    it('an added asset adds its figure and range; a removed one takes them away', () => {
      const extra = `  - id: inference-pods\n    site: fra-dc1\n    model: nvidia-hgx-h100-8gpu\n    count: 4\n    acquired: 2026-01-01\n    lifespanYears: 4\n    transport: { mode: sea, distanceKm: 12000 }\n    endOfLife: recycle\nbudgets:\n`;
      const head = edited(SAMPLE, ['budgets:\n', extra]);
      const d = diff(SAMPLE, head);
      const added = d.assets.find((a) => a.id === 'inference-pods')!;
      const asset = reportOf(head).assets.find((a) => a.id === 'inference-pods')!;
      assert.equal(added.status, 'added');
      assert.deepEqual([added.deltaKgCO2e, added.deltaMin, added.deltaMax], [asset.kgCO2e, asset.min, asset.max]);
      const back = diff(head, SAMPLE).assets.find((a) => a.id === 'inference-pods')!;
      assert.equal(back.status, 'removed');
      assert.deepEqual([back.deltaKgCO2e, back.deltaMin, back.deltaMax], [-asset.kgCO2e, -asset.max, -asset.min]);
    });

    it('a file missing at the base is entirely added; a deleted file entirely removed', () => {
      const added = diff(null, SAMPLE);
      assert.equal(added.files[0].status, 'added');
      assert.ok(added.assets.every((a) => a.status === 'added'));
      assert.ok(added.budgets.every((b) => b.status === 'added' && b.statusChange === 'new: ok'));
      assert.equal(added.delta.kgCO2e, reportOf(SAMPLE).totals.kgCO2e);
      assert.equal(added.delta.percent, null);
      const removed = diff(SAMPLE, null);
      assert.equal(removed.files[0].status, 'removed');
      assert.ok(removed.assets.every((a) => a.status === 'removed'));
      assert.equal(removed.delta.percent, -1);
    });

    it('sums several manifests, each matched on its own', () => {
      const head = edited(SAMPLE, ['count: 16', 'count: 8']);
      const d = diffReports([
        { file: 'a.carbon.yaml', base: reportOf(SAMPLE, 'a.carbon.yaml'), head: reportOf(head, 'a.carbon.yaml') },
        { file: 'b.carbon.yaml', base: null, head: reportOf(SAMPLE, 'b.carbon.yaml') },
      ], { base: { ref: 'main', commit: 'abc' }, head: { ref: 'working tree' } });
      assert.equal(d.base.kgCO2e, reportOf(SAMPLE).totals.kgCO2e);
      assert.equal(d.head.kgCO2e, reportOf(head).totals.kgCO2e + reportOf(SAMPLE).totals.kgCO2e);
      assert.deepEqual(d.files.map((f) => [f.file, f.status]), [['a.carbon.yaml', 'changed'], ['b.carbon.yaml', 'added']]);
      assert.equal(d.assets.filter((a) => a.id === 'training-pods').length, 2, 'the same id in two files is two assets');
      assert.equal(d.base.commit, 'abc');
    });
  });

  describe('inputs that changed', () => {
    it('a site\'s PUE: the site lists it, and so does each of its assets', () => {
      const d = diff(SAMPLE, edited(SAMPLE, ['pue: 1.3', 'pue: 1.2']));
      assert.deepEqual(d.sites[0].changed, [{ input: 'pue', label: 'PUE', base: 1.3, head: 1.2 }]);
      assert.equal(d.sites[0].status, 'changed');
      for (const asset of d.assets) assert.deepEqual(asset.changed.map((c) => c.input), ['site.pue']);
      assert.ok(d.delta.kgCO2e < 0);
    });

    it('the model (its power, embodied and electricity follow: not listed again), lifespan, utilization, transport', () => {
      const d = diff(SAMPLE, edited(SAMPLE, ['model: nvidia-hgx-h100-8gpu', 'model: nvidia-dgx-h100'], ['lifespanYears: 6', 'lifespanYears: 7'], ['utilization: 0.3', 'utilization: 0.4'], ['mode: air', 'mode: sea']));
      const inputs = (id: string) => d.assets.find((a) => a.id === id)!.changed.map((c) => c.input);
      assert.deepEqual(inputs('training-pods'), ['model']);
      assert.deepEqual(inputs('storage-nodes'), ['lifespanYears', 'powerW']);
      const util = diff(SAMPLE, edited(SAMPLE, ['utilization: 0.3', 'utilization: 0.4'])).assets.find((a) => a.id === 'storage-nodes')!;
      assert.deepEqual(util.changed.map((c) => c.input), ['powerW']);
      const uptime = diff(SAMPLE, edited(SAMPLE, ['utilization: 0.3', 'utilization: 0.3\n    uptime: 0.5'])).assets.find((a) => a.id === 'storage-nodes')!;
      assert.deepEqual(uptime.changed.map((c) => c.input), ['itEnergyKWhPerUnit']);
      const sea = diff(SAMPLE, edited(SAMPLE, ['mode: air', 'mode: sea'])).assets.find((a) => a.id === 'training-pods')!;
      assert.deepEqual(sea.changed.map((c) => c.input), ['transportKgCO2ePerUnit']);
    });

    it('a factor override: every asset using the factor lists it', () => {
      const d = diff(SAMPLE, `${SAMPLE}factors:\n  - { id: transport/air, value: 0.002, source: "carrier statement", year: 2025 }\n`);
      const pods = d.assets.find((a) => a.id === 'training-pods')!;
      assert.ok(pods.changed.some((c) => c.input === 'factor:transport/air'), JSON.stringify(pods.changed));
    });

    it('methodology and period are file-wide changes, with a note', () => {
      const d = diff(SAMPLE, edited(SAMPLE, ['period: 2026', 'period: 2026\nmethodology: boavizta-2.4']));
      assert.deepEqual(d.files[0].changed.map((c) => c.input), ['methodology']);
      assert.match(d.notes.join('\n'), /different methodologies/);
    });
  });

  describe('budgets and the gate', () => {
    it('a budget exceeded at head and not at base is newly exceeded and fails the gate (severity error)', () => {
      const head = edited(SAMPLE, ['count: 16', 'count: 120']);
      const d = diff(SAMPLE, head);
      const annual = d.budgets.find((b) => b.id === 'annual-total')!;
      assert.equal(annual.newlyExceeded, true);
      assert.equal(annual.statusChange, 'ok → exceeded');
      assert.equal(annual.base!.status, 'ok');
      assert.equal(annual.head!.status, 'exceeded');
      const gate = evaluateGate(d);
      assert.equal(gate.failed, true);
      assert.ok(gate.checks.some((c) => c.kind === 'budget' && c.failed && /annual-total/.test(c.message)));
      // Exceeded at both versions: not newly, the gate passes.
      const again = evaluateGate(diff(head, edited(head, ['count: 120', 'count: 121'])));
      assert.equal(again.checks.filter((c) => c.kind === 'budget').length, 0);
    });

    it('a newly exceeded warning-severity budget is reported, not failed (as check)', () => {
      const d = diff(SAMPLE, edited(SAMPLE, ['limit: 300 tCO2e', 'limit: 1 tCO2e']));
      const gate = evaluateGate(d);
      assert.deepEqual(gate.checks.map((c) => [c.kind, c.failed]), [['budget', false]]);
      assert.equal(gate.failed, false);
      assert.deepEqual(d.budgets.find((b) => b.id === 'embodied')!.changed.map((c) => c.input), ['limitKgCO2e']);
    });

    it('reads thresholds as masses or shares, and refuses anything else', () => {
      assert.deepEqual(parseThreshold('5tCO2e'), { kind: 'mass', kgCO2e: 5000, text: '5 tCO2e' });
      assert.deepEqual(parseThreshold('500 kgCO2e'), { kind: 'mass', kgCO2e: 500, text: '500 kgCO2e' });
      assert.deepEqual(parseThreshold('0.2ktCO2e'), { kind: 'mass', kgCO2e: 200_000, text: '0.2 ktCO2e' });
      assert.deepEqual(parseThreshold('3%'), { kind: 'percent', share: 0.03, text: '3%' });
      for (const bad of ['-5tCO2e', '5', '5 t', 'five tCO2e', '5tCO2e5', '', '1e3kgCO2e']) assert.ok('error' in parseThreshold(bad), bad);
    });

    it('--fail-on central fails on the central change; lower only when even the lowest case exceeds it', () => {
      const d = diff(SAMPLE, edited(SAMPLE, ['count: 16', 'count: 20']));
      // Change ≈ +45 t central, ≈ +35.7 t at the low bound, ≈ +62.5 t at the high bound.
      const between = `${Math.round((d.delta.min + d.delta.kgCO2e) / 2 / 1000)}tCO2e`;
      assert.equal(evaluateGate(d, { failAbove: threshold(between), failOn: 'central' }).failed, true);
      const lower = evaluateGate(d, { failAbove: threshold(between), failOn: 'lower' });
      assert.equal(lower.failed, false);
      assert.match(lower.checks[0].message, /exceeds centrally but not at every factor bound/);
      assert.equal(evaluateGate(d, { failAbove: threshold('30tCO2e'), failOn: 'lower' }).failed, true);
      assert.equal(evaluateGate(d, { failAbove: threshold('70tCO2e') }).failed, false);
      // +19%: above 10%, not above 25%.
      assert.equal(evaluateGate(d, { failAbove: threshold('10%') }).failed, true);
      assert.equal(evaluateGate(d, { failAbove: threshold('25%') }).failed, false);
      // A decrease never exceeds a threshold.
      assert.equal(evaluateGate(diff(SAMPLE, edited(SAMPLE, ['count: 16', 'count: 2'])), { failAbove: threshold('0tCO2e') }).failed, false);
    });

    it('a percentage of an empty base: any increase exceeds it', () => {
      assert.equal(evaluateGate(diff(null, SAMPLE), { failAbove: threshold('1000%') }).failed, true);
    });

    it('errors at head fail the gate: the asset they leave out is not a saving', () => {
      // A model of the wrong type cannot be estimated (an invalid count would be counted as one unit).
      const d = diff(SAMPLE, edited(SAMPLE, ['model: nvidia-hgx-h100-8gpu', 'model: 42']));
      const pods = d.assets.find((a) => a.id === 'training-pods')!;
      assert.equal(pods.status, 'removed');
      assert.deepEqual(pods.leftOut, { side: 'head', line: 14, reason: 'has errors' });
      assert.ok(d.diagnostics.some((x) => x.side === 'head' && x.severity === 'error' && x.line === 16));
      assert.equal(d.head.complete, false);
      assert.match(d.notes.join('\n'), /Errors leave items out of the head totals/);
      const gate = evaluateGate(d, { failAbove: threshold('5tCO2e') });
      assert.equal(gate.failed, true);
      assert.ok(gate.checks.some((c) => c.kind === 'errors' && c.failed), JSON.stringify(gate.checks));
      // A plain report names what it left out when its text gives an id.
      assert.equal(buildReport(analyze(edited(SAMPLE, ['model: nvidia-hgx-h100-8gpu', 'model: 42']))).excluded[0].id, 'training-pods');
    });

    it('refuses a version with nothing computed', () => {
      assert.throws(() => diff('version: 1\nperiod: [', SAMPLE), /fleet\.carbon\.yaml \(base\)/);
    });
  });

  describe('a saved report as the base', () => {
    it('reads `report --format json` (one report or a list), and says what else is not one', () => {
      const report = reportOf(SAMPLE);
      assert.equal((readBaseline(JSON.stringify(report), 'base.json') as Report[])[0].totals.kgCO2e, report.totals.kgCO2e);
      assert.equal((readBaseline(JSON.stringify([report, report]), 'base.json') as Report[]).length, 2);
      assert.match((readBaseline('{', 'base.json') as { error: string }).error, /base\.json is not JSON/);
      assert.match((readBaseline('{"format":"other"}', 'base.json') as { error: string }).error, /not a Carbon Lens report/);
      assert.match((readBaseline('[]', 'base.json') as { error: string }).error, /empty list/);
      // The saved report compares as the report it was made from.
      const head = reportOf(edited(SAMPLE, ['count: 16', 'count: 20']));
      const saved = (readBaseline(JSON.stringify(report), 'base.json') as Report[])[0];
      const fromSaved = diffReports([{ file: 'f', base: saved, head }], { base: { ref: 'baseline' }, head: { ref: 'head' } });
      const fromText = diffReports([{ file: 'f', base: report, head }], { base: { ref: 'baseline' }, head: { ref: 'head' } });
      assert.deepEqual(fromSaved, fromText);
    });
  });
});
