// `npm start`: see the product. Builds, then opens the extension on samples/ in a desktop VS Code
// when `code` is on the PATH, else in the local VS Code server (code-server 4.100.3) and prints
// the URL to open in a browser. Ctrl+C stops the server.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, installExtensionCopy, makeTempDir, startCodeServer } from './vscode-server.mjs';

const samples = join(REPO_ROOT, 'samples');

function desktopCode() {
  const probe = spawnSync('code', ['--version'], { encoding: 'utf8' });
  // code-server also installs a `code`-like shim; a desktop VS Code prints a version then a commit hash.
  return probe.status === 0 && /^\d+\.\d+\.\d+\n[0-9a-f]{40}/.test(probe.stdout);
}

execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: REPO_ROOT });

if (desktopCode()) {
  console.log('Opening samples/ in VS Code with the Carbon Lens extension under development…');
  spawn('code', ['--extensionDevelopmentPath', REPO_ROOT, samples], { stdio: 'inherit', detached: true }).unref();
} else {
  const root = makeTempDir('carbon-lens-start-');
  const extensionsDir = join(root, 'extensions');
  installExtensionCopy(extensionsDir);
  const server = await startCodeServer({
    workspace: samples,
    userDataDir: join(root, 'user-data'),
    extensionsDir,
    logFile: join(root, 'code-server.log'),
  });
  await server.ready;
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`\nCarbon Lens is running in VS Code (code-server 4.100.3) on samples/:\n\n  ${server.url}\n\nOpen example-ai-lab.carbon.yaml, hover an asset id, or run "Carbon Lens: Open Report" (F1).\nLog: ${join(root, 'code-server.log')}\nPress Ctrl+C to stop.`);
}
