import { z } from 'zod';
import type { Hit, PageCheckKind } from '../check.js';

const options = z.object({});

/** Problems met while reading a page (broken front matter) become findings, so the page is fixed rather than silently half-read. */
export const pageProblemsCheck: PageCheckKind<Record<string, never>> = {
  name: 'page-problems',
  values: ['problem'],
  options,
  run(page): Hit[] {
    if (page.unreadable) return [];
    return page.problems.map((problem) => ({
      data: { problem: problem.message },
      matched: `${problem.code}: ${problem.message}`,
      ...(problem.position ? { position: problem.position } : {}),
    }));
  },
};
