import type { CheckKind } from '../check.js';
import { conditionalCheck } from './conditional.js';
import { directivesCheck } from './directives.js';
import { fieldsCheck } from './fields.js';
import { lifecycleCheck } from './lifecycle.js';
import { linksCheck } from './links.js';
import { orphanCheck } from './orphan.js';
import { pageProblemsCheck } from './page-problems.js';
import { placeholderCheck } from './placeholder.js';
import { sectionsCheck } from './sections.js';
import { staleCheck } from './stale.js';
import { tasksCheck } from './tasks.js';

/** Every built-in check kind by the name rule files give in `check:`; options are validated by each kind's schema. */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own options type; the loader validates them before run().
export const CHECK_KINDS: Record<string, CheckKind<any>> = Object.fromEntries(
  [
    conditionalCheck,
    directivesCheck,
    fieldsCheck,
    lifecycleCheck,
    linksCheck,
    orphanCheck,
    pageProblemsCheck,
    placeholderCheck,
    sectionsCheck,
    staleCheck,
    tasksCheck,
  ].map((kind) => [kind.name, kind]),
);
