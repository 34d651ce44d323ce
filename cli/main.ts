import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { analyze, analyzeOptionsFor, baselineTotalsOf, BaselineTotals, buildReport, targetBaselinePaths, formatReports, formatSarif, Report, REPORT_FORMATS, ReportFormat, reportFromAnalysis } from '../engine';
import { cliSettingValue, DEFAULT_SETTINGS, normalizeSettings, Settings, SETTINGS, settingForFlag, withSetting } from '../contracts/settings';
import { runDiff } from './diff';
import { LIST_HINTS, listFactors, listModels } from './lists';
import { formatKg } from '../contracts/units';
import packageJson from '../package.json';

/** One help line per setting flag, from the settings table (every editor setting has one, or says why not). */
function settingFlagLines(): string[] {
  const rows = SETTINGS.flatMap((d) => {
    if (!('flag' in d.cli)) return [];
    const flag = 'argument' in d.cli ? `${d.cli.flag} ${d.cli.argument}` : d.cli.flag;
    const meaning = 'sets' in d.cli ? ` = ${d.cli.sets}` : d.values ? ` (${d.values.map((v) => v.value || "''").join(' | ')})` : '';
    return [[flag, `carbonLens.${d.key}${meaning}`]];
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, meaning]) => `  ${flag.padEnd(width)}${meaning}`);
}

const USAGE = `Carbon Lens ${packageJson.version}: lifecycle carbon footprint of *.carbon.yaml manifests

Usage:
  carbon-lens report [--format text|json|markdown|csv|html|ghg-inventory|ghg-inventory-csv] [options] FILE...
  carbon-lens check  [--format text|json|sarif] [options] FILE...
  carbon-lens diff   [--base REF | --baseline FILE.json] [--format text|markdown|json|sarif]
                     [--fail-above QUANTITY|PERCENT] [--fail-on central|lower] [options] [FILE...]
  carbon-lens models            list the built-in hardware catalog
  carbon-lens factors           list every built-in factor id with value and source

Options:
  --format FORMAT          output format (report: text; check: text)
  --no-what-ifs            skip the built-in reduction what-ifs in reports
  --baseline FILE.json     diff: compare with a saved \`report --format json\` instead of a git ref
  --fail-above LIMIT       diff: exit 1 when the change exceeds LIMIT (5tCO2e, 500kgCO2e, 3%)
  --fail-on central|lower  diff: the figure that must exceed it (lower: even the change's lower bound)
  -h, --help               show this help
  -v, --version            print the version

report --format ghg-inventory prints the GHG Protocol / ESRS E1-6 table (gross Scope 1, Scope 2
location- and market-based, Scope 3 by category, both totals, with period, boundary, methodology
and what is left out) in Markdown, in tCO2e and the GHG Protocol inventory view; ghg-inventory-csv
gives the same lines as CSV.

The editor's settings, with the same meaning (JSON, CSV and SARIF are data: --units and --view
change the text, Markdown and HTML outputs):
${settingFlagLines().join('\n')}

diff compares each FILE (default: every manifest of the repository) with its version at --base
(default HEAD; a file missing there counts as added, a deleted one as removed), matching assets,
sites and budgets by id.

Exit codes: check exits 1 when a manifest is invalid or an error-severity budget is
exceeded, 2 on usage errors, 0 otherwise. report exits 0 unless a file cannot be read.
diff exits 1 when the change exceeds --fail-above, a budget is newly exceeded or the head has
errors, 2 when the versions cannot be compared (usage, git, a version that cannot be computed).`;

class UsageError extends Error {}

interface Options {
  command: string;
  format?: string;
  /** The editor settings the flags set; the rest keep their defaults. */
  settings: Settings;
  whatIfs: boolean;
  files: string[];
  /** Setting flags given on the command line (by setting key). */
  given: Set<string>;
  /** diff's own flags. */
  diff: { baseline?: string; failAbove?: string; failOn?: string };
}

