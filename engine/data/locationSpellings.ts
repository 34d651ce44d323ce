import { ALPHA2_TO_ALPHA3, locationName } from './grid';

/**
 * How people write a location that the `location` pattern rejects, and the code they meant:
 * a country's name (`France` → `FR`) or a US state (`US-VA` → `US-SRVC`). Used for the
 * `invalid-location` message and its quick fix; grid factors stay in grid.ts.
 */

// Country names the grid table spells differently (its own names are matched as well).
const OTHER_COUNTRY_NAMES: readonly (readonly [string, string])[] = [
  ['United States of America', 'US'], ['America', 'US'], ['Great Britain', 'GB'], ['Britain', 'GB'],
  ['England', 'GB'], ['Scotland', 'GB'], ['Wales', 'GB'], ['Deutschland', 'DE'], ['Holland', 'NL'],
  ['The Netherlands', 'NL'], ['Korea', 'KR'], ['Republic of Korea', 'KR'], ['Czech Republic', 'CZ'],
  ['Russian Federation', 'RU'], ['Espana', 'ES'], ['Italia', 'IT'], ['Schweiz', 'CH'], ['Suisse', 'CH'],
  ['Nippon', 'JP'], ['UAE', 'AE'], ['Viet Nam', 'VN'], ['Türkiye', 'TR'], ['Turkiye', 'TR'],
];

/** Lower case, accents and punctuation removed: `Côte-d'Ivoire` → `cote d ivoire`. */
function nameKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

let byName: Map<string, string> | undefined;

function countryNames(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    for (const alpha2 of ALPHA2_TO_ALPHA3.keys()) {
      const name = locationName(alpha2);
      if (name) byName.set(nameKey(name), alpha2);
    }
    for (const [name, alpha2] of OTHER_COUNTRY_NAMES) byName.set(nameKey(name), alpha2);
  }
  return byName;
}

/** The ISO alpha-2 code of a country written by name (`France`, `france`, `United Kingdom`), if known. */
export function countryCodeForName(text: string): string | undefined {
  return countryNames().get(nameKey(text));
}

/**
 * US state (USPS code) → the eGRID subregions that serve it, the one serving most of the
 * state's load first. Source: US EPA eGRID2023 subregion map (eGRID subregions follow utility
 * service territories, not state lines), https://www.epa.gov/egrid/maps. [R] Read from the map's
 * description as remembered, not checked polygon by polygon: that is why a state with several
 * subregions gets every one offered and none chosen for the user.
 */
const STATE_SUBREGIONS: Readonly<Record<string, readonly string[]>> = {
  AK: ['AKGD', 'AKMS'], AL: ['SRSO', 'SRTV'], AR: ['SRMV', 'SPSO'], AZ: ['AZNM'], CA: ['CAMX'],
  CO: ['RMPA'], CT: ['NEWE'], DC: ['RFCE'], DE: ['RFCE'], FL: ['FRCC', 'SRSO'], GA: ['SRSO'],
  HI: ['HIOA', 'HIMS'], IA: ['MROW'], ID: ['NWPP'], IL: ['RFCW', 'SRMW'], IN: ['RFCW'], KS: ['SPNO'],
  KY: ['SRTV', 'RFCW'], LA: ['SRMV'], MA: ['NEWE'], MD: ['RFCE'], ME: ['NEWE'], MI: ['RFCM', 'MROE'],
  MN: ['MROW'], MO: ['SRMW', 'SPNO'], MS: ['SRMV', 'SRSO', 'SRTV'], MT: ['NWPP', 'MROW'], NC: ['SRVC'],
  ND: ['MROW'], NE: ['MROW'], NH: ['NEWE'], NJ: ['RFCE'], NM: ['AZNM', 'SPSO'], NV: ['NWPP'],
  NY: ['NYUP', 'NYCW', 'NYLI'], OH: ['RFCW'], OK: ['SPSO'], OR: ['NWPP'], PA: ['RFCE', 'RFCW'],
  PR: ['PRMS'], RI: ['NEWE'], SC: ['SRVC'], SD: ['MROW'], TN: ['SRTV'], TX: ['ERCT', 'SPSO', 'SRMV'],
  UT: ['NWPP'], VA: ['SRVC'], VT: ['NEWE'], WA: ['NWPP'], WI: ['MROE', 'MROW'], WV: ['RFCW'],
  WY: ['RMPA', 'NWPP'],
};

/** The eGRID locations (`US-SRVC`) serving a state written `US-VA` or `VA`-style, most of its load first. */
export function egridLocationsForState(text: string): string[] | undefined {
  const match = /^\s*US[-_ ]?([A-Za-z]{2})\s*$/i.exec(text);
  const subregions = match ? STATE_SUBREGIONS[match[1].toUpperCase()] : undefined;
  return subregions?.map((s) => `US-${s}`);
}
