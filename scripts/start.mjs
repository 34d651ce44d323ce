// `npm start`: see the product. Provisions what is missing (scripts/provision.mjs), builds, then
// opens the extension on a scratch copy of samples/ (.vscode-test/playground/, see
// scripts/playground.mjs) in a desktop VS Code when `code` is on the PATH, else in the local VS Code
// server (code-server 4.100.3) and prints the URL to open in a browser. The first start also opens
// the Carbon Lens walkthrough (`npm start -- --walkthrough` opens it again). Ctrl+C stops the server.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preparePlayground, writeWalkthroughOpener } from './playground.mjs';
import { provision } from './provision.mjs';
import { CACHE_DIR, REPO_ROOT, installExtensionCopy, makeTempDir, readExtensionManifest, startCodeServer } from './vscode-server.mjs';

export const PLAYGROUND = { samplesDir: join(REPO_ROOT, 'samples'), playgroundDir: join(CACHE_DIR, 'playground'), stateFile: join(CACHE_DIR, 'playground.json') };

function desktopCode() {
  const probe = spawnSync('code', ['--version'], { encoding: 'utf8' });
  // code-server also installs a `code`-like shim; a desktop VS Code prints a version then a commit hash.
  return probe.status === 0 && /^\d+\.\d+\.\d+\n[0-9a-f]{40}/.test(probe.stdout);
}

/**
 * code-server on `workspace` with the built extension installed (and, with `walkthrough`, the
 * walkthrough opener), its folders under `root`. Returns the server handle (url, stop()).
 */
export async function startPlaygroundServer({ workspace, root, walkthrough }) {
  const extensionsDir = join(root, 'extensions');
  installExtensionCopy(extensionsDir);
  if (walkthrough) {
    const opener = writeWalkthroughOpener(join(root, 'walkthrough-opener'), readExtensionManifest());
    cpSync(opener.dir, join(extensionsDir, opener.folderName), { recursive: true });
  }
  const server = await startCodeServer({ workspace, userDataDir: join(root, 'user-data'), extensionsDir, logFile: join(root, 'code-server.log') });
  await server.ready;
  return server;
}

async function main() {
  const desktop = desktopCode();
  const ready = provision('start', { vscodeServer: !desktop });
  if (ready !== 0) process.exit(ready);
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: REPO_ROOT });

  const playground = preparePlayground(PLAYGROUND);
  for (const [name, keptAs] of playground.kept) console.log(`samples/${name} changed: your edited copy is kept as ${keptAs} in the playground.`);
  const walkthrough = playground.firstStart || process.argv.includes('--walkthrough');
  const where = `a scratch copy of samples/ (${playground.dir}; your edits stay there, samples/ is untouched)`;

  if (desktop) {
    const root = makeTempDir('carbon-lens-start-');
    const development = ['--extensionDevelopmentPath', REPO_ROOT];
    if (walkthrough) development.push('--extensionDevelopmentPath', writeWalkthroughOpener(join(root, 'walkthrough-opener'), readExtensionManifest()).dir);
    console.log(`Opening ${where} in VS Code with the Carbon Lens extension under development…`);
    spawn('code', [...development, playground.dir], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const root = makeTempDir('carbon-lens-start-');
  const server = await startPlaygroundServer({ workspace: playground.dir, root, walkthrough });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`\nCarbon Lens is running in VS Code (code-server 4.100.3) on ${where}:\n\n  ${server.url}\n\n${walkthrough ? 'The walkthrough "Get started with Carbon Lens" opens first. ' : ''}Open example-ai-lab.carbon.yaml, hover an asset id, or run "Carbon Lens: Open Report" (F1).\nLog: ${join(root, 'code-server.log')}\nPress Ctrl+C to stop.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
