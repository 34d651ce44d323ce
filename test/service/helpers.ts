import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, Analysis } from '../../engine';
import { DEFAULT_SETTINGS, Settings } from '../../contracts/settings';

export const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
export const URI = 'file:///test.carbon.yaml';

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** Analysis of `text` and the LSP position of `needle` (+ delta characters), 0-based. */
export function at(text: string, needle: string, delta = 0): { analysis: Analysis; position: { line: number; character: number } } {
  const analysis = analyze(text);
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found`);
  return { analysis, position: analysis.lines.position(offset + delta) };
}

/** Position at the `|` marker in `text` (removed), with the analysis of the text without it. */
export function cursor(textWithBar: string): { analysis: Analysis; position: { line: number; character: number }; text: string } {
  const offset = textWithBar.indexOf('|');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  const analysis = analyze(text);
  return { analysis, position: analysis.lines.position(offset), text };
}
