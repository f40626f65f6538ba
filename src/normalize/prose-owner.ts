import { posix } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { INDEX_NAMES, isLocaleIndex } from './index-pages.js';

/**
 * A sentence that names who keeps the handbook or section current ("This handbook is currently maintained
 * by the [Docs Crew](crew/).", "This section is owned by the People team."), read from the sentence's start.
 * Bounded runs, anchored: no run is read again from each of its characters. Exported for the static ReDoS check.
 */
export const OWNER_SENTENCE =
  /^(?:this|the|our)\s{1,4}(?:[\p{L}-]{1,40}\s{1,4})?(?:handbook|section|guide|manual|playbook|wiki|site|documentation|docs|space)\s{1,4}is\s{1,4}(?:(?:currently|actively|now|jointly|being)\s{1,4}){0,2}(?:maintained|owned|curated|looked\s{1,4}after)\s{1,4}by\s{1,4}([\s\S]{1,120})/iu;

/** Where a sentence ends: its stop and the spaces after it (each space is tried once, after a stop only). */
const SENTENCE_END = /(?<=[.!?])\s+/;
/** The owner is named in a few words; more is a clause about them. */
const OWNER_WORDS = 6;
/**
 * A group that names nobody to ask: the community, everyone, every teammate, contributors, "the team" alone.
 * A team with a name ("the Platform team", "the Knowledge Gardening Crew") is an owner, as an `Owner:` line's is.
 */
const NOBODY =
  /^(?:every|each|all|any)\s|^(?:(?:the|our|its|all)\s)?(?:(?:wider|whole|open[\s-]source|handbook|entire)\s)?(?:community|communities|contributors|volunteers|members|everyone|everybody|anyone|readers|team|us|you|all of us)$|\bcommunity$/iu;

function ownerOf(sentence: string): string | undefined {
  const named = OWNER_SENTENCE.exec(sentence.trim())?.[1];
  // The name ends at the sentence's stop, or where an aside or a clause about it begins.
  const value = named
    ?.split(/[.!?;:(]|,\s|\s[-–—]\s/u)[0]
    ?.replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!value || !/\p{L}/u.test(value) || value.split(/\s+/).length > OWNER_WORDS) return undefined;
  return NOBODY.test(value) ? undefined : value.replace(/^the\s/i, '');
}

/** Whether a Markdown file is its folder's index page (`README.md`, `_index.md`, `index.fr.md`), whose pages inherit its owner. */
export function opensFolder(file: string | undefined): boolean {
  const name = file === undefined ? '' : posix.basename(file);
  return INDEX_NAMES.includes(name) || isLocaleIndex(name);
}

/**
 * The owner an index page names in a sentence about the handbook or section it opens: its pages inherit
 * it as they do an `Owner:` line's. Not a sentence about maintaining something else ("we maintain a list
 * of…") nor one that names the community or everyone.
 */
export function ownerSentence(tree: Root): Field | undefined {
  let found: Field | undefined;
  const visit = (node: RootContent | Root): void => {
    if (found) return;
    if (node.type === 'paragraph') {
      const text = mdToString(node);
      if (!/maintained|owned|curated|looked/i.test(text)) return;
      for (const sentence of text.split(SENTENCE_END)) {
        const value = ownerOf(sentence);
        if (value) {
          found = { value, ...(node.position ? { position: node.position } : {}) };
          return;
        }
      }
      return;
    }
    if (node.type === 'code' || node.type === 'html') return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}
