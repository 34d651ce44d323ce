import { strict as assert } from 'node:assert';
import { isSeq, parseDocument } from 'yaml';
import { LNode, parseFastItem } from '../../../engine/incremental/fastYaml';
import { fromYamlNode, YAML_OPTIONS } from '../../../engine/incremental/yamlItem';
import { generateManifest } from '../../../bench/generate';
import { CORE_SCALARS, mutate, randomItem, rng } from './yamlCorpus';

/** What yaml makes of the item, or undefined when it reports errors or warnings. */
function reference(text: string): { node: LNode; value: unknown } | undefined {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length || doc.warnings.length || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const node = fromYamlNode(doc.contents.items[0], 0);
  if (!node) return undefined;
  return { node, value: doc.toJS()[0] };
}

/** Compares the fast parser with yaml on one item text; returns whether the fast path took it. */
export function checkItem(text: string): boolean {
  const fast = parseFastItem(text, 0, text.length);
  if (!fast) return false;
  const ref = reference(text);
  assert.ok(ref, `fast parser accepted text that yaml rejects: ${JSON.stringify(text)}`);
  assert.deepEqual(fast.value, ref.value, `value of ${JSON.stringify(text)}`);
  assert.deepEqual(fast.node, ref.node, `ranges of ${JSON.stringify(text)}`);
  return true;
}

describe('fast YAML item parser agrees with yaml', () => {
  it('on every item of a generated manifest', () => {
    const text = generateManifest({ assets: 300, seed: 7, incompleteShare: 0.3 });
    const starts = [...text.matchAll(/^ {2}- /gm)].map((m) => m.index!);
    let fast = 0;
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1] : text.indexOf('\nbudgets:') + 1;
      if (starts[i] > text.indexOf('\nbudgets:')) break;
      if (checkItem(text.slice(starts[i], end))) fast++;
    }
    assert.ok(fast > 250, `only ${fast} items on the fast path`);
  });

  it('on plain scalars in every core-schema form, as values, in flow collections and as keys', () => {
    let fast = 0;
    for (const scalar of CORE_SCALARS) {
      for (const text of [`- ${scalar}\n`, `  - k: ${scalar}\n    j: [${scalar}, x]\n    m: { a: ${scalar} }\n`, `- ${scalar}: 1\n`, `- { ${scalar}: 1 }\n`]) {
        if (checkItem(text)) fast++;
      }
    }
    assert.ok(fast > 2 * CORE_SCALARS.length, `only ${fast} on the fast path`);
  });

  it('reads an item with 200,000 keys in linear time (hostile input)', () => {
    const lines = ['  - id: x'];
    for (let i = 0; i < 200_000; i++) lines.push(`    k${i}: ${i}`);
    const text = `${lines.join('\n')}\n`;
    const before = process.cpuUsage();
    const fast = parseFastItem(text, 0, text.length);
    const used = process.cpuUsage(before);
    assert.equal(Object.keys(fast?.value as object).length, 200_001);
    // Linear: well under a second. A scan of the keys for duplicates took minutes.
    assert.ok((used.user + used.system) / 1000 < 5000, `${(used.user + used.system) / 1000} ms of CPU`);
  });

  it('on random items and random mutations of them (fixed seed)', () => {
    const random = rng(20260101);
    let fast = 0;
    let total = 0;
    for (let i = 0; i < 3000; i++) {
      let text = randomItem(random, random() < 0.8 ? 2 : 0);
      if (random() < 0.2) text = text.replace(/\n/g, '\r\n'); // Windows line ends
      total++;
      if (checkItem(text)) fast++;
      for (let m = 0; m < 3; m++) {
        text = mutate(random, text);
        total++;
        if (checkItem(text)) fast++;
      }
    }
    // The corpus is mostly unusual YAML on purpose: what matters is that accepted items agree.
    assert.ok(fast > total / 10, `only ${fast}/${total} on the fast path`);
  });
});
