import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, reportFromAnalysis } from '../../engine';
import { generatedCases, HostileCase } from '../hostile/generate';
import { assertNotRawAjv } from './analysis/helpers';

/**
 * The hostile corpus (test/hostile/files/*.yaml and the generators in test/hostile/generate.ts)
 * through analyze() and `carbon-lens check --format json`: no throw, bounded time, at least one
 * clear diagnostic, every range inside the document, and no NaN, Infinity or negative emission
 * anywhere in the report. CARBON_LENS_HOSTILE_FULL=1 adds a 10 MB legitimate fleet (slow).
 */

const ROOT = join(__dirname, '..', '..', '..');
const FILES = join(ROOT, 'test', 'hostile', 'files');
const CLI = join(ROOT, 'dist', 'cli.js');
/**
 * Bounds. analyze() is timed in CPU time (the machines running the suite are shared, and wall
 * time there measures the neighbours); a CLI run in wall time, with room for process start-up.
 */
const ANALYZE_CPU_MS = 5000;
const CLI_MS = 10000;

/** CPU milliseconds (user + system) spent by this process in `fn`, with its result. */
function cpuTimed<T>(fn: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

interface Case extends HostileCase {
  path?: string;
}

function fileCases(): Case[] {
  return readdirSync(FILES)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, about: 'hand-written hostile file', content: readFileSync(join(FILES, name)), path: join(FILES, name), valid: name.includes('.valid.') }));
}

const textOf = (c: Case) => (Buffer.isBuffer(c.content) ? c.content.toString('utf8') : c.content);

// Savings may be negative (a change can add CO2e); everything else in the report is an emission,
// an energy, a count, a share or a position, none of which may be negative.
const MAY_BE_NEGATIVE = /\.(savingKgCO2e|savingShare|savingMarketKgCO2e|savingMarketShare)$/;
// JSON has no Infinity: a budget with a zero limit reports its ratio as null.
const MAY_BE_NULL = /^\.budgets\[\d+\]\.ratio$/;

function checkNumbers(value: unknown, path: string, problems: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} = ${value}`);
    else if (value < 0 && !MAY_BE_NEGATIVE.test(path)) problems.push(`${path} = ${value} (negative)`);
  } else if (value === null) {
    if (!MAY_BE_NULL.test(path.replace(/^\[\d+\]/, ''))) problems.push(`${path} = null`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkNumbers(v, `${path}[${i}]`, problems));
  } else if (typeof value === 'object' && value !== undefined) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) checkNumbers(v, `${path}.${k}`, problems);
  }
}

function checkMessage(message: string, where: string): void {
  assert.ok(message.length > 10, `${where}: empty message`);
  assert.doesNotMatch(message, /\bundefined\b|\bNaN\b|\[object Object\]/, `${where}: ${message}`);
  assertNotRawAjv(message);
}

interface ReportDiagnosticLike {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Line lengths of a text, by LineIndex's rules (LF, CRLF or a lone CR end a line). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function checkPositions(diagnostics: ReportDiagnosticLike[], text: string, where: string): void {
  const lengths = lineLengths(text);
  for (const d of diagnostics) {
    const at = `${where} ${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
    assert.ok(d.line >= 1 && d.line <= lengths.length, `${at}: line outside the document`);
    assert.ok(d.endLine >= d.line && d.endLine <= lengths.length, `${at}: end line outside the document`);
    assert.ok(d.column >= 1 && d.column <= lengths[d.line - 1] + 1, `${at}: column outside its line (${lengths[d.line - 1]} characters)`);
    assert.ok(d.endColumn >= 1 && d.endColumn <= lengths[d.endLine - 1] + 1, `${at}: end column outside its line`);
    assert.ok(d.endLine > d.line || d.endColumn >= d.column, `${at}: range ends before it starts`);
  }
}

const GENERATED: Case[] = generatedCases();

