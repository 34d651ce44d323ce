/**
 * The incremental analysis must give exactly what a from-scratch analysis gives, whatever the
 * edits: random sequences of the edits people make (typing and deleting characters, changing
 * numbers, ids, sites and models, adding, removing, pasting, moving, splitting and merging list
 * items, breaking the YAML inside an item and fixing it a few edits later, editing the header)
 * are applied to the samples and to generated fleets. After every edit the incremental result
 * is compared with `analyzeWhole` (one `yaml` parse of the text) when the text has no YAML
 * errors, and with a from-scratch `analyze()` when it has (the segmented reading then reports
 * each broken item's errors on their own, which the whole parse may place elsewhere).
 * Fixed seeds: a failure reproduces.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, Analysis, analyzeIncremental, analyzeWhole } from '../../../engine/analysis';
import { SegmentedState } from '../../../engine/incremental/segmented';
import { scanLayout, SectionLayout } from '../../../engine/incremental/layout';
import { generateManifest, rng } from '../../../bench/generate';
import { assertSameAnalysis } from './helpers';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
const MODELS = ['nvidia-hgx-h100-8gpu', 'nvidia-dgx-h100', 'dell-poweredge-r740', 'nvidia-l40s', 'nvidia-hgx-h100', 'unknown-model'];

type Edit = (text: string, random: () => number) => string;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function lineBounds(text: string, random: () => number): [number, number] {
  const at = Math.floor(random() * text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return [start, end];
}

function replaceMatch(text: string, random: () => number, pattern: RegExp, make: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = pick(random, matches) as RegExpExecArray;
  return text.slice(0, match.index) + make(match) + text.slice(match.index + match[0].length);
}

const EDITS: [number, Edit][] = [
  // Typing a character somewhere (mostly inside values).
  [6, (text, random) => {
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + pick(random, ['1', '0', 'a', '-', ' ', '.', 'x', 'e', ':', '\n', '#', '"', '{', '}', '[', ',', '5']) + text.slice(at);
  }],
  // Deleting one to three characters.
  [5, (text, random) => {
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  }],
  // Changing a number.
  [8, (text, random) => replaceMatch(text, random, /(?<=: )\d+(\.\d+)?(?=\s|,|\}|$)/gm, () => pick(random, ['1', '4', '16', '0.5', '0.95', '2', '1.2', '0', '150', '12000', '100', '-1', '1e999']))],
  // Changing an id (sometimes to a duplicate).
  [4, (text, random) => {
    const ids = [...text.matchAll(/id: ([\w.-]+)/g)].map((m) => m[1]);
    return replaceMatch(text, random, /(?<=id: )[\w.-]+/g, () => (random() < 0.4 && ids.length ? pick(random, ids) : `x-${Math.floor(random() * 1000)}`));
  }],
  // Pointing an asset at another (or an unknown) site.
  [3, (text, random) => replaceMatch(text, random, /(?<=site: )[\w.-]+/g, () => pick(random, ['fra-dc1', 'deu-fra2', 'irl-dub1', 'nowhere', 'us-west-or']))],
  // Changing a model.
  [3, (text, random) => replaceMatch(text, random, /(?<=model: )[\w.-]+/g, () => pick(random, MODELS))],
  // Removing a line, duplicating a line.
  [3, (text, random) => {
    const [start, end] = lineBounds(text, random);
    return random() < 0.5 ? text.slice(0, start) + text.slice(Math.min(text.length, end + 1)) : text.slice(0, end + 1) + text.slice(start, end + 1) + text.slice(end + 1);
  }],
  // Adding or removing a key in an item.
  [3, (text, random) => replaceMatch(text, random, /\n( {4})(count|lifespanYears|utilization|endOfLife|transport): [^\n]*/g, (m) => (random() < 0.5 ? '' : `${m[0]}\n${m[1]}${pick(random, ['uptime: 0.9', 'power: { averageW: 500 }', 'endOfLife: resell', 'acquired: 2025-06-01', 'unknownKey: 1'])}`))],
  // A comment, a blank line.
  [2, (text, random) => {
    const [start] = lineBounds(text, random);
    return text.slice(0, start) + pick(random, ['    # note\n', '\n', '  # between\n', '# carbon-lens-ignore missing-transport because\n']) + text.slice(start);
  }],
  // Header edits: period, methodology, organization.
  [1, (text, random) => replaceMatch(text, random, /^period: .*$/gm, () => pick(random, ['period: 2025', 'period: 2026', 'period: { start: 2026-01-01, end: 2026-07-01 }', 'period: 20x6']))],
  [1, (text, random) => (text.includes('methodology:') ? text.replace(/^methodology: .*\n/m, '') : text.replace(/^version: 1\n/m, `version: 1\nmethodology: ${pick(random, ['boavizta-2.4', 'default'])}\n`))],
];

