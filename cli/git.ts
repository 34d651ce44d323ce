/**
 * What `carbon-lens diff --base REF` asks git: the repository, the commit a ref names, a file as
 * it was in that commit, the manifests a commit has. Always git itself through execFile (an
 * argument vector, never a shell string), with refs checked before they reach it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { compareToProblem } from '../contracts/settings';

/** A problem the user can fix (exit 2), worded for them. */
export class GitProblem extends Error {}

interface Run {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function git(cwd: string, args: string[]): Run {
  try {
    // No pager, no prompt for credentials, C-quoting of odd file names off (-z lists are used).
    const stdout = execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    });
    return { ok: true, stdout, stderr: '' };
  } catch (error) {
    const e = error as { code?: string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new GitProblem('git is not installed or not on the PATH: --base needs it (or compare with a saved report: --baseline FILE.json)');
    return { ok: false, stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? '') };
  }
}

/** The top folder of the repository `cwd` is in (real path), or a problem saying it is in none. */
export function repositoryRoot(cwd: string): string {
  const run = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!run.ok) throw new GitProblem(`${cwd} is not in a git repository: --base needs one (or compare with a saved report: --baseline FILE.json)`);
  return realpathSync(run.stdout.trim());
}

/**
 * The commit `ref` names in the repository: a branch, tag, commit or expression (`HEAD~1`);
 * `A...B` is the merge base of A and B, what a pull request is compared with.
 */
export function resolveCommit(root: string, ref: string): string {
  const problem = compareToProblem(ref);
  if (problem) throw new GitProblem(problem);
  const range = /^(.+?)\.\.\.(.*)$/.exec(ref);
  if (range) {
    const [left, right] = [range[1], range[2] || 'HEAD'].map((r) => resolveCommit(root, r));
    const base = git(root, ['merge-base', left, right]);
    if (!base.ok) throw new GitProblem(`${range[1]} and ${range[2] || 'HEAD'} have no common ancestor`);
    return base.stdout.trim();
  }
  const run = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!run.ok) throw new GitProblem(`"${ref}" is not a commit, branch or tag of the repository at ${root}`);
  return run.stdout.trim();
}

/** A file's text at a commit, or null when the commit has no such file. */
export function fileAt(root: string, commit: string, repoPath: string): string | null {
  const type = git(root, ['cat-file', '-t', `${commit}:${repoPath}`]);
  if (!type.ok) return null;
  if (type.stdout.trim() !== 'blob') throw new GitProblem(`${repoPath} is a ${type.stdout.trim()} at ${commit.slice(0, 12)}, not a file`);
  const blob = git(root, ['cat-file', 'blob', `${commit}:${repoPath}`]);
  if (!blob.ok) throw new GitProblem(`git could not read ${repoPath} at ${commit.slice(0, 12)}: ${blob.stderr.trim()}`);
  return blob.stdout;
}

const MANIFEST = /\.carbon\.ya?ml$/;

function nulList(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

/**
 * Every manifest (`*.carbon.yaml`, `*.carbon.yml`) at the commit or in the working tree
 * (tracked, or new and not ignored), as repository paths: a manifest deleted since the commit is
 * in the list, and so is a new one.
 */
export function manifestsOf(root: string, commit: string): string[] {
  const atCommit = git(root, ['ls-tree', '-r', '-z', '--name-only', commit]);
  const inTree = git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  const paths = [...nulList(atCommit.stdout), ...nulList(inTree.stdout).filter((p) => existsSync(join(root, p)))];
  return [...new Set(paths.filter((p) => MANIFEST.test(p)))].sort();
}

/**
 * The repository path of a file named on the command line (which may no longer exist, when it
 * was deleted), or a problem when it is outside the repository.
 */
export function pathInRepository(root: string, file: string, cwd: string): string {
  const absolute = isAbsolute(file) ? file : join(cwd, file);
  // Resolve symbolic links in the part that exists, so a link into or out of the repository counts where it points.
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  const real = join(realpathSync(existing), ...rest);
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new GitProblem(`${file} is outside the repository at ${root}`);
  return inside.split(sep).join('/');
}