function parseArgs(argv: string[]): Options {
  // A fresh copy: the flags set its fields.
  const options: Options = { command: '', settings: normalizeSettings(DEFAULT_SETTINGS), whatIfs: true, files: [], given: new Set(), diff: {} };
  for (let i = 0; i < argv.length; i++) {
    // `--view=inventory` as well as `--view inventory`.
    const equals = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const arg = equals > 0 ? argv[i].slice(0, equals) : argv[i];
    const inline = equals > 0 ? argv[i].slice(equals + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const setting = settingForFlag(arg);
    if (setting && 'flag' in setting.cli) {
      if (!('argument' in setting.cli) && inline !== undefined) throw new UsageError(`${arg} takes no value`);
      const given = 'argument' in setting.cli ? cliSettingValue(setting, value()) : { value: setting.cli.sets };
      if ('error' in given) throw new UsageError(given.error);
      withSetting(options.settings, setting.key, given.value);
      options.given.add(setting.key);
    } else if (arg === '--format' || arg === '-f') options.format = value();
    else if (arg === '--baseline') options.diff.baseline = value();
    else if (arg === '--fail-above') options.diff.failAbove = value();
    else if (arg === '--fail-on') options.diff.failOn = value();
    else if (arg === '--no-what-ifs') options.whatIfs = false;
    else if (arg === '-h' || arg === '--help' || arg === '-v' || arg === '--version') continue; // handled by main()
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (!options.command) options.command = arg;
    else options.files.push(arg);
  }
  return options;
}

function readManifest(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

/** Targets' baseline reports, by path as written (relative to the manifest's folder). */
function readTargetBaselines(file: string, paths: string[]): Map<string, BaselineTotals> {
  const baselines = new Map<string, BaselineTotals>();
  const folder = file === '-' ? process.cwd() : dirname(file);
  for (const path of paths) {
    try {
      const confined = confinedPath(folder, path);
      if (confined === undefined) continue;
      const totals = baselineTotalsOf(readFileSync(confined, 'utf8'), path);
      if (totals) baselines.set(path, totals);
    } catch {
      // Unreadable: the target says so (target-baseline-unread).
    }
  }
  return baselines;
}

/**
 * A path from manifest text, only when it stays inside the manifest's folder once symbolic links
 * are resolved (docs/security.md §6): no absolute path, no `..` escape, no URL, no link out.
 */
export function confinedPath(folder: string, path: string): string | undefined {
  if (isAbsolute(path) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || !path.endsWith('.json')) return undefined;
  const root = realpathSync(folder);
  const full = realpathSync(resolve(root, path));
  const rel = relative(root, full);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? full : undefined;
}

function analyseFiles(options: Options): { reports: Report[]; unreadable: boolean } {
  let unreadable = false;
  const reports: Report[] = [];
  for (const file of options.files) {
    let text: string;
    try {
      text = readManifest(file);
    } catch (error) {
      process.stderr.write(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      unreadable = true;
      continue;
    }
    const settings = options.settings;
    let analysis = analyze(text, analyzeOptionsFor(settings));
    const baselinePaths = targetBaselinePaths(analysis);
    if (baselinePaths.length > 0) analysis = analyze(text, { ...analyzeOptionsFor(settings), baselines: readTargetBaselines(file, baselinePaths) });
    // `check` needs diagnostics and budgets only: scenarios and what-ifs are report content.
    reports.push(options.command === 'report' ? reportFromAnalysis(analysis, file, options.whatIfs, settings) : buildReport(analysis, { file, settings }));
  }
  return { reports, unreadable };
}

/**
 * A manifest fails `check` when it has errors, an error-severity budget is exceeded, or anything
 * is left out of its totals (whatever comments or settings hide): a smaller total that looks
 * complete must never pass CI.
 */
export function fails(report: Report): boolean {
  return !report.complete || report.diagnostics.some((d) => d.severity === 'error');
}

function checkText(reports: Report[], settings: Settings): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) lines.push(`${report.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}${LIST_HINTS[d.code] ?? ''}`);
    const budgets = report.budgets.map((b) => `${b.id} ${b.ratio === null ? 'over' : `${Math.round(b.ratio * 100)}%`}${b.status === 'exceeded' ? ' EXCEEDED' : b.status === 'unknown' ? ' UNKNOWN' : ''}`).join(', ');
    const atLeast = report.complete ? '' : '≥ ';
    const headline = settings.view === 'period'
      ? `${atLeast}${formatKg(report.totals.kgCO2e, settings.units)} this period`
      : `${atLeast}${formatKg(report.totals.inventoryView.kgCO2e, settings.units)} (GHG inventory view)`;
    const leftOut = report.leftOut ? ` · ${report.leftOut} (${report.excluded.map((e) => `line ${e.line}`).slice(0, 5).join(', ')}${report.excluded.length > 5 ? ', …' : ''})` : '';
    lines.push(`${report.file}: ${fails(report) ? 'FAIL' : 'ok'} — ${report.notComputed ? 'not computed' : headline}${leftOut}${budgets ? `; budgets: ${budgets}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`carbon-lens: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (argv.includes('-h') || argv.includes('--help') || options.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  switch (options.command) {
    case 'models':
      process.stdout.write(listModels());
      return 0;
    case 'factors':
      process.stdout.write(listFactors());
      return 0;
    case 'diff': {
      const run = runDiff({ files: options.files, format: options.format, settings: options.settings, baseGiven: options.given.has('compareTo'), ...options.diff }, process.cwd(), process.env, packageJson.version);
      if (run.output) process.stdout.write(run.json ? jsonSafe(run.output) : terminalSafe(run.output));
      if (run.error) process.stderr.write(terminalSafe(`carbon-lens diff: ${run.error}\n`));
      return run.exitCode;
    }
    case 'report':
    case 'check':
      break;
    default:
      process.stderr.write(`carbon-lens: ${options.command ? `unknown command "${options.command}"` : 'missing command'}\n\n${USAGE}\n`);
      return 2;
  }
  if (options.files.length === 0) {
    process.stderr.write(`carbon-lens ${options.command}: no manifest given\n\n${USAGE}\n`);
    return 2;
  }
  const diffOnly = [...(options.given.has('compareTo') ? ['--base'] : []), ...Object.keys(options.diff).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)];
  if (diffOnly.length > 0) {
    process.stderr.write(`carbon-lens ${options.command}: ${diffOnly.join(', ')} ${diffOnly.length === 1 ? 'is an option' : 'are options'} of carbon-lens diff\n`);
    return 2;
  }
  if (options.command === 'report') {
    const format = (options.format ?? 'text') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) {
      process.stderr.write(`carbon-lens report: unknown format "${options.format}" (${REPORT_FORMATS.join(', ')})\n`);
      return 2;
    }
    const { reports, unreadable } = analyseFiles(options);
    const output = formatReports(reports, format, options.settings);
    process.stdout.write(format === 'json' ? jsonSafe(output) : format === 'html' ? output : terminalSafe(output));
    return unreadable ? 1 : 0;
  }
  const format = options.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) {
    process.stderr.write(`carbon-lens check: unknown format "${format}" (text, json, sarif)\n`);
    return 2;
  }
  const { reports, unreadable } = analyseFiles(options);
  if (format === 'sarif') process.stdout.write(jsonSafe(formatSarif(reports, packageJson.version)));
  else if (format === 'json') process.stdout.write(jsonSafe(formatReports(reports, 'json')));
  else process.stdout.write(terminalSafe(checkText(reports, options.settings)));
  return unreadable || reports.some(fails) ? 1 : 0;
}

// Manifest text ends up in messages ("Unknown catalog model …"). Control characters would drive the
// terminal (ANSI escapes can clear it or fake output) and bidirectional overrides can disguise text
// ("Trojan Source"): text outputs show them as \u{…}; JSON outputs escape the ones JSON.stringify
// leaves raw (C1 controls, bidi marks) as \uXXXX, which parses back to the same string.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

export function jsonSafe(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Run when executed (node dist/cli.js), not when imported by tests.
const entry = process.argv[1] ? safeRealpath(process.argv[1]) : '';
if (entry && (entry === safeRealpath(__filename) || /(^|[\\/])(cli\.js|carbon-lens)$/.test(entry))) {
  process.exitCode = main(process.argv.slice(2));
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