/** The items of the block-list sections, as the segmented reading sees them (none when it cannot). */
function sectionsOf(text: string): (SectionLayout & { ends: number[] })[] {
  return (scanLayout(text)?.sections ?? []).map((s) => ({ ...s, ends: [...s.starts.slice(1), s.end] }));
}

/** An edit of the items of one random section (the text unchanged when there is none). */
function itemEdit(make: (text: string, section: SectionLayout & { ends: number[] }, random: () => number) => string): Edit {
  return (text, random) => {
    const sections = sectionsOf(text);
    return sections.length === 0 ? text : make(text, pick(random, sections), random);
  };
}

/** A random stretch of 1 to 3 consecutive items: [first, last]. */
function itemRun(section: { starts: number[] }, random: () => number): [number, number] {
  const first = Math.floor(random() * section.starts.length);
  return [first, Math.min(section.starts.length - 1, first + Math.floor(random() * 3))];
}

/** A random item boundary of the section (before an item, or after the last). */
function boundary(section: { starts: number[]; end: number }, random: () => number): number {
  const at = Math.floor(random() * (section.starts.length + 1));
  return at < section.starts.length ? section.starts[at] : section.end;
}

const ITEM_EDITS: [number, Edit][] = [
  // A new item: a copy of one of the section, mostly with a new id.
  [3, itemEdit((text, section, random) => {
    const i = Math.floor(random() * section.starts.length);
    let item = text.slice(section.starts[i], section.ends[i]);
    if (random() < 0.7) item = item.replace(/id: [^\s#]+/, `id: new-${Math.floor(random() * 1000)}`);
    const at = boundary(section, random);
    return text.slice(0, at) + item + text.slice(at);
  })],
  // Deleting one to three items.
  [3, itemEdit((text, section, random) => {
    const [first, last] = itemRun(section, random);
    return text.slice(0, section.starts[first]) + text.slice(section.ends[last]);
  })],
  // Pasting a copy of one to three items somewhere in the section.
  [2, itemEdit((text, section, random) => {
    const [first, last] = itemRun(section, random);
    const at = boundary(section, random);
    return text.slice(0, at) + text.slice(section.starts[first], section.ends[last]) + text.slice(at);
  })],
  // Moving an item (cut and paste in one edit).
  [1, itemEdit((text, section, random) => {
    const i = Math.floor(random() * section.starts.length);
    const item = text.slice(section.starts[i], section.ends[i]);
    const rest = text.slice(0, section.starts[i]) + text.slice(section.ends[i]);
    const remaining = sectionsOf(rest).find((s) => s.name === section.name);
    if (!remaining) return text;
    const at = boundary(remaining, random);
    return rest.slice(0, at) + item + rest.slice(at);
  })],
  // Deleting from inside one item to inside a later one (merging what is left of both).
  [1, itemEdit((text, section, random) => {
    const [first, last] = itemRun(section, random);
    const from = section.starts[first] + Math.floor(random() * (section.ends[first] - section.starts[first]));
    const to = section.starts[last] + Math.floor(random() * (section.ends[last] - section.starts[last]));
    return text.slice(0, from) + text.slice(Math.max(from, to));
  })],
  // Splitting an item: one of its lines becomes a new item's `-` line.
  [1, itemEdit((text, section, random) => {
    const i = Math.floor(random() * section.starts.length);
    const lines = [...text.slice(section.starts[i], section.ends[i]).matchAll(/\n( +)(?=\S)/g)];
    if (lines.length === 0) return text;
    const line = pick(random, lines);
    const at = section.starts[i] + line.index! + 1;
    return `${text.slice(0, at)}${' '.repeat(section.indent)}- ${text.slice(at + line[1].length)}`;
  })],
  // Indenting or dedenting an item's `-` line (it joins the item before it, or leaves the list).
  [1, itemEdit((text, section, random) => {
    const at = section.starts[Math.floor(random() * section.starts.length)];
    return random() < 0.5 ? `${text.slice(0, at)}  ${text.slice(at)}` : text.slice(0, at) + text.slice(at + Math.min(section.indent, 2));
  })],
];

/** Breaking the YAML inside an item, as typing does: an opening quote or bracket, a stray `:`. */
function breakItem(text: string, random: () => number): { text: string; at: number } | undefined {
  const values = sectionsOf(text).flatMap((s) => [...text.slice(s.starts[0], s.end).matchAll(/(?<=: )[^\n#]*\S/g)].map((m) => s.starts[0] + m.index!));
  if (values.length === 0) return undefined;
  const at = pick(random, values);
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const token = pick(random, ['"', "'", '[', '{', ': x', 'DUP']);
  if (token === ': x') return { text: text.slice(0, lineEnd) + token + text.slice(lineEnd), at };
  if (token === 'DUP') {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    return { text: text.slice(0, lineEnd + 1) + text.slice(lineStart, lineEnd + 1) + text.slice(lineEnd + 1), at };
  }
  return { text: text.slice(0, at) + token + text.slice(at), at };
}

const CLOSERS: [RegExp, string][] = [[/: "[^"\n]*$/m, '"'], [/: '[^'\n]*$/m, "'"], [/: \[[^\]\n]*$/m, ']'], [/: \{[^}\n]*$/m, '}']];

/** Closing an unclosed quote or bracket at the end of its line, when there is one. */
function closeOne(text: string): string | undefined {
  for (const [pattern, closer] of CLOSERS) {
    const match = pattern.exec(text);
    if (match) return text.slice(0, match.index + match[0].length) + closer + text.slice(match.index + match[0].length);
  }
  return undefined;
}

const ALL_EDITS = [...EDITS, ...ITEM_EDITS];
const TOTAL_WEIGHT = ALL_EDITS.reduce((sum, [w]) => sum + w, 0);

function randomEdit(text: string, random: () => number): string {
  let r = random() * TOTAL_WEIGHT;
  for (const [weight, edit] of ALL_EDITS) {
    r -= weight;
    if (r < 0) return edit(text, random);
  }
  return text;
}

function hasYamlErrors(whole: Analysis): boolean {
  return (whole.parsed.doc?.errors.length ?? 0) > 0;
}

/**
 * With YAML errors, a segmented from-scratch reading reports them inside the items that do not
 * parse, and inside the one that was just broken at `brokenAt`.
 */
function assertErrorsInBrokenItems(text: string, analysis: Analysis, brokenAt: number | undefined, context: string): void {
  const state = analyzeIncremental(text).state;
  if (!state) return;
  const broken = state.sections.flatMap((s) => s.items.map((item, i) => ({ item, start: s.starts[i], end: s.starts[i] + item.length })).filter((x) => x.item.syntax));
  const errors = analysis.findings.filter((f) => f.code === 'yaml-syntax');
  assert.ok(broken.length > 0 && errors.length > 0, `${context}: a segmented reading with YAML errors has broken items and reports them`);
  for (const error of errors) assert.ok(broken.some((b) => b.start <= error.start && error.end <= b.end), `${context}: ${error.message} at ${error.start} is inside a broken item`);
  if (brokenAt !== undefined) assert.ok(broken.some((b) => b.start <= brokenAt && brokenAt < b.end), `${context}: the item broken at ${brokenAt} is reported`);
}

interface RunStats {
  /** Edits analysed from the previous state (not read from scratch). */
  incremental: number;
  /** Of those, edits made while the text had YAML errors. */
  incrementalWithErrors: number;
  /** Edits that changed the number of items and were incremental. */
  structural: number;
}

const MAX_TROUBLED_STEPS = 4;

function run(name: string, initial: string, seed: number, steps: number): RunStats {
  const random = rng(seed);
  let text = initial;
  let { state } = analyzeIncremental(text);
  const stats: RunStats = { incremental: 0, incrementalWithErrors: 0, structural: 0 };
  /**
   * The last text without YAML problems that was read item by item, and for how many edits
   * the text has not been like that (typing breaks it only for a while).
   */
  let lastGood = text;
  let troubledSteps = 0;
  let yamlErrors = false;
  /** The text to go back to on the next edit (an anchor, alias or tab typed for a moment). */
  let revertTo: string | undefined;
  for (let step = 0; step < steps; step++) {
    const before = text;
    let brokenAt: number | undefined;
    if (revertTo !== undefined) {
      text = revertTo;
      revertTo = undefined;
    } else if (troubledSteps >= MAX_TROUBLED_STEPS) {
      text = lastGood;
    } else if (yamlErrors && random() < 0.4) {
      text = closeOne(text) ?? lastGood;
    } else if (troubledSteps === 0 && random() < 0.08) {
      const broken = breakItem(text, random);
      if (broken) ({ text, at: brokenAt } = broken);
    } else if (random() < 0.02) {
      revertTo = text;
      text = replaceMatch(text, random, /(?<=: )[^\n]+/g, (m) => pick(random, [`\t${m[0]}`, `&a ${m[0]}`, `*a`]));
    } else {
      text = randomEdit(text, random);
    }
    const previous: SegmentedState | undefined = state;
    const result = analyzeIncremental(text, {}, previous);
    const incremental = !!(previous && result.state && result.state.header === previous.header);
    state = result.state;
    const whole = analyzeWhole(text);
    const context = `${name}, seed ${seed}, step ${step}\n--- before ---\n${before.slice(0, 1500)}\n--- after ---\n${text.slice(0, 1500)}`;
    yamlErrors = hasYamlErrors(whole);
    if (yamlErrors) {
      const scratch = analyze(text);
      assertSameAnalysis(result.analysis, scratch, context);
      assertErrorsInBrokenItems(text, scratch, brokenAt, context);
      if (incremental) stats.incrementalWithErrors++;
    } else {
      assertSameAnalysis(result.analysis, whole, context);
    }
    if (whole.parsed.findings.length === 0 && result.state) {
      lastGood = text;
      troubledSteps = 0;
    } else {
      troubledSteps++;
    }
    if (incremental) {
      stats.incremental++;
      const count = (s?: SegmentedState) => s?.sections.reduce((n, x) => n + x.items.length, 0);
      if (count(previous) !== count(result.state)) stats.structural++;
    }
  }
  return stats;
}

function assertMostlyIncremental(stats: RunStats, least: RunStats): void {
  for (const key of Object.keys(least) as (keyof RunStats)[]) {
    assert.ok(stats[key] >= least[key], `only ${stats[key]} edits counted as ${key} (at least ${least[key]} expected): ${JSON.stringify(stats)}`);
  }
}

describe('incremental analysis equals a from-scratch analysis (random edits, fixed seeds)', function () {
  this.timeout(120000);

  it('on the sample', () => {
    assertMostlyIncremental(run('sample', SAMPLE, 1, 200), { incremental: 100, incrementalWithErrors: 20, structural: 15 });
  });

  it('on a generated fleet with incomplete assets', () => {
    assertMostlyIncremental(run('generated', generateManifest({ assets: 12, seed: 9, incompleteShare: 0.3 }), 2, 200), { incremental: 100, incrementalWithErrors: 20, structural: 15 });
  });

  it('on a larger generated fleet', () => {
    assertMostlyIncremental(run('generated 60', generateManifest({ assets: 60, seed: 12, incompleteShare: 0.2 }), 5, 150), { incremental: 80, incrementalWithErrors: 20, structural: 10 });
  });

  it('on the sample with Windows line ends', () => {
    assertMostlyIncremental(run('CRLF sample', SAMPLE.replace(/\n/g, '\r\n'), 4, 120), { incremental: 50, incrementalWithErrors: 10, structural: 8 });
  });

  it('on a generated fleet with factor overrides and items at column 0', () => {
    const text = `${generateManifest({ assets: 8, seed: 4 }).replace(/^ {2}/gm, '')}factors:\n- id: grid/FR\n  value: 0.05\n  source: test\n`;
    assertMostlyIncremental(run('column 0', text, 3, 120), { incremental: 60, incrementalWithErrors: 15, structural: 5 });
  });
});
