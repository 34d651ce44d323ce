/**
 * A diff as a pull-request comment: the headline change with its range, the largest changes
 * linking to their lines, budgets before and after, the gate. The first line is a hidden marker
 * so that a bot finds its own comment and edits it instead of adding another.
 */
import { formatKg } from '../../contracts/units';
import type { AssetChange, CarbonDiff } from './model';
import { budgetWords, DiffFormatOptions, sideLabel } from './text';
import { assetWhy, deltaRange, inputWords, signedKg, signedPercent, viewWords } from './words';

export const DIFF_COMMENT_MARKER = '<!-- carbon-lens-diff -->';

/** Where the files are on the forge, for `file:line` links (GitHub blob URLs). */
export interface SourceLinks {
  /** e.g. https://github.com/OWNER/REPO */
  repositoryUrl: string;
  /** The commit each side was read from; lines of a side without one are not linked. */
  baseCommit?: string;
  headCommit?: string;
  /** The path in the repository of each file as the diff names it (default: the name itself). */
  paths?: Record<string, string>;
}

export interface DiffMarkdownOptions extends DiffFormatOptions {
  links?: SourceLinks;
  /** Rows in the table of largest changes. Default 10. */
  maxRows?: number;
}

/**
 * Manifest text (ids, file names, messages) as inert Markdown in a table cell: one line, and
 * every character that could start a link, an image, an autolink, HTML or emphasis escaped.
 */
export function mdText(text: string): string {
  return String(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd').replace(/[|\\`*_<>[\]()~:.@&#!]/g, (c) => `\\${c}`);
}

/** Text in a code span (where backslash escapes are literal): one line, no backticks. */
function codeSpan(text: string): string {
  return `\`${String(text).replace(/[`\r\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd')}\``;
}

/** A URL path with each segment percent-encoded (a file name cannot break out of the link). */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function lineLink(file: string, line: number, side: 'base' | 'head', links: SourceLinks | undefined): string {
  const label = mdText(`${file}:${line}`);
  const commit = side === 'base' ? links?.baseCommit : links?.headCommit;
  if (!links || !commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return label;
  const path = links.paths?.[file] ?? file;
  return `[${label}](${links.repositoryUrl.replace(/\/+$/, '')}/blob/${commit}/${encodePath(path)}#L${line})`;
}

function assetRow(a: AssetChange, options: DiffMarkdownOptions): string {
  const kg = (v: number | null) => (v === null ? '—' : formatKg(v, options.units));
  const range = a.deltaMin !== null && a.deltaMax !== null && a.deltaMin !== a.deltaMax ? `<br><sub>${mdText(deltaRange({ min: a.deltaMin, max: a.deltaMax }, options.units))}</sub>` : '';
  const where = `${lineLink(a.file, a.line, a.lineAt, options.links)}${a.lineAt === 'base' ? ' (base)' : ''}`;
  return `| ${mdText(signedKg(a.deltaKgCO2e, options.units))}${range} | ${mdText(a.id)} | ${where} | ${kg(a.baseKgCO2e)} | ${kg(a.headKgCO2e)} | ${mdText(assetWhy(a))} |`;
}

export function formatDiffMarkdown(diff: CarbonDiff, options: DiffMarkdownOptions = {}): string {
  const units = options.units;
  const kg = (value: number) => formatKg(value, units);
  const d = diff.delta;
  const lines = [
    DIFF_COMMENT_MARKER,
    `### Carbon Lens: ${mdText(signedKg(d.kgCO2e, units))} ${viewWords(diff.view)} (${mdText(signedPercent(d.percent))})`,
    '',
    `**${kg(diff.base.kgCO2e)} → ${kg(diff.head.kgCO2e)}**. With both versions at the same factor bounds the change is between ${mdText(signedKg(d.min, units))} and ${mdText(signedKg(d.max, units))}.`,
    `Base ${codeSpan(sideLabel(diff.base))}, head ${codeSpan(sideLabel(diff.head))}.`,
  ];
  const changed = diff.assets.filter((a) => a.status !== 'unchanged');
  const maxRows = options.maxRows ?? 10;
  if (changed.length > 0) {
    lines.push('', '| Change | Asset | Where | Base | Head | What changed |', '|---:|---|---|---:|---:|---|', ...changed.slice(0, maxRows).map((a) => assetRow(a, options)));
    const more = changed.length - maxRows;
    const unchanged = diff.assets.length - changed.length;
    const tail = [more > 0 ? `${more} more changed asset${more === 1 ? '' : 's'}` : '', unchanged > 0 ? `${unchanged} unchanged` : ''].filter(Boolean);
    if (tail.length > 0) lines.push('', `_${tail.join('; ')}._`);
  } else {
    lines.push('', '_No asset changed._');
  }
  const sites = diff.sites.filter((s) => s.status !== 'unchanged');
  if (sites.length > 0) {
    lines.push('', '| Site | Where | Change | What changed |', '|---|---|---:|---|',
      ...sites.map((s) => `| ${mdText(s.id)} | ${lineLink(s.file, s.line, s.lineAt, options.links)} | ${s.deltaKgCO2e === null ? '—' : mdText(signedKg(s.deltaKgCO2e, units))} | ${mdText(s.status === 'changed' ? s.changed.map(inputWords).join('; ') : s.status)} |`));
  }
  if (diff.budgets.length > 0) {
    lines.push('', '#### Budgets', '', '| Budget | Limit | Base | Head | Status |', '|---|---:|---:|---:|---|',
      ...diff.budgets.map((b) => {
        const limit = b.head ?? b.base!;
        const status = b.newlyExceeded ? `**${mdText(b.statusChange)}**` : mdText(b.statusChange);
        return `| ${mdText(b.id)} (${lineLink(b.file, b.line, b.lineAt, options.links)}) | ${kg(limit.limitKgCO2e)}${limit.per ? ` per ${limit.per}` : ''} | ${mdText(budgetWords(b.base, units))} | ${mdText(budgetWords(b.head, units))} | ${status} |`;
      }));
  }
  lines.push('', '<details><summary>By stage and scope</summary>', '', '| | Base | Head | Change |', '|---|---:|---:|---:|',
    ...Object.entries({ ...diff.byStage, ...diff.byScope }).map(([key, f]) => `| ${key} | ${kg(f.base)} | ${kg(f.head)} | ${mdText(signedKg(f.delta, units))} |`),
    '', '</details>');
  const files = diff.files.filter((f) => f.status === 'added' || f.status === 'removed');
  if (files.length > 0) lines.push('', ...files.map((f) => `- ${mdText(f.file)}: ${f.status === 'added' ? 'not in the base, counted as added' : 'deleted, counted as removed'}`));
  if (diff.diagnostics.length > 0) {
    lines.push('', `<details><summary>Issues (${diff.diagnostics.length})</summary>`, '',
      ...diff.diagnostics.slice(0, 50).map((x) => `- ${x.side} ${lineLink(x.file, x.line, x.side, options.links)}: **${x.severity}** \`${x.code.replace(/[^a-z0-9-]/gi, '')}\` ${mdText(x.message)}`), '', '</details>');
  }
  if (diff.notes.length > 0) lines.push('', ...diff.notes.map((n) => `> ${mdText(n)}`));
  if (options.gate && options.gate.checks.length > 0) {
    lines.push('', `**Gate: ${options.gate.failed ? 'failed' : 'passed'}**`, '', ...options.gate.checks.map((c) => `- ${c.failed ? '❌' : '✅'} ${mdText(c.message)}`));
  }
  return `${lines.join('\n')}\n`;
}
