/** Ids of the built-in factor rows the formulas read (see engine/data and docs/factors.md). */
export const FACTOR_IDS = {
  gridWorld: 'grid/WOR',
  gridDefaultBounds: 'grid/default-bounds',
  tdLoss: 'electricity/td-loss',
  lifecycleCombustionShare: 'electricity/lifecycle-combustion-share',
  combustionUpstreamShare: 'electricity/combustion-upstream-share',
  diesel: 'fuel/diesel',
  dieselWellToTank: 'fuel/diesel-wtt',
  refurbishedShare: 'endOfLife/refurbished-share',
} as const;

export function gridFactorId(location: string): string {
  return `grid/${location}`;
}
