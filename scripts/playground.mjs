// The scratch copy of samples/ that `npm start` opens (.vscode-test/playground/, git-ignored):
// VS Code for the web saves as you type, so trying things in the repository's own samples/
// would change tracked files (and the tests that read them).
//
// Each start brings the copy up to date with samples/ without losing anything typed into it:
// - a sample with no copy is copied;
// - a copy nobody edited (its content is what was copied, by hash) follows a changed sample;
// - an edited copy stays as it is while its sample is unchanged; when the sample changed, the
//   edited copy is kept beside it as `<name>.yours-<date>.carbon.yaml` and the new sample is
//   copied in its place;
// - files made in the playground are never touched.
// What was copied is recorded in .vscode-test/playground.json (outside the workspace).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const hash = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The name an edited copy is kept under: before the `.carbon.yaml` (or last) extension, so the language mode stays. */
export function keptName(name, now) {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const match = /^(.*?)((\.carbon)?\.ya?ml)?$/.exec(name);
  return `${match[1]}.yours-${stamp}${match[2] ?? ''}`;
}

/**
 * What to do with each sample, given hashes: `samples` (name → hash in samples/), `copies`
 * (name → hash of the playground's file, for those that exist) and `recorded` (name → hash
 * copied last time). Returns [{ name, action, keptAs? }] with action 'copy' (no copy yet),
 * 'update' (an unedited copy of a changed sample), 'keep-and-copy' (an edited copy of a changed
 * sample: renamed to keptAs, then the sample copied) or 'none'.
 */
export function planPlayground(samples, copies, recorded, now = new Date()) {
  const actions = [];
  for (const [name, sampleHash] of samples) {
    const copyHash = copies.get(name);
    const copiedHash = recorded.get(name);
    let action = 'none';
    if (copyHash === undefined) action = 'copy';
    else if (copyHash === sampleHash) action = 'none';
    else if (copyHash === copiedHash) action = 'update';
    else if (copiedHash === sampleHash) action = 'none'; // edited, and the sample has not changed since
    else action = 'keep-and-copy';
    actions.push(action === 'keep-and-copy' ? { name, action, keptAs: keptName(name, now) } : { name, action });
  }
  return actions;
}

function filesIn(dir) {
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
}

/**
 * Brings `playgroundDir` up to date with `samplesDir` (see above). Returns { dir, firstStart,
 * kept: [[name, keptAs]] }; firstStart is true when there was no playground before.
 */
export function preparePlayground({ samplesDir, playgroundDir, stateFile, now = new Date() }) {
  const firstStart = !existsSync(stateFile);
  let recorded = new Map();
  try {
    recorded = new Map(Object.entries(JSON.parse(readFileSync(stateFile, 'utf8')).copied ?? {}));
  } catch {
    // first start, or an unreadable record: every differing copy counts as edited
  }
  mkdirSync(playgroundDir, { recursive: true });
  const samples = new Map(filesIn(samplesDir).map((name) => [name, hash(join(samplesDir, name))]));
  const copies = new Map(filesIn(playgroundDir).filter((name) => samples.has(name)).map((name) => [name, hash(join(playgroundDir, name))]));
  const kept = [];
  for (const { name, action, keptAs } of planPlayground(samples, copies, recorded, now)) {
    if (action === 'keep-and-copy') {
      renameSync(join(playgroundDir, name), join(playgroundDir, keptAs));
      kept.push([name, keptAs]);
    }
    if (action !== 'none') copyFileSync(join(samplesDir, name), join(playgroundDir, name));
    recorded.set(name, samples.get(name));
  }
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, `${JSON.stringify({ copied: Object.fromEntries(recorded) }, null, 2)}\n`);
  return { dir: playgroundDir, firstStart, kept };
}

/**
 * A one-file extension that opens the extension's walkthrough when the workbench has started:
 * what VS Code does by itself for an extension installed from the marketplace during a session
 * (`workbench.welcomePage.walkthroughs.openOnInstall`), which does not happen for one that is
 * already installed, or under development, when the window opens. Written into `dir`.
 */
export function writeWalkthroughOpener(dir, manifest) {
  const walkthrough = manifest.contributes?.walkthroughs?.[0]?.id;
  if (!walkthrough) throw new Error('package.json contributes no walkthrough');
  const id = `${manifest.publisher}.${manifest.name}#${walkthrough}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({
    name: `${manifest.name}-walkthrough-opener`,
    displayName: `${manifest.displayName ?? manifest.name}: open the walkthrough (npm start)`,
    publisher: manifest.publisher,
    version: '0.0.0',
    private: true,
    engines: { vscode: manifest.engines.vscode },
    activationEvents: ['onStartupFinished'],
    main: './extension.js',
  }, null, 2)}\n`);
  writeFileSync(join(dir, 'extension.js'), `// Written by scripts/playground.mjs for \`npm start\`.
exports.activate = () => require('vscode').commands.executeCommand('workbench.action.openWalkthrough', ${JSON.stringify(id)}, false);
exports.deactivate = () => undefined;
`);
  return { dir, folderName: `${manifest.publisher}.${manifest.name}-walkthrough-opener-0.0.0`, walkthrough: id };
}
