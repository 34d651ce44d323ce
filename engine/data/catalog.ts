import { exact, range, type Range } from '../quantity';
import { acceleratorEmbodied, PCF_SECONDARY_COPY, type AcceleratorDimensions } from './acceleratorModel';
import {
  ACCELERATORS,
  acceleratorRecord,
  AcceleratorRecord,
  BaseboardPcf,
  Citation,
  dieAreaMm2,
  fullLoadW,
  memoryDies,
  PCF_NOTE,
  processName,
  RECALLED,
} from './accelerators';
import type { CatalogModel, EmbodiedFactor, HardwareSpecs, HostComponents, Sourced } from './catalogTypes';

/**
 * Built-in hardware catalog: GPUs and GPU servers with specs for hover, an embodied figure per
 * unit (vendor PCF where one exists, else the accelerator model), power and shipped weight.
 * The GPU cards are stated once in accelerators.ts; their entries here derive from them.
 */

// ---------------------------------------------------------------------------------------------
// Cards without a vendor PCF: the accelerator model (acceleratorModel.ts), fed the card's
// dimensions from its record, with the record's estimate ranges carried into min and max.

const fmt = (x: number) => x.toFixed(1);

/** One card's share of its baseboard's PCF, kgCO2e. */
function pcfShareKg(pcf: BaseboardPcf): number {
  return pcf.kgCO2e / pcf.gpus;
}

/** A record's dimension as a range: exact unless the record marks it as an estimate with a range. */
function dimension(value: number, estimate: readonly [number, number] | undefined): Range {
  return estimate ? range(value, estimate[0], estimate[1]) : exact(value);
}

/** What the accelerator model reads of a card's record. */
export function acceleratorDimensions(card: AcceleratorRecord): AcceleratorDimensions {
  return {
    memoryGb: exact(card.memory.gb.value),
    memoryKind: card.memory.type.value.startsWith('HBM') ? 'hbm' : 'gddr',
    dieMm2: dimension(dieAreaMm2(card), card.estimates?.dieAreaMm2),
    tdpW: exact(card.tdpW.value),
    massKg: dimension(card.massKg.value, card.estimates?.massKg),
  };
}

function bottomUp(id: string, name: string, year: number, card: AcceleratorRecord, extra = ''): EmbodiedFactor {
  const { value, min, max, derivation } = acceleratorEmbodied(acceleratorDimensions(card));
  return {
    id: `model/${id}`,
    label: `${name} manufacturing (accelerator model)`,
    value,
    min,
    max,
    unit: 'kgCO2e/unit',
    source: 'Carbon Lens accelerator model: memory, ICs, thermal and board intensities calibrated on the NVIDIA HGX H100 and HGX B200 PCFs',
    year,
    boundary: 'cradle-to-gate',
    note: '[S] Model calibrated on secondary copies of the PCFs; see the accelerator/* rows.',
    method: 'bottom-up',
    derivation: extra ? `${derivation}. ${extra}` : derivation,
  };
}

// ---------------------------------------------------------------------------------------------
// Vendor PCFs.

interface PcfSource {
  source: string;
  url: string;
}

const DELL_R740_PCF: PcfSource = {
  source:
    'Dell PowerEdge R740 product carbon footprint (January 2019; 4 years, EU use), via Boavizta environmental-footprint-data boavizta-data-us.csv (ODbL 1.0, © Boavizta contributors, commit 61323eb)',
  url: 'https://i.dell.com/sites/csdocuments/CorpComm_Docs/en/carbon-footprint-poweredge-r740.pdf',
};
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
  // The PCF's own uncertainty is not published with the figure: the secondary-copy range.
  return {
    id: `model/${id}`,
    label: `${name} manufacturing (vendor PCF)`,
    value,
    min: value * (PCF_SECONDARY_COPY.min ?? 1),
    max: value * (PCF_SECONDARY_COPY.max ?? 1),
    unit: 'kgCO2e/unit',
    source,
    url,
    year,
    boundary,
    note,
    method: 'vendor-pcf',
    derivation: `${derivation}; range ${fmt(value * (PCF_SECONDARY_COPY.min ?? 1))}–${fmt(value * (PCF_SECONDARY_COPY.max ?? 1))} (${PCF_SECONDARY_COPY.id})`,
  };
}

/** A baseboard PCF as cited: the document, its total, and the baseboard its cards make up. */
function baseboardPcfSource(pcf: BaseboardPcf, card: AcceleratorRecord): PcfSource {
  const memoryGb = pcf.gpus * card.memory.gb.value;
  return {
    source: `${pcf.title}: ${pcf.kgCO2e.toLocaleString('en-US')} kgCO2e for the ${pcf.gpus}-GPU baseboard (${pcf.baseboardKg} kg, ${memoryGb.toLocaleString('en-US')} GB ${card.memory.type.value})`,
    url: pcf.url,
  };
}

// ---------------------------------------------------------------------------------------------
// GPUs: one entry per accelerator record.

