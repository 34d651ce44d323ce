/**
 * Manifest text is data, never markup: hostile strings in every free-text field (and in ids,
 * models and locations, which only reach the output through diagnostics) come out of every
 * output as inert text — HTML export, Markdown export, CSV, text, JSON, SARIF, hover Markdown,
 * code lens titles, diagnostics and code actions.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, reportFromAnalysis, Report } from '../../../engine';
import { formatCsv, formatMarkdown, formatReports, formatText } from '../../../engine/report/formats';
import { formatHtml } from '../../../engine/report/html';
import { formatSarif } from '../../../engine/report/sarif';
import { codeActions } from '../../../server/src/service/codeActions';
import { codeLenses } from '../../../server/src/service/codeLens';
import { hover } from '../../../server/src/service/hover';
import { validate } from '../../../server/src/service/validate';
import { DEFAULT_SETTINGS } from '../../../contracts/settings';
import { CONTROL, cspProblems, HOSTILE, HOSTILE_LIST, htmlProblems, isFormula, liveMarkdown, parseCsv, tokenizeHtml } from './checkers';

const URI = 'file:///security/hostile.carbon.yaml';
const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/** A manifest that computes, with `text` in every free-text field and in fields that are validated. */
function hostileManifest(text: string): string {
  const short = text.slice(0, 200);
  return `version: 1
organization: ${q(short)}
period: 2026
sites:
  - id: dc1
    name: ${q(short)}
    location: FR
    pue: 1.3
  - id: dc2
    location: ${q(text)}
assets:
  - id: gpus
    name: ${q(short)}
    site: dc1
    model: nvidia-hgx-h100-8gpu
    count: 4
    acquired: 2025-01-15
    lifespanYears: 5
    transport: { mode: air, distanceKm: 9500 }
    endOfLife: recycle
  - id: storage
    site: dc1
    components:
      cpu: { units: 2, cores: 32, name: ${q(short)} }
      ram: [{ units: 8, capacityGb: 64 }]
    lifespanYears: 6
  - id: ${q(text)}
    site: ${q(text)}
    model: ${q(text)}
budgets:
  - id: total
    limit: 1 kgCO2e
  - id: ${q(text)}
    limit: ${q(text)}
scenarios:
  - id: longer
    description: ${q(text)}
    set: { lifespanYears: 7 }
factors:
  - id: grid/FR
    value: 0.06
    source: ${q(`${text}...`.slice(0, 500))}
  - id: ${q(text)}
    value: 1
    source: ${q(`${text}...`.slice(0, 500))}
`;
}

/** Every element the HTML export may contain. */
const EXPORT_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'section', 'h1', 'h2', 'p', 'strong', 'small', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'ul', 'li', 'span', 'code', 'hr', 'br', 'em', 'div', 'caption']);

/** Live Markdown constructs that come from the manifest (our own formatting has none). */
function hostileLive(markdown: string): string[] {
  return liveMarkdown(markdown).filter((m) => /evil|alert|command|javascript|cmd|calc|onerror|ontoggle|details|img|script/i.test(m));
}

function checkMarkdownTables(markdown: string, what: string): void {
  const lines = markdown.split('\n');
  let columns: number | undefined;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
    if (columns === undefined) columns = cells;
    assert.equal(cells, columns, `${what}: a table row has ${cells - 2} cells instead of ${columns - 2} (manifest text broke the table): ${line}`);
  }
}

function analyse(text: string) {
  const analysis = analyze(text);
  const report = reportFromAnalysis(analysis, 'hostile.carbon.yaml', true);
  return { analysis, report };
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** The shipped CLI bundle, run in-process (importing it does not start it: see cli/main.ts). */
const CLI_BUNDLE = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
let cliMain: ((argv: string[]) => number) | undefined;

/** Runs the CLI in-process and returns what it wrote to stdout. */
function cli(argv: string[]): string {
  const chunks: string[] = [];
  const write = process.stdout.write;
  const errWrite = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => { chunks.push(String(chunk)); return true; }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cliMain ??= (require(CLI_BUNDLE) as { main(argv: string[]): number }).main;
    cliMain(argv);
  } finally {
    process.stdout.write = write;
    process.stderr.write = errWrite;
  }
  return chunks.join('');
}

