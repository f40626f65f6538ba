import GithubSlugger from 'github-slugger';
import type { Definition, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Heading, Link } from '../model/page.js';
import type { Position } from '../model/position.js';

const EXPLICIT_ID = /\s*\{#([\w.:-]+)\}\s*$/;
const HTML_ANCHOR = /<a\s[^>]*?(?:name|id)\s*=\s*["']([^"']+)["']/gi;
const HTML_HREF = /<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>([^<]*)/gi;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What a page's structure yields for the link graph: headings (with anchors), extra anchors, links. */
export interface Outline {
  headings: Heading[];
  anchors: string[];
  links: Link[];
}

/** External = has a URL scheme; everything else (relative, root-absolute, `#anchor`) is internal until the site resolves it. */
export function linkKind(href: string): Link['kind'] {
  return SCHEME.test(href) ? 'external' : 'internal';
}

function splitAnchor(href: string): { path: string; anchor?: string } {
  const hash = href.indexOf('#');
  if (hash < 0) return { path: href };
  return { path: href.slice(0, hash), anchor: href.slice(hash + 1) };
}

function makeLink(href: string, text: string, position: Position | undefined): Link {
  const { anchor } = splitAnchor(href);
  return {
    href,
    text,
    kind: linkKind(href),
    ...(anchor !== undefined ? { anchor } : {}),
    ...(position ? { position } : {}),
  };
}

type AnyNode = { type: string; children?: AnyNode[]; position?: Position } & Record<string, unknown>;

/** Walks a page's mdast once and collects headings, anchors and links with their positions. */
export function extractOutline(tree: Root): Outline {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const anchors: string[] = [];
  const links: Link[] = [];
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);

  const visit = (node: AnyNode): void => {
    switch (node.type) {
      case 'heading': {
        const raw = mdToString(node as never);
        const explicit = EXPLICIT_ID.exec(raw);
        const text = explicit ? raw.replace(EXPLICIT_ID, '') : raw;
        const slug = explicit?.[1] ?? slugger.slug(text);
        headings.push({
          depth: node.depth as number,
          text,
          slug,
          ...(node.position ? { position: node.position } : {}),
        });
        break;
      }
      case 'link':
        links.push(makeLink(node.url as string, mdToString(node as never), node.position));
        break;
      case 'linkReference': {
        const definition = definitions.get(node.identifier as string);
        if (definition) links.push(makeLink(definition.url, mdToString(node as never), node.position));
        break;
      }
      case 'html': {
        const value = node.value as string;
        for (const match of value.matchAll(HTML_ANCHOR)) if (match[1]) anchors.push(match[1]);
        for (const match of value.matchAll(HTML_HREF)) {
          if (match[1]) links.push(makeLink(match[1], (match[2] ?? '').trim(), node.position));
        }
        break;
      }
    }
    if (node.children) for (const child of node.children) visit(child);
  };
  visit(tree as unknown as AnyNode);
  return { headings, anchors, links };
}
