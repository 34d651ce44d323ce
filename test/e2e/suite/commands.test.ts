// Every Carbon Lens command, run for real: export (each format, atomic, never replacing a file
// without confirmation), a new manifest from the sample, factor sources, status, crash recovery.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateWithSample, closeAllEditors, codeLenses, hoverTexts, manifest, positionOf, waitFor } from './util';
import { revertAndClose, SAMPLE, sampleText, statusSnapshot } from './carbonLensHelpers';

const COMMANDS = [
  'carbonLens.openReport',
  'carbonLens.openReportToSide',
  'carbonLens.exportReport',
  'carbonLens.restartServer',
  'carbonLens.newManifestFromSample',
  'carbonLens.showFactorSources',
];

describe('Carbon Lens commands', () => {
  let tempDir: string;

  before(async () => {
    await activateWithSample(SAMPLE);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbon-lens-export-'));
  });
  after(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  it('contributes every command of the client, each with a handler and a title', async () => {
    const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c]));
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of COMMANDS) {
      assert.ok(contributed.get(id)?.title, `${id} is contributed with a title`);
      assert.ok(registered.has(id), `${id} has a handler`);
    }
    const tests = [...registered].filter((id) => id.startsWith('carbonLens.test.'));
    assert.ok(tests.length > 0, 'test hooks are registered in test mode');
    assert.ok(tests.every((id) => !contributed.has(id)), 'test hooks are never contributed');
  });

  for (const [format, check] of [
    ['markdown', (text: string) => assert.match(text, /^# Carbon inventory — Example AI Lab, 2026\n/)],
    ['csv', (text: string) => assert.match(text, /^file,kind,id,site,count,model,kgCO2e,.*\n.*,asset,training-pods,fra-dc1,16,/s)],
    ['ghg-inventory', (text: string) => assert.match(text, /^# GHG inventory \(GHG Protocol, ESRS E1-6\) — Example AI Lab, 2026\n[\s\S]*\| Scope 1 \| Gross Scope 1 GHG emissions \| [\d.]+ \|/)],
    ['ghg-inventory-csv', (text: string) => assert.match(text, /,Scope 1,,Gross Scope 1 GHG emissions,44\(a\),[\d.]+,[\d.]+,computed,/)],
    ['html', (text: string) => {
      assert.match(text, /^<!DOCTYPE html>/);
      assert.match(text, /Content-Security-Policy" content="default-src 'none'/);
      assert.doesNotMatch(text, /<script/);
    }],
    ['json', (text: string) => {
      const report = JSON.parse(text) as { format: string; assets: { id: string }[]; file: string };
      assert.equal(report.format, 'carbon-lens-report/1');
      assert.deepEqual(report.assets.map((a) => a.id).sort(), ['storage-nodes', 'training-pods']);
      assert.equal(report.file, SAMPLE, 'the file is named relative to the workspace, not by a URI');
    }],
  ] as const) {
    it(`exports the report as ${format} to a new file, leaving no temporary file behind`, async () => {
      const document = await activateWithSample(SAMPLE);
      const dir = fs.mkdtempSync(path.join(tempDir, `${format}-`));
      const target = path.join(dir, `report.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('carbonLens.exportReport', document.uri, { format, target });
      assert.equal(written?.fsPath, target);
      check(fs.readFileSync(target, 'utf8'));
      assert.deepEqual(fs.readdirSync(dir), [`report.${format}`]);
    });
  }

  it('never replaces an existing file without a confirmation (none can be given in tests)', async () => {
    const document = await activateWithSample(SAMPLE);
    const target = path.join(tempDir, 'existing.md');
    fs.writeFileSync(target, 'original\n');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('carbonLens.exportReport', document.uri, { format: 'markdown', target });
    assert.equal(written, undefined);
    assert.equal(fs.readFileSync(target, 'utf8'), 'original\n');
    assert.deepEqual(fs.readdirSync(tempDir).filter((name) => name.endsWith('.tmp')), []);
  });

  it('exports the manifest of the active editor when given no argument', async () => {
    await activateWithSample(SAMPLE);
    const target = path.join(tempDir, 'from-editor.json');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('carbonLens.exportReport', undefined, { format: 'json', target });
    assert.equal(written?.fsPath, target);
    assert.equal((JSON.parse(fs.readFileSync(target, 'utf8')) as { organization: string }).organization, 'Example AI Lab');
  });

  it('opens a new untitled manifest from the sample, analysed like a file', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('carbonLens.newManifestFromSample');
    assert.equal(uri?.scheme, 'untitled');
    // Saving proposes a manifest's name, so the saved file keeps the language mode.
    assert.match(uri.path, /\/fleet(-\d+)?\.carbon\.yaml$/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.languageId, 'carbon-yaml');
    assert.match(editor!.document.getText(), /organization: Example AI Lab/);
    const lenses = await waitFor(async () => {
      const found = await codeLenses(uri);
      return found.length >= 5 ? found : undefined;
    }, 20_000, 'code lenses on the untitled manifest');
    assert.match(lenses[0]!.command!.title, /^Carbon Lens: /);
    await revertAndClose();
  });

  it('lists the emission factors with their source and year', async () => {
    await activateWithSample(SAMPLE);
    const factors = await vscode.commands.executeCommand<{ id: string; source: string; year: number }[]>('carbonLens.showFactorSources');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(factors && factors.length > 3, 'several factors');
    assert.ok(factors.some((f) => f.id === 'grid/FRA'), 'the French grid factor');
    assert.ok(factors.some((f) => f.id === 'model/nvidia-hgx-h100-8gpu'), 'the HGX H100 model factor');
    for (const factor of factors) {
      assert.ok(factor.source.length > 10, `${factor.id} has a source`);
      assert.ok(factor.year >= 1990 && factor.year <= 2100, `${factor.id} has a year`);
    }
  });

  it('names a second new manifest differently, and saving it keeps the language mode', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('carbonLens.newManifestFromSample');
    const second = await vscode.commands.executeCommand<vscode.Uri>('carbonLens.newManifestFromSample');
    assert.notEqual(first.path, second.path);
    assert.match(second.path, /\/fleet-2\.carbon\.yaml$/);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === second.toString())!;
    assert.equal(await document.save(), true);
    const saved = await vscode.workspace.openTextDocument(vscode.workspace.workspaceFolders![0]!.uri.with({ path: second.path }));
    try {
      assert.equal(saved.languageId, 'carbon-yaml');
      assert.match(saved.getText(), /organization: Example AI Lab/);
    } finally {
      await vscode.workspace.fs.delete(saved.uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('shows the total and the budget state in the language status item', async () => {
    await activateWithSample(SAMPLE);
    const status = await waitFor(async () => {
      const s = await statusSnapshot();
      // The workspace (a copy of samples/) is in no git repository: the status says there is no comparison.
      return !s.busy && s.budget && s.detail?.includes('HEAD') ? s : undefined;
    }, 20_000, 'the status item to show the analysis');
    assert.match(status.text, /^[\d.,]+ tCO2e this period$/);
    assert.equal(status.detail, '2 budgets ok · no comparison with HEAD: the file is not in a git repository');
    assert.equal(status.budget, 'ok');
    assert.equal(status.severity, 'Information');
    assert.equal(status.command, 'carbonLens.openReport');
  });

  it('shows the file\'s total in the status bar itself, and never the previous file\'s after switching', async () => {
    const sample = await activateWithSample(SAMPLE);
    const first = await waitFor(async () => {
      const s = await statusSnapshot();
      return s.bar.state === 'live' && s.bar.uri === sample.uri.toString() ? s : undefined;
    }, 20_000, 'the total of the sample in the status bar');
    assert.equal(first.bar.visible, true);
    assert.match(first.bar.text, /^\$\(pulse\) [\d.,]+ tCO2e this period$/);
    // Another manifest with another total: from the moment it is active, the bar shows
    // "computing…" or its own total, never the sample's.
    const other = await vscode.workspace.openTextDocument({ language: 'carbon-yaml', content: sampleText().replace('count: 16', 'count: 1') });
    await vscode.window.showTextDocument(other);
    const seen: string[] = [];
    const second = await waitFor(async () => {
      const s = await statusSnapshot();
      seen.push(`${s.bar.state}: ${s.bar.text}`);
      return s.bar.uri === other.uri.toString() && s.bar.state === 'live' ? s : undefined;
    }, 20_000, 'the total of the second manifest', 5);
    assert.notEqual(second.bar.text, first.bar.text, 'the two files have different totals');
    assert.ok(!seen.includes(`live: ${first.bar.text}`), `the previous file's total was shown: ${seen.join(' | ')}`);
    await revertAndClose();
    // A file with errors: the total is a floor, marked incomplete.
    // (An unknown model cannot be estimated, so its asset is left out; an invalid count would be counted as one unit.)
    const broken = await vscode.workspace.openTextDocument({ language: 'carbon-yaml', content: sampleText().replace('model: nvidia-hgx-h100-8gpu', 'model: nvidia-hgx-h100-8gpx') });
    await vscode.window.showTextDocument(broken);
    const incomplete = await waitFor(async () => {
      const s = await statusSnapshot();
      return s.bar.uri === broken.uri.toString() && s.bar.state === 'incomplete' ? s : undefined;
    }, 20_000, 'an incomplete total');
    assert.match(incomplete.bar.text, /≥ [\d.,]+ tCO2e this period/);
    await revertAndClose();
  });

  it('shows an exceeded budget as an error in the status item', async () => {
    const document = await activateWithSample(SAMPLE);
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(document, 'limit: 900 tCO2e');
    edit.replace(document.uri, new vscode.Range(at, at.translate(0, 'limit: 900 tCO2e'.length)), 'limit: 90 tCO2e');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    try {
      const status = await waitFor(async () => {
        const s = await statusSnapshot();
        return s.budget === 'exceeded' && !s.busy ? s : undefined;
      }, 20_000, 'the exceeded budget in the status item');
      assert.equal(status.severity, 'Error');
      assert.match(String(status.detail), /1 budget exceeded/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('restarts a crashed language server by itself, and the features come back', async () => {
    const document = await activateWithSample(SAMPLE);
    const before = await waitFor(async () => vscode.commands.executeCommand<number | undefined>('carbonLens.test.serverPid'), 20_000, 'a server pid');
    const killed = await vscode.commands.executeCommand<number>('carbonLens.test.killServer');
    assert.equal(killed, before);
    const after = await waitFor(async () => {
      const pid = await vscode.commands.executeCommand<number | undefined>('carbonLens.test.serverPid');
      return pid !== undefined && pid !== before ? pid : undefined;
    }, 30_000, 'a new server process');
    assert.notEqual(after, before);
    const hover = await waitFor(async () => {
      const texts = await hoverTexts(document.uri, positionOf(document, 'id: training-pods', 6));
      return texts.length > 0 ? texts.join('\n') : undefined;
    }, 20_000, 'a hover from the restarted server');
    assert.match(hover, /training\\?-pods/);
  });
});
