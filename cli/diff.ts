/**
 * `carbon-lens diff`: what a change adds. Each manifest is analysed at both versions (the base
 * read with git at a ref, or taken from a saved report), the two reports are compared by id, and
 * the gate decides the exit code: 1 when the change exceeds --fail-above, a budget is newly
 * exceeded or the head has errors; 2 when the comparison cannot be made.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import {
  analyze, analyzeOptionsFor, CarbonDiff, DiffInput, diffReports, diffSideReport, evaluateGate, FAIL_ON, FailOn, formatDiffMarkdown, formatDiffSarif,
  formatDiffText, GateResult, readBaseline, Report, SourceLinks, Threshold, parseThreshold,
} from '../engine';
import type { Settings } from '../contracts/settings';
import { fileAt, GitProblem, manifestsOf, pathInRepository, repositoryRoot, resolveCommit } from './git';

export const DIFF_FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;

export interface DiffArguments {
  files: string[];
  format?: string;
  settings: Settings;
  /** `--base` was given (the setting's default, HEAD, applies otherwise). */
  baseGiven: boolean;
  baseline?: string;
  failAbove?: string;
  failOn?: string;
}

export interface DiffRun {
  exitCode: number;
  /** What goes to stdout, and whether it is JSON (for escaping). */
  output?: string;
  json?: boolean;
  /** What goes to stderr: why nothing could be compared. */
  error?: string;
}

/** A comparison that cannot be made: a usage error or a side that cannot be read or computed (exit 2). */
class DiffProblem extends Error {}

/** A side's report, or a problem naming the side when nothing could be computed from it. */
function reportOf(text: string, label: string, side: string, settings: Settings): Report {
  const report = diffSideReport(analyze(text, analyzeOptionsFor(settings)), { file: label, settings });
  if (report.notComputed) throw new DiffProblem(`${side} ${label}: cannot be compared: ${report.notComputed}`);
  return report;
}

interface Compared {
  inputs: DiffInput[];
  base: { ref: string; commit?: string };
  /** Repository path of each file label, for links. */
  paths: Record<string, string>;
}

function fromGit(args: DiffArguments, cwd: string): Compared {
  const ref = args.settings.compareTo;
  const root = repositoryRoot(cwd);
  const commit = resolveCommit(root, ref);
  const repoPaths = args.files.length > 0 ? args.files.map((f) => pathInRepository(root, f, cwd)) : manifestsOf(root, commit);
  if (repoPaths.length === 0) throw new DiffProblem(`no manifest (*.carbon.yaml) in the repository at ${ref} or in the working tree: name the files to compare`);
  const paths: Record<string, string> = {};
  const inputs = repoPaths.map((repoPath, i) => {
    const label = args.files[i] ?? relative(cwd, join(root, repoPath)).split(sep).join('/');
    paths[label] = repoPath;
    const headText = readHead(join(root, repoPath), label);
    const baseText = fileAt(root, commit, repoPath);
    if (headText === null && baseText === null) throw new DiffProblem(`${label} is neither in the working tree nor at ${ref}`);
    return {
      file: label,
      base: baseText === null ? null : reportOf(baseText, label, `base (${ref}:${repoPath})`, args.settings),
      head: headText === null ? null : reportOf(headText, label, 'head', args.settings),
    };
  });
  return { inputs, base: { ref, commit }, paths };
}

/** The working tree's version of a file: null when it was deleted, a problem when it cannot be read. */
function readHead(path: string, label: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new DiffProblem(`cannot read ${label} (${code ?? String(error)})`);
  }
}

/** Names that refer to the same file: as given, or relative to the working folder. */
function sameFile(a: string, b: string, cwd: string): boolean {
  const full = (p: string) => normalize(isAbsolute(p) ? p : join(cwd, p));
  return a === b || full(a) === full(b);
}

