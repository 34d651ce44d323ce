// The change against `carbonLens.compareTo` in a real VS Code: a manifest in a temporary git
// repository inside the workspace, a count edited, and the lens, the hover, the status and the
// report's "Changes vs HEAD" say the change, with the figures `carbon-lens diff` computes; a
// commit moves HEAD and the change is gone.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze, diffReports, diffSideReport } from '../../../engine';
import { formatSignedKg } from '../../../contracts/units';
import { SAMPLE, sampleText, statusSnapshot, waitForReport } from './carbonLensHelpers';
import { activateWithSample, closeAllEditors, codeLenses, hoverTexts, positionOf, waitFor, workspaceFolder } from './util';

interface SentBase {
  ref: string;
  state: string;
  via?: string;
  commit?: string;
  message?: string;
}

const sentBase = (uri: vscode.Uri) => vscode.commands.executeCommand<SentBase | undefined>('carbonLens.test.base', uri.toString());

describe('Carbon Lens: changes against carbonLens.compareTo (git)', function () {
  this.timeout(90_000);
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

  before(() => {
    repo = path.join(workspaceFolder().fsPath, 'git-fleet');
    fs.mkdirSync(repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Carbon Lens test');
    git('config', 'commit.gpgsign', 'false');
    fs.writeFileSync(path.join(repo, 'fleet.carbon.yaml'), sampleText());
    git('add', '-A');
    git('commit', '-q', '-m', 'the sample');
  });
  afterEach(closeAllEditors);

  it('edit a count: the file and asset lenses, the hover and the status say the change vs HEAD', async () => {
    await activateWithSample(SAMPLE);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repo, 'fleet.carbon.yaml')));
    await vscode.window.showTextDocument(document);
    const sent = await waitFor(async () => {
      const base = await sentBase(document.uri);
      return base?.state === 'found' ? base : undefined;
    }, 30_000, 'the base version sent to the server');
    assert.equal(sent.ref, 'HEAD');
    assert.match(sent.commit ?? '', /^[0-9a-f]{40}$/);
    assert.ok(sent.via === 'git-extension' || sent.via === 'git', `read by ${sent.via}`);
    // VS Code's git extension finds the repository once the file is open; the base is then read through it.
    const viaExtension = await waitFor(async () => {
      const base = await sentBase(document.uri);
      return base?.via === 'git-extension' ? base : undefined;
    }, 30_000, 'the base read through VS Code\'s git extension');
    assert.equal(viaExtension.commit, sent.commit);

    const edit = new vscode.WorkspaceEdit();
    const start = positionOf(document, 'count: 16', 7);
    edit.replace(document.uri, new vscode.Range(start, start.translate(0, 2)), '20');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const expected = diffReports([{ file: 'f', base: diffSideReport(analyze(sampleText())), head: diffSideReport(analyze(document.getText())) }], { base: { ref: 'HEAD' }, head: { ref: 'editor' } });
    const change = formatSignedKg(expected.assets[0].deltaKgCO2e);
    const titles = await waitFor(async () => {
      const t = (await codeLenses(document.uri)).map((l) => l.command?.title ?? '');
      return t.some((x) => x.endsWith(`of total · ${change} vs HEAD`)) ? t : undefined;
    }, 30_000, `a lens saying ${change} vs HEAD`);
    assert.ok(titles[0].endsWith(` · ${formatSignedKg(expected.delta.kgCO2e)} vs HEAD`), titles[0]);
    assert.ok(titles.filter((t) => / vs HEAD$/.test(t) && t.startsWith('≈')).length === 1, `only the edited asset says a change: ${JSON.stringify(titles)}`);

    const hover = (await hoverTexts(document.uri, positionOf(document, 'training-pods', 2))).join('\n');
    assert.match(hover, /vs HEAD\*\*.*count 16 → 20/);

    const status = await waitFor(async () => {
      const s = await statusSnapshot();
      return s.text.includes('vs HEAD') ? s : undefined;
    }, 20_000, 'the status to show the change');
    assert.ok(status.text.endsWith(` · ${formatSignedKg(expected.delta.kgCO2e)} vs HEAD`), status.text);
    assert.match(status.detail ?? '', /to .* vs HEAD/);

    // The report's "Changes vs HEAD": the same change, the asset first with a link to its line.
    await vscode.commands.executeCommand('carbonLens.openReport', document.uri);
    const rendered = await waitForReport(document.uri, (r) => r.change?.state === 'found' && r.change.diff?.delta.kgCO2e === expected.delta.kgCO2e, 30_000, 'a report with the change');
    const diff = rendered.change!.diff!;
    assert.deepEqual(diff.assets.map((a) => [a.id, a.line, a.changed.map((c) => c.input)]), [['training-pods', 14, ['count']]]);
    assert.equal(rendered.change!.unchangedAssets, 1);
    assert.equal(diff.base.commit, sent.commit);

    // Committed: HEAD moves, the base is read again, and the file no longer differs from it.
    assert.ok(await document.save());
    git('commit', '-q', '-am', 'four more pods');
    await waitFor(async () => (await codeLenses(document.uri))[0]?.command?.title.endsWith(' · no change vs HEAD'), 30_000, 'the file lens "no change vs HEAD" after the commit');
  });

  it('a manifest new since HEAD counts as all new; one outside any repository says so in the status', async () => {
    fs.writeFileSync(path.join(repo, 'new.carbon.yaml'), sampleText());
    await activateWithSample(SAMPLE);
    const fresh = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repo, 'new.carbon.yaml')));
    await vscode.window.showTextDocument(fresh);
    await waitFor(async () => (await sentBase(fresh.uri))?.state === 'notAtRef', 30_000, 'the base state "not at HEAD"');
    await waitFor(async () => (await codeLenses(fresh.uri))[0]?.command?.title.endsWith(' · new since HEAD'), 30_000, 'the file lens "new since HEAD"');
    await waitFor(async () => (await statusSnapshot()).text.endsWith(' · new since HEAD'), 20_000, 'the status "new since HEAD"');

    // The workspace's own copy of the sample is in no repository.
    const outside = await activateWithSample(SAMPLE);
    await waitFor(async () => (await sentBase(outside.uri))?.state === 'noRepository', 30_000, 'the base state "no repository"');
    const status = await waitFor(async () => {
      const s = await statusSnapshot();
      return /no comparison with HEAD: the file is not in a git repository/.test(s.detail ?? '') ? s : undefined;
    }, 20_000, 'the status to say there is no repository');
    assert.doesNotMatch(status.text, /vs HEAD/);
    assert.ok((await codeLenses(outside.uri)).every((l) => !/HEAD/.test(l.command?.title ?? '')));
  });

  it('carbonLens.compareTo: a branch that does not exist says so; empty turns the comparison off', async () => {
    const config = vscode.workspace.getConfiguration('carbonLens');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repo, 'fleet.carbon.yaml')));
    await activateWithSample(SAMPLE);
    await vscode.window.showTextDocument(document);
    try {
      await config.update('compareTo', 'no-such-branch', vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await sentBase(document.uri))?.state === 'noRef', 30_000, 'the base state "no such ref"');
      await waitFor(async () => /no comparison with no-such-branch: no-such-branch names no commit/.test((await statusSnapshot()).detail ?? ''), 20_000, 'the status to say the ref names no commit');
      await config.update('compareTo', '', vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await sentBase(document.uri))?.state === 'off', 30_000, 'the comparison off');
      await waitFor(async () => !/compar|HEAD/.test((await statusSnapshot()).detail ?? ''), 20_000, 'the status without a comparison');
    } finally {
      await config.update('compareTo', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
