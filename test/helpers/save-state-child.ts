// A run that takes the lock and saves a ledger with a large page cache (about 50 MB), for the test that kills it mid-write.
import { acquireLock } from '../../src/lock.js';
import { emptyState, saveState } from '../../src/state.js';

const path = process.argv[2] as string;
await acquireLock(path);
const state = emptyState();
const pages: Record<string, { version: string; markdown: string }> = {};
for (let i = 0; i < 100_000; i++) pages[`p${i}`] = { version: '1', markdown: 'x'.repeat(500) };
state.sources.notion = { pages };
process.stdout.write('saving\n');
await saveState(path, state);
process.stdout.write('saved\n');
