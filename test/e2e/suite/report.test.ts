// The report webview in a real VS Code: it opens, receives the server's inventory and renders it
// (the page confirms each render), follows code lenses to an asset or a budget, updates live as
// the manifest is edited, and is locked down (CSP, nonce, resource roots).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { reportText } from '../../../engine';
import { activateWithSample, closeAllEditors, codeLenses, positionOf, waitFor, writeWorkspaceFile } from './util';
import { SAMPLE, sampleText, waitForReport } from './carbonLensHelpers';

interface WebviewInfo {
  html: string;
  options: { enableScripts?: boolean; enableCommandUris?: boolean; localResourceRoots?: string[] };
  visible: boolean;
  title: string;
}

describe('Carbon Lens report webview', () => {
  afterEach(closeAllEditors);

  it('opens and renders the inventory the server computed', async () => {
    const document = await activateWithSample(SAMPLE);
    await vscode.commands.executeCommand('carbonLens.openReport', document.uri);
    const rendered = await waitForReport(document.uri);
    const { report } = rendered;
    // The same numbers as the engine gives for the same text (the webview computes nothing).
    const expected = reportText(document.getText());
    assert.equal(report.format, 'carbon-lens-report/1');
    assert.equal(report.organization, 'Example AI Lab');
    assert.ok(Math.abs(report.totals.kgCO2e - expected.totals.kgCO2e) < 1e-6, `${report.totals.kgCO2e} vs ${expected.totals.kgCO2e}`);
    assert.ok(Math.abs(report.totals.inventoryView.kgCO2e - expected.totals.inventoryView.kgCO2e) < 1e-6);
    assert.ok(report.totals.min <= report.totals.kgCO2e && report.totals.kgCO2e <= report.totals.max);
    assert.deepEqual(report.assets.map((a) => a.id), ['training-pods', 'storage-nodes']);
    assert.deepEqual(report.budgets.map((b) => b.id), ['annual-total', 'embodied']);
    assert.ok(report.whatIfs.length > 0, 'with the built-in what-ifs');
    assert.ok(report.factors.length > 0, 'with the factors');
  });

  it('is locked down: default-src none, one nonce for its script and stylesheet, media/ as the only resource root', async () => {
    const document = await activateWithSample(SAMPLE);
    await vscode.commands.executeCommand('carbonLens.openReport', document.uri);
    await waitForReport(document.uri);
    const info = (await vscode.commands.executeCommand<WebviewInfo>('carbonLens.test.reportWebview', document.uri))!;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(info.html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in ${csp}`);
    assert.match(csp, new RegExp(`style-src 'nonce-${nonce}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.match(info.html, new RegExp(`<script nonce="${nonce}" src="[^"]+/media/report\\.js"></script>`));
    assert.match(info.html, new RegExp(`<link rel="stylesheet" nonce="${nonce}" href="[^"]+/media/report\\.css">`));
    assert.doesNotMatch(info.html, / on[a-z]+=|style="/, 'no inline handlers or styles');
    assert.doesNotMatch(info.html, /Example AI Lab|training-pods/, 'no manifest text in the HTML: the script builds the DOM');
    assert.equal(info.options.enableScripts, true);
    assert.notEqual(info.options.enableCommandUris, true);
    assert.equal(info.options.localResourceRoots?.length, 1);
    assert.match(info.options.localResourceRoots![0]!, /\/media$/);

    // A new page load gets a new nonce.
    await closeAllEditors();
    const again = await activateWithSample(SAMPLE);
    await vscode.commands.executeCommand('carbonLens.openReport', again.uri);
    const second = (await vscode.commands.executeCommand<WebviewInfo>('carbonLens.test.reportWebview', again.uri))!;
    assert.ok(!second.html.includes(nonce), 'a fresh nonce per load');
  });

  it('focuses the asset or budget of the code lens that opened it', async () => {
    const document = await activateWithSample(SAMPLE);
    const lenses = await waitFor(async () => {
      const found = await codeLenses(document.uri);
      return found.length >= 5 ? found : undefined;
    }, 20_000, 'code lenses');
    const lensFor = (id: string) => lenses.find((l) => (l.command?.arguments?.[1] as { id?: string } | undefined)?.id === id)!;

    const asset = lensFor('storage-nodes');
    await vscode.commands.executeCommand(asset.command!.command, ...asset.command!.arguments!);
    const focusedAsset = await waitForReport(document.uri, (r) => r.focus?.id === 'storage-nodes', 30_000, 'the report focused on storage-nodes');
    assert.equal(focusedAsset.focus?.kind, 'asset');

    // The panel exists now: the next lens focuses it again, without a new panel.
    const budget = lensFor('embodied');
    await vscode.commands.executeCommand(budget.command!.command, ...budget.command!.arguments!);
    const focusedBudget = await waitForReport(document.uri, (r) => r.focus?.id === 'embodied', 30_000, 'the report focused on the embodied budget');
    assert.equal(focusedBudget.focus?.kind, 'budget');

    // The report hidden behind the manifest (its page is destroyed): a lens brings it back, focused.
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active });
    await waitFor(async () => (await vscode.commands.executeCommand<WebviewInfo>('carbonLens.test.reportWebview', document.uri))?.visible === false, 10_000, 'the report to be hidden');
    const pods = lensFor('training-pods');
    await vscode.commands.executeCommand(pods.command!.command, ...pods.command!.arguments!);
    await waitForReport(document.uri, (r) => r.focus?.id === 'training-pods', 30_000, 'the shown-again report focused on training-pods');
    assert.equal((await vscode.commands.executeCommand<WebviewInfo>('carbonLens.test.reportWebview', document.uri))?.visible, true);
  });

  it('a click on a line of the report reveals the manifest\'s existing editor, never a new split', async () => {
    const document = await activateWithSample(SAMPLE);
    // The report opened over the manifest (same group): the manifest's tab is behind it.
    await vscode.commands.executeCommand('carbonLens.openReport', document.uri);
    await waitForReport(document.uri);
    assert.equal(vscode.window.tabGroups.all.length, 1);
    const line = document.getText().split('\n').findIndex((l) => l.includes('id: storage-nodes')) + 1;
    assert.equal(await vscode.commands.executeCommand('carbonLens.test.revealFromReport', document.uri.toString(), line), true);
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === document.uri.toString() ? active : undefined;
    }, 10_000, 'the manifest to be shown');
    assert.equal(vscode.window.tabGroups.all.length, 1, 'no second split');
    assert.equal(editor.viewColumn, vscode.ViewColumn.One);
    assert.equal(editor.selection.active.line, line - 1);

    // The report beside the manifest: the line shows in the manifest's group, the report stays beside it.
    await closeAllEditors();
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('carbonLens.openReportToSide', document.uri);
    await waitFor(() => vscode.window.tabGroups.all.length === 2, 10_000, 'the report beside the manifest');
    assert.equal(await vscode.commands.executeCommand('carbonLens.test.revealFromReport', document.uri.toString(), 3), true);
    await waitFor(() => vscode.window.activeTextEditor?.selection.active.line === 2, 10_000, 'line 3 selected');
    assert.equal(vscode.window.tabGroups.all.length, 2, 'no third split');
    assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.One);
    assert.equal((await vscode.commands.executeCommand<WebviewInfo>('carbonLens.test.reportWebview', document.uri))?.visible, true, 'the report stays on screen');
  });

  it('updates live while the manifest is edited', async () => {
    const uri = await writeWorkspaceFile('live.carbon.yaml', sampleText());
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('carbonLens.openReportToSide', uri);
    const first = await waitForReport(uri);
    const pods = first.report.assets.find((a) => a.id === 'training-pods')!;
    assert.equal(pods.count, 16);

    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(document, 'count: 16', 'count: '.length);
    edit.replace(uri, new vscode.Range(at, at.translate(0, 2)), '32');
    assert.equal(await vscode.workspace.applyEdit(edit), true);

    const updated = await waitForReport(uri, (r) => r.revision > first.revision && r.report.assets.find((a) => a.id === 'training-pods')?.count === 32, 30_000, 'the report after the edit');
    const podsAfter = updated.report.assets.find((a) => a.id === 'training-pods')!;
    assert.ok(podsAfter.kgCO2e > pods.kgCO2e * 1.9, `twice the pods, about twice their footprint (${pods.kgCO2e} → ${podsAfter.kgCO2e})`);
    assert.ok(updated.report.totals.kgCO2e > first.report.totals.kgCO2e);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('keeps one panel per manifest and shows the report of an untitled manifest', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('carbonLens.newManifestFromSample');
    const document = vscode.window.activeTextEditor!.document;
    try {
      await vscode.commands.executeCommand('carbonLens.openReport');
      const rendered = await waitForReport(uri);
      assert.equal(rendered.report.organization, 'Example AI Lab');
      await vscode.commands.executeCommand('carbonLens.openReport', uri);
      const info = await vscode.commands.executeCommand<WebviewInfo>('carbonLens.test.reportWebview', uri);
      assert.equal(info?.title, `Carbon: ${uri.path.split('/').pop()}`);
      const reportTabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('carbonLens.report'));
      assert.equal(reportTabs.length, 1, 'opening the report again reuses its panel');
    } finally {
      // An untitled document would ask to be saved on close: revert it instead.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