describe('hostile inputs', function () {
  this.timeout(120000);
  const cases: Case[] = [...fileCases(), ...GENERATED];

  it('has a corpus', () => {
    assert.ok(cases.length >= 50, `${cases.length} cases`);
    for (const name of ['ten-megabytes', 'deep-flow-lists', 'alias-bomb.yaml', 'binary-garbage', 'unicode-ids.yaml', 'limit-unit-typos.yaml']) {
      assert.ok(cases.some((c) => c.name === name), name);
    }
  });

  describe('analyze()', () => {
    for (const c of [...fileCases(), ...GENERATED]) {
      it(`${c.name}: ${c.about}`, () => {
        const text = textOf(c);
        const { value: analysis, ms: analyzed } = cpuTimed(() => analyze(text));
        assert.ok(analyzed < ANALYZE_CPU_MS, `analyze took ${Math.round(analyzed)} ms of CPU`);

        for (const f of analysis.findings) {
          assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), `${f.code}: integer offsets`);
          assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.code}: range ${f.start}-${f.end} outside 0-${text.length}`);
          for (const r of f.related ?? []) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${f.code}: related range`);
          for (const s of f.suggestions ?? []) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${f.code}: fix range`);
          checkMessage(f.message, `${c.name} ${f.code}`);
        }
        const problems = analysis.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        if (c.valid) {
          assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.message), [], 'a legitimate manifest has no errors');
          assert.ok(analysis.inventory, 'and is computed');
        } else {
          assert.ok(problems.length > 0, 'at least one error or warning');
        }

        // What-ifs recompute the fleet four times: only for the smaller cases, to keep the suite fast.
        const { value: built, ms: reported } = cpuTimed(() => reportFromAnalysis(analysis, c.name, text.length < 1_000_000));
        assert.ok(reported < ANALYZE_CPU_MS, `report took ${Math.round(reported)} ms of CPU`);
        const report = JSON.parse(JSON.stringify(built));
        const bad: string[] = [];
        checkNumbers(report, '', bad);
        assert.deepEqual(bad.slice(0, 10), [], 'finite, non-negative numbers only');
        checkPositions(report.diagnostics, text, c.name);
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      });
    }
  });

  describe('carbon-lens check --format json', () => {
    let dir: string;
    before(() => {
      assert.ok(existsSync(CLI), 'run `npm run build` first');
      dir = mkdtempSync(join(tmpdir(), 'carbon-lens-hostile-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    function run(args: string[]) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 60000 });
      return { ...result, ms: Date.now() - started };
    }

    function checkReport(report: { file: string; diagnostics: ReportDiagnosticLike[] }, c: Case): void {
      assert.ok(report.diagnostics.length > 0 || c.valid, `${c.name}: at least one diagnostic`);
      for (const d of report.diagnostics) checkMessage(d.message, `${c.name} ${d.code}`);
      checkPositions(report.diagnostics, textOf(c), c.name);
      const bad: string[] = [];
      checkNumbers(report, '', bad);
      assert.deepEqual(bad.slice(0, 10), [], `${c.name}: finite, non-negative numbers only`);
    }

    /** Small files share one CLI run (process start-up dominates); each gets its own report. */
    function batch(files: Case[]): void {
      const result = run(['check', '--format', 'json', ...files.map((f) => f.path as string)]);
      assert.equal(result.signal, null, 'not killed');
      assert.equal(result.stderr, '', 'nothing on stderr');
      assert.equal(result.status, 1, 'invalid manifests fail the check');
      assert.ok(result.ms < CLI_MS * 2, `${result.ms} ms for ${files.length} files`);
      const reports = JSON.parse(result.stdout) as { file: string; diagnostics: ReportDiagnosticLike[] }[];
      assert.equal(reports.length, files.length);
      reports.forEach((report, i) => {
        assert.equal(report.file, files[i].path);
        checkReport(report, files[i]);
      });
    }

    it('checks every hand-written file in one run', () => batch(fileCases()));

    it('checks the small generated files in one run', () => {
      const small = GENERATED.filter((c) => c.content.length < 1_000_000).map((c) => {
        const path = join(dir, `${c.name}.yaml`);
        writeFileSync(path, c.content);
        return { ...c, path };
      });
      batch(small);
    });

    for (const c of GENERATED.filter((g) => g.content.length >= 1_000_000)) {
      it(`${c.name} (alone)`, () => {
        const path = join(dir, `${c.name}.yaml`);
        writeFileSync(path, c.content);
        const result = run(['check', '--format', 'json', path]);
        assert.equal(result.signal, null, 'not killed');
        assert.equal(result.stderr, '', 'nothing on stderr');
        assert.ok(result.status === 0 || result.status === 1, `exit status ${result.status}`);
        assert.ok(result.ms < CLI_MS, `check took ${result.ms} ms`);
        checkReport(JSON.parse(result.stdout), c);
      });
    }

    it('prints no terminal control or bidi characters from the manifest in text output', () => {
      for (const name of ['control-characters.yaml', 'unicode-ids.yaml']) {
        const result = run(['check', join(FILES, name)]);
        assert.equal(result.status, 1);
        assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, name);
        assert.match(result.stdout, /\\u\{(1b|202e|200b)\}/, `${name}: shown escaped`);
      }
    });
  });

  describe('specific answers', () => {
    const analyzed = (name: string) => analyze(readFileSync(join(FILES, name), 'utf8'));
    const codes = (name: string) => analyzed(name).findings.map((f) => f.code);

    it('stops alias bombs, recursive and undefined aliases', () => {
      assert.deepEqual(codes('alias-bomb.yaml'), ['yaml-alias-limit']);
      assert.deepEqual(codes('alias-recursive.yaml'), ['yaml-alias-cycle']);
      assert.deepEqual(codes('alias-undefined.yaml'), ['yaml-unresolved-alias']);
      assert.deepEqual(codes('merge-keys-abuse.yaml'), ['yaml-merge']);
    });

    it('computes legitimate merge keys like the expanded manifest', () => {
      const merged = analyzed('merge-keys.valid.yaml');
      assert.deepEqual(merged.inventory?.assets.map((a) => [a.id, a.count, a.modelId]), [['pods-a', 8, 'nvidia-hgx-h100-8gpu'], ['pods-b', 8, 'nvidia-hgx-h100-8gpu']]);
    });

    it('refuses absurd nesting and size before parsing', () => {
      const generated = new Map(GENERATED.map((c) => [c.name, textOf(c)]));
      for (const name of ['deep-flow-lists', 'deep-flow-maps', 'deep-block-sequences']) {
        assert.deepEqual(analyze(generated.get(name) as string).findings.map((f) => f.code), ['yaml-nesting'], name);
      }
      assert.deepEqual(analyze(generated.get('dense-flow-list') as string).findings.map((f) => f.code), ['file-too-large']);
    });

    it('reports each bad limit unit once', () => {
      const findings = analyzed('limit-unit-typos.yaml').findings.filter((f) => f.code === 'invalid-limit');
      assert.ok(findings.length >= 40, `${findings.length} invalid limits`);
      // the valid budget and the zero budget are checked
      const inventory = analyzed('limit-unit-typos.yaml').inventory;
      assert.ok(inventory?.budgets.some((b) => b.id === 'ok'));
      assert.equal(inventory?.budgets.find((b) => b.id === 'zero')?.status, 'exceeded');
    });

    it('rejects look-alike ids (bidi override, emoji, zero-width, homoglyph)', () => {
      const findings = analyzed('unicode-ids.yaml').findings.filter((f) => f.code === 'invalid-id');
      assert.ok(findings.length >= 9, `${findings.length} invalid ids`);
    });

    it('keeps every number finite at the schema maxima', () => {
      const analysis = analyzed('huge-but-allowed.yaml');
      assert.ok(analysis.inventory);
      const bad: string[] = [];
      checkNumbers(JSON.parse(JSON.stringify(reportFromAnalysis(analysis))), '', bad);
      assert.deepEqual(bad, []);
    });

    it('reads old Mac (CR) and CRLF line endings with a BOM like LF', () => {
      const crlf = analyzed('bom-crlf.yaml').findings.map((f) => f.code);
      const cr = analyzed('cr-only.yaml').findings.map((f) => f.code);
      assert.deepEqual(crlf, ['wrong-type']);
      assert.deepEqual(cr, ['wrong-type']);
    });
  });
});
