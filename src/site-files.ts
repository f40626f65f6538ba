import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Page } from './model/page.js';
import { fallbackTitle, isHugoSection, isLocaleIndex } from './normalize/index-pages.js';
import { knowsPath, type Repository, repositoryPath } from './repository.js';
import { localizedPage } from './site-i18n.js';
import type { ServedPaths } from './site-slugs.js';

/** Where a link leads once resolved; `page` is a page key, `asset` a non-page file that exists. */
export interface Resolution {
  kind: 'page' | 'asset' | 'external' | 'missing';
  target?: string;
  anchor?: string;
  /** The normalized path or id that was looked for and not found, for messages and suggestions. */
  wanted?: string;
  /** An external URL on a local dev server (`http://localhost:3000/guide/x.html`) at this handbook page: its file. */
  devServerCopyOf?: string;
}

/** Where every link to a site outside the handbook leads. */
export const EXTERNAL: Resolution = Object.freeze({ kind: 'external' });

/**
 * Folders generators publish as the site root (Hugo and Next.js `content/`, MkDocs and Docusaurus `docs/`): a
 * root-absolute link or a site URL is looked up there when the lint root is the repository around them.
 */
const SITE_ROOT_FOLDERS = ['content', 'docs'];
/** Folders of files generators copy to the site root as they are (Hugo and Docusaurus `static/`, VitePress, Next.js and Astro `public/`). */
const STATIC_ROOT_FOLDERS = ['static', 'public'];
/** A multilingual Hugo site's `content/<language>/` (Docsy's `content/en/`), its home `_index.md` there, is a site's root. */
const LANGUAGE_HOME = /^content\/([a-z]{2}(?:-[a-z]{2,4})?)\/_index\.md$/i;

/** `.mdx` pages (Docusaurus, Gatsby, Nextra) are served, and linked, without their extension as `.md` ones are. */
const PAGE_EXTENSIONS = ['.md', '.markdown', '.mdx'];
/** A path that names a page file, which sites leave as written (no pretty URL, no case folding). */
const PAGE_FILE = /\.(?:md|mdx|markdown)$/i;
/**
 * Middleman (the GOV.UK Tech Docs Template) names a page after the file it builds and the templates
 * it passes through: `hosting.html.md.erb` (or `.html.erb`) is served, and linked, as `hosting.html`.
 */
const TEMPLATE_EXTENSIONS = ['.md', '.md.erb', '.erb'];
const INDEX_FILES = [
  'index.md',
  'README.md',
  '_index.md',
  'readme.md',
  'index.html.md',
  'index.html.md.erb',
  'index.mdx',
];

/** What GitBook (SUMMARY.md) and docsify (its sidebar, top bar and cover) read as navigation, not as pages. */
const NAVIGATION_FILES = ['SUMMARY.md', '_sidebar.md', '_navbar.md', '_coverpage.md'];
/** Index pages (in any language: `_index.es.md`) and navigation files exist to navigate: their links are navigation. */
export function isNavigationPage(page: Pick<Page, 'file'>): boolean {
  const name = page.file ? posix.basename(page.file) : '';
  return INDEX_FILES.includes(name) || isLocaleIndex(name) || NAVIGATION_FILES.includes(name);
}

/**
 * Whether a page's title is only its file's name (its folder's, for an index page): the title a page
 * gets when neither front matter nor a heading names it.
 */
