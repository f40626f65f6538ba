import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Last commit time of every file under `root`, from one `git log` for the whole tree (one call
 * instead of one per file). Empty when `root` is not in a git work tree or git is missing.
 */
export async function gitCommitTimes(root: string): Promise<Map<string, Date>> {
  const times = new Map<string, Date>();
  const child = spawn(
    'git',
    ['-C', root, 'log', '--format=%x00%ct', '--name-only', '--relative', '--no-renames', '--', '.'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const failed = new Promise<boolean>((resolve) => {
    child.on('error', () => resolve(true));
    child.on('close', (code) => resolve(code !== 0));
  });
  let current: Date | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('\0')) current = new Date(Number(line.slice(1)) * 1000);
    else if (line && current && !times.has(line)) times.set(line, current);
  }
  return (await failed) ? new Map() : times;
}
