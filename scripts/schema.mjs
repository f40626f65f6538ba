// Writes schema/*.json from the built zod schemas (`npm run schema`); a test holds the committed files equal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILES, schemaText } from '../dist/json-schema.js';

const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const [name, generate] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(new URL(name, folder), schemaText(generate()));
  console.log(`schema/${name}`);
}
