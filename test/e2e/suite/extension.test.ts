// First extension-host tests: the extension is loaded, owns *.carbon.yaml, activates and answers
// its commands. They run in a real VS Code (see test/e2e/suite/index.ts and docs/testing.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, activateWithSample, closeAllEditors, codeLenses, getExtension, manifest, openSample, waitFor, writeWorkspaceFile,
} from './util';

const SAMPLE = 'example-ai-lab.carbon.yaml';

describe('Carbon Lens extension in VS Code', () => {
  afterEach(closeAllEditors);

  it('is loaded from the development folder', () => {
    const extension = getExtension();
    assert.equal(extension.id.toLowerCase(), EXTENSION_ID.toLowerCase());
    assert.equal((extension.packageJSON as { version: string }).version, manifest.version);
    // This suite runs from <repository>/out/test/e2e/suite: the extension is the repository itself.
    const repository = path.resolve(__dirname, '..', '..', '..', '..');
    assert.equal(fs.realpathSync(extension.extensionUri.fsPath), fs.realpathSync(repository));
  });

  it(`gives ${SAMPLE} the carbon-yaml language`, async () => {
    const document = await openSample(SAMPLE);
    assert.equal(document.languageId, 'carbon-yaml');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
  });

  it('matches *.carbon.yml too, but not other YAML files', async () => {
    const yml = await writeWorkspaceFile('copy.carbon.yml', 'version: 1\norganization: Copy\n');
    const other = await writeWorkspaceFile('notes.yaml', 'version: 1\n');
    assert.equal((await vscode.workspace.openTextDocument(yml)).languageId, 'carbon-yaml');
    assert.notEqual((await vscode.workspace.openTextDocument(other)).languageId, 'carbon-yaml');
  });

  it('activates when a manifest is opened', async () => {
    await activateWithSample(SAMPLE);
    assert.equal(getExtension().isActive, true);
  });

  it('registers every command it contributes, carbonLens.restartServer among them', async () => {
    await activateWithSample(SAMPLE);
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('carbonLens.restartServer'), 'package.json contributes carbonLens.restartServer');
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed commands without a handler');
  });

  it('restarts the language server on carbonLens.restartServer, which then answers again', async () => {
    const document = await activateWithSample(SAMPLE);
    const answers = async (): Promise<boolean> => (await codeLenses(document.uri)).length > 0;
    await waitFor(answers, 30_000, 'code lenses from the language server');
    // Rejects if the handler throws (e.g. the client cannot restart); mocha's timeout catches a hang.
    await vscode.commands.executeCommand('carbonLens.restartServer');
    // And again: a second restart only works if the first left a running client behind.
    await vscode.commands.executeCommand('carbonLens.restartServer');
    await waitFor(answers, 30_000, 'code lenses from the restarted language server');
  });
});
