import { strict as assert } from 'node:assert';
import { MarkupContent } from 'vscode-languageserver';
import { analyze } from '../../engine';
import { hover } from '../../server/src/service/hover';
import { at, SAMPLE, settings } from './helpers';

function hoverText(text: string, needle: string, delta = 1, s = settings()): string | undefined {
  const { analysis, position } = at(text, needle, delta);
  const result = hover(analysis, position, s);
  return result ? (result.contents as MarkupContent).value : undefined;
}

describe('service: hover', () => {
  it('shows an asset table per unit and for all units, period and whole life', () => {
    const text = hoverText(SAMPLE, 'storage-nodes')!;
    assert.match(text, /\*\*storage\\-nodes\*\* · 6 × component\\-level server/);
    assert.match(text, /\| One unit, 2026 \|/);
    assert.match(text, /\| All 6, 2026 \|/);
    assert.match(text, /\| One unit, whole life \|/);
    assert.match(text, /\| All 6, whole life \(6 yr\) \|/);
    assert.match(text, /% of the file total/);
    assert.match(text, /location-based \/ .* market-based/);
    assert.match(text, /_Assumptions:_/);
  });

  it('writes the asset table in one unit, named in its corner, and the sources before the detail lines', () => {
    const text = hoverText(SAMPLE, 'storage-nodes')!;
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| tCO2e | Manufacturing |'));
    assert.ok(header > 0, text);
    const rows = lines.slice(header + 2, header + 6);
    assert.equal(rows.length, 4);
    // Every cell a bare number: no unit repeated, none switching between kg and t within a column.
    for (const row of rows) assert.doesNotMatch(row, /CO2e/, row);
    const sources = lines.findIndex((l) => l.startsWith('_Sources:_'));
    assert.ok(sources > header && sources < lines.findIndex((l) => l.startsWith('Scope 2')), 'sources right under the table');
    assert.ok(sources < 15, `sources within the first lines of the hover (line ${sources})`);
    assert.match(lines[sources], /`grid\/FRA` 0\.098 kgCO2e\/kWh/);
  });

  it('never says "0%" of the total for a real contributor', () => {
    const text = SAMPLE.replace('count: 16', 'count: 200000').replace('count: 6', 'count: 1');
    assert.match(hoverText(text, 'storage-nodes')!, /· < 0\.1% of the file total/);
  });

  it('shows a site with its grid factor, PUE and dual Scope 2', () => {
    const text = hoverText(SAMPLE, 'fra-dc1')!;
    assert.match(text, /\*\*fra\\-dc1\*\* · FR \(France\) · 2 assets\n\n_Grid:_ Scarlat/);
    assert.match(text, /\| Grid factor \| 0\.098 kgCO2e\/kWh \|/);
    assert.match(text, /\| PUE \| 1\.3 \|/);
    assert.match(text, /Scope 2 market\\-based|Scope 2 market-based/);
    assert.match(text, /Scarlat/);
  });

  it('shows a budget with actual, limit, percentage and top contributors', () => {
    const text = hoverText(SAMPLE, 'annual-total')!;
    assert.match(text, /\*\*annual\\-total\*\* · within its limit/);
    assert.match(text, /of 900 tCO2e · \d+% · period view/);
    assert.match(text, /\| Top contributors \| tCO2e \|/);
    assert.match(text, /\| training\\-pods \(asset\) \| 182 \|/);
  });

  it('shows catalog specs and the embodied source on a model id', () => {
    const text = hoverText(SAMPLE, 'nvidia-hgx-h100-8gpu', 2)!;
    assert.match(text, /NVIDIA HGX H100/);
    assert.match(text, /Embodied \(manufacturing\)/);
    assert.match(text, /vendor\\-pcf/);
    // What a manifest with the model counts: the baseboard PCF and the host estimate, both shown.
    assert.match(text, /\| · baseboard \\\(vendor PCF\\\) \| 1\.31 tCO2e/);
    assert.match(text, /\| · host server \\\(component model\\\) \| /);
    assert.match(text, /baseboard PCF .* plus the host server estimated from its components/);
  });

  it('shows the schema description on other keys and the refrigerant GWP on gases', () => {
    assert.match(hoverText(SAMPLE, 'lifespanYears')!, /Expected service life in years/);
    assert.match(hoverText(SAMPLE, 'R-134a')!, /GWP100 1,300/);
  });

  it('honours the units setting', () => {
    const text = hoverText(SAMPLE, 'storage-nodes', 1, settings({ units: 'kg' }))!;
    assert.doesNotMatch(text, /tCO2e/);
    assert.match(text, /kgCO2e/);
  });

  it('returns null outside any node and never throws on broken YAML', () => {
    const broken = 'version: 1\nassets:\n  - id: [unclosed\n    site: x\n';
    const { analysis } = at(broken, 'version');
    for (let line = 0; line < 6; line++) for (let character = 0; character < 20; character++) hover(analysis, { line, character }, settings());
    assert.equal(hover(analysis, { line: 2, character: 0 }, settings()), null, 'in the indentation before `- id:`');
    assert.equal(hover(analyze(SAMPLE), { line: 0, character: 0 }, settings()), null, 'on a comment');
  });
});
