import type { Page } from '../../model/page.js';
import type { Hit } from '../check.js';
import { truncate } from './values.js';

/** A target that goes nowhere of its own: the site's home ("/") or the page's top ("#"). */
const NOWHERE = /^[/#]$/;
/**
 * Link text that names a document to open ("agreement form", "this template", "the PDF"), not the home page. Not
 * "the [docs](/)": a documentation site keeps them there.
 */
const DOCUMENT =
  /\b(?:forms?|templates?|documents?|files?|spreadsheets?|sheets?|pdfs?|slides?|checklists?)\b/i;
const HOME = /\bhome\b/i;

/**
 * Links to a document whose address was left for later: "submit your signed lab [agreement form](/)", "fill out
 * this [template](/)" send the reader to the site's home. "[Home](/)" and "[Back to top](#)" go there on purpose.
 */
export function standInLinkHits(page: Page): Hit[] {
  return page.links
    .filter((link) => NOWHERE.test(link.href) && DOCUMENT.test(link.text) && !HOME.test(link.text))
    .map((link) => {
      const written = `[${link.text}](${link.href})`;
      return {
        data: { placeholder: written },
        ...(link.position ? { position: link.position } : {}),
        excerpt: truncate(written, 120),
        matched: written,
      };
    });
}
