import type { Sourced } from './catalogTypes';

/**
 * The accelerator cards of the catalog, each stated once: its dies, memory, TDP, mass, power
 * and board, every figure with its source. Everything else about a card derives from its
 * record (catalog.ts): the hover specs, the die-area model's inputs, the BoaviztAPI GPU
 * sub-model's inputs, the specs of the GPU servers built on it (`gpuModel`), and the
 * calibration of the die-area model on the H100. test/unit/data/accelerators.test.ts checks
 * that every view agrees with its record.
 */

/** Where a figure comes from, when the figure itself is stated elsewhere in the record. */
export interface Citation {
  source: string;
  note?: string;
}

/** A logic die, or a group of identical chiplets, on the package. */
export interface Die {
  /** The die (`GH100`) or the kind of chiplet (`XCD`). */
  name: string;
  /** Chiplets of this kind (1 for a monolithic die). */
  count?: number;
  /** Silicon area of all of them, mm². */
  areaMm2: number;
  /** TSMC process, as the vendor names it (4N, 4NP, N5, N6, N7): it selects the die-area model's carbon per area. */
  process: string;
}

/** A vendor product carbon footprint of an 8-GPU baseboard: each card is one share of it. */
export interface BaseboardPcf {
  /** The baseboard as its vendor names it (HGX H100). */
  name: string;
  /** The document, as cited. */
  title: string;
  url: string;
  year: number;
  kgCO2e: number;
  gpus: number;
  /** Mass of the baseboard, kg. */
  baseboardKg: number;
  /** The shares of the footprint the summary gives. */
  shares: string;
}

/** Inputs of BoaviztAPI's GPU sub-model that are about the board, not the chips (gpu_specs.csv columns). */
export interface BoardInputs {
  pcbAreaCm2: number;
  heatsinkWeightKg: number;
  casingWeightKg: number;
  /** gpu_specs.csv `die_surface` (already the effective area), when the card is listed there. */
  gpuSpecsEffectiveDieMm2?: number;
  source: string;
  note?: string;
}

/** Power at full load: the card's TDP as a document quotes it, or a profile measured otherwise. */
export type FullLoad = { atTdp: string; qualifier?: string } | { maxW: number; source: string };

export interface AcceleratorRecord {
  id: string;
  name: string;
  /** How factor labels name the card, when shorter than `name`. */
  shortName?: string;
  vendor: string;
  releaseYear: number;
  dies: readonly Die[];
  /** The source of the die areas. */
  dieArea: Citation;
  /** The source of the process nodes. */
  process: Citation;
  memory: {
    gb: Sourced<number>;
    /** HBM… or GDDR…: it selects the die-area model's carbon per GB. */
    type: Sourced<string>;
    /** Active HBM stacks, or GDDR chips. */
    stacks: Sourced<number>;
    /** Stack sites on the package when there are more than active stacks (BoaviztAPI counts sites as its `vram_dies`). */
    sites?: number;
  };
  /** Board power (TDP), W. */
  tdpW: Sourced<number>;
  /** Mass of the module or card, kg (packaging excluded). */
  massKg: Sourced<number>;
  /** How the shipped weight (freight) cites the same mass. */
  shippedMass: Citation;
  power: { idleW: number; full: FullLoad; note: string };
  /** Its share of a vendor PCF, or the die-area model (with a literature cross-check, if any). */
  embodied: { pcf: BaseboardPcf } | { dieModel: { crossCheck?: string } };
  board: BoardInputs;
  /** Plausible bounds of the dimensions that are estimates, carried into the accelerator model's min and max. */
  estimates?: { dieAreaMm2?: readonly [number, number]; massKg?: readonly [number, number] };
}

// ---------------------------------------------------------------------------------------------
// Shared sources.

export const GPU_SPECS_CSV = 'BoaviztAPI 2.4.1 crowdsourcing/gpu_specs.csv';
export const NV_DATASHEET = (product: string) => `NVIDIA ${product} datasheet`;
export const RECALLED = '[R] recalled from the vendor datasheet, not verified here.';
export const PCF_NOTE = '[S] PCF totals from the methodology brief and secondary copies; the NVIDIA PDF was not opened here.';

export const HGX_H100_PCF: BaseboardPcf = {
  name: 'HGX H100',
  title: 'NVIDIA HGX H100 Product Carbon Footprint summary (ISO 14067, third-party verified, July 2025)',
  url: 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf',
  year: 2025,
  kgCO2e: 1312,
  gpus: 8,
  baseboardKg: 24,
  shares: 'memory 42%, ICs 25%, thermal 18%',
};

