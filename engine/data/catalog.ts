import type { Factor } from '../factors/factor';
import type { CatalogModel, EmbodiedFactor, HardwareSpecs, HostComponents, Sourced } from './catalogTypes';

/**
 * Built-in hardware catalog: GPUs and GPU servers with specs for hover, an embodied figure per
 * unit (vendor PCF where one exists, else the die-area model below), power and shipped weight.
 */

// ---------------------------------------------------------------------------------------------
// Die-area model for GPUs without a vendor PCF:
//   embodied = Σ die area × CPA(node) + memory GB × kg/GB + card mass × board factor
// The board factor (PCB, VRMs, other ICs, thermal, baseboard share) is calibrated so that the
// model returns exactly NVIDIA's H100 SXM figure (164 kg); min and max combine the low and high
// ends of every parameter.

const ACT_NOTE = '[S] CPA values as computed in the Carbon Lens methodology brief §3.4 from ACT at commit abc9fbb; not re-run here.';

export const CPA_5NM: Factor = {
  id: 'dieModel/cpa-5nm',
  label: 'Carbon per area of logic silicon, 5 nm class (TSMC N5/N4/4N)',
  value: 2.778,
  min: 1.8,
  max: 2.963,
  unit: 'kgCO2e/cm2',
  source:
    'ACT (Gupta et al., ISCA 2022) logic model at its defaults (yield 0.875, 97% abatement, Taiwan grid 583 g/kWh, 150 g packaging excluded); min: LLMCarbon (Faiz et al., ICLR 2024) TSMC 4 nm 1.8; max: ACT with the Taiwan 2023 grid',
  url: 'https://github.com/facebookresearch/ACT',
  year: 2022,
  boundary: 'cradle-to-gate (wafer fabrication)',
  note: ACT_NOTE,
};

export const CPA_7NM: Factor = {
  id: 'dieModel/cpa-7nm',
  label: 'Carbon per area of logic silicon, 7 nm class (TSMC N7/N6)',
  value: 2.318,
  min: 1.6,
  max: 2.463,
  unit: 'kgCO2e/cm2',
  source: 'ACT (Gupta et al., ISCA 2022) logic model at its defaults; min: LLMCarbon TSMC 7 nm 1.6; max: ACT with the Taiwan 2023 grid',
  url: 'https://github.com/facebookresearch/ACT',
  year: 2022,
  boundary: 'cradle-to-gate (wafer fabrication)',
  note: ACT_NOTE,
};

export const HBM_KG_PER_GB: Factor = {
  id: 'dieModel/hbm',
  label: 'Stacked HBM memory, per GB',
  value: 0.82,
  min: 0.4,
  max: 0.9,
  unit: 'kgCO2e/GB',
  source:
    'NVIDIA HGX PCF summaries: memory 42% of 1,312 kg over 640 GB (H100) = 0.86 and 49% of 2,274 kg over 1,440 GB (B200) = 0.77, mean 0.82; min: LLMCarbon DRAM 0.4; max 0.9',
  url: 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf',
  year: 2025,
  boundary: 'cradle-to-gate',
  note: '[S] PCF totals and shares from the methodology brief (secondary); not read from the PDFs.',
};

export const GDDR_KG_PER_GB: Factor = {
  id: 'dieModel/gddr',
  label: 'GDDR graphics memory, per GB',
  value: 0.4,
  min: 0.065,
  max: 0.82,
  unit: 'kgCO2e/GB',
  source: 'LLMCarbon (Faiz et al., ICLR 2024) DRAM 0.4 kg/GB; min: ACT DDR4 10 nm 0.065; max: the HBM value',
  url: 'https://github.com/SotaroKaneda/MLCarbon',
  year: 2024,
  boundary: 'cradle-to-gate',
  note: '[S] Values as compiled in the methodology brief §3.3–3.4.',
};

const H100_PCF_PER_GPU = 1312 / 8;
const H100_DIE_CM2 = 8.14;
const H100_HBM_GB = 80;
const H100_SXM_KG = 1.69;
const boardFactor = (cpa: number, hbm: number) =>
  (H100_PCF_PER_GPU - H100_DIE_CM2 * cpa - H100_HBM_GB * hbm) / H100_SXM_KG;

export const BOARD_KG_PER_KG: Factor = {
  id: 'dieModel/board',
  label: 'Board, other ICs, thermal and baseboard share, per kg of card',
  value: boardFactor(CPA_5NM.value, HBM_KG_PER_GB.value),
  min: boardFactor(CPA_5NM.max ?? CPA_5NM.value, HBM_KG_PER_GB.max ?? HBM_KG_PER_GB.value),
  max: boardFactor(CPA_5NM.min ?? CPA_5NM.value, HBM_KG_PER_GB.min ?? HBM_KG_PER_GB.value),
  unit: 'kgCO2e/kg',
  source:
    'Calibrated on NVIDIA HGX H100 PCF: (164 − 8.14 cm² × CPA 5 nm − 80 GB × HBM) ÷ 1.69 kg (H100 SXM mass, BoaviztAPI gpu_specs.csv); bounds use the opposite ends of CPA and HBM',
  url: 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf',
  year: 2025,
  boundary: 'cradle-to-gate',
  note: '[S] Depends on the secondary H100 PCF figure; scaling by card mass is a Carbon Lens modelling choice.',
};

