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

/**
 * Says so when the history under `root` is a shallow clone's (actions/checkout fetches one commit by
 * default): every page last changed before its oldest commit is dated by that commit, so stale-page
 * passed the old pages of a CI run without a word.
 */
export async function shallowHistory(root: string): Promise<string[]> {
  const child = spawn('git', ['-C', root, 'rev-parse', '--is-shallow-repository'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let answer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    answer += chunk.toString();
  });
  const done = await new Promise<boolean>((resolve) => {
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  if (!done || answer.trim() !== 'true') return [];
  return [
    "The git history is a shallow clone's: a page last changed before its oldest commit is dated by that commit, so stale-page cannot tell it is old. Fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).",
  ];
}