const CARD_SHARE_BOUNDARY = 'cradle-to-gate; one eighth of the HGX baseboard (GPU, HBM, NVSwitch and baseboard share, thermal)';

function cardEmbodied(card: AcceleratorRecord): EmbodiedFactor {
  const name = card.shortName ?? card.name;
  if ('dieModel' in card.embodied) return bottomUp(card.id, name, card.releaseYear, card, card.embodied.dieModel.crossCheck);
  const { pcf } = card.embodied;
  const share = pcfShareKg(pcf);
  const modelled = acceleratorEmbodied(acceleratorDimensions(card));
  return vendorPcf(
    card.id,
    name,
    share,
    baseboardPcfSource(pcf, card),
    pcf.year,
    CARD_SHARE_BOUNDARY,
    `${pcf.name} PCF ${pcf.kgCO2e.toLocaleString('en-US')} kgCO2e ÷ ${pcf.gpus} GPUs = ${fmt(share)}; ${pcf.shares} of the baseboard. The accelerator model gives ${fmt(modelled.value)} from the card's dimensions`,
  );
}

function cardPowerSource(card: AcceleratorRecord): string {
  const full = card.power.full;
  if ('maxW' in full) return full.source;
  return `${full.atTdp} (${card.tdpW.value.toLocaleString('en-US')} W${full.qualifier ? ` ${full.qualifier}` : ''}); ${CCF_GPU_RATIO}`;
}

/** The catalog entry of a card: every figure from its record. */
export function gpuCatalogModel(card: AcceleratorRecord): CatalogModel {
  const { board } = card;
  return {
    id: card.id,
    name: card.name,
    vendor: card.vendor,
    kind: 'gpu',
    releaseYear: card.releaseYear,
    gpus: 1,
    specs: {
      memoryGb: card.memory.gb,
      memoryType: card.memory.type,
      tdpW: card.tdpW,
      processNode: { value: processName(card), ...card.process },
      dieAreaMm2: { value: dieAreaMm2(card), ...card.dieArea },
      memoryStacks: card.memory.stacks,
      weightKg: card.massKg,
    },
    embodied: cardEmbodied(card),
    power: { idleW: card.power.idleW, maxW: fullLoadW(card), source: cardPowerSource(card), note: card.power.note },
    weightKg: { value: card.massKg.value, ...card.shippedMass },
    boavizta: {
      dieSizeMm2: dieAreaMm2(card),
      memoryGb: card.memory.gb.value,
      memoryDies: memoryDies(card),
      weightKg: card.massKg.value,
      pcbAreaCm2: board.pcbAreaCm2,
      heatsinkWeightKg: board.heatsinkWeightKg,
      casingWeightKg: board.casingWeightKg,
      ...(board.gpuSpecsEffectiveDieMm2 !== undefined ? { gpuSpecsEffectiveDieMm2: board.gpuSpecsEffectiveDieMm2 } : {}),
      source: board.source,
      ...(board.note !== undefined ? { note: board.note } : {}),
    },
  };
}

const GPU_MODELS: readonly CatalogModel[] = ACCELERATORS.map(gpuCatalogModel);

/** The figures of a GPU server that are its cards' times their number, with their citations. */
interface GpuServerCitations {
  memoryGb: Citation;
  memoryType: Citation;
  tdpW: Citation;
  processNode: Citation;
  dieAreaMm2: Citation;
  memoryStacks: Citation;
}

function gpuServerSpecs(card: AcceleratorRecord, gpus: number, cited: GpuServerCitations, weightKg: Sourced<number>, maxSystemPowerW: Sourced<number>): HardwareSpecs {
  return {
    memoryGb: { value: gpus * card.memory.gb.value, ...cited.memoryGb },
    memoryType: { value: card.memory.type.value, ...cited.memoryType },
    tdpW: { value: gpus * card.tdpW.value, ...cited.tdpW },
    processNode: { value: processName(card), ...cited.processNode },
    dieAreaMm2: { value: gpus * dieAreaMm2(card), ...cited.dieAreaMm2 },
    memoryStacks: { value: gpus * card.memory.stacks.value, ...cited.memoryStacks },
    weightKg,
    maxSystemPowerW,
  };
}

/** A server whose embodied figure is its baseboard's PCF (the host is added from its components). */
function baseboardEmbodied(id: string, name: string, card: AcceleratorRecord, derivation: string): EmbodiedFactor {
  const pcf = (card.embodied as { pcf: BaseboardPcf }).pcf;
  return vendorPcf(id, name, pcf.kgCO2e, baseboardPcfSource(pcf, card), pcf.year, BASEBOARD_BOUNDARY, `${pcf.name} PCF ${pcf.kgCO2e.toLocaleString('en-US')} kgCO2e for the baseboard; ${derivation}`);
}

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

/** The card of a GPU server, stated in accelerators.ts. */
function cardOf(id: string): AcceleratorRecord {
  const card = acceleratorRecord(id);
  if (!card) throw new Error(`GPU server card ${id} is not an accelerator record`);
  return card;
}

