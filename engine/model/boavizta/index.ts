/** BoaviztAPI 2.4.1 parity model of server components (`methodology: boavizta-2.4`). See docs/boavizta-parity.md. */
export type { ComponentImpact, PowerEstimate, ServerSpec, CpuSpec, RamSpec, SsdSpec, GpuSpec, PsuSpec, Chassis } from './types';
export { serverEmbodied, type ServerEmbodied } from './server';
export { cpuEmbodied, cpuDieSize, type CpuDieSize } from './cpu';
export { ramEmbodied, defaultRamEmbodied } from './ram';
export { ssdEmbodied, defaultSsdEmbodied } from './ssd';
export { hddEmbodied } from './hdd';
export { psuEmbodied } from './psu';
export { motherboardEmbodied } from './motherboard';
export { assemblyEmbodied } from './assembly';
export { chassisEmbodied, bladeKgCO2e } from './chassis';
export { gpuEmbodied, effectiveDieAreaMm2, effectiveVramAreaMm2, type GpuEmbodied } from './gpu';
export { cpuPower, cpuPowerCurve, cpuPowerAtLoadW, ramPower, serverPower, type CpuCurve, type ServerPower } from './power';
export { fitLogCurve, logCurveAt, type LogCurve } from './curve-fit';
export { boaviztaTables, BUILT_IN_TABLES, type BoaviztaTables } from './tables';
