#!/usr/bin/env node
// Issue 18's crawl targets in one run: the Confluence crawl at 5 and at 10 requests/s, then the
// Notion full and incremental crawls, each benchmark in its own process (its own emulator and
// heap), one after the other. Extra arguments go to every benchmark (e.g. --pages 300 for a smoke
// run). Prints each benchmark's table as it finishes, then all the target verdicts together.
//   npm run bench:crawl [-- --pages N]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const extra = process.argv.slice(2);
const bench = (file) => fileURLToPath(new URL(file, import.meta.url));
const RUNS = [
  [bench('confluence-crawl.mjs'), '--rate', '5'],
  [bench('confluence-crawl.mjs'), '--rate', '10'],
  // At 50/s the incremental run's ~40 requests fit one window (floor 0): it runs at Notion's
  // documented 3 requests/s, the config default, where the window gives it a floor.
  [bench('notion-crawl.mjs'), '--rate', '50', '--incremental-rate', '3'],
];

function runOne(args) {
  return new Promise((done, fail) => {
    let stdout = '';
    const child = spawn(process.execPath, [...args, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', fail).on('exit', (code) => done({ code, stdout }));
  });
}

const verdicts = [];
let failed = false;
for (const args of RUNS) {
  const { code, stdout } = await runOne(args);
  if (code !== 0) failed = true;
  verdicts.push(...stdout.split('\n').filter((line) => /\(target <= /.test(line)));
}
console.log(`\n## Issue 18 crawl targets\n\n${verdicts.join('\n')}`);
process.exitCode = failed ? 1 : 0;
