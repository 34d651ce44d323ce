/** A throw-away git repository for the diff tests (CLI, action), with the sample committed. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SAMPLE = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');

export class GitRepo {
  readonly dir: string;

  constructor(prefix = 'carbon-lens-diff-') {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Carbon Lens test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(path: string, text: string): string {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** `node dist/cli.js ARGS` in the repository (or `cwd`), with an environment free of GitHub's variables unless given. */
  cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('GITHUB_')) delete env[key];
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? this.dir, encoding: 'utf8', timeout: 60_000, env: { ...env, ...options.env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
