import type { Root } from 'mdast';
import type { Position } from './position.js';

/** The sources a page can come from; part of every page key. */
export type SourceKind = 'markdown' | 'notion' | 'confluence';

/** One normalized field value and where it was written, so a finding can point at it. */
export interface Field {
  value: string;
  position?: Position;
  /** Where the value came from when not the page's text: a sidecar file's name (`kep.yaml`) or `codeowners`. */
  source?: string;
}

/**
 * A link found on a page. `target` is a page key once the site resolves it, the raw href before;
 * `kind` navigation marks links that exist to navigate (index pages, SUMMARY.md, child lists).
 */
export interface Link {
  href: string;
  target?: string;
  anchor?: string;
  text: string;
  position?: Position;
  kind: 'internal' | 'external' | 'navigation';
}

/** A heading on the page, for anchors, sections and reports. */
export interface Heading {
  depth: number;
  text: string;
  slug: string;
  position?: Position;
}

/** Why a page could not be read; such a page is listed but never judged as orphan, fixed or missing. */
export interface Unreadable {
  reason: string;
}

/** A problem found while reading a page (e.g. broken front matter): reported as a finding, never a crash. */
export interface ParseProblem {
  code: string;
  message: string;
  position?: Position;
}

/** Every source normalizes to this one model, so every rule runs on Notion, Confluence and Markdown alike. */
export interface Page {
  key: string;
  source: SourceKind;
  id: string;
  title: string;
  url: string;
  /** Breadcrumb, e.g. "Engineering/Decisions/Use cursor pagination". */
  path: string;
  /** Path relative to the source root (Markdown) for globs and reports; equal to `path` for wikis. */
  file?: string;
  parent?: string;
  createdAt?: Date;
  updatedAt?: Date;
  author?: string;
  owner?: string;
  /** Where the owner came from (`front-matter`, `page`, `property`, `platform`, `codeowners`, `kep.yaml`: OWNER_SOURCES). */
  ownerSource?: string;
  /** Who edited the page last, when the source says (Notion `last_edited_by`, Confluence version author): an owner only when the config allows it. */
  lastEditor?: string;
  labels: string[];
  fields: Record<string, Field>;
  /**
   * Fields the page has a place for but leaves empty (normalized names): a front matter key with no
   * value, a Status heading with nothing under it, a database property not filled in.
   */
  emptyFields: string[];
  type?: string;
  markdown: string;
  tree: Root;
  links: Link[];
  headings: Heading[];
  /** Explicit anchors beyond heading slugs (`{#id}`, `<a name>`). */
  anchors: string[];
  /** Part of the body is filled in at build time (`{{generator:...}}`): its final headings are unknown. */
  generated?: true;
  /** The wiki a Markdown page was mirrored from (`handbook-lint sync`): that wiki's URLs are internal. */
  mirrorOf?: 'notion' | 'confluence';
  unreadable?: Unreadable;
  problems: ParseProblem[];
}
