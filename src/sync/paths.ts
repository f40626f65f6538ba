import type { Page } from '../model/page.js';

/** What placing a page in the mirror needs: its identity, title, breadcrumb, parent and age. */
export type Placeable = Pick<Page, 'key' | 'id' | 'source' | 'title' | 'path' | 'parent' | 'createdAt'>;

/** How the pages of one sync are laid out. */
export interface PlaceOptions {
  /** Pages pinned to the file they already have (the last good copy of a page that cannot be read now). */
  fixed: ReadonlyMap<string, string>;
  /** Several wikis in one mirror: each gets a top folder named after its source. */
  bySource: boolean;
  /** File names the mirror keeps for itself (its table of contents), at its top. */
  reserved: readonly string[];
}

// Long enough to tell titles apart, short enough for paths that fit in a terminal and in Windows' limits.
const MAX_SLUG_LENGTH = 60;
// Names the Markdown source treats as index pages (navigation, no owner needed), and names Windows refuses.
const RESERVED_NAMES = new Set([
  'index',
  'readme',
  'summary',
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

/** A readable file name for a title: lower case, accents dropped from Latin letters, other scripts kept, dashes between words. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || 'untitled';
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const dash = cut.lastIndexOf('-');
  return dash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, dash) : cut;
}

/** The folder a page without a mirrored parent goes in: its breadcrumb above it (a Confluence space, an unshared Notion parent). */
function topFolder(page: Placeable, bySource: boolean): string {
  const above = page.path.endsWith(`/${page.title}`)
    ? page.path.slice(0, -page.title.length - 1)
    : page.path === page.title
      ? ''
      : page.path.slice(0, Math.max(0, page.path.lastIndexOf('/')));
  const segments = above ? above.split('/').map(slugify) : [];
  return [...(bySource ? [page.source] : []), ...segments].join('/');
}

const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
const depthOf = (folder: string) => (folder ? folder.split('/').length : 0);
/**
 * Folders nested at most this deep: 12 names of up to 60 characters (180 bytes in some scripts)
 * stay far below Linux's 4,096-byte paths wherever the mirror is, where a wiki's hierarchy has no
 * depth limit. Deeper pages go in the deepest folder, beside their parent.
 */
const MAX_FOLDER_DEPTH = 12;
// Only letters and digits of an id go into a name: ids come from the wiki, and a path must not.
const plainId = (id: string) => id.replace(/[^A-Za-z0-9]/g, '');
const shortId = (id: string) => plainId(id).slice(0, 8);

// Oldest first, so a page keeps its name when a namesake is created after it.
const byAge = (a: Placeable, b: Placeable) =>
  (a.createdAt?.getTime() ?? Number.POSITIVE_INFINITY) -
    (b.createdAt?.getTime() ?? Number.POSITIVE_INFINITY) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Names the pages of one folder: each gets `<slug>.md`; of pages whose slugs collide, the oldest
 * keeps it and the others get their id appended, so names are deterministic and stable as pages
 * are added. Taken names (pinned files, reserved names) are never given out.
 */
function nameFolder(
  folder: string,
  pages: Placeable[],
  taken: Set<string>,
  files: Map<string, string>,
): void {
  const groups = new Map<string, Placeable[]>();
  for (const page of pages) {
    const slug = slugify(page.title);
    const group = groups.get(slug);
    if (group) group.push(page);
    else groups.set(slug, [page]);
  }
  const later: [string, Placeable][] = [];
  for (const [slug, group] of groups) {
    group.sort(byAge);
    const [first, ...rest] = group;
    const file = join(folder, `${slug}.md`);
    if (first && !RESERVED_NAMES.has(slug) && !taken.has(file)) {
      files.set(first.key, file);
      taken.add(file);
    } else if (first) later.push([slug, first]);
    for (const page of rest) later.push([slug, page]);
  }
  for (const [slug, page] of later) {
    const candidates = [`${slug}-${shortId(page.id)}`, `${slug}-${plainId(page.id)}`];
    let file = candidates.map((name) => join(folder, `${name}.md`)).find((f) => !taken.has(f));
    for (let n = 2; !file; n++) {
      const numbered = join(folder, `${candidates[1]}-${n}.md`);
      if (!taken.has(numbered)) file = numbered;
    }
    files.set(page.key, file);
    taken.add(file);
  }
}

/**
 * Gives every page a file path in the mirror: the wiki's hierarchy as folders (a page's children
 * live in a folder named like its file, `engineering.md` + `engineering/`), slugified titles as
 * names. No page is an `index.md` or `README.md`, which a Markdown handbook treats as navigation.
 */
export function placePages(pages: readonly Placeable[], options: PlaceOptions): Map<string, string> {
  const files = new Map<string, string>(options.fixed);
  const taken = new Set<string>([...options.reserved, ...options.fixed.values()]);
  const keys = new Set(pages.map((page) => page.key));
  const children = new Map<string, Placeable[]>();
  for (const page of pages) {
    if (!page.parent || !keys.has(page.parent)) continue;
    const list = children.get(page.parent);
    if (list) list.push(page);
    else children.set(page.parent, [page]);
  }
  // Folders are named level by level (a page's nesting in the wiki), so every page of a folder at
  // a level is known before any is named.
  const levels: Map<string, Placeable[]>[] = [];
  const placed = new Set<string>();
  const schedule = (folder: string, page: Placeable, level: number) => {
    if (placed.has(page.key)) return;
    placed.add(page.key);
    levels[level] ??= new Map();
    const members = levels[level];
    const list = members.get(folder);
    if (list) list.push(page);
    else members.set(folder, [page]);
  };
  const top = (page: Placeable) => {
    const folder = topFolder(page, options.bySource);
    schedule(folder, page, depthOf(folder));
  };
  for (const page of pages) if (!page.parent || !keys.has(page.parent)) top(page);
  for (let level = 0; ; level++) {
    if (level >= levels.length) {
      // A page in a parent cycle (a corrupt answer) hangs below no root: it goes where its breadcrumb says.
      const stray = pages.find((page) => !placed.has(page.key));
      if (!stray) break;
      top(stray);
      level = -1;
      continue;
    }
    for (const [folder, members] of levels[level] ?? []) {
      nameFolder(
        folder,
        members.filter((page) => !options.fixed.has(page.key)),
        taken,
        files,
      );
      for (const member of members) {
        // Below the deepest folder, descendants stay in it: the path stays one the file system takes.
        const own = (files.get(member.key) as string).replace(/\.md$/, '');
        const childFolder = depthOf(folder) < MAX_FOLDER_DEPTH ? own : folder;
        for (const child of children.get(member.key) ?? []) schedule(childFolder, child, level + 1);
      }
    }
    levels[level] = new Map();
  }
  return files;
}
