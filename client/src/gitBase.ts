/**
 * A manifest's text at a git ref, read with git itself: the editor's fallback when VS Code's git
 * extension is not there (or does not know the file's repository). No `vscode` import, so unit
 * tests run it on plain Node. git runs through execFile with an argument vector; the ref is
 * checked first (a leading '-' would be read as an option).
 */
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import type { BaseParams } from '../../contracts/protocol';
import { compareToProblem } from '../../contracts/settings';

export type GitBase = Omit<BaseParams, 'uri' | 'ref'>;

interface Result {
  ok: boolean;
  stdout: string;
  missing?: boolean;
}

function git(cwd: string, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile('git', ['-c', 'core.quotepath=off', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout) => {
      resolve({ ok: !error, stdout: String(stdout ?? ''), missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' });
    });
  });
}

/**
 * Why a document's base cannot be read, before git is asked: no comparison wanted, a value that
 * is not a ref, a file that is not on disk, or a workspace that is not trusted (git reads the
 * repository's own configuration, and Carbon Lens runs no tool in an untrusted workspace).
 */
export function baseNotReadable(ref: string, scheme: string, trusted: boolean): GitBase | undefined {
  if (ref === '') return { state: 'off' };
  const problem = compareToProblem(ref);
  if (problem) return { state: 'noRef', message: problem };
  if (scheme !== 'file') return { state: 'unavailable', message: `the file is not on disk (${scheme}:), where git could read its history` };
  if (!trusted) return { state: 'unavailable', message: 'the workspace is not trusted, and Carbon Lens runs no git in it (trust the folder to compare)' };
  return undefined;
}

/** The text of the file at `filePath` as it is at `ref` in its repository, or why there is none. */
export async function readBaseWithGit(filePath: string, ref: string): Promise<GitBase> {
  const problem = compareToProblem(ref);
  if (problem) return { state: 'noRef', message: problem };
  const folder = dirname(filePath);
  // The folder's path inside its repository (git resolves links): the file's is that and its name.
  const prefix = await git(folder, ['rev-parse', '--show-prefix']);
  if (prefix.missing) return { state: 'unavailable', message: 'git is not installed (or not on the PATH)' };
  if (!prefix.ok) return { state: 'noRepository', message: 'the file is not in a git repository' };
  const commit = await git(folder, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!commit.ok) return { state: 'noRef', message: `${ref} names no commit in this repository` };
  const hash = commit.stdout.trim();
  const path = `${prefix.stdout.trim()}${basename(filePath)}`;
  const blob = await git(folder, ['cat-file', 'blob', `${hash}:${path}`]);
  if (!blob.ok) return { state: 'notAtRef', commit: hash, via: 'git', message: `the file is not in ${ref}` };
  return { state: 'found', text: blob.stdout, commit: hash, via: 'git' };
}
