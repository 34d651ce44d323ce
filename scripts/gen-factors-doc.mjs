// Writes docs/factors.md from the built-in data tables, so the reference never drifts from the code.
// Run after the TypeScript has been transpiled to out/:  npm run build && node scripts/gen-factors-doc.mjs
// (or give the transpiled tree: node scripts/gen-factors-doc.mjs path/to/out).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const outDir = resolve(process.argv[2] ?? 'out');
const require = createRequire(import.meta.url);
const load = (name) => require(join(outDir, 'engine', 'data', `${name}.js`));

const grid = load('grid');
const upstream = load('electricityUpstream');
const refrigerants = load('refrigerants');
const fuels = load('fuels');
const transport = load('transport');
const endOfLife = load('endOfLife');
const cpus = load('cpus');
const catalog = load('catalog');
const defaults = load('defaults');
const boavizta = load('boavizta');
const { isOverridable } = require(join(outDir, 'engine', 'factors', 'factor.js'));
const acceleratorModel = load('acceleratorModel');
const serverModel = load('serverModel');

const evidence = (note) => (note?.startsWith('[R]') ? 'recalled' : note?.startsWith('[S]') ? 'secondary' : 'verified');
const num = (x) => (x === undefined ? '' : String(Number(x.toPrecision(6))));
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const range = (f) => (f.min === f.max && f.min === f.value ? '' : `${num(f.min ?? f.value)}–${num(f.max ?? f.value)}`);

