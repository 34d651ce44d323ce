// Generates engine/manifest/types.generated.ts from the JSON schema, the single source of
// truth for the manifest format. `npm test` checks the generated file is up to date.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync('schemas/carbon-manifest.schema.json', 'utf8'));
export async function generate() {
  const ts = await compile(schema, 'CarbonManifest', {
    bannerComment: '/* Generated from schemas/carbon-manifest.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true },
  });
  return ts;
}
if (process.argv[1] && process.argv[1].endsWith('gen-types.mjs')) {
  const ts = await generate();
  const target = 'engine/manifest/types.generated.ts';
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== ts) {
      console.error(`${target} is out of date with the schema: run npm run gen:types`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, ts);
  }
}
