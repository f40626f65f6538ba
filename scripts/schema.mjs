// Writes schema/*.json from the zod schemas in src/ (`npm run schema`); a test holds the committed files equal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { importBundled } from './bundle.mjs';

const [{ SCHEMA_FILES, schemaText }] = await importBundled(['json-schema.ts']);
const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const [name, generate] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(new URL(name, folder), schemaText(generate()));
  console.log(`schema/${name}`);
}
