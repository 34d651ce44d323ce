/**
 * The incremental analysis must give exactly what a from-scratch analysis gives, whatever the
 * edits: random sequences of the edits people make (typing and deleting characters, changing
 * numbers, ids, sites and models, adding and removing items, breaking and fixing the YAML,
 * editing the header) are applied to the samples and to generated fleets, and after every
 * edit the incremental result is compared with `analyzeWhole` (one `yaml` parse of the text).
 * Fixed seeds: a failure reproduces.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeIncremental, analyzeWhole } from '../../../engine/analysis';
import { SegmentedState } from '../../../engine/incremental/segmented';
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
  // Duplicating or removing a whole list item.
  [2, (text, random) => {
    const starts = [...text.matchAll(/^ {2}- /gm)].map((m) => m.index!);
    if (starts.length < 2) return text;
    const i = Math.floor(random() * (starts.length - 1));
    const item = text.slice(starts[i], starts[i + 1]);
    return random() < 0.5 ? text.slice(0, starts[i + 1]) + item + text.slice(starts[i + 1]) : text.slice(0, starts[i]) + text.slice(starts[i + 1]);
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

const TOTAL_WEIGHT = EDITS.reduce((sum, [w]) => sum + w, 0);

function randomEdit(text: string, random: () => number): string {
  let r = random() * TOTAL_WEIGHT;
  for (const [weight, edit] of EDITS) {
    r -= weight;
    if (r < 0) return edit(text, random);
  }
  return text;
}

function run(name: string, initial: string, seed: number, steps: number): { incremental: number } {
  const random = rng(seed);
  let text = initial;
  let { state } = analyzeIncremental(text);
  let incremental = 0;
  let broken: string | undefined;
  for (let step = 0; step < steps; step++) {
    // Now and then break the YAML, and fix it on the next step.
    const before = text;
    if (broken !== undefined) {
      text = broken;
      broken = undefined;
    } else if (random() < 0.05) {
      broken = text;
      text = replaceMatch(text, random, /(?<=: )[^\n]+/g, (m) => pick(random, [`[${m[0]}`, `"${m[0]}`, `${m[0]}: x`, `\t${m[0]}`, `&a ${m[0]}`, `*a`]));
    } else {
      text = randomEdit(text, random);
    }
    const previous: SegmentedState | undefined = state;
    const result = analyzeIncremental(text, {}, previous);
    if (previous && result.state && result.state.header === previous.header) incremental++;
    state = result.state;
    const expected = analyzeWhole(text);
    assertSameAnalysis(result.analysis, expected, `${name}, seed ${seed}, step ${step}\n--- before ---\n${before.slice(0, 1500)}\n--- after ---\n${text.slice(0, 1500)}`);
    // Typing breaks the YAML only for a moment: the next step goes back to the text before.
    if (broken === undefined && expected.parsed.findings.length > 0) broken = before;
  }
  return { incremental };
}

describe('incremental analysis equals a from-scratch analysis (random edits, fixed seeds)', function () {
  this.timeout(60000);

  it('on the sample', () => {
    const { incremental } = run('sample', SAMPLE, 1, 150);
    assert.ok(incremental > 40, `only ${incremental} edits were incremental`);
  });

  it('on a generated fleet with incomplete assets', () => {
    const { incremental } = run('generated', generateManifest({ assets: 12, seed: 9, incompleteShare: 0.3 }), 2, 120);
    assert.ok(incremental > 50, `only ${incremental} edits were incremental`);
  });

  it('on the sample with Windows line ends', () => {
    const { incremental } = run('CRLF sample', SAMPLE.replace(/\n/g, '\r\n'), 4, 80);
    assert.ok(incremental > 20, `only ${incremental} edits were incremental`);
  });

  it('on a generated fleet with factor overrides and items at column 0', () => {
    const text = `${generateManifest({ assets: 8, seed: 4 }).replace(/^ {2}/gm, '')}factors:\n- id: grid/FR\n  value: 0.05\n  source: test\n`;
    const { incremental } = run('column 0', text, 3, 80);
    assert.ok(incremental > 30, `only ${incremental} edits were incremental`);
  });
});
