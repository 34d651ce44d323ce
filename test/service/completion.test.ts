import { strict as assert } from 'node:assert';
import { complete, containerPath } from '../../server/src/service/completion';
import { cursor, SAMPLE } from './helpers';

function labels(textWithBar: string): string[] {
  const { analysis, position } = cursor(textWithBar);
  return complete(analysis, position).map((i) => i.label);
}

describe('service: completion', () => {
  it('finds the container path from indentation alone', () => {
    const lines = ['assets:', '  - id: x', '    components:', '      ram:', '        - units: 1', '          '];
    assert.deepEqual(containerPath(lines, 5, 10), ['assets', 0, 'components', 'ram', 0]);
    assert.deepEqual(containerPath(lines, 3, 6), ['assets', 0, 'components']);
    assert.deepEqual(containerPath(['sites:', '  - '], 1, 4, 2), ['sites', 0]);
  });

  it('offers the keys an asset still lacks, required first', () => {
    const items = labels(SAMPLE.replace('    endOfLife: recycle\n', '    endOfLife: recycle\n    |\n'));
    assert.ok(items.includes('power'));
    assert.ok(items.includes('uptime'));
    assert.ok(!items.includes('site'), 'present keys are not offered again');
    // An asset without its required `site`: it sorts first and says it is required.
    const { analysis, position } = cursor('version: 1\nassets:\n  - id: a\n    |\n');
    const offered = complete(analysis, position).sort((x, y) => String(x.sortText).localeCompare(String(y.sortText)));
    assert.equal(offered[0].label, 'site');
    assert.equal(offered[0].detail, 'required');
  });

  it('offers catalog GPU models inside components.gpu and every model at asset level', () => {
    const gpu = labels('version: 1\nassets:\n  - id: a\n    components:\n      gpu:\n        units: 8\n        model: |\n');
    assert.ok(gpu.includes('nvidia-h100-sxm'));
    assert.ok(!gpu.includes('nvidia-hgx-h100-8gpu'), 'servers are not GPUs');
    const all = labels('version: 1\nassets:\n  - id: a\n    model: |\n');
    assert.ok(all.includes('nvidia-hgx-h100-8gpu'));
  });

  it('offers locations, gases, enum values, site ids and limit units', () => {
    assert.ok(labels('sites:\n  - id: a\n    location: |\n').includes('US-CAMX'));
    assert.ok(labels('sites:\n  - id: a\n    refrigerants:\n      - gas: |\n').includes('R-410A'));
    assert.deepEqual(labels('assets:\n  - id: a\n    endOfLife: |\n'), ['recycle', 'refurbish', 'landfill', 'resell']);
    assert.deepEqual(labels(`${SAMPLE}  - id: extra\n    site: |\n`), ['fra-dc1']);
    assert.ok(labels('budgets:\n  - id: b\n    limit: |\n').includes('tCO2e'));
  });

  it('offers the factor ids an override may name, with value and unit', () => {
    const { analysis, position } = cursor('version: 1\nfactors:\n  - id: |\n');
    const items = complete(analysis, position);
    const grid = items.find((i) => i.label === 'grid/FRA');
    assert.ok(grid, items.slice(0, 5).map((i) => i.label).join(', '));
    assert.match(String(grid!.detail), /kgCO2e\/kWh/);
  });

  it('finds a location by its country name as well as its code', () => {
    const { analysis, position } = cursor('sites:\n  - id: a\n    location: |\n');
    const france = complete(analysis, position).find((i) => i.label === 'FR');
    assert.equal(france?.detail, 'France');
    assert.match(String(france?.filterText), /France/);
  });

  it('offers snippets for a new site, asset and budget', () => {
    assert.ok(labels('version: 1\nassets:\n  - |\n').includes('new asset'));
    assert.ok(labels('version: 1\nbudgets:\n  |\n').includes('new budget'));
  });

  it('works on half-typed YAML that does not parse', () => {
    const items = labels('version: 1\nassets:\n  - id: [oops\n    lifesp|\n');
    assert.ok(items.includes('lifespanYears'));
  });
});