export const DIE_MODEL_FACTORS: readonly Factor[] = [CPA_5NM, CPA_7NM, HBM_KG_PER_GB, GDDR_KG_PER_GB, BOARD_KG_PER_KG];

interface DieModelInput {
  dies: readonly { label: string; areaMm2: number; cpa: Factor }[];
  memoryGb: number;
  memory: Factor;
  cardKg: number;
}

type Bound = 'value' | 'min' | 'max';
const at = (f: Factor, bound: Bound) => f[bound] ?? f.value;
const fmt = (x: number) => x.toFixed(1);

interface DieModelResult {
  value: number;
  min: number;
  max: number;
  derivation: string;
}

function dieModel({ dies, memoryGb, memory, cardKg }: DieModelInput): DieModelResult {
  const total = (bound: Bound) =>
    dies.reduce((sum, d) => sum + (d.areaMm2 / 100) * at(d.cpa, bound), 0) +
    memoryGb * at(memory, bound) +
    cardKg * at(BOARD_KG_PER_KG, bound);
  const terms = [
    ...dies.map((d) => {
      const cm2 = d.areaMm2 / 100;
      return `${d.label} ${cm2} cm² × ${d.cpa.value} (${d.cpa.id}) = ${fmt(cm2 * d.cpa.value)}`;
    }),
    `memory ${memoryGb} GB × ${memory.value} (${memory.id}) = ${fmt(memoryGb * memory.value)}`,
    `board ${cardKg} kg × ${fmt(BOARD_KG_PER_KG.value)} (${BOARD_KG_PER_KG.id}) = ${fmt(cardKg * BOARD_KG_PER_KG.value)}`,
  ];
  const [value, min, max] = [total('value'), total('min'), total('max')];
  const derivation = `${terms.join('; ')}; total ${fmt(value)} kgCO2e (min ${fmt(min)}, max ${fmt(max)})`;
  return { value, min, max, derivation };
}