export const HGX_B200_PCF: BaseboardPcf = {
  name: 'HGX B200',
  title: 'NVIDIA HGX B200 Product Carbon Footprint summary',
  url: 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-B200-PCF-Summary.pdf',
  year: 2025,
  kgCO2e: 2274,
  gpus: 8,
  baseboardKg: 32,
  shares: 'memory 49%, ICs 28%, thermal 12%',
};

// Dies (GH100 and GA100 are shared by several cards).
const GH100: Die = { name: 'GH100', areaMm2: 814, process: '4N' };
const GA100: Die = { name: 'GA100', areaMm2: 826, process: 'N7' };
const AD104: Die = { name: 'AD104', areaMm2: 294.5, process: '4N' };

// Board inputs of cards BoaviztAPI lists (gpu_specs.csv), reused as proxies for similar boards.
const SXM_BOARD = { pcbAreaCm2: 296.37, heatsinkWeightKg: 0.90077, casingWeightKg: 0.78923 };
const PCIE_BOARD = { pcbAreaCm2: 234.36, heatsinkWeightKg: 0.609, casingWeightKg: 0.387 };
const SPECS_ABOVE = 'Die, memory and mass from this entry’s specs';
const SXM_PROXY = '[R] PCB, heatsink and casing of the H100 SXM (gpu_specs.csv) as proxies.';
const PCIE_PROXY = '[R] PCB, heatsink and casing of the A100 PCIe 40GB (gpu_specs.csv, same 10.5-inch dual-slot form) as proxies.';

const IDLE_ESTIMATE = '[R] Idle is an estimate.';

function spec<T>(value: T, source: string, note?: string): Sourced<T> {
  return note ? { value, source, note } : { value, source };
}

