// The helpers feature tests rely on (waitFor, waitForDiagnostics) must themselves fail when they should.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleUri, waitFor, waitForDiagnostics } from './util';

describe('e2e helpers', () => {
  it('waitFor returns the first truthy value', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `after ${calls}` : undefined), 2_000);
    assert.equal(value, 'after 3');
  });

  it('waitFor rejects after its timeout, naming what it waited for', async () => {
    await assert.rejects(waitFor(() => false, 200, 'the impossible'), /timed out after 200 ms waiting for the impossible/);
  });

  describe('waitForDiagnostics', () => {
    let collection: vscode.DiagnosticCollection;
    beforeEach(() => { collection = vscode.languages.createDiagnosticCollection('carbon-lens-e2e-helper-test'); });
    afterEach(() => collection.dispose());

    it('resolves when diagnostics arrive later', async () => {
      const uri = sampleUri('helper-test.carbon.yaml');
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 3), 'from the helper test', vscode.DiagnosticSeverity.Warning);
      setTimeout(() => collection.set(uri, [diagnostic]), 300);
      const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => x.message === 'from the helper test'), 5_000);
      assert.equal(diagnostics.length, 1);
    });

    it('rejects when they do not arrive', async () => {
      const uri = sampleUri('helper-test-none.carbon.yaml');
      await assert.rejects(waitForDiagnostics(uri, undefined, 300), /timed out after 300 ms waiting for diagnostics on helper-test-none\.carbon\.yaml/);
    });
  });
});
