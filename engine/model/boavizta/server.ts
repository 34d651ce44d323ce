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
export function serverEmbodied(components: ServerSpec): ServerEmbodied {
  const { gpu } = components;
  const gpuParts = gpu === undefined ? [] : scaleGpuParts(gpuEmbodied(gpu), gpu.units);
  const ram = components.ram === undefined ? [defaultRamEmbodied()] : components.ram.map(ramEmbodied);
  const noDisk = components.ssd === undefined && components.hdd === undefined;
  const disks = noDisk
    ? [defaultSsdEmbodied()]
    : [...(components.ssd ?? []).map(ssdEmbodied), ...(components.hdd === undefined ? [] : [hddEmbodied(components.hdd)])];
  const parts = [
    assemblyEmbodied(),
    cpuEmbodied(components.cpu),
    ...gpuParts,
    ...ram,
    ...disks,
    psuEmbodied(components.psu),
    chassisEmbodied(components.chassis),
    motherboardEmbodied(components.motherboard),
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