const H100_SXM = cardOf('nvidia-h100-sxm');
const B200 = cardOf('nvidia-b200');
const H100_GPUS = baseboardPcfOf(H100_SXM).gpus;
const B200_GPUS = baseboardPcfOf(B200).gpus;

function baseboardPcfOf(card: AcceleratorRecord): BaseboardPcf {
  return (card.embodied as { pcf: BaseboardPcf }).pcf;
}

/** `HGX H100 baseboard, 8 × 700 W`. */
function baseboardPower(card: AcceleratorRecord, gpus: number): string {
  return `${baseboardPcfOf(card).name} baseboard, ${gpus} × ${card.tdpW.value.toLocaleString('en-US')} W`;
}

const h100ServerSpecs = (weight: Sourced<number>): HardwareSpecs =>
  gpuServerSpecs(H100_SXM, H100_GPUS, {
    memoryGb: { source: baseboardPcfSource(baseboardPcfOf(H100_SXM), H100_SXM).source, note: PCF_NOTE },
    memoryType: { source: DGX_H100, note: RECALLED },
    tdpW: { source: baseboardPower(H100_SXM, H100_GPUS), note: PCF_NOTE },
    processNode: { source: DGX_H100, note: RECALLED },
    dieAreaMm2: { source: `${H100_GPUS} × ${H100_SXM.dies[0].name} (${dieAreaMm2(H100_SXM)} mm²)` },
    memoryStacks: { source: `${H100_GPUS} GPUs × ${H100_SXM.memory.stacks.value} active ${H100_SXM.memory.type.value} stacks`, note: RECALLED },
  }, weight, spec(10200, DGX_H100, '[R] ~10.2 kW maximum recalled from the DGX H100 datasheet.'));

const SERVER_MODELS: readonly CatalogModel[] = [
  {
    id: 'nvidia-hgx-h100-8gpu',
    name: 'NVIDIA HGX H100 8-GPU server',
    vendor: 'NVIDIA',
    kind: 'server',
    releaseYear: 2022,
    gpus: H100_GPUS,
    gpuModel: H100_SXM.id,
    specs: h100ServerSpecs(spec(baseboardPcfOf(H100_SXM).baseboardKg, `Baseboard mass, ${baseboardPcfSource(baseboardPcfOf(H100_SXM), H100_SXM).source}`, PCF_NOTE)),
    embodied: baseboardEmbodied('nvidia-hgx-h100-8gpu', 'NVIDIA HGX H100 8-GPU baseboard', H100_SXM, 'add the host server from hostComponents'),
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
    gpus: H100_GPUS,
    gpuModel: H100_SXM.id,
    specs: h100ServerSpecs(spec(130.45, `${DGX_H100}: system weight 287.6 lb`, RECALLED)),
    embodied: baseboardEmbodied('nvidia-dgx-h100', 'NVIDIA DGX H100 (HGX H100 baseboard)', H100_SXM, 'add the DGX host from hostComponents (NVIDIA publishes no DGX PCF)'),
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
    gpus: B200_GPUS,
    gpuModel: B200.id,
    specs: gpuServerSpecs(B200, B200_GPUS, {
      memoryGb: { source: `NVIDIA developer blog "HGX B200 reduces embodied carbon emissions intensity" (2025): ${B200_GPUS} × ${B200.memory.gb.value} GB` },
      memoryType: { source: 'NVIDIA developer blog (2025)' },
      tdpW: { source: baseboardPower(B200, B200_GPUS), note: RECALLED },
      processNode: { source: DGX_B200, note: RECALLED },
      dieAreaMm2: { source: `${B200_GPUS} × B200 (two ~800 mm² dies each)`, note: '[R] Estimate.' },
      memoryStacks: { source: `${B200_GPUS} GPUs × ${B200.memory.stacks.value} ${B200.memory.type.value} stacks`, note: RECALLED },
    }, spec(baseboardPcfOf(B200).baseboardKg, `Baseboard mass, ${baseboardPcfSource(baseboardPcfOf(B200), B200).source}`, PCF_NOTE), spec(14300, DGX_B200, '[R] ~14.3 kW maximum recalled from the DGX B200 datasheet.')),
    embodied: baseboardEmbodied('nvidia-hgx-b200-8gpu', 'NVIDIA HGX B200 8-GPU baseboard', B200, 'add the host server from hostComponents'),
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
        // POWER_SUPPLY.units 2;1;2 and unit_weight 2.99;1;5: the mass is left to Boavizta's default (2.99, 1–5).
        psu: { units: 2, unitsMin: 1 },
        chassis: 'rack',
        motherboard: { units: 1 },
      },
      includedInEmbodied: true,
      source: 'BoaviztAPI 2.4.1 archetypes/server.csv, dellR740',
      note: 'Boavizta’s archetype, for component-level parity (its power model runs on it under methodology: boavizta-2.4, at its workload 50%, 0–100, when no utilization is given); the Dell PCF itself describes 2 CPUs, 32 GB RAM, 2 × 300 GB + 1 × 1 TB HDD.',
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