function bottomUp(id: string, name: string, year: number, input: DieModelInput, extra = ''): EmbodiedFactor {
  const { value, min, max, derivation } = dieModel(input);
  return {
    id: `model/${id}`,
    label: `${name} manufacturing (die-area model)`,
    value,
    min,
    max,
    unit: 'kgCO2e/unit',
    source: 'Carbon Lens die-area model: ACT CPA per node + HBM/GDDR per GB anchored on NVIDIA PCFs + board factor calibrated on the HGX H100 PCF',
    year,
    boundary: 'cradle-to-gate',
    note: '[S] Bottom-up estimate built on secondary parameters; see dieModel/* rows.',
    method: 'bottom-up',
    derivation: extra ? `${derivation}. ${extra}` : derivation,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared sources.

const GPU_SPECS_CSV = 'BoaviztAPI 2.4.1 crowdsourcing/gpu_specs.csv';
const NV_DATASHEET = (product: string) => `NVIDIA ${product} datasheet`;
const RECALLED = '[R] recalled from the vendor datasheet, not verified here.';

interface PcfSource {
  source: string;
  url: string;
}

const HGX_H100_PCF: PcfSource = {
  source:
    'NVIDIA HGX H100 Product Carbon Footprint summary (ISO 14067, third-party verified, July 2025): 1,312 kgCO2e for the 8-GPU baseboard (24 kg, 640 GB HBM3)',
  url: 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf',
};
const HGX_B200_PCF: PcfSource = {
  source: 'NVIDIA HGX B200 Product Carbon Footprint summary: 2,274 kgCO2e for the 8-GPU baseboard (32 kg, 1,440 GB HBM3e)',
  url: 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-B200-PCF-Summary.pdf',
};
const DELL_R740_PCF: PcfSource = {
  source:
    'Dell PowerEdge R740 product carbon footprint (January 2019; 4 years, EU use), via Boavizta environmental-footprint-data boavizta-data-us.csv (ODbL 1.0, © Boavizta contributors, commit 61323eb)',
  url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r740.pdf',
};
const PCF_NOTE = '[S] PCF totals from the methodology brief and secondary copies; the NVIDIA PDF was not opened here.';
const CCF_GPU_RATIO =
  'Idle ≈ 11% of board power, the Teads/Cloud Carbon Footprint ratio for the A100 (46 W idle, 407 W max)';

function spec<T>(value: T, source: string, note?: string): Sourced<T> {
  return note ? { value, source, note } : { value, source };
}

function vendorPcf(
  id: string,
  name: string,
  value: number,
  { source, url }: PcfSource,
  year: number,
  boundary: string,
  derivation: string,
  note = PCF_NOTE,
): EmbodiedFactor {
  return {
    id: `model/${id}`,
    label: `${name} manufacturing (vendor PCF)`,
    value,
    min: value,
    max: value,
    unit: 'kgCO2e/unit',
    source,
    url,
    year,
    boundary,
    note,
    method: 'vendor-pcf',
    derivation,
  };
}

// Board inputs of cards BoaviztAPI lists (gpu_specs.csv), reused as proxies for similar boards.
const SXM_BOARD = { pcbAreaCm2: 296.37, heatsinkWeightKg: 0.90077, casingWeightKg: 0.78923 };
const PCIE_BOARD = { pcbAreaCm2: 234.36, heatsinkWeightKg: 0.609, casingWeightKg: 0.387 };
const SPECS_ABOVE = 'Die, memory and mass from this entry’s specs';
const SXM_PROXY = '[R] PCB, heatsink and casing of the H100 SXM (gpu_specs.csv) as proxies.';
const PCIE_PROXY = '[R] PCB, heatsink and casing of the A100 PCIe 40GB (gpu_specs.csv, same 10.5-inch dual-slot form) as proxies.';

const GPU_MODELS: readonly CatalogModel[] = [
  {
    id: 'nvidia-h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2022,
    gpus: 1,
    specs: {
      memoryGb: spec(80, GPU_SPECS_CSV),
      memoryType: spec('HBM3', NV_DATASHEET('H100'), RECALLED),
      tdpW: spec(700, NV_DATASHEET('H100'), RECALLED),
      processNode: spec('TSMC 4N', NV_DATASHEET('H100'), RECALLED),
      dieAreaMm2: spec(814, 'BoaviztAPI 2.4.1 archetypes/components/gpu.csv "Large GPU" (H100); LLMCarbon hardware.csv 8.14 cm²'),
      memoryStacks: spec(5, NV_DATASHEET('H100'), '[R] 5 active HBM3 stacks of 16 GB on 6 sites (Boavizta counts 6).'),
      weightKg: spec(1.69, GPU_SPECS_CSV),
    },
    embodied: vendorPcf(
      'nvidia-h100-sxm',
      'NVIDIA H100 SXM',
      H100_PCF_PER_GPU,
      HGX_H100_PCF,
      2025,
      'cradle-to-gate; one eighth of the HGX baseboard (GPU, HBM, NVSwitch and baseboard share, thermal)',
      `HGX H100 PCF 1,312 kgCO2e ÷ 8 GPUs = ${fmt(H100_PCF_PER_GPU)}; memory 42%, ICs 25%, thermal 18% of the baseboard`,
    ),
    power: { idleW: 70, maxW: 700, source: `${NV_DATASHEET('H100')} (700 W); ${CCF_GPU_RATIO}`, note: '[R] Idle is an estimate.' },
    weightKg: spec(1.69, GPU_SPECS_CSV, 'Module mass; packaging excluded.'),
    boavizta: {
      dieSizeMm2: 814,
      memoryGb: 80,
      memoryDies: 6,
      weightKg: 1.69,
      ...SXM_BOARD,
      gpuSpecsEffectiveDieMm2: 2810.4,
      source: `${GPU_SPECS_CSV}, "NVIDIA H100 SXM 80GB"; raw die 814 mm² from the "Large GPU" archetype`,
    },
  },
  {
    id: 'nvidia-h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2022,
    gpus: 1,
    specs: {
      memoryGb: spec(80, 'NVIDIA H100 PCIe product brief PB-11133-001 (Nov 2022)', RECALLED),
      memoryType: spec('HBM2e', 'NVIDIA H100 PCIe product brief PB-11133-001', RECALLED),
      tdpW: spec(350, 'NVIDIA H100 PCIe product brief PB-11133-001: maximum TDP 350 W', '[S] Read from a copy of the brief (manuals.plus).'),
      processNode: spec('TSMC 4N', NV_DATASHEET('H100'), RECALLED),
      dieAreaMm2: spec(814, 'GH100, as the H100 SXM'),
      memoryStacks: spec(5, NV_DATASHEET('H100'), RECALLED),
      weightKg: spec(1.2, 'NVIDIA H100 PCIe product brief', '[R] Board mass recalled.'),
    },
    embodied: bottomUp('nvidia-h100-pcie', 'NVIDIA H100 PCIe', 2022, {
      dies: [{ label: 'GH100', areaMm2: 814, cpa: CPA_5NM }],
      memoryGb: 80,
      memory: HBM_KG_PER_GB,
      cardKg: 1.2,
    }),
    power: { idleW: 40, maxW: 350, source: `NVIDIA H100 PCIe product brief (350 W); ${CCF_GPU_RATIO}`, note: '[R] Idle is an estimate.' },
    weightKg: spec(1.2, 'NVIDIA H100 PCIe product brief', '[R] Board mass recalled; packaging excluded.'),
    boavizta: { dieSizeMm2: 814, memoryGb: 80, memoryDies: 6, weightKg: 1.2, ...PCIE_BOARD, source: SPECS_ABOVE, note: PCIE_PROXY },
  },
  {
    id: 'nvidia-h200-sxm',
    name: 'NVIDIA H200 SXM 141GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2024,
    gpus: 1,
    specs: {
      memoryGb: spec(141, NV_DATASHEET('H200'), RECALLED),
      memoryType: spec('HBM3e', NV_DATASHEET('H200'), RECALLED),
      tdpW: spec(700, NV_DATASHEET('H200'), RECALLED),
      processNode: spec('TSMC 4N', NV_DATASHEET('H200'), RECALLED),
      dieAreaMm2: spec(814, 'GH100, as the H100 SXM'),
      memoryStacks: spec(6, NV_DATASHEET('H200'), '[R] 6 × 24 GB HBM3e stacks (141 GB usable).'),
      weightKg: spec(1.69, 'H100 SXM module mass (BoaviztAPI gpu_specs.csv) as a proxy', '[R] Same SXM5 module assumed.'),
    },
    embodied: bottomUp('nvidia-h200-sxm', 'NVIDIA H200 SXM', 2024, {
      dies: [{ label: 'GH100', areaMm2: 814, cpa: CPA_5NM }],
      memoryGb: 141,
      memory: HBM_KG_PER_GB,
      cardKg: 1.69,
    }),
    power: { idleW: 70, maxW: 700, source: `${NV_DATASHEET('H200')} (700 W); ${CCF_GPU_RATIO}`, note: '[R] Idle is an estimate.' },
    weightKg: spec(1.69, 'H100 SXM module mass as a proxy', '[R] Packaging excluded.'),
    boavizta: { dieSizeMm2: 814, memoryGb: 141, memoryDies: 6, weightKg: 1.69, ...SXM_BOARD, source: SPECS_ABOVE, note: SXM_PROXY },
  },
  {
    id: 'nvidia-b200',
    name: 'NVIDIA B200 (HGX, 180GB)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2024,
    gpus: 1,
    specs: {
      memoryGb: spec(180, 'NVIDIA developer blog "HGX B200 reduces embodied carbon emissions intensity" (2025): 180 GB HBM3E per B200'),
      memoryType: spec('HBM3e', 'NVIDIA developer blog (2025)'),
      tdpW: spec(1000, NV_DATASHEET('HGX B200'), RECALLED),
      processNode: spec('TSMC 4NP', NV_DATASHEET('B200'), RECALLED),
      dieAreaMm2: spec(1600, 'Two reticle-sized dies', '[R] Estimate: NVIDIA does not publish the die area (~800 mm² each).'),
      memoryStacks: spec(8, NV_DATASHEET('B200'), RECALLED),
      weightKg: spec(2, 'Carbon Lens estimate', '[R] No published module mass.'),
    },
    embodied: vendorPcf(
      'nvidia-b200',
      'NVIDIA B200',
      2274 / 8,
      HGX_B200_PCF,
      2025,
      'cradle-to-gate; one eighth of the HGX baseboard (GPU, HBM, NVSwitch and baseboard share, thermal)',
      `HGX B200 PCF 2,274 kgCO2e ÷ 8 GPUs = ${fmt(2274 / 8)}; memory 49%, ICs 28%, thermal 12% of the baseboard`,
    ),
    power: { idleW: 110, maxW: 1000, source: `${NV_DATASHEET('HGX B200')} (1,000 W per GPU); ${CCF_GPU_RATIO}`, note: '[R] Both recalled or estimated.' },
    weightKg: spec(2, 'Carbon Lens estimate', '[R] No published module mass.'),
    boavizta: {
      dieSizeMm2: 1600,
      memoryGb: 180,
      memoryDies: 8,
      weightKg: 2,
      ...SXM_BOARD,
      source: SPECS_ABOVE,
      note: `${SXM_PROXY} Boavizta’s wafer model treats the two dies as one 1,600 mm² die, overstating yield loss.`,
    },
  },
  {
    id: 'nvidia-a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2020,
    gpus: 1,
    specs: {
      memoryGb: spec(80, NV_DATASHEET('A100'), RECALLED),
      memoryType: spec('HBM2e', NV_DATASHEET('A100'), RECALLED),
      tdpW: spec(400, NV_DATASHEET('A100'), RECALLED),
      processNode: spec('TSMC N7', NV_DATASHEET('A100'), RECALLED),
      dieAreaMm2: spec(826, 'NVIDIA A100 Tensor Core GPU architecture whitepaper (GA100, 826 mm²)', RECALLED),
      memoryStacks: spec(5, NV_DATASHEET('A100'), '[R] 5 active stacks of 16 GB on 6 sites (Boavizta counts 6).'),
      weightKg: spec(1.56, `${GPU_SPECS_CSV}, "NVIDIA A100 SXM4 40GB" (same module)`),
    },
    embodied: bottomUp(
      'nvidia-a100-sxm4-80gb',
      'NVIDIA A100 SXM4 80GB',
      2020,
      { dies: [{ label: 'GA100', areaMm2: 826, cpa: CPA_7NM }], memoryGb: 80, memory: HBM_KG_PER_GB, cardKg: 1.56 },
      'Literature cross-check: Falk et al. 2025 (arXiv 2509.00093) A100 teardown 127.6 kg cradle-to-gate [S]',
    ),
    power: {
      idleW: 46,
      maxW: 407,
      source: 'Cloud Carbon Footprint GPU coefficients (Teads ratios on TechPowerUp TDP): A100 46 W idle, 407 W max',
      note: '[S] As read from the CCF code in the methodology brief §2.2; not re-read here.',
    },
    weightKg: spec(1.56, `${GPU_SPECS_CSV}, A100 SXM4 40GB module`, 'Packaging excluded.'),
    boavizta: {
      dieSizeMm2: 826,
      memoryGb: 80,
      memoryDies: 6,
      pcbAreaCm2: 105,
      weightKg: 1.56,
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
    kind: 'gpu',
    releaseYear: 2020,
    gpus: 1,
    specs: {
      memoryGb: spec(40, GPU_SPECS_CSV),
      memoryType: spec('HBM2', NV_DATASHEET('A100'), RECALLED),
      tdpW: spec(250, NV_DATASHEET('A100'), RECALLED),
      processNode: spec('TSMC N7', NV_DATASHEET('A100'), RECALLED),
      dieAreaMm2: spec(826, 'NVIDIA A100 architecture whitepaper (GA100)', RECALLED),
      memoryStacks: spec(5, NV_DATASHEET('A100'), '[R] 5 active stacks of 8 GB (Boavizta counts 6).'),
      weightKg: spec(1.23, GPU_SPECS_CSV),
    },
    embodied: bottomUp('nvidia-a100-pcie-40gb', 'NVIDIA A100 PCIe 40GB', 2020, {
      dies: [{ label: 'GA100', areaMm2: 826, cpa: CPA_7NM }],
      memoryGb: 40,
      memory: HBM_KG_PER_GB,
      cardKg: 1.23,
    }),
    power: { idleW: 28, maxW: 250, source: `${NV_DATASHEET('A100')} (250 W); ${CCF_GPU_RATIO}`, note: '[R] Idle scaled from the CCF A100 ratio.' },
    weightKg: spec(1.23, GPU_SPECS_CSV, 'Card mass; packaging excluded.'),
    boavizta: {
      dieSizeMm2: 826,
      memoryGb: 40,
      memoryDies: 6,
      weightKg: 1.23,
      ...PCIE_BOARD,
      gpuSpecsEffectiveDieMm2: 1798,
      source: `${GPU_SPECS_CSV}, "NVIDIA A100 PCIe 40GB"; raw die 826 mm² (GA100)`,
    },
  },
  {
    id: 'nvidia-l40s',
    name: 'NVIDIA L40S',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2023,
    gpus: 1,
    specs: {
      memoryGb: spec(48, NV_DATASHEET('L40S'), RECALLED),
      memoryType: spec('GDDR6 (ECC)', NV_DATASHEET('L40S'), RECALLED),
      tdpW: spec(350, NV_DATASHEET('L40S'), RECALLED),
      processNode: spec('TSMC 4N', NV_DATASHEET('L40S'), RECALLED),
      dieAreaMm2: spec(608.5, 'TechPowerUp GPU database, AD102', RECALLED),
      memoryStacks: spec(24, 'Carbon Lens estimate: 24 × 2 GB GDDR6 chips (clamshell)', '[R] Estimate.'),
      weightKg: spec(1.1, 'Carbon Lens estimate for a 10.5-inch dual-slot passive card', '[R] Estimate.'),
    },
    embodied: bottomUp('nvidia-l40s', 'NVIDIA L40S', 2023, {
      dies: [{ label: 'AD102', areaMm2: 608.5, cpa: CPA_5NM }],
      memoryGb: 48,
      memory: GDDR_KG_PER_GB,
      cardKg: 1.1,
    }),
    power: { idleW: 38, maxW: 350, source: `${NV_DATASHEET('L40S')} (350 W); ${CCF_GPU_RATIO}`, note: '[R] Idle is an estimate.' },
    weightKg: spec(1.1, 'Carbon Lens estimate', '[R] Estimate; packaging excluded.'),
    boavizta: { dieSizeMm2: 608.5, memoryGb: 48, memoryDies: 24, weightKg: 1.1, ...PCIE_BOARD, source: SPECS_ABOVE, note: PCIE_PROXY },
  },
  {
    id: 'nvidia-l4',
    name: 'NVIDIA L4',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releaseYear: 2023,
    gpus: 1,
    specs: {
      memoryGb: spec(24, GPU_SPECS_CSV),
      memoryType: spec('GDDR6', NV_DATASHEET('L4'), RECALLED),
      tdpW: spec(72, NV_DATASHEET('L4'), RECALLED),
      processNode: spec('TSMC 4N', NV_DATASHEET('L4'), RECALLED),
      dieAreaMm2: spec(294.5, 'TechPowerUp GPU database, AD104', RECALLED),
      memoryStacks: spec(12, GPU_SPECS_CSV),
      weightKg: spec(0.142, GPU_SPECS_CSV),
    },
    embodied: bottomUp('nvidia-l4', 'NVIDIA L4', 2023, {
      dies: [{ label: 'AD104', areaMm2: 294.5, cpa: CPA_5NM }],
      memoryGb: 24,
      memory: GDDR_KG_PER_GB,
      cardKg: 0.142,
    }),
    power: { idleW: 8, maxW: 72, source: `${NV_DATASHEET('L4')} (72 W); ${CCF_GPU_RATIO}`, note: '[R] Idle is an estimate.' },
    weightKg: spec(0.142, GPU_SPECS_CSV, 'Card mass; packaging excluded.'),
    boavizta: {
      dieSizeMm2: 294.5,
      memoryGb: 24,
      memoryDies: 12,
      pcbAreaCm2: 93.13,
      weightKg: 0.142,
      heatsinkWeightKg: 0.0871,
      casingWeightKg: 0,
      gpuSpecsEffectiveDieMm2: 390.96,
      source: `${GPU_SPECS_CSV}, "NVIDIA L4"; raw die 294.5 mm² (AD104, TechPowerUp)`,
    },
  },
  {
    id: 'amd-mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    kind: 'gpu',
    releaseYear: 2023,
    gpus: 1,
    specs: {
      memoryGb: spec(192, 'AMD Instinct MI300X datasheet', RECALLED),
      memoryType: spec('HBM3', 'AMD Instinct MI300X datasheet', RECALLED),
      tdpW: spec(750, 'AMD Instinct MI300X datasheet', RECALLED),
      processNode: spec('TSMC N5 (XCD) + N6 (IOD)', 'AMD Instinct MI300X datasheet', RECALLED),
      dieAreaMm2: spec(2400, '8 XCD × ~115 mm² + 4 IOD × ~370 mm²', '[R] Approximate die areas from AMD’s ISSCC 2024 presentation as reported by the press.'),
      memoryStacks: spec(8, 'AMD Instinct MI300X datasheet', RECALLED),
      weightKg: spec(2.3, 'Carbon Lens estimate for an OAM module with heatsink', '[R] Estimate.'),
    },
    embodied: bottomUp('amd-mi300x', 'AMD Instinct MI300X', 2023, {
      dies: [
        { label: '8 XCD', areaMm2: 920, cpa: CPA_5NM },
        { label: '4 IOD', areaMm2: 1480, cpa: CPA_7NM },
      ],
      memoryGb: 192,
      memory: HBM_KG_PER_GB,
      cardKg: 2.3,
    }),
    power: { idleW: 85, maxW: 750, source: `AMD Instinct MI300X datasheet (750 W); ${CCF_GPU_RATIO}`, note: '[R] Idle is an estimate.' },
    weightKg: spec(2.3, 'Carbon Lens estimate', '[R] Estimate; packaging excluded.'),
    boavizta: {
      dieSizeMm2: 2400,
      memoryGb: 192,
      memoryDies: 8,
      weightKg: 2.3,
      ...SXM_BOARD,
      source: SPECS_ABOVE,
      note: `${SXM_PROXY} Boavizta’s wafer model treats the 12 chiplets as one die, overstating yield loss.`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Servers. HGX/DGX embodied covers the GPU baseboard only; the host is described for the
// component model and must be added to it.

const DGX_H100 = 'NVIDIA DGX H100 datasheet / user guide';
const DGX_B200 = 'NVIDIA DGX B200 datasheet';
const BASEBOARD_BOUNDARY = 'cradle-to-gate; GPU baseboard only (8 GPUs with HBM, NVSwitch, baseboard, thermal); host server excluded';

function dgxH100Host(cpu: string, source: string): HostComponents {
  return {
    components: {
      cpu: { units: 2, name: cpu, cores: 56, tdpW: 350 },
      ram: [{ units: 32, capacityGb: 64 }],
      ssd: [
        { units: 2, capacityGb: 1920 },
        { units: 8, capacityGb: 3840 },
      ],
      psu: { units: 6 },
      chassis: 'rack',
      motherboard: { units: 1 },
    },
    includedInEmbodied: false,
    source,
    note: '[R] Configuration recalled from the DGX H100 datasheet: 2 × Xeon Platinum 8480C, 2 TB DDR5 (32 DIMMs), OS 2 × 1.92 TB NVMe M.2, data 8 × 3.84 TB NVMe U.2, 6 × 3.3 kW PSUs. NICs and fans are not modelled.',
  };
}

const h100ServerSpecs = (weight: Sourced<number>): HardwareSpecs => ({
  memoryGb: spec(640, HGX_H100_PCF.source, PCF_NOTE),
  memoryType: spec('HBM3', DGX_H100, RECALLED),
  tdpW: spec(5600, 'HGX H100 baseboard, 8 × 700 W', PCF_NOTE),
  processNode: spec('TSMC 4N', DGX_H100, RECALLED),
  dieAreaMm2: spec(8 * 814, '8 × GH100 (814 mm²)'),
  memoryStacks: spec(40, '8 GPUs × 5 active HBM3 stacks', RECALLED),
  weightKg: weight,
  maxSystemPowerW: spec(10200, DGX_H100, '[R] ~10.2 kW maximum recalled from the DGX H100 datasheet.'),
});

const SERVER_MODELS: readonly CatalogModel[] = [
  {
    id: 'nvidia-hgx-h100-8gpu',
    name: 'NVIDIA HGX H100 8-GPU server',
    vendor: 'NVIDIA',
    kind: 'server',
    releaseYear: 2022,
    gpus: 8,
    gpuModel: 'nvidia-h100-sxm',
    specs: h100ServerSpecs(spec(24, `Baseboard mass, ${HGX_H100_PCF.source}`, PCF_NOTE)),
    embodied: vendorPcf(
      'nvidia-hgx-h100-8gpu',
      'NVIDIA HGX H100 8-GPU baseboard',
      1312,
      HGX_H100_PCF,
      2025,
      BASEBOARD_BOUNDARY,
      'HGX H100 PCF 1,312 kgCO2e for the baseboard; add the host server from hostComponents',
    ),
    power: {
      idleW: 1200,
      maxW: 10200,
      source: `${DGX_H100} (~10.2 kW max, reference HGX H100 system)`,
      note: '[R] Max recalled; idle estimated as 8 × 70 W GPUs + ~600 W host.',
    },
    weightKg: spec(170.45, `${DGX_H100}: packaged system weight 376 lb`, '[R] DGX H100 as the reference HGX H100 server.'),
    hostComponents: dgxH100Host('intel-xeon-platinum-8480plus', `${DGX_H100} as the reference host of an HGX H100 8-GPU server`),
  },
  {
    id: 'nvidia-dgx-h100',
    name: 'NVIDIA DGX H100',
    vendor: 'NVIDIA',
    kind: 'server',
    releaseYear: 2023,
    gpus: 8,
    gpuModel: 'nvidia-h100-sxm',
    specs: h100ServerSpecs(spec(130.45, `${DGX_H100}: system weight 287.6 lb`, RECALLED)),
    embodied: vendorPcf(
      'nvidia-dgx-h100',
      'NVIDIA DGX H100 (HGX H100 baseboard)',
      1312,
      HGX_H100_PCF,
      2025,
      BASEBOARD_BOUNDARY,
      'HGX H100 PCF 1,312 kgCO2e for the baseboard; add the DGX host from hostComponents (NVIDIA publishes no DGX PCF)',
    ),
    power: {
      idleW: 1200,
      maxW: 10200,
      source: `${DGX_H100} (~10.2 kW max)`,
      note: '[R] Max recalled; idle estimated as 8 × 70 W GPUs + ~600 W host.',
    },
    weightKg: spec(170.45, `${DGX_H100}: packaged system weight 376 lb`, RECALLED),
    hostComponents: dgxH100Host('intel-xeon-platinum-8480c', DGX_H100),
  },
  {
    id: 'nvidia-hgx-b200-8gpu',
    name: 'NVIDIA HGX B200 8-GPU server',
    vendor: 'NVIDIA',
    kind: 'server',
    releaseYear: 2024,
    gpus: 8,
    gpuModel: 'nvidia-b200',
    specs: {
      memoryGb: spec(1440, 'NVIDIA developer blog "HGX B200 reduces embodied carbon emissions intensity" (2025): 8 × 180 GB'),
      memoryType: spec('HBM3e', 'NVIDIA developer blog (2025)'),
      tdpW: spec(8000, 'HGX B200 baseboard, 8 × 1,000 W', RECALLED),
      processNode: spec('TSMC 4NP', DGX_B200, RECALLED),
      dieAreaMm2: spec(8 * 1600, '8 × B200 (two ~800 mm² dies each)', '[R] Estimate.'),
      memoryStacks: spec(64, '8 GPUs × 8 HBM3e stacks', RECALLED),
      weightKg: spec(32, `Baseboard mass, ${HGX_B200_PCF.source}`, PCF_NOTE),
      maxSystemPowerW: spec(14300, DGX_B200, '[R] ~14.3 kW maximum recalled from the DGX B200 datasheet.'),
    },
    embodied: vendorPcf(
      'nvidia-hgx-b200-8gpu',
      'NVIDIA HGX B200 8-GPU baseboard',
      2274,
      HGX_B200_PCF,
      2025,
      BASEBOARD_BOUNDARY,
      'HGX B200 PCF 2,274 kgCO2e for the baseboard; add the host server from hostComponents',
    ),
    power: {
      idleW: 1500,
      maxW: 14300,
      source: `${DGX_B200} (~14.3 kW max, reference HGX B200 system)`,
      note: '[R] Max recalled; idle estimated as 8 × 110 W GPUs + ~600 W host.',
    },
    weightKg: spec(180, `${DGX_B200}: system about 142 kg, plus crate`, '[R] Estimate.'),
    hostComponents: {
      components: {
        cpu: { units: 2, name: 'intel-xeon-platinum-8570', cores: 56, tdpW: 350 },
        ram: [{ units: 32, capacityGb: 64 }],
        ssd: [
          { units: 2, capacityGb: 1920 },
          { units: 8, capacityGb: 3840 },
        ],
        psu: { units: 6 },
        chassis: 'rack',
        motherboard: { units: 1 },
      },
      includedInEmbodied: false,
      source: `${DGX_B200} as the reference host of an HGX B200 8-GPU server`,
      note: '[R] Configuration recalled: 2 × Xeon Platinum 8570, 2 TB DDR5, OS 2 × 1.9 TB NVMe M.2, data 8 × 3.84 TB NVMe U.2, 6 PSUs. NICs and fans are not modelled.',
    },
  },
  {
    id: 'dell-poweredge-r740',
    name: 'Dell PowerEdge R740',
    vendor: 'Dell',
    kind: 'server',
    releaseYear: 2017,
    gpus: 0,
    specs: {
      memoryGb: spec(32, 'Boavizta environmental-footprint-data boavizta-data-us.csv (Dell PCF configuration)'),
      weightKg: spec(26.3, 'Boavizta environmental-footprint-data boavizta-data-us.csv (Dell PCF, January 2019)'),
    },
    embodied: vendorPcf(
      'dell-poweredge-r740',
      'Dell PowerEdge R740',
      8640 * 0.152,
      DELL_R740_PCF,
      2019,
      'cradle-to-gate (manufacturing stage of the PCF; transport, use and end of life excluded)',
      `Dell PCF 8,640 kgCO2e total × 15.2% manufacturing = ${fmt(8640 * 0.152)}; use 84.3% (1,760.3 kWh/year)`,
      'Read from the Boavizta dataset (copied at commit 61323eb); the Dell PDF was not opened.',
    ),
    power: {
      idleW: 65.81,
      maxW: 367.14,
      source: 'Cloud Carbon Footprint on-premises server coefficients (65.81 W min, 367.14 W max per server)',
      note: '[S] CCF values as read in the methodology brief §2.2. Generic on-premises server average, not R740-specific; the Dell PCF assumes 1,760.3 kWh/year (≈ 201 W average).',
    },
    weightKg: spec(26.3, 'Boavizta environmental-footprint-data boavizta-data-us.csv (Dell PCF)', 'Product mass; packaging excluded.'),
    hostComponents: {
      components: {
        cpu: { units: 2, cores: 24, dieSizePerCoreMm2: 24.5 },
        ram: [{ units: 12, capacityGb: 32 }],
        ssd: [{ units: 1, capacityGb: 400 }],
        psu: { units: 2, weightKg: 2.99 },
        chassis: 'rack',
        motherboard: { units: 1 },
      },
      includedInEmbodied: true,
      source: 'BoaviztAPI 2.4.1 archetypes/server.csv, dellR740',
      note: 'Boavizta’s archetype, for component-level parity; the Dell PCF itself describes 2 CPUs, 32 GB RAM, 2 × 300 GB + 1 × 1 TB HDD.',
    },
  },
];

/** The whole catalog, GPUs first. */
export const CATALOG: readonly CatalogModel[] = [...GPU_MODELS, ...SERVER_MODELS];

const BY_ID: ReadonlyMap<string, CatalogModel> = new Map(CATALOG.map((m) => [m.id, m]));

export function catalogModel(id: string): CatalogModel | undefined {
  // Ids as written are usually exact: skip normalising them.
  return BY_ID.get(id) ?? BY_ID.get(id.trim().toLowerCase());
}

export function catalogIds(): string[] {
  return CATALOG.map((m) => m.id);
}
