// `node --import ./test/helpers/register-ts.mjs FILE.ts` runs the TypeScript sources directly (see ts-loader.mjs).
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
