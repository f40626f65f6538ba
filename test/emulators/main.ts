import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startConfluenceEmulator } from './confluence.js';
import { startNotionEmulator } from './notion.js';

const USAGE = `Usage: npm run emulator -- <notion|confluence> [--fixture FILE] [--port N]

Starts a local emulator of the Notion or Confluence API, seeded from a fixture, until Ctrl-C.
Defaults: the fixture wiki in test/fixtures/, a random free port.`;

const FIXTURES: Record<string, string> = {
  notion: fileURLToPath(new URL('../../test/fixtures/notion/workspace.json', import.meta.url)),
  confluence: fileURLToPath(new URL('../../test/fixtures/confluence/space.json', import.meta.url)),
};

/** Starts one emulator by hand so a newcomer can watch a full run without a Notion or Confluence account. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { fixture: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const kind = positionals[0];
  if (values.help || !kind || !(kind in FIXTURES)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const fixture = values.fixture ?? (FIXTURES[kind] as string);
  const port = values.port ? Number(values.port) : 0;
  if (kind === 'notion') {
    const emulator = await startNotionEmulator({ fixture, port });
    process.stdout.write(
      `Notion emulator on ${emulator.url}\n  NOTION_TOKEN=${emulator.token}\n  config: sources.notion.base-url: ${emulator.url}\n`,
    );
    await untilInterrupted();
    await emulator.close();
  } else {
    const emulator = await startConfluenceEmulator({ fixture, port });
    process.stdout.write(
      `Confluence emulator on ${emulator.url}\n  CONFLUENCE_EMAIL=bot@example.com CONFLUENCE_TOKEN=test-token\n  config: sources.confluence.site-url: ${emulator.url}\n`,
    );
    await untilInterrupted();
    await emulator.close();
  }
  return 0;
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/**
 * The command: a port already taken (an emulator left running) or a fixture that is missing or
 * invalid is the person's to fix, so it gets one line saying so and exit 2, not a stack trace.
 */
export async function emulatorCommand(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

// Started as a program (npm run emulator), not imported by a test.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await emulatorCommand(process.argv.slice(2));
