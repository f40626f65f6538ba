import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { findSection, findSections } from '../../src/rules/checks/find-section.js';

// A page's sections are what the decision, meeting and conditional rules read (find-section.ts). A
// pull request can write a page of thousands of headings well inside the page budget. Eighth round:
// a 1 MB meeting page of 16,000 headings spent 7.5 s of CPU in `sectionAt` alone, which copied the
// rest of the page (`nodes.slice(index + 1)`) for every section it found: quadratic in headings.
// Asserted without a clock: the page's node list counts how often its elements are read.

/** A page whose top-level nodes are read through a counter. */
function countedPage(children: RootContent[]): { page: Page; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(children, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const tree: Root = { type: 'root', children: counted };
  return { page: { tree } as unknown as Page, reads: () => reads };
}

const text = (value: string): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
});
const heading = (value: string, depth: 1 | 2 | 3 = 2): RootContent => ({
  type: 'heading',
  depth,
  children: [{ type: 'text', value }],
});

/** A meeting page repeating `## Decisions` / `## Notes` sections, each with a paragraph. */
function meetingNodes(sections: number): RootContent[] {
  const nodes: RootContent[] = [heading('Weekly sync', 1)];
  for (let i = 0; i < sections; i++) {
    nodes.push(heading(i % 2 ? 'Notes' : 'Decisions'), text(`We decided item ${i}.`));
  }
  return nodes;
}

describe("a page's sections", () => {
  it('every section of a page of 8,000 headings is found reading each node a bounded number of times', () => {
    const sections = 8_000;
    const { page, reads } = countedPage(meetingNodes(sections));
    const found = findSections(page, ['Decisions']);
    expect(found).toHaveLength(sections / 2);
    expect(found[0]?.text).toBe('We decided item 0.');
    expect(found.at(-1)?.text).toBe(`We decided item ${sections - 2}.`);
    expect(found.every((section) => section.nodes.length === 1)).toBe(true);
    // Linear: each of the 16,001 nodes a few times. The copy per section read some 32 million.
    expect(reads()).toBeLessThan(20 * 2 * sections);
  });

  it('a section still takes its sub-sections and ends at the next heading as high', () => {
    const { page } = countedPage([
      heading('Record', 1),
      heading('Decision'),
      text('We chose A.'),
      heading('Details', 3),
      text('Because B.'),
      heading('Consequences'),
      text('C.'),
    ]);
    const section = findSection(page, ['Decision']);
    expect(section?.nodes.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph']);
    // Blocks apart by a blank line, so only a paragraph's own wrapped lines are run together.
    expect(section?.text).toBe('We chose A.\n\nBecause B.');
    expect(findSections(page, ['Consequences']).map((s) => s.text)).toEqual(['C.']);
  });
});