describe('security: manifest text is escaped in every output', () => {
  let tmp = '';
  before(() => { tmp = mkdtempSync(join(tmpdir(), 'carbon-lens-security-')); });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the hostile manifest still computes (so every output is exercised)', () => {
    const { analysis, report } = analyse(hostileManifest(HOSTILE.imgOnerror));
    assert.ok(analysis.inventory, 'inventory');
    assert.ok(report.assets.length >= 2, 'assets computed');
    assert.ok(report.scenarios.length >= 1, 'scenario computed');
    assert.ok(report.diagnostics.length > 0, 'diagnostics quoting the hostile values');
    assert.equal(report.organization, HOSTILE.imgOnerror);
  });

  for (const [name, text] of Object.entries(HOSTILE)) {
    describe(`${name}: ${JSON.stringify(text).slice(0, 60)}`, () => {
      const { analysis, report } = analyse(hostileManifest(text));

      it('HTML export: strict CSP, no script, no handler, no URL; the text is shown as text', () => {
        const html = formatHtml([report]);
        assert.deepEqual(htmlProblems(html, EXPORT_TAGS), []);
        const tokens = tokenizeHtml(html);
        assert.equal(tokens.tags.filter((t) => t.name === 'script').length, 0);
        const meta = tokens.tags.find((t) => t.name === 'meta' && t.attributes.some((a) => a.name === 'http-equiv' && /content-security-policy/i.test(a.value)));
        assert.ok(meta, 'CSP meta');
        const style = tokens.tags.find((t) => t.name === 'style');
        const nonce = style?.attributes.find((a) => a.name === 'nonce')?.value;
        assert.deepEqual(cspProblems(meta!.attributes.find((a) => a.name === 'content')!.value, nonce), []);
        // The CSS is ours: manifest text never reaches a raw-text element.
        for (const raw of tokens.raw) assert.ok(!raw.content.includes(text.slice(0, 12)) || text.trim().length < 4, `manifest text inside <${raw.element}>`);
        // Visible as text (the organization is in the title heading).
        const visible = tokens.text.join('');
        assert.ok(visible.includes(text.slice(0, 200).replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 20)) || visible.includes(text.slice(0, 20)), 'the organization is shown as text');
      });

      it('Markdown export: no live link, image, autolink or HTML from the manifest; tables intact', () => {
        const markdown = formatMarkdown(report);
        assert.deepEqual(hostileLive(markdown), []);
        checkMarkdownTables(markdown, 'markdown export');
        assert.ok(!CONTROL.test(markdown), 'control characters in the Markdown export');
      });

      it('CSV: every cell neutralised, every row intact', () => {
        const csv = formatCsv([{ ...report, file: text }]);
        const rows = parseCsv(csv);
        const width = rows[0].length;
        for (const row of rows) {
          assert.equal(row.length, width, `a row has ${row.length} cells instead of ${width}`);
          for (const cell of row) assert.ok(!isFormula(cell), `formula cell ${JSON.stringify(cell)}`);
        }
      });

      it('CLI text, Markdown and check output (terminal): no control character or bidi override', () => {
        const file = join(tmp, `${name}.carbon.yaml`);
        writeFileSync(file, analysis.text);
        for (const argv of [['report', file], ['report', '--format', 'markdown', file], ['report', '--format', 'csv', file], ['check', file], ['check', '--format', 'json', file], ['check', '--format', 'sarif', file]]) {
          const out = cli(argv);
          assert.ok(!CONTROL.test(out) && !BIDI.test(out), `${argv.slice(0, -1).join(' ')}: ${JSON.stringify(out.match(/.{0,30}[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069].{0,30}/)?.[0])}`);
        }
      });

      it('JSON and SARIF: valid, the data intact, no embedded SARIF links', () => {
        const json = JSON.parse(formatReports([report], 'json')) as Report;
        assert.equal(json.organization, text.slice(0, 200));
        const sarif = JSON.parse(formatSarif([report], '0.0.0')) as { runs: { results: { message: { text: string } }[] }[] };
        for (const result of sarif.runs[0].results) {
          // SARIF §3.11.6: "[text](target)" in a plain-text message is an embedded link unless the brackets are escaped.
          assert.ok(!/(?<!\\)\[[^\]]*(?<!\\)\]\(/.test(result.message.text), `embedded link in SARIF message: ${result.message.text}`);
        }
      });

      it('hover Markdown: no live construct from the manifest anywhere in the document', () => {
        const manifest = analysis.text;
        for (const m of manifest.matchAll(/[^\s:{}[\],-][^\s:{}[\],]*/g)) {
          const position = analysis.lines.position(m.index! + 1);
          const h = hover(analysis, position, DEFAULT_SETTINGS);
          if (!h) continue;
          const value = (h.contents as { value: string }).value;
          assert.deepEqual(hostileLive(value), [], `hover at ${JSON.stringify(position)}`);
          checkMarkdownTables(value, `hover at ${JSON.stringify(position)}`);
        }
      });

      it('code lens titles, diagnostics and code actions: plain text, no codicon or control injection', () => {
        for (const lens of codeLenses(analysis, URI, DEFAULT_SETTINGS)) {
          assert.ok(!lens.command!.title.includes('$('), `codicon syntax in a lens title: ${lens.command!.title}`);
          assert.ok(!CONTROL.test(lens.command!.title));
          for (const arg of lens.command!.arguments ?? []) assert.ok(typeof arg === 'string' || (typeof arg === 'object' && arg !== null), 'lens arguments are data');
        }
        const diagnostics = validate(analysis, URI, DEFAULT_SETTINGS);
        for (const action of codeActions(analysis, URI, diagnostics)) {
          assert.equal(action.command, undefined, 'a code action runs no command');
          for (const uri of Object.keys(action.edit?.changes ?? {})) assert.equal(uri, URI, 'a code action edits only its manifest');
        }
      });
    });
  }

  it('formatters are safe on their own: hostile strings in every string field of a report', () => {
    const { report } = analyse(hostileManifest('x'));
    for (const text of HOSTILE_LIST) {
      const poisoned = poison(report, text) as Report;
      poisoned.format = 'carbon-lens-report/1';
      const html = formatHtml([poisoned]);
      assert.deepEqual(htmlProblems(html, EXPORT_TAGS), [], `HTML with ${JSON.stringify(text)}`);
      assert.deepEqual(hostileLive(formatMarkdown(poisoned)), [], `Markdown with ${JSON.stringify(text)}`);
      checkMarkdownTables(formatMarkdown(poisoned), `Markdown with ${JSON.stringify(text)}`);
      for (const row of parseCsv(formatCsv([poisoned]))) for (const cell of row) assert.ok(!isFormula(cell), `CSV cell ${JSON.stringify(cell)}`);
      formatText(poisoned);
      JSON.parse(formatSarif([poisoned], '0.0.0'));
    }
  });
});

/** A deep copy of `value` with every string replaced by `text` (keys and enumerations included). */
function poison(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((v) => poison(v, text));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, text)]));
  return value;
}