export function namedAfterFile(file: string, title: string): boolean {
  return title === fallbackTitle(file);
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** How a path in a Markdown handbook finds its file: relative, root-absolute, in the repository, above the root. */
export class SiteFiles {
  private readonly byFile = new Map<string, string>();
  private readonly assets = new Set<string>();
  /** Files that are other names for a page's file (symbolic links): a link to one reaches that page. */
  private readonly aliases = new Map<string, string>();
  // One resolution per page or file linked to, shared by every link to it: the site keeps them all.
  private readonly leading = { page: new Map<string, Resolution>(), asset: new Map<string, Resolution>() };
  private siteRoots: string[] = [''];
  /** Folders whose files the site serves at its root as they are: a link there finds a file, never a page. */
  private staticRoots: string[] = [];
  /** On a Hugo site (`_index.md` section pages), each page's file by its lower-cased path. */
  private lowerCased: Map<string, string> | undefined;
  /** Where the generator serves pages named by a front-matter `slug` or a locale (file -> served paths, from the lint root). */
  private servedPaths: ServedPaths = {};
  /** Each such page's file by its served path, as written and lower-cased. */
  private servedAt = new Map<string, string>();
  /** Folders holding a page or file, when a link to one is its listing (folderListings). */
  private folders = new Set<string>();

  constructor(
    private readonly repository: Repository | undefined,
    private readonly basePath: string | undefined,
    private readonly folder?: string,
    private readonly onDisk = false,
    /** Whether a link to a folder without an index shows its files (`./minutes/` on GitHub); a generator's site has none. */
    private readonly folderListings = false,
  ) {}

  addPage(file: string, key: string): void {
    this.byFile.set(file, key);
  }

  addAsset(file: string, page?: string): void {
    this.assets.add(file);
    if (page !== undefined) this.aliases.set(file, page);
  }

  /** Pages the site serves under their front matter's `slug` rather than their file name. */
  setServedPaths(served: ServedPaths): void {
    this.servedPaths = served;
  }

  files(): IterableIterator<string> {
    return this.byFile.keys();
  }

  /** The resolution of a link to the page `key`, or to the existing non-page file `target`. */
  leadsTo(kind: 'page' | 'asset', target: string): Resolution {
    const known = this.leading[kind];
    let resolution = known.get(target);
    if (!resolution) {
      resolution = Object.freeze({ kind, target });
      known.set(target, resolution);
    }
    return resolution;
  }

  /** Finds the site's root among the folders (or `sites`: the generator's project, the folder it serves), once every page is in. */
  build(...sites: (string | undefined)[]): void {
    const files = [...this.byFile.keys()];
    this.siteRoots = [
      '',
      ...sites.filter((site): site is string => Boolean(site)),
      ...SITE_ROOT_FOLDERS.filter((folder) => files.some((file) => file.startsWith(`${folder}/`))),
      ...files.flatMap((file) => {
        const language = LANGUAGE_HOME.exec(file)?.[1];
        return language ? [`content/${language}`] : [];
      }),
    ];
    this.staticRoots = STATIC_ROOT_FOLDERS.filter((folder) =>
      [...this.assets].some((file) => file.startsWith(`${folder}/`)),
    );
    // Hugo serves `Handbook/styleguide.md` at `/handbook/styleguide/`: its URLs are lower case.
    this.lowerCased = files.some(isHugoSection)
      ? new Map(files.map((file) => [file.toLowerCase(), file]))
      : undefined;
    this.servedAt = new Map();
    for (const [file, paths] of Object.entries(this.servedPaths))
      for (const path of this.byFile.has(file) ? [paths].flat() : []) {
        this.servedAt.set(path, file);
        if (!this.servedAt.has(path.toLowerCase())) this.servedAt.set(path.toLowerCase(), file);
      }
    this.folders = new Set();
    // A `content/` folder of a site's pages turns listings off where they are set (contentSiteIn, site-options.ts).
    if (!this.folderListings) return;
    for (const file of [...files, ...this.assets])
      for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1))
        this.folders.add(file.slice(0, cut));
  }

  /** A path relative to a page's file, or to its served path (`en/x/` for `x.en.md`), or a folder-style URL. */
  relative(file: string, path: string): Resolution {
    const wanted = posix.normalize(posix.join(posix.dirname(file), path));
    const fromFile = this.file(wanted);
    if (fromFile.kind !== 'missing') return fromFile;
    const localized =
      this.servedPaths[file] && localizedPage(file, wanted, this.servedAt, (f) => this.byFile.get(f));
    if (PAGE_FILE.test(path)) return localized ? this.leadsTo('page', localized) : fromFile;
    const [served] = [this.servedPaths[file] ?? []].flat();
    const fromServed = served === undefined ? fromFile : this.url(posix.normalize(posix.join(served, path)));
    if (fromServed.kind !== 'missing') return fromServed;
    if (!isNavigationPage({ file })) {
      // A link to a URL rather than a file (`../chat-platform/`), written for a site that serves each
      // page as a folder (Hugo, Jekyll and Docusaurus pretty URLs: `about/meeting.md` at `/about/meeting/`).
      const fromUrl = this.url(posix.normalize(posix.join(file.replace(/\.[^/.]+$/, ''), path)));
      if (fromUrl.kind !== 'missing') return fromUrl;
    }
    const lowerCased = this.url(posix.normalize(posix.join(posix.dirname(file), path)));
    return lowerCased.kind === 'missing' ? fromFile : lowerCased;
  }

  /**
   * A root-absolute path: from the published site's root (after `base-path`), which is the lint root,
   * its content/ or docs/ folder or its static/ or public/ files, or else, as GitHub reads it, from
   * the repository's root.
   */
  rooted(path: string): Resolution {
    const base = this.basePath?.replace(/\/+$/, '');
    if (!base || !(path === base || path.startsWith(`${base}/`))) return this.fromSiteRoot(path);
    // A folder named like the base path (`/docs` served from `docs/`) is still found as written.
    const served = this.fromSiteRoot(path.slice(base.length));
    if (served.kind !== 'missing') return served;
    const asWritten = this.fromSiteRoot(path);
    return asWritten.kind === 'missing' ? served : asWritten;
  }

  /** A root-absolute path from the site root (with the base path cut, or as written). */
  private fromSiteRoot(path: string): Resolution {
    const fromSite = posix.normalize(path.replace(/^\/+/, '') || '.');
    let first: Resolution | undefined;
    for (const root of this.siteRoots) {
      const resolution = this.url(root ? posix.join(root, fromSite) : fromSite);
      if (resolution.kind !== 'missing') return resolution;
      first ??= resolution;
    }
    for (const root of this.staticRoots) {
      const file = this.file(posix.join(root, fromSite));
      if (file.kind === 'asset') return file;
    }
    if (!this.repository) return first ?? { kind: 'missing', wanted: fromSite };
    const inRepository = this.fromRepositoryRoot(this.repository, path);
    return inRepository.kind === 'missing' && first ? first : inRepository;
  }

  /** A URL of the handbook's repository (a file view on its host), if it is one. */
  repositoryUrl(url: URL): Resolution | undefined {
    const inRepository = this.repository && repositoryPath(this.repository, url);
    if (!this.repository || inRepository === undefined) return undefined;
    return this.fromRepositoryRoot(this.repository, `/${safeDecode(inRepository)}`);
  }

  /** A path from the repository's root, resolved from the lint root (above it, in the checkout). */
  private fromRepositoryRoot(repository: Repository, path: string): Resolution {
    const fromRoot = posix.normalize(path.replace(/^\/+/, '') || '.');
    if (!knowsPath(repository, fromRoot)) return { kind: 'missing', wanted: fromRoot };
    return this.file(posix.relative(repository.folder, fromRoot) || '.');
  }

  /**
   * A path the published site serves: a file as `file` finds it, or on a Hugo site a page whose path
   * differs only in case (not a `.md` file path, which Hugo leaves as written).
   */
  private url(wanted: string): Resolution {
    const found = this.file(wanted);
    if (found.kind !== 'missing' || PAGE_FILE.test(wanted)) return found;
    const path = wanted.replace(/\/+$/, '') || '.';
    const slugged = this.servedAt.get(path) ?? this.servedAt.get(path.toLowerCase());
    const sluggedKey = slugged === undefined ? undefined : this.byFile.get(slugged);
    if (sluggedKey) return this.leadsTo('page', sluggedKey);
    if (!this.lowerCased) return found;
    const stem = wanted.replace(/\/+$/, '').toLowerCase();
    const candidates = [
      ...PAGE_EXTENSIONS.map((ext) => `${stem}${ext}`),
      ...INDEX_FILES.map((name) => `${stem}/${name.toLowerCase()}`),
    ];
    for (const candidate of candidates) {
      const file = this.lowerCased.get(candidate);
      const key = file && this.byFile.get(file);
      if (key) return this.leadsTo('page', key);
    }
    return found;
  }

  private file(wanted: string): Resolution {
    if (wanted === '..' || wanted.startsWith('../')) return this.outside(wanted);
    const trimmed = wanted.replace(/\/+$/, '');
    const stem = trimmed.replace(/\.html?$/, '');
    const built = stem === trimmed ? [] : TEMPLATE_EXTENSIONS.map((ext) => `${trimmed}${ext}`);
    const candidates = [
      trimmed,
      ...PAGE_EXTENSIONS.map((ext) => `${stem}${ext}`),
      ...built,
      ...INDEX_FILES.map((name) => (trimmed === '.' || trimmed === '' ? name : `${trimmed}/${name}`)),
    ];
    for (const candidate of candidates) {
      const key = this.byFile.get(this.aliases.get(candidate) ?? candidate);
      if (key) return this.leadsTo('page', key);
    }
    // A Middleman source the config does not read as a page is still the file the link is served from.
    const asset = [trimmed, ...built].find((candidate) => this.assets.has(candidate));
    if (asset) return this.leadsTo('asset', asset);
    if (this.folders.has(trimmed)) return this.leadsTo('asset', trimmed);
    const folder = this.onDisk ? this.folder : undefined;
    const onDisk = folder === undefined ? undefined : candidates.find((c) => existsSync(join(folder, c)));
    return onDisk === undefined ? { kind: 'missing', wanted } : this.leadsTo('asset', onDisk);
  }

  /**
   * A path above the lint root: in a git checkout the rest of the repository is on disk (a file there
   * is linked like an asset; one outside the repository is not on its site). Elsewhere, as when a
   * handbook's sub-folder is linted on its own, the disk beside the lint root says whether it exists.
   */
  private outside(wanted: string): Resolution {
    if (!this.repository?.checkout) {
      if (this.folder === undefined || !existsSync(join(this.folder, wanted)))
        return { kind: 'missing', wanted };
      return this.leadsTo('asset', wanted);
    }
    const fromTop = posix.normalize(posix.join(this.repository.folder, wanted));
    if (fromTop.startsWith('../') || !existsSync(join(this.repository.checkout, fromTop)))
      return { kind: 'missing', wanted };
    return this.leadsTo('asset', fromTop);
  }
}