function fromBaseline(args: DiffArguments, cwd: string): Compared {
  const name = args.baseline!;
  let text: string;
  try {
    text = readFileSync(name, 'utf8');
  } catch (error) {
    throw new DiffProblem(`cannot read the baseline ${name} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const baseline = readBaseline(text, name);
  if ('error' in baseline) throw new DiffProblem(baseline.error);
  if (args.files.length === 0) throw new DiffProblem('no manifest given: name the files the baseline report was made of');
  const unmatched = new Set(baseline);
  const inputs: DiffInput[] = args.files.map((file) => {
    // One report and one file pair whatever their names; otherwise by the name the report recorded.
    const base = baseline.length === 1 && args.files.length === 1 ? baseline[0] : baseline.find((r) => unmatched.has(r) && r.file !== undefined && sameFile(r.file, file, cwd)) ?? null;
    if (base) unmatched.delete(base);
    const headText = readHead(file, file);
    if (headText === null) throw new DiffProblem(`cannot read ${file} (ENOENT)`);
    if (base?.notComputed) throw new DiffProblem(`base ${file} (in ${name}): cannot be compared: ${base.notComputed}`);
    return { file, base, head: reportOf(headText, file, 'head', args.settings) };
  });
  // The baseline describes the whole base: a manifest it has and the head lacks was removed.
  for (const report of unmatched) {
    if (report.notComputed) continue;
    inputs.push({ file: report.file ?? name, base: report, head: null });
  }
  return { inputs, base: { ref: `baseline ${name}` }, paths: {} };
}

/** GitHub blob links when the run is in GitHub Actions (its environment names the repository and commit). */
function linksFrom(env: NodeJS.ProcessEnv, compared: Compared): SourceLinks | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (!server || !repository || !/^https?:\/\/[^\s]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  return { repositoryUrl: `${server.replace(/\/+$/, '')}/${repository}`, baseCommit: compared.base.commit, headCommit: env.GITHUB_SHA, paths: compared.paths };
}

function checkArguments(args: DiffArguments): { format: (typeof DIFF_FORMATS)[number]; threshold?: Threshold; failOn: FailOn } {
  const format = (args.format ?? 'text') as (typeof DIFF_FORMATS)[number];
  if (!DIFF_FORMATS.includes(format)) throw new DiffProblem(`unknown format "${args.format}" (${DIFF_FORMATS.join(', ')})`);
  if (args.baseline !== undefined && args.baseGiven) throw new DiffProblem('--base and --baseline exclude each other: compare with a git ref or with a saved report');
  if (args.baseline === undefined && args.settings.compareTo === '') throw new DiffProblem('--base \'\' compares with nothing: give a git ref (--base main) or a saved report (--baseline FILE.json)');
  if (args.files.includes('-')) throw new DiffProblem('diff reads manifests from files (the base needs a path), not from standard input');
  let threshold: Threshold | undefined;
  if (args.failAbove !== undefined) {
    const parsed = parseThreshold(args.failAbove);
    if ('error' in parsed) throw new DiffProblem(parsed.error);
    threshold = parsed;
  }
  const failOn = (args.failOn ?? 'central') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new DiffProblem(`unknown --fail-on "${args.failOn}" (${FAIL_ON.join(', ')})`);
  return { format, threshold, failOn };
}

function output(diff: CarbonDiff, gate: GateResult, format: (typeof DIFF_FORMATS)[number], settings: Settings, links: SourceLinks | undefined, version: string): DiffRun {
  const options = { units: settings.units, gate, links };
  switch (format) {
    case 'json':
      return { exitCode: 0, output: `${JSON.stringify({ ...diff, gate }, null, 2)}\n`, json: true };
    case 'sarif':
      return { exitCode: 0, output: formatDiffSarif(diff, version, options), json: true };
    case 'markdown':
      return { exitCode: 0, output: formatDiffMarkdown(diff, options) };
    default:
      return { exitCode: 0, output: formatDiffText(diff, options) };
  }
}

export function runDiff(args: DiffArguments, cwd: string, env: NodeJS.ProcessEnv, version: string): DiffRun {
  try {
    const { format, threshold, failOn } = checkArguments(args);
    const compared = args.baseline !== undefined ? fromBaseline(args, cwd) : fromGit(args, cwd);
    const diff = diffReports(compared.inputs, { view: args.settings.view, base: compared.base, head: { ref: 'working tree' } });
    const gate = evaluateGate(diff, { failAbove: threshold, failOn, units: args.settings.units });
    const run = output(diff, gate, format, args.settings, linksFrom(env, compared), version);
    return { ...run, exitCode: gate.failed ? 1 : 0 };
  } catch (error) {
    if (error instanceof DiffProblem || error instanceof GitProblem) return { exitCode: 2, error: error.message };
    throw error;
  }
}