export const ACCELERATORS: readonly AcceleratorRecord[] = [
  {
    id: 'nvidia-h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    shortName: 'NVIDIA H100 SXM',
    vendor: 'NVIDIA',
    releaseYear: 2022,
    dies: [GH100],
    dieArea: { source: `BoaviztAPI 2.4.1 archetypes/components/gpu.csv "Large GPU" (H100); LLMCarbon hardware.csv ${GH100.areaMm2 / 100} cm²` },
    process: { source: NV_DATASHEET('H100'), note: RECALLED },
    memory: {
      gb: spec(80, GPU_SPECS_CSV),
      type: spec('HBM3', NV_DATASHEET('H100'), RECALLED),
      stacks: spec(5, NV_DATASHEET('H100'), '[R] 5 active HBM3 stacks of 16 GB on 6 sites (Boavizta counts 6).'),
      sites: 6,
    },
    tdpW: spec(700, NV_DATASHEET('H100'), RECALLED),
    massKg: spec(1.69, GPU_SPECS_CSV),
    shippedMass: { source: GPU_SPECS_CSV, note: 'Module mass; packaging excluded.' },
    power: { idleW: 70, full: { atTdp: NV_DATASHEET('H100') }, note: IDLE_ESTIMATE },
    embodied: { pcf: HGX_H100_PCF },
    board: { ...SXM_BOARD, gpuSpecsEffectiveDieMm2: 2810.4, source: `${GPU_SPECS_CSV}, "NVIDIA H100 SXM 80GB"; raw die ${GH100.areaMm2} mm² from the "Large GPU" archetype` },
  },
  {
    id: 'nvidia-h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    shortName: 'NVIDIA H100 PCIe',
    vendor: 'NVIDIA',
    releaseYear: 2022,
    dies: [GH100],
    dieArea: { source: 'GH100, as the H100 SXM' },
    process: { source: NV_DATASHEET('H100'), note: RECALLED },
    memory: {
      gb: spec(80, 'NVIDIA H100 PCIe product brief PB-11133-001 (Nov 2022)', RECALLED),
      type: spec('HBM2e', 'NVIDIA H100 PCIe product brief PB-11133-001', RECALLED),
      stacks: spec(5, NV_DATASHEET('H100'), RECALLED),
      sites: 6,
    },
    tdpW: spec(350, 'NVIDIA H100 PCIe product brief PB-11133-001: maximum TDP 350 W', '[S] Read from a copy of the brief (manuals.plus).'),
    massKg: spec(1.2, 'NVIDIA H100 PCIe product brief', '[R] Board mass recalled.'),
    shippedMass: { source: 'NVIDIA H100 PCIe product brief', note: '[R] Board mass recalled; packaging excluded.' },
    power: { idleW: 40, full: { atTdp: 'NVIDIA H100 PCIe product brief' }, note: IDLE_ESTIMATE },
    embodied: { dieModel: {} },
    estimates: { massKg: [1, 1.4] },
    board: { ...PCIE_BOARD, source: SPECS_ABOVE, note: PCIE_PROXY },
  },
  {
    id: 'nvidia-h200-sxm',
    name: 'NVIDIA H200 SXM 141GB',
    shortName: 'NVIDIA H200 SXM',
    vendor: 'NVIDIA',
    releaseYear: 2024,
    dies: [GH100],
    dieArea: { source: 'GH100, as the H100 SXM' },
    process: { source: NV_DATASHEET('H200'), note: RECALLED },
    memory: {
      gb: spec(141, NV_DATASHEET('H200'), RECALLED),
      type: spec('HBM3e', NV_DATASHEET('H200'), RECALLED),
      stacks: spec(6, NV_DATASHEET('H200'), '[R] 6 × 24 GB HBM3e stacks (141 GB usable).'),
    },
    tdpW: spec(700, NV_DATASHEET('H200'), RECALLED),
    massKg: spec(1.69, 'H100 SXM module mass (BoaviztAPI gpu_specs.csv) as a proxy', '[R] Same SXM5 module assumed.'),
    shippedMass: { source: 'H100 SXM module mass as a proxy', note: '[R] Packaging excluded.' },
    power: { idleW: 70, full: { atTdp: NV_DATASHEET('H200') }, note: IDLE_ESTIMATE },
    embodied: { dieModel: {} },
    estimates: { massKg: [1.5, 2] },
    board: { ...SXM_BOARD, source: SPECS_ABOVE, note: SXM_PROXY },
  },
  {
    id: 'nvidia-b200',
    name: 'NVIDIA B200 (HGX, 180GB)',
    shortName: 'NVIDIA B200',
    vendor: 'NVIDIA',
    releaseYear: 2024,
    dies: [{ name: 'B200', count: 2, areaMm2: 1600, process: '4NP' }],
    dieArea: { source: 'Two reticle-sized dies', note: '[R] Estimate: NVIDIA does not publish the die area (~800 mm² each).' },
    process: { source: NV_DATASHEET('B200'), note: RECALLED },
    memory: {
      gb: spec(180, 'NVIDIA developer blog "HGX B200 reduces embodied carbon emissions intensity" (2025): 180 GB HBM3E per B200'),
      type: spec('HBM3e', 'NVIDIA developer blog (2025)'),
      stacks: spec(8, NV_DATASHEET('B200'), RECALLED),
    },
    tdpW: spec(1000, NV_DATASHEET('HGX B200'), RECALLED),
    massKg: spec(2, 'Carbon Lens estimate', '[R] No published module mass.'),
    shippedMass: { source: 'Carbon Lens estimate', note: '[R] No published module mass.' },
    power: { idleW: 110, full: { atTdp: NV_DATASHEET('HGX B200'), qualifier: 'per GPU' }, note: '[R] Both recalled or estimated.' },
    embodied: { pcf: HGX_B200_PCF },
    // Two dies at or under the ~858 mm² reticle limit; a module between an H100 SXM and an OAM module.
    estimates: { dieAreaMm2: [1500, 1716], massKg: [1.69, 2.5] },
    board: {
      ...SXM_BOARD,
      source: SPECS_ABOVE,
      note: `${SXM_PROXY} Boavizta’s wafer model treats the two dies as one 1,600 mm² die, overstating yield loss.`,
    },
  },
  {
    id: 'nvidia-a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    vendor: 'NVIDIA',
    releaseYear: 2020,
    dies: [GA100],
    dieArea: { source: `NVIDIA A100 Tensor Core GPU architecture whitepaper (${GA100.name}, ${GA100.areaMm2} mm²)`, note: RECALLED },
    process: { source: NV_DATASHEET('A100'), note: RECALLED },
    memory: {
      gb: spec(80, NV_DATASHEET('A100'), RECALLED),
      type: spec('HBM2e', NV_DATASHEET('A100'), RECALLED),
      stacks: spec(5, NV_DATASHEET('A100'), '[R] 5 active stacks of 16 GB on 6 sites (Boavizta counts 6).'),
      sites: 6,
    },
    tdpW: spec(400, NV_DATASHEET('A100'), RECALLED),
    massKg: spec(1.56, `${GPU_SPECS_CSV}, "NVIDIA A100 SXM4 40GB" (same module)`),
    shippedMass: { source: `${GPU_SPECS_CSV}, A100 SXM4 40GB module`, note: 'Packaging excluded.' },
    power: {
      idleW: 46,
      // Not the 400 W TDP: the Cloud Carbon Footprint coefficient (TechPowerUp TDP with Teads ratios).
      full: { maxW: 407, source: 'Cloud Carbon Footprint GPU coefficients (Teads ratios on TechPowerUp TDP): A100 46 W idle, 407 W max' },
      note: '[S] As read from the CCF code in the methodology brief §2.2; not re-read here.',
    },
    embodied: { dieModel: { crossCheck: 'Literature cross-check: Falk et al. 2025 (arXiv 2509.00093) A100 teardown 127.6 kg cradle-to-gate [S], inside the range' } },
    board: {
      pcbAreaCm2: 105,
      heatsinkWeightKg: 1.25,
      casingWeightKg: 0.09,
      gpuSpecsEffectiveDieMm2: 1798,
      source: `${GPU_SPECS_CSV}, "NVIDIA A100 SXM4 40GB" with 80 GB`,
      note: 'Physical inputs of the 40 GB module, which shares the board.',
    },
  },
  {
    id: 'nvidia-a100-pcie-40gb',
    name: 'NVIDIA A100 PCIe 40GB',
    vendor: 'NVIDIA',
    releaseYear: 2020,
    dies: [GA100],
    dieArea: { source: 'NVIDIA A100 architecture whitepaper (GA100)', note: RECALLED },
    process: { source: NV_DATASHEET('A100'), note: RECALLED },
    memory: {
      gb: spec(40, GPU_SPECS_CSV),
      type: spec('HBM2', NV_DATASHEET('A100'), RECALLED),
      stacks: spec(5, NV_DATASHEET('A100'), '[R] 5 active stacks of 8 GB (Boavizta counts 6).'),
      sites: 6,
    },
    tdpW: spec(250, NV_DATASHEET('A100'), RECALLED),
    massKg: spec(1.23, GPU_SPECS_CSV),
    shippedMass: { source: GPU_SPECS_CSV, note: 'Card mass; packaging excluded.' },
    power: { idleW: 28, full: { atTdp: NV_DATASHEET('A100') }, note: '[R] Idle scaled from the CCF A100 ratio.' },
    embodied: { dieModel: {} },
    board: { ...PCIE_BOARD, gpuSpecsEffectiveDieMm2: 1798, source: `${GPU_SPECS_CSV}, "NVIDIA A100 PCIe 40GB"; raw die ${GA100.areaMm2} mm² (${GA100.name})` },
  },
  {
    id: 'nvidia-l40s',
    name: 'NVIDIA L40S',
    vendor: 'NVIDIA',
    releaseYear: 2023,
    dies: [{ name: 'AD102', areaMm2: 608.5, process: '4N' }],
    dieArea: { source: 'TechPowerUp GPU database, AD102', note: RECALLED },
    process: { source: NV_DATASHEET('L40S'), note: RECALLED },
    memory: {
      gb: spec(48, NV_DATASHEET('L40S'), RECALLED),
      type: spec('GDDR6 (ECC)', NV_DATASHEET('L40S'), RECALLED),
      stacks: spec(24, 'Carbon Lens estimate: 24 × 2 GB GDDR6 chips (clamshell)', '[R] Estimate.'),
    },
    tdpW: spec(350, NV_DATASHEET('L40S'), RECALLED),
    massKg: spec(1.1, 'Carbon Lens estimate for a 10.5-inch dual-slot passive card', '[R] Estimate.'),
    shippedMass: { source: 'Carbon Lens estimate', note: '[R] Estimate; packaging excluded.' },
    power: { idleW: 38, full: { atTdp: NV_DATASHEET('L40S') }, note: IDLE_ESTIMATE },
    embodied: { dieModel: {} },
    estimates: { massKg: [0.9, 1.3] },
    board: { ...PCIE_BOARD, source: SPECS_ABOVE, note: PCIE_PROXY },
  },
  {
    id: 'nvidia-l4',
    name: 'NVIDIA L4',
    vendor: 'NVIDIA',
    releaseYear: 2023,
    dies: [AD104],
    dieArea: { source: 'TechPowerUp GPU database, AD104', note: RECALLED },
    process: { source: NV_DATASHEET('L4'), note: RECALLED },
    memory: {
      gb: spec(24, GPU_SPECS_CSV),
      type: spec('GDDR6', NV_DATASHEET('L4'), RECALLED),
      stacks: spec(12, GPU_SPECS_CSV),
    },
    tdpW: spec(72, NV_DATASHEET('L4'), RECALLED),
    massKg: spec(0.142, GPU_SPECS_CSV),
    shippedMass: { source: GPU_SPECS_CSV, note: 'Card mass; packaging excluded.' },
    power: { idleW: 8, full: { atTdp: NV_DATASHEET('L4') }, note: IDLE_ESTIMATE },
    embodied: { dieModel: {} },
    board: {
      pcbAreaCm2: 93.13,
      heatsinkWeightKg: 0.0871,
      casingWeightKg: 0,
      gpuSpecsEffectiveDieMm2: 390.96,
      source: `${GPU_SPECS_CSV}, "NVIDIA L4"; raw die ${AD104.areaMm2} mm² (${AD104.name}, TechPowerUp)`,
    },
  },
  {
    id: 'amd-mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    releaseYear: 2023,
    dies: [
      { name: 'XCD', count: 8, areaMm2: 920, process: 'N5' },
      { name: 'IOD', count: 4, areaMm2: 1480, process: 'N6' },
    ],
    dieArea: { source: '8 XCD × ~115 mm² + 4 IOD × ~370 mm²', note: '[R] Approximate die areas from AMD’s ISSCC 2024 presentation as reported by the press.' },
    process: { source: 'AMD Instinct MI300X datasheet', note: RECALLED },
    memory: {
      gb: spec(192, 'AMD Instinct MI300X datasheet', RECALLED),
      type: spec('HBM3', 'AMD Instinct MI300X datasheet', RECALLED),
      stacks: spec(8, 'AMD Instinct MI300X datasheet', RECALLED),
    },
    tdpW: spec(750, 'AMD Instinct MI300X datasheet', RECALLED),
    massKg: spec(2.3, 'Carbon Lens estimate for an OAM module with heatsink', '[R] Estimate.'),
    shippedMass: { source: 'Carbon Lens estimate', note: '[R] Estimate; packaging excluded.' },
    power: { idleW: 85, full: { atTdp: 'AMD Instinct MI300X datasheet' }, note: IDLE_ESTIMATE },
    embodied: { dieModel: {} },
    // Press-reported chiplet areas, ±10%; an OAM module with heatsink, 1.9–2.8 kg.
    estimates: { dieAreaMm2: [2160, 2640], massKg: [1.9, 2.8] },
    board: {
      ...SXM_BOARD,
      source: SPECS_ABOVE,
      note: `${SXM_PROXY} Boavizta’s wafer model treats the 12 chiplets as one die, overstating yield loss.`,
    },
  },
];

