import { sum, type Range } from '../../quantity';
import { assemblyEmbodied } from './assembly';
import { chassisEmbodied } from './chassis';
import { cpuEmbodied } from './cpu';
import { gpuEmbodied, scaleGpuParts } from './gpu';
import { hddEmbodied } from './hdd';
import { motherboardEmbodied } from './motherboard';
import { psuEmbodied } from './psu';
import { defaultRamEmbodied, ramEmbodied } from './ram';
import { defaultSsdEmbodied, ssdEmbodied } from './ssd';
import type { ComponentImpact, ServerSpec } from './types';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';

export interface ServerEmbodied {
  /** BoaviztAPI's server "embedded" figure: every part, GPU transport and end of life included. */
  total: Range;
  /** Cradle-to-gate: total less GPU distribution and GPU end of life. */
  manufacturing: Range;
  /** GPU distribution (the only transport BoaviztAPI models). */
  transport: Range;
  /** GPU end of life (the only end of life BoaviztAPI models). */
  endOfLife: Range;
  /** In BoaviztAPI's order: assembly, CPU, GPU sub-parts, memory lines, disks, PSU, case, motherboard. */
  parts: ComponentImpact[];
  /** Every completion made, once each. */
  assumptions: string[];
}

/**
 * Embodied emissions of one server from its components (component `units` multiplied in).
 * An absent `ram` or disk list takes BoaviztAPI's default server lines; an empty list means none.
 * As in BoaviztAPI, where `ssd` and `hdd` share one disk list, giving either replaces the default disk.
 */
export function serverEmbodied(components: ServerSpec, tables: BoaviztaTables = BUILT_IN_TABLES): ServerEmbodied {
  const { gpu } = components;
  const gpuParts = gpu === undefined ? [] : scaleGpuParts(gpuEmbodied(gpu, tables), gpu.units);
  const ram = components.ram === undefined ? [defaultRamEmbodied(tables)] : components.ram.map((line, i) => ramEmbodied(line, i, tables));
  const noDisk = components.ssd === undefined && components.hdd === undefined;
  const disks = noDisk
    ? [defaultSsdEmbodied(tables)]
    : [...(components.ssd ?? []).map((line, i) => ssdEmbodied(line, i, tables)), ...(components.hdd === undefined ? [] : [hddEmbodied(components.hdd, tables)])];
  const parts = [
    assemblyEmbodied(tables),
    cpuEmbodied(components.cpu, tables),
    ...gpuParts,
    ...ram,
    ...disks,
    psuEmbodied(components.psu, tables),
    chassisEmbodied(components.chassis, tables),
    motherboardEmbodied(components.motherboard, tables),
  ];
  const transport = sum(gpuParts.filter((p) => p.component === 'gpu/distribution').map((p) => p.kgCO2e));
  const endOfLife = sum(gpuParts.filter((p) => p.component === 'gpu/end-of-life').map((p) => p.kgCO2e));
  const total = sum(parts.map((p) => p.kgCO2e));
  return {
    total,
    manufacturing: {
      value: total.value - transport.value - endOfLife.value,
      min: total.min - transport.min - endOfLife.min,
      max: total.max - transport.max - endOfLife.max,
    },
    transport,
    endOfLife,
    parts,
    assumptions: [...new Set(parts.flatMap((p) => p.assumptions))],
  };
}
