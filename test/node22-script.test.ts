import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers/cli.js';

const SCRIPT = fileURLToPath(new URL('../scripts/node22.sh', import.meta.url));

/**
 * The folder scripts/node22.sh puts first on PATH when the machine's `node` is `version`: this Node
 * reporting another version answers the script's version question, and a Node 22 already in the cache folder keeps the
 * script from fetching one.
 */
function binDirFor(version: string): { printed: string; cached: string } {
  const tree = tempTree({
    'bin/node': [
      '#!/bin/sh',
      `exec ${JSON.stringify(process.execPath)} --import 'data:text/javascript,Object.defineProperty(process,"versions",{value:{node:"${version}"}})' "$@"`,
      '',
    ].join('\n'),
    'cache/node_modules/node/bin/node': '#!/bin/sh\n',
  });
  chmodSync(join(tree, 'bin/node'), 0o755);
  chmodSync(join(tree, 'cache/node_modules/node/bin/node'), 0o755);
  const printed = execFileSync('sh', [SCRIPT, '--bin-dir'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(tree, 'bin')}:/usr/bin:/bin`,
      HANDBOOK_LINT_NODE_DIR: join(tree, 'cache'),
    },
  }).trim();
  return { printed, cached: join(tree, 'cache/node_modules/node/bin') };
}

describe('scripts/node22.sh', () => {
  it('brings its own Node for a Node 22 older than the 22.12 package.json needs, as for Node 20', () => {
    for (const version of ['20.20.2', '22.11.0']) {
      const { printed, cached } = binDirFor(version);
      expect(printed, version).toBe(cached);
    }
  });

  it('uses the machine’s Node from 22.12 on', () => {
    for (const version of ['22.12.0', '24.1.0']) expect(binDirFor(version).printed, version).toBe('');
  });
});
