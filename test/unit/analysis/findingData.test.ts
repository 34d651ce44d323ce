import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../engine/analysis';
import { generatedCases } from '../../hostile/generate';

/**
 * Issue 11: every diagnostic carries its facts in `data`, not only in its text, so that quick
 * fixes, the report and SARIF reuse them. Over the hostile corpus and the samples: every finding
 * has data beyond its path, and a message that quotes a figure has at least one number in data.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAX_BYTES = 512 * 1024;

function texts(): { name: string; text: string }[] {
  const dir = (d: string) => readdirSync(join(ROOT, d)).filter((n) => /\.ya?ml$/.test(n)).map((n) => ({ name: `${d}/${n}`, text: readFileSync(join(ROOT, d, n), 'utf8') }));
  const generated = generatedCases()
    .filter((c) => c.content.length <= MAX_BYTES)
    .map((c) => ({ name: `generated ${c.name}`, text: c.content.toString() }));
  return [...dir('test/hostile/files'), ...dir('samples'), ...generated];
}

function hasNumber(value: unknown): boolean {
  if (typeof value === 'number') return true;
  // A correction is data too: the replacement text of a value ("0.5" for "50%").
  if (typeof value === 'string') return value.trim() !== '' && Number.isFinite(Number(value));
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasNumber);
}

describe('analysis: every finding carries its facts in data', function () {
  this.timeout(120000);

  it('over the hostile corpus and the samples', () => {
    const bare: string[] = [];
    const numbersOnlyInText: string[] = [];
    for (const { name, text } of texts()) {
      for (const f of analyze(text).findings) {
        const { path: _path, ...facts } = (f.data ?? {}) as Record<string, unknown>;
        if (Object.keys(facts).length === 0) bare.push(`${name}: ${f.code}`);
        // A figure in the text (a quantity, not an id or a line number in quotes) must be in data too.
        const quoted = f.message.replace(/"[^"]*"|`[^`]*`|\([^)]*\.ya?ml[^)]*\)/g, '');
        // (The YAML parser's own messages quote the offending text, figures or not.)
        if (!f.code.startsWith('yaml-') && /\d+(\.\d+)?\s*(kgCO2e|tCO2e|kWh|MWh|W\b|kg\b|mm²|years?|%)/.test(quoted) && !hasNumber(facts)) numbersOnlyInText.push(`${name}: ${f.code}: ${f.message}`);
      }
    }
    assert.deepEqual([...new Set(bare)], [], 'findings without data');
    assert.deepEqual(numbersOnlyInText, [], 'figures only in the text');
  });
});
