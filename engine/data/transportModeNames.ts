import type { FreightMode } from './transport';

/**
 * Words people write for a freight mode, and the mode the schema calls it (GLEC / ISO 14083
 * mode families: air, sea, road, rail). Only words that name one mode and nothing else.
 */
export const TRANSPORT_MODE_SYNONYMS: Readonly<Record<string, FreightMode>> = {
  ship: 'sea', shipping: 'sea', boat: 'sea', vessel: 'sea', ocean: 'sea', maritime: 'sea', marine: 'sea',
  'sea freight': 'sea', 'ocean freight': 'sea', container: 'sea', 'container ship': 'sea',
  plane: 'air', airplane: 'air', aeroplane: 'air', aircraft: 'air', flight: 'air', airfreight: 'air', 'air freight': 'air', airplanes: 'air',
  truck: 'road', trucks: 'road', lorry: 'road', van: 'road', hgv: 'road', trucking: 'road', 'road freight': 'road',
  train: 'rail', railway: 'rail', railroad: 'rail', trains: 'rail', 'rail freight': 'rail',
};

/** The mode a synonym stands for (`ship` → `sea`), case and spacing ignored. */
export function transportModeFor(word: string): FreightMode | undefined {
  return TRANSPORT_MODE_SYNONYMS[word.trim().toLowerCase().replace(/[\s_-]+/g, ' ')];
}