const BY_ID: ReadonlyMap<string, AcceleratorRecord> = new Map(ACCELERATORS.map((card) => [card.id, card]));

export function acceleratorRecord(id: string): AcceleratorRecord | undefined {
  return BY_ID.get(id);
}

/** Logic silicon of the package (all its dies), mm². */
export function dieAreaMm2(card: AcceleratorRecord): number {
  return card.dies.reduce((sum, die) => sum + die.areaMm2, 0);
}

/** The process as the specs show it: `TSMC 4N`, or one node per kind of die. */
export function processName(card: AcceleratorRecord): string {
  const nodes = [...new Set(card.dies.map((die) => die.process))];
  return nodes.length === 1 ? `TSMC ${nodes[0]}` : `TSMC ${card.dies.map((die) => `${die.process} (${die.name})`).join(' + ')}`;
}

/** Power at full load, W: the TDP unless the record gives another profile. */
export function fullLoadW(card: AcceleratorRecord): number {
  return 'maxW' in card.power.full ? card.power.full.maxW : card.tdpW.value;
}

/** BoaviztAPI's `vram_dies`: the stack sites, or the stacks (chips) when every site is used. */
export function memoryDies(card: AcceleratorRecord): number {
  return card.memory.sites ?? card.memory.stacks.value;
}