/** A factor table with sources numbered once per section. */
function factorTable(rows, extraColumns = []) {
  const sources = [];
  const ref = (f) => {
    const key = `${f.source}${f.url ? ` <${f.url}>` : ''}`;
    let i = sources.indexOf(key);
    if (i < 0) i = sources.push(key) - 1;
    return `[${i + 1}]`;
  };
  const head = ['id', 'label', 'value', 'min–max', 'unit', 'year', 'boundary', 'evidence', ...extraColumns.map((c) => c.title), 'source'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const notes = [];
  for (const f of rows) {
    const extra = extraColumns.map((c) => cell(c.value(f)));
    lines.push(`| \`${f.id}\` | ${cell(f.label)} | ${num(f.value)} | ${range(f)} | ${cell(f.unit)} | ${f.year} | ${cell(f.boundary)} | ${evidence(f.note)} | ${[...extra, ref(f)].join(' | ')} |`);
    if (f.note) notes.push(`- \`${f.id}\`: ${f.note}`);
  }
  const refs = sources.map((s, i) => `${i + 1}. ${s}`);
  return [...lines, '', ...(notes.length ? ['Notes:', '', ...notes, ''] : []), 'Sources:', '', ...refs, ''].join('\n');
}

function sourcedRow(name, s) {
  return `| ${name} | ${cell(s.value)} | ${cell(s.source)} | ${evidence(s.note)}${s.note ? `: ${cell(s.note)}` : ''} |`;
}

function catalogSection() {
  const parts = [];
  for (const m of catalog.CATALOG) {
    const e = m.embodied;
    parts.push(`### ${m.name} (\`${m.id}\`)`, '');
    parts.push(`${m.vendor} ${m.kind}, released ${m.releaseYear}, ${m.gpus} GPU(s) per unit.`, '');
    parts.push('| spec | value | source | evidence |', '|---|---|---|---|');
    for (const [key, s] of Object.entries(m.specs)) parts.push(sourcedRow(key, s));
    parts.push(sourcedRow('shipped weight (kg)', m.weightKg));
    parts.push(`| power (W) | idle ${num(m.power.idleW)}, max ${num(m.power.maxW)} | ${cell(m.power.source)} | ${evidence(m.power.note)}${m.power.note ? `: ${cell(m.power.note)}` : ''} |`);
    parts.push('');
    parts.push(
      `**Embodied** \`${e.id}\`: ${num(e.value)} ${e.unit}${range(e) ? ` (${range(e)})` : ''}, ${e.method}, ${e.boundary}; ${evidence(e.note)}.`,
      '',
      `- Derivation: ${e.derivation}`,
      `- Source: ${e.source}${e.url ? ` <${e.url}>` : ''} (${e.year})`,
      ...(e.note ? [`- Note: ${e.note}`] : []),
    );
    if (m.boavizta) {
      const b = m.boavizta;
      parts.push(
        `- BoaviztAPI GPU inputs: die ${num(b.dieSizeMm2)} mm², ${num(b.memoryGb)} GB on ${b.memoryDies} dies, PCB ${num(b.pcbAreaCm2)} cm², ${num(b.weightKg)} kg (heatsink ${num(b.heatsinkWeightKg)}, casing ${num(b.casingWeightKg)})${b.gpuSpecsEffectiveDieMm2 ? `, gpu_specs effective die ${num(b.gpuSpecsEffectiveDieMm2)} mm²` : ''}; ${b.source}${b.note ? `; ${evidence(b.note)}: ${b.note}` : ''}`,
      );
    }
    if (m.hostComponents) {
      const h = m.hostComponents;
      parts.push(
        `- Host components (${h.includedInEmbodied ? 'already inside the embodied figure' : 'added by the component model'}): \`${JSON.stringify(h.components)}\`; ${h.source}${h.note ? `; ${evidence(h.note)}: ${h.note}` : ''}`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}

function cpuSection() {
  const lines = [
    '| id | name | cores | TDP (W) | total die (mm²) | composition | process | year | evidence | source |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of cpus.CPUS) {
    lines.push(`| \`${c.id}\` | ${c.name} | ${c.cores} | ${c.tdpW} | ${c.totalDieMm2} | ${cell(c.dieComposition)} | ${cell(c.process)} | ${c.year} | ${evidence(c.note)} | ${cell(c.source)}${c.url ? ` <${c.url}>` : ''}${c.note ? ` — ${cell(c.note)}` : ''} |`);
  }
  return lines.join('\n');
}

const doc = `# Factor reference

<!-- Generated by scripts/gen-factors-doc.mjs from engine/data/*.ts; do not edit by hand. -->

Every number the engine multiplies by, with its unit, reference year, source and boundary.
Regenerate after changing a table: \`npm run build && node scripts/gen-factors-doc.mjs\`.

**Evidence levels.** *verified*: read from the publisher's own data file or the cited source.
*secondary*: from a secondary compilation or a third-party copy of the source (the row's note
starts with \`[S]\`). *recalled*: from memory of standard references, to be checked against the
primary table (note starts with \`[R]\`). Min–max is blank when the source gives a single value.

**Boundaries.** Grid factors are either \`lifecycle\` (fuel upstream included: BoaviztAPI / Ember /
Scarlat / ADEME) or \`combustion\` (eGRID); the engine splits or adds upstream with the
\`electricity/*\` rows so the two families are never mixed. Transport is well-to-wheel throughout.
End of life follows the cut-off approach: no recycling credits.

Manifests override any row by id under \`factors:\` (\`carbon-lens factors\` lists them all);
\`grid/FR\`, \`grid/EU\` and \`refrigerant/HFC-134a\` resolve to \`grid/FRA\`, \`grid/EEE\` and
\`refrigerant/R-134a\`. An override takes effect wherever the engine reads the row (the component
and power models included) and is flagged \`overridden\` in the report's factor list. Model
parameters (boundary \`model parameter\`: wafer geometry, curve-fit bounds, a match threshold) are
listed but fixed: overriding one is the error \`factor-not-overridable\`.

## 1. Grid electricity (location-based Scope 2)

### 1.1 Countries and regions, BoaviztAPI 2.4.1

These rows are exactly what \`methodology: boavizta-2.4\` uses. \`grid/default-bounds\` applies
when a site has no location.

${factorTable([...grid.BOAVIZTA_GRID_FACTORS, grid.DEFAULT_GRID_BOUNDS])}
ISO 3166 alpha-2 codes accepted for these zones: ${[...grid.ALPHA2_TO_ALPHA3.entries()].map(([a2, a3]) => `${a2}→${a3}`).join(', ')}; also RS/SRB→SCG, UK→GBR, EU/EUR→EEE (Europe).

### 1.2 US eGRID2023 subregions

Location \`US-<SUBRGN>\`. eGRID2023 revision 2 (June 2025), data year 2023.

${factorTable(grid.EGRID_FACTORS)}
## 2. Electricity upstream (Scope 3 category 3)

T&D losses ≈ grid factor × loss rate. A \`combustion\` grid factor gets fuel upstream added with
\`electricity/combustion-upstream-share\`; a \`lifecycle\` one is split with
\`electricity/lifecycle-combustion-share\` (Scope 2) and the remainder (category 3).

${factorTable(upstream.ELECTRICITY_UPSTREAM_FACTORS)}
## 3. Refrigerants and fugitive gases (Scope 1)

Value = GWP100 from IPCC AR5 (the EPA Hub and GHG Protocol tools' set); AR6 alongside. Blends are
mass-weighted sums of their components.

${factorTable(refrigerants.REFRIGERANT_FACTORS, [
  { title: 'AR6', value: (f) => num(f.ar6) },
  { title: 'aliases', value: (f) => [...f.aliases, ...(f.composition ? [f.composition.map(([g, s]) => `${g} ${s * 100}%`).join(' + ')] : [])].join(', ') },
])}
## 4. Fuels (Scope 1 and its upstream)

${factorTable(fuels.FUEL_FACTORS)}
## 5. Freight (Scope 3 category 4)

${factorTable(transport.TRANSPORT_FACTORS)}
## 6. End of life (Scope 3 category 5) and refurbished hardware

${factorTable(endOfLife.END_OF_LIFE_FACTORS)}
## 7. Accelerator model (default methodology)

kgCO2e per card = memory GB × memory factor (HBM or GDDR) + logic die mm² × ICs factor + TDP W ×
thermal factor + module kg × board factor. Each intensity is a share of the NVIDIA HGX H100 and
HGX B200 PCFs (memory, ICs, thermal, the rest) divided, per GPU, by the dimension that drives it:
the value is the mean of the two cards, min and max their extremes widened by the secondary-copy
uncertainty. Every catalog card without a PCF, and every card written by its dimensions, gets its
figure from this model; the default dimensions apply where a manifest leaves one out.

${factorTable(acceleratorModel.ACCELERATOR_MODEL_FACTORS)}
Vendor PCFs given as a single figure get the range below when the catalog is built (override the
\`model/<id>\` row to change a figure):

${factorTable(acceleratorModel.CATALOG_BUILD_FACTORS)}
## 7b. Server platform (default methodology)

The parts BoaviztAPI's component model does not list, calibrated on published server PCFs
(docs/methodology.md, "Server calibration").

${factorTable(serverModel.SERVER_MODEL_FACTORS)}
## 8. Hardware catalog

${catalogSection()}
## 9. Server CPUs

Total die area includes I/O dies of chiplet parts.

${cpuSection()}
## 10. Defaults for what a manifest leaves out

Each is reported by a completeness finding with the figure it adds (docs/methodology.md §5).

${factorTable(Object.values(defaults.DEFAULTS))}
## 11. BoaviztAPI component and power model

The rows of the component model (both methodologies) and of the power model used when an asset
gives no \`power\`. *overridable* is "no" for model parameters.

${factorTable(boavizta.BOAVIZTA_FACTORS, [{ title: 'overridable', value: (f) => (isOverridable(f) ? 'yes' : 'no') }])}
`;

writeFileSync(resolve('docs/factors.md'), doc);
console.log(`docs/factors.md written from ${outDir}`);
