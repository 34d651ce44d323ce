/**
 * Current server CPUs, for the component model (die area drives the embodied estimate, TDP the
 * power curve). Die area is the total silicon of the package: compute dies plus I/O dies for
 * chiplet parts (BoaviztAPI `total_die_size` convention, Boavizta issue #154).
 */
import { MemoTable } from '../memoTable';

export interface CpuSpec {
  /** Kebab-case id, e.g. `amd-epyc-9654`. */
  id: string;
  name: string;
  vendor: 'AMD' | 'Intel' | 'NVIDIA';
  codename: string;
  cores: number;
  tdpW: number;
  /** Total die area of one package in mm², I/O dies included. */
  totalDieMm2: number;
  /** Plausible bounds of `totalDieMm2` when it is an estimate, carried into the CPU's min and max. */
  dieRangeMm2?: readonly [number, number];
  /** How the total is made up, e.g. `12 × 72 (CCD) + 397 (IOD)`. */
  dieComposition: string;
  process: string;
  year: number;
  source: string;
  url?: string;
  /** Evidence note; starts with [S] or [R] when not read from the cited source. */
  note?: string;
}

const BOAVIZTA_CPU_SPECS =
  'BoaviztAPI 2.4.1 crowdsourcing/cpu_specs.csv (TechPowerUp CPU database), total_die_size';
const BOAVIZTA_CPU_URL =
  'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/data/crowdsourcing/cpu_specs.csv';

const GENOA = { vendor: 'AMD', codename: 'Genoa (Zen 4)', process: 'TSMC N5 CCD + N6 IOD', year: 2022 } as const;
const SAPPHIRE_RAPIDS = { vendor: 'Intel', codename: 'Sapphire Rapids', process: 'Intel 7', year: 2023 } as const;
const EMERALD_RAPIDS = { vendor: 'Intel', codename: 'Emerald Rapids', process: 'Intel 7', year: 2023 } as const;
const EMR_DIES =
  '[R] Two 763 mm² dies per package as reported by die-shot analyses (SemiAnalysis); not in the Boavizta table.';
const TURIN_IOD =
  '[R] I/O die assumed equal to Genoa’s 397 mm² (AMD has not published Turin’s); CCD size from die-shot measurements reported by the press (HXL via Tom’s Hardware).';

const SKYLAKE = { vendor: 'Intel', codename: 'Skylake-SP', process: 'Intel 14 nm', year: 2017 } as const;
const CASCADE_LAKE = { vendor: 'Intel', codename: 'Cascade Lake-SP', process: 'Intel 14 nm', year: 2019 } as const;
const ICE_LAKE = { vendor: 'Intel', codename: 'Ice Lake-SP', process: 'Intel 10 nm', year: 2021 } as const;
const ROME = { vendor: 'AMD', codename: 'Rome (Zen 2)', process: 'TSMC N7 CCD + GF 14 nm IOD', year: 2019 } as const;
const MILAN = { vendor: 'AMD', codename: 'Milan (Zen 3)', process: 'TSMC N7 CCD + GF 12 nm IOD', year: 2021 } as const;
const WIKICHIP_XCC = 'https://en.wikichip.org/wiki/intel/microarchitectures/skylake_(server)#Extreme_Core_Count_.28XCC.29';
const XCC_14NM = 'XCC die of Skylake/Cascade Lake-SP, 694 mm² (WikiChip, Skylake (server) XCC; BoaviztAPI 2.4.1 cpu_specs.csv gives 694 for the Platinum 8280 and the Gold 6148F)';
const XCC_NOTE = '[S] Parts with more than 18 cores use the 28-core XCC die (the HCC die has 18 at most), so the XCC area applies.';
const ICE_LAKE_XCC =
  '[R] Ice Lake-SP XCC die area as reported from die-shot analyses (about 628 mm²); Intel has not published it and the Boavizta table has no area for Ice Lake.';
const ROME_MILAN = 'Eight CCDs (74 mm² Zen 2, 81 mm² Zen 3) and a 416 mm² I/O die (BoaviztAPI 2.4.1 cpu_specs.csv, TechPowerUp)';

