import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { basename, posix, relative, sep } from 'node:path';

/** The repository a Markdown handbook lives in, so links to its own files are internal links. */
export interface Repository {
  /** `host/owner/repo`, lowercased (`github.com/acme/handbook`); empty when no remote names it. */
  name: string;
  /** The lint root's folder inside the repository (`docs`), empty at its root. */
  folder: string;
  /** The checkout's top folder on disk, when linting one: files outside the lint root are looked up there. */
  checkout?: string;
}

// A file or folder view on GitHub, GitLab (`/-/blob/`) or Gitea (`/src/branch/`): owner/repo, the ref, the path.
const FILE_URL = /^\/([^/]+)\/([^/]+)\/(?:-\/)?(?:blob|tree|raw|edit|src\/branch)\/([^/]+)(?:\/(.*))?$/;
/** A full commit id: a permalink to the repository as it was, which today's files cannot judge. */
const COMMIT = /^[0-9a-f]{40}$/i;

function nameOf(host: string, owner: string, repo: string): string {
  return `${host}/${owner}/${repo.replace(/\.git$/, '')}`.toLowerCase();
}

/**
 * The path a URL names inside the repository (`content/a.md` for `.../blob/main/content/a.md`, `''`
 * for its root), or undefined when the URL is not a current file view of it (issues, pulls, other
 * repositories, permalinks to a commit).
 */
export function repositoryPath(repository: Repository, url: URL): string | undefined {
  const match = FILE_URL.exec(url.pathname);
  if (!match?.[1] || !match[2] || !match[3] || COMMIT.test(match[3])) return undefined;
  if (nameOf(url.hostname.replace(/^www\./, ''), match[1], match[2]) !== repository.name) return undefined;
  return (match[4] ?? '').replace(/\/+$/, '');
}

/**
 * A configured repository URL: `https://github.com/acme/handbook`, or with the lint root's folder as
 * `https://github.com/acme/handbook/tree/main/docs`.
 */
export function parseRepository(text: string): Repository | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (!owner || !repo) return undefined;
  const name = nameOf(url.hostname.replace(/^www\./, ''), owner, repo);
  return { name, folder: repositoryPath({ name, folder: '' }, url) ?? '' };
}

/** `git@github.com:acme/handbook.git`, `ssh://git@host/acme/handbook`, `https://host/acme/handbook.git`. */
function remoteToUrl(remote: string): string {
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  return remote.replace(/^(ssh|git):\/\/(?:[^@/]+@)?/, 'https://');
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The repository of a git checkout from its `origin` remote (or its only one), if the folder is in one. A
 * checkout with no remote is still the root GitHub resolves `/engineering/x.md` from, unnamed. Outside any
 * checkout (a copied sub-folder), the lint root's parent stands for that root: a link that starts with the
 * lint root's own folder name leads back into it.
 */
export function detectRepository(root: string): Repository | undefined {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (!top) return { name: '', folder: basename(realpathSync(root)) };
  const remotes = git(root, ['remote'])?.split('\n').filter(Boolean) ?? [];
  const remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0] : undefined;
  const url = remote && git(root, ['remote', 'get-url', remote]);
  const repository = (url ? parseRepository(remoteToUrl(url)) : undefined) ?? { name: '', folder: '' };
  // git prints the real path; the root may come through a symlink.
  const folder = relative(top, realpathSync(root)).split(sep).join(posix.sep);
  return { ...repository, folder: folder === '.' ? '' : folder, checkout: top };
}

/**
 * Whether a path from the repository's root (`engineering/x.md`) is known: in a named or checked-out
 * repository any path is; outside a checkout only one back into the lint root, whose own name is all that
 * is known of the root above it.
 */
export function knowsPath(repository: Repository, fromRoot: string): boolean {
  if (repository.name !== '' || repository.checkout !== undefined) return true;
  return `${fromRoot}/`.startsWith(`${repository.folder}/`);
}
