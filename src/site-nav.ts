import type { SlugStyle } from './normalize/slug-style.js';

/**
 * The pages a site generator's navigation lists, outside any page: MkDocs builds its sidebar from
 * `mkdocs.yml`'s `nav` (Zensical from `zensical.toml`'s, VitePress from its config's `link`s), so a page
 * listed there is reached even when no page links to it. `files` are paths relative to the lint root;
 * `folder` (MkDocs without `nav`, Nextra, a generated VitePress sidebar) means the sidebar lists every
 * page under that folder but the `hidden` ones.
 */
export type SiteNavigation = ({ files: string[] } | { folder: string; hidden?: string[] }) & {
  /** How the generator turns its pages' headings into anchors, when not GitHub's (MkDocs: Python-Markdown's). */
  slugStyle?: SlugStyle;
  /**
   * The folder the generator builds its pages from (MkDocs' `docs_dir`), from the lint root; absent for the root:
   * only there do headings get `slugStyle`'s anchors; a README beside it is read on GitHub alone.
   */
  docs?: string;
  /**
   * The generator's project folder, from the lint root, when it is a folder of the root (`documentation/`):
   * the site is served from there, so a root-absolute link (`/docs/flows/x`) is read from it.
   */
  site?: string;
  /**
   * The folder the generator serves at the site root (VitePress' `srcDir`), from the lint root, when not the
   * root itself: a root-absolute link (`/guide/setup`) names a page there.
   */
  served?: string;
  /**
   * Links written outside the Markdown pages (a Jekyll site's HTML home page and layouts), as URL paths
   * from the lint root (`finding-a-task.html`, `about/`): resolved as links are, their pages are listed.
   */
  urls?: string[];
  /**
   * Whether the pages listed are only some of those the site shows (an HTML page's links), not a whole
   * sidebar: an index page a layout lists the pages of still lists them (Site's generated listings).
   */
  partial?: boolean;
  /**
   * Whether the navigation lists folders' index pages one by one (a WordPress.org handbook, where every page
   * is one): an index it leaves out is not reached through its parent folder's, as it otherwise is.
   */
  indexesListed?: boolean;
  /**
   * Whether the navigation is only the index page of a folder above the lint root (a repository's README), no
   * generator's: the handbook is still read on its repository host, where a link to a folder opens its listing.
   */
  hostIndex?: boolean;
};