export const CPUS: readonly CpuSpec[] = [
  {
    id: 'amd-epyc-9654',
    name: 'AMD EPYC 9654',
    ...GENOA,
    cores: 96,
    tdpW: 360,
    totalDieMm2: 1261,
    dieComposition: '12 × 72 (CCD) + 397 (IOD)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'amd-epyc-9554',
    name: 'AMD EPYC 9554',
    ...GENOA,
    cores: 64,
    tdpW: 360,
    totalDieMm2: 973,
    dieComposition: '8 × 72 (CCD) + 397 (IOD)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'amd-epyc-9474f',
    name: 'AMD EPYC 9474F',
    ...GENOA,
    cores: 48,
    tdpW: 360,
    totalDieMm2: 973,
    dieComposition: '8 × 72 (CCD) + 397 (IOD)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'amd-epyc-9754',
    name: 'AMD EPYC 9754',
    vendor: 'AMD',
    codename: 'Bergamo (Zen 4c)',
    cores: 128,
    tdpW: 360,
    totalDieMm2: 979,
    dieComposition: '8 × 72.7 (Zen 4c CCD) + 397 (IOD, same as Genoa)',
    process: 'TSMC N5 CCD + N6 IOD',
    year: 2023,
    source: 'SemiAnalysis die-size estimate of the 16-core Zen 4c CCD (72.7 mm²), as reported by TechPowerUp (June 2023); Genoa IOD from BoaviztAPI cpu_specs.csv; TDP 360 W per AMD',
    url: 'https://www.techpowerup.com/309741/',
    note: '[S] Press report of an analyst die-size estimate.',
  },
  {
    id: 'amd-epyc-9755',
    name: 'AMD EPYC 9755',
    vendor: 'AMD',
    codename: 'Turin (Zen 5)',
    cores: 128,
    tdpW: 500,
    totalDieMm2: 1730,
    dieComposition: '16 × 83.3 (Zen 5 CCD, 7.4 × 11.26 mm) + 397 (IOD, assumed)',
    process: 'TSMC N4P CCD + N6 IOD',
    year: 2024,
    source: 'Zen 5 CCD 7.4 × 11.26 mm from die shots (HXL, reported by Tom’s Hardware, April 2025); 16 CCDs and 500 W TDP per AMD EPYC 9005 launch',
    note: TURIN_IOD,
  },
  {
    id: 'amd-epyc-9965',
    name: 'AMD EPYC 9965',
    vendor: 'AMD',
    codename: 'Turin Dense (Zen 5c)',
    cores: 192,
    tdpW: 500,
    totalDieMm2: 1411,
    dieComposition: '12 × 84.5 (Zen 5c CCD, 5.7 × 14.83 mm) + 397 (IOD, assumed)',
    process: 'TSMC N3E CCD + N6 IOD',
    year: 2024,
    source: 'Zen 5c CCD 5.7 × 14.83 mm from die shots (HXL, reported by Tom’s Hardware, April 2025); 12 CCDs and 500 W TDP per AMD EPYC 9005 launch',
    note: TURIN_IOD,
  },
  {
    id: 'intel-xeon-platinum-8480plus',
    name: 'Intel Xeon Platinum 8480+',
    ...SAPPHIRE_RAPIDS,
    cores: 56,
    tdpW: 350,
    totalDieMm2: 1908,
    dieComposition: '4 × 477 (XCC tiles)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'intel-xeon-platinum-8480c',
    name: 'Intel Xeon Platinum 8480C',
    ...SAPPHIRE_RAPIDS,
    cores: 56,
    tdpW: 350,
    totalDieMm2: 1908,
    dieComposition: '4 × 477 (XCC tiles)',
    source: 'Custom 8480+ variant in the NVIDIA DGX H100 (56 cores, 2.0 GHz base); die area as the 8480+ in BoaviztAPI cpu_specs.csv',
    url: BOAVIZTA_CPU_URL,
    note: '[R] Same XCC silicon as the 8480+ assumed; TDP recalled.',
  },
  {
    id: 'intel-xeon-platinum-8490h',
    name: 'Intel Xeon Platinum 8490H',
    ...SAPPHIRE_RAPIDS,
    cores: 60,
    tdpW: 350,
    totalDieMm2: 1908,
    dieComposition: '4 × 477 (XCC tiles)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'intel-xeon-platinum-8570',
    name: 'Intel Xeon Platinum 8570',
    ...EMERALD_RAPIDS,
    cores: 56,
    tdpW: 350,
    totalDieMm2: 1526,
    dieComposition: '2 × 763',
    source: 'Intel ARK (5th Gen Xeon Scalable, Dec 2023); host CPU of the NVIDIA DGX B200',
    note: `${EMR_DIES} Cores and TDP recalled.`,
  },
  {
    id: 'intel-xeon-platinum-8580',
    name: 'Intel Xeon Platinum 8580',
    ...EMERALD_RAPIDS,
    cores: 60,
    tdpW: 350,
    totalDieMm2: 1526,
    dieComposition: '2 × 763',
    source: 'Intel ARK (5th Gen Xeon Scalable, Dec 2023)',
    note: `${EMR_DIES} Cores and TDP recalled.`,
  },
  {
    id: 'intel-xeon-platinum-8592plus',
    name: 'Intel Xeon Platinum 8592+',
    ...EMERALD_RAPIDS,
    cores: 64,
    tdpW: 350,
    totalDieMm2: 1526,
    dieComposition: '2 × 763',
    source: 'Intel ARK (5th Gen Xeon Scalable, Dec 2023)',
    note: `${EMR_DIES} Cores and TDP recalled.`,
  },
  {
    id: 'nvidia-grace',
    name: 'NVIDIA Grace',
    vendor: 'NVIDIA',
    codename: 'Grace (Arm Neoverse V2)',
    cores: 72,
    tdpW: 250,
    totalDieMm2: 500,
    dieRangeMm2: [400, 650],
    dieComposition: '1 monolithic die (area not published)',
    process: 'TSMC 4N',
    year: 2023,
    source: 'NVIDIA Grace CPU Superchip architecture (Hot Chips 34, 2022): 72 Arm v9 cores, TSMC 4N; Superchip (2 CPUs + LPDDR5X) 500 W',
    url: 'https://developer.nvidia.com/blog/nvidia-grace-cpu-superchip-architecture-in-depth/',
    note: '[R] Die area is a Carbon Lens estimate (72 cores + 117 MB L3 + I/O on 4N, plausibly 400–650 mm²); TDP is half the Superchip’s 500 W, memory included.',
  },
  // Older generations that fleets still run (each row: cores and TDP from the cited spec page).
  {
    id: 'intel-xeon-platinum-8180',
    name: 'Intel Xeon Platinum 8180',
    ...SKYLAKE,
    cores: 28,
    tdpW: 205,
    totalDieMm2: 694,
    dieComposition: '1 × 694 (XCC)',
    source: `TechPowerUp CPU database, Xeon Platinum 8180 (28 cores, 205 W, via ${BOAVIZTA_CPU_SPECS}); ${XCC_14NM}`,
    url: WIKICHIP_XCC,
  },
  {
    id: 'intel-xeon-gold-6148',
    name: 'Intel Xeon Gold 6148',
    ...SKYLAKE,
    cores: 20,
    tdpW: 150,
    totalDieMm2: 694,
    dieComposition: '1 × 694 (XCC)',
    source: `Intel ARK, Xeon Gold 6148 (20 cores, 150 W, via ${BOAVIZTA_CPU_SPECS}); ${XCC_14NM}`,
    url: 'https://www.intel.com/content/www/us/en/products/sku/120489/intel-xeon-gold-6148-processor-27-5m-cache-2-40-ghz/specifications.html',
    note: `${XCC_NOTE} The Boavizta row for the 6148 gives 484 mm² (the HCC die) while its 6148F row gives 694.`,
  },
  {
    id: 'intel-xeon-platinum-8280',
    name: 'Intel Xeon Platinum 8280',
    ...CASCADE_LAKE,
    cores: 28,
    tdpW: 205,
    totalDieMm2: 694,
    dieComposition: '1 × 694 (XCC)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'intel-xeon-gold-6248',
    name: 'Intel Xeon Gold 6248',
    ...CASCADE_LAKE,
    cores: 20,
    tdpW: 150,
    totalDieMm2: 694,
    dieComposition: '1 × 694 (XCC)',
    source: `Intel ARK, Xeon Gold 6248 (20 cores, 150 W); ${XCC_14NM}`,
    url: WIKICHIP_XCC,
    note: `${XCC_NOTE} [R] Cores and TDP recalled from Intel ARK (the Boavizta row has none).`,
  },
  {
    id: 'intel-xeon-platinum-8380',
    name: 'Intel Xeon Platinum 8380',
    ...ICE_LAKE,
    cores: 40,
    tdpW: 270,
    totalDieMm2: 628,
    dieComposition: '1 × 628 (XCC)',
    source: `TechPowerUp CPU database, Xeon Platinum 8380 (40 cores, 270 W, via ${BOAVIZTA_CPU_SPECS})`,
    url: 'https://www.techpowerup.com/cpu-specs/xeon-platinum-8380.c2421',
    note: ICE_LAKE_XCC,
  },
  {
    id: 'intel-xeon-gold-6338',
    name: 'Intel Xeon Gold 6338',
    ...ICE_LAKE,
    cores: 32,
    tdpW: 205,
    totalDieMm2: 628,
    dieComposition: '1 × 628 (XCC)',
    source: 'Intel ARK, Xeon Gold 6338 (32 cores, 205 W)',
    url: 'https://www.intel.com/content/www/us/en/products/sku/212285/intel-xeon-gold-6338-processor-48m-cache-2-00-ghz/specifications.html',
    note: `${ICE_LAKE_XCC} [R] Cores and TDP recalled from Intel ARK (the Boavizta table has the 6338N and 6338T only).`,
  },
  {
    id: 'amd-epyc-7742',
    name: 'AMD EPYC 7742',
    ...ROME,
    cores: 64,
    tdpW: 225,
    totalDieMm2: 1008,
    dieComposition: '8 × 74 (CCD) + 416 (IOD)',
    source: `${ROME_MILAN}; 64 cores, 225 W`,
    url: 'https://www.techpowerup.com/cpu-specs/epyc-7742.c2245',
    note: '[S] The Boavizta row gives 16 × 74 + 416 = 1,600 mm²; Rome packages hold at most eight CCDs (8 cores each), so 8 × 74 + 416.',
  },
  {
    id: 'amd-epyc-7502',
    name: 'AMD EPYC 7502',
    ...ROME,
    cores: 32,
    tdpW: 180,
    totalDieMm2: 1008,
    dieComposition: '8 × 74 (CCD) + 416 (IOD)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'amd-epyc-7763',
    name: 'AMD EPYC 7763',
    ...MILAN,
    cores: 64,
    tdpW: 280,
    totalDieMm2: 1064,
    dieComposition: '8 × 81 (CCD) + 416 (IOD)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
  {
    id: 'amd-epyc-7543',
    name: 'AMD EPYC 7543',
    ...MILAN,
    cores: 32,
    tdpW: 225,
    totalDieMm2: 1064,
    dieComposition: '8 × 81 (CCD) + 416 (IOD)',
    source: BOAVIZTA_CPU_SPECS,
    url: BOAVIZTA_CPU_URL,
  },
];

/** Matching key: lower case, letters and digits only, `+` as `plus`, without vendor and line words. */
function cpuKey(nameOrId: string): string {
  return nameOrId
    .toLowerCase()
    .replace(/\(r\)|\(tm\)|®|™/g, '')
    .replace(/\b\d+-core\b/g, '')
    .replace(/\+/g, 'plus')
    .replace(/\b(amd|intel|nvidia|xeon|platinum|epyc|processor|cpu)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY: ReadonlyMap<string, CpuSpec> = new Map(CPUS.map((cpu) => [cpuKey(cpu.id), cpu]));

/** Lookups by the name as written: a fleet names the same few CPUs thousands of times. */
const BY_NAME = new MemoTable<string, CpuSpec | undefined>(1_000);

/** A CPU by catalog id or common spelling: `amd-epyc-9654`, `EPYC 9654`, `Intel Xeon Platinum 8480+`. */
export function cpuFor(nameOrId: string): CpuSpec | undefined {
  return BY_NAME.get(nameOrId, cpuByKey);
}

function cpuByKey(nameOrId: string): CpuSpec | undefined {
  return BY_KEY.get(cpuKey(nameOrId));
}

export function cpuIds(): string[] {
  return CPUS.map((cpu) => cpu.id);
}

/** Vendor and generation read from a CPU name: Xeon Scalable's second model digit, EPYC's last. */
function generationOf(name: string): { vendor: CpuSpec['vendor']; generation: string } | undefined {
  const text = name.toLowerCase();
  const model = /(\d{4})/.exec(text)?.[1];
  if (/epyc|\bamd\b/.test(text)) return model ? { vendor: 'AMD', generation: model[3] } : undefined;
  if (/xeon|intel/.test(text)) return model ? { vendor: 'Intel', generation: model[1] } : undefined;
  if (/grace|nvidia/.test(text)) return { vendor: 'NVIDIA', generation: 'grace' };
  return undefined;
}

/**
 * Catalog CPUs a name not in the catalog may mean: same vendor and generation only (a CPU of
 * another generation can have 1.5–1.8× the die area, so suggesting it would mislead). Empty when
 * the name says neither.
 */
export function sameGenerationCpuIds(name: string): string[] {
  const wanted = generationOf(name);
  if (!wanted) return [];
  return CPUS.filter((cpu) => {
    const g = generationOf(cpu.name);
    return g?.vendor === wanted.vendor && g.generation === wanted.generation;
  }).map((cpu) => cpu.id);
}
