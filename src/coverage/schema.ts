import { z } from 'zod';
import { LEVELS } from '../model/severity.js';
import { globSchema, regexSchema } from '../schemas.js';

const regex = regexSchema;
const glob = globSchema;

const name = z.string().min(1);

const match = z
  .strictObject({
    titles: z.array(regex).optional(),
    paths: z.array(glob).optional(),
    labels: z.array(name).optional(),
    types: z.array(name).optional(),
    headings: z.array(regex).optional(),
  })
  .refine((m) => Object.values(m).some((list) => list.length > 0), {
    error: 'give at least one of titles, paths, labels, types, headings',
  });

const topic = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'topic ids are lowercase words joined by "-"' }),
  title: name,
  /** false for topics only scopes expect (e.g. a runbook per team). */
  'site-wide': z.boolean().default(true),
  match,
});

const scope = z.strictObject({
  name,
  paths: z.array(glob).min(1),
  each: z.boolean().default(false),
  topics: z.array(name).min(1),
});

const percent = (value: number) => z.number().min(0).max(100).default(value);

interface MetricDefaults {
  types?: string[];
  excludeTypes?: string[];
  rules?: string[];
  level?: (typeof LEVELS)[number];
}

// Which pages a metric considers (`types`, empty = every type, minus `exclude-types`, and of those the
// pages one of `rules` judges) and which of their findings disqualify them: any of `rules`, or any
// finding at `level` or above.
function metric(defaults: MetricDefaults) {
  return z
    .strictObject({
      types: z.array(name).default(() => defaults.types ?? []),
      'exclude-types': z.array(name).default(() => defaults.excludeTypes ?? []),
      rules: z.array(name).default(() => defaults.rules ?? []),
      level: z
        .enum(LEVELS as [(typeof LEVELS)[number], ...(typeof LEVELS)[number][]])
        .default(defaults.level ?? 'off'),
    })
    .prefault({});
}

const INDEX_NAMES = '{index,readme,_index}.md';

// Written as a user would write them in YAML; the schema fills in the rest. Path globs are
// matched case-insensitively against the page's path relative to the handbook (or scope) root.
const DEFAULT_TOPICS: z.input<typeof topic>[] = [
  {
    id: 'communication-charter',
    title: 'Communication charter',
    match: {
      titles: ['communication (charter|guide|guidelines|policy|norms)', 'how we communicate'],
      paths: ['**/communication*'],
    },
  },
  {
    id: 'response-times',
    title: 'Response-time expectations',
    match: { titles: ['response.?times?', '\\bSLAs?\\b'], paths: ['**/response-time*', '**/sla{,s}.md'] },
  },
  {
    id: 'decision-making',
    title: 'Decision-making framework',
    match: {
      titles: ['decision.?making', 'how we (make decisions|decide)', '\\b(DACI|RFC) process\\b'],
      paths: ['**/decision-making*', '**/how-we-decide*'],
    },
  },
  {
    id: 'decision-log',
    title: 'Decision log',
    match: {
      titles: ['decision.?log', 'decision records\\b', '^(ADRs|architecture decision records)$'],
      paths: ['**/decision-log*', '**/decisions.md', `**/{decisions,adr,adrs}/${INDEX_NAMES}`],
    },
  },
  {
    id: 'escalation-path',
    title: 'Escalation path',
    match: { titles: ['escalat'], paths: ['**/escalat*'] },
  },
  {
    id: 'meeting-policy',
    title: 'Meeting policy',
    match: {
      titles: ['meetings? (policy|guidelines|norms)', 'how we (run )?meet', 'when to (hold a )?meet'],
      paths: ['**/meeting{,s}-{policy,guidelines}*'],
    },
  },
  {
    id: 'tool-guide',
    title: 'Tool guide',
    match: {
      titles: ['tool(s|ing)? (guide|stack)', '^tools$', 'tools we use', 'which tool'],
      paths: ['**/tools.md', '**/tool{,s}-guide*', `**/tools/${INDEX_NAMES}`],
    },
  },
  {
    id: 'onboarding',
    title: 'Onboarding guide',
    match: {
      titles: ['onboarding', 'first (day|week)', 'new hires?'],
      paths: ['**/onboarding*', '**/onboarding/**'],
    },
  },
  {
    id: 'templates',
    title: 'Templates',
    match: {
      titles: ['\\btemplates\\b'],
      types: ['template'],
      paths: ['**/templates/**', '**/templates.md'],
    },
  },
  {
    id: 'handbook-home',
    title: 'Handbook home',
    match: { titles: ['\\bhandbook\\b', '^home( ?page)?$'], paths: [INDEX_NAMES] },
  },
];

const DEFAULT_SCOPES: z.input<typeof scope>[] = [
  { name: 'teams', paths: ['teams/*/**'], each: true, topics: ['onboarding', 'decision-log'] },
];

/** The `coverage:` config section: expected topics, where they are expected, metric targets and definitions. */
export const coverageSchema = z
  .strictObject({
    topics: z.array(topic).prefault(() => DEFAULT_TOPICS),
    scopes: z.array(scope).prefault(() => DEFAULT_SCOPES),
    targets: z
      .strictObject({
        coverage: percent(90),
        decisions: percent(80),
        ownership: percent(90),
        freshness: percent(80),
        meetings: percent(80),
        healthy: percent(80),
      })
      .prefault({}),
    metrics: z
      .strictObject({
        decisions: metric({ types: ['decision'], level: 'error' }),
        ownership: metric({ excludeTypes: ['template'], rules: ['page-owner'] }),
        freshness: metric({ excludeTypes: ['template'], rules: ['stale-page'] }),
        meetings: metric({ types: ['meeting-notes'], rules: ['meeting-outcomes'] }),
        healthy: metric({ level: 'error' }),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.topics.forEach((t, i) => {
      if (ids.has(t.id))
        ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate topic id "${t.id}"` });
      ids.add(t.id);
    });
    config.scopes.forEach((s, i) => {
      s.topics.forEach((id, j) => {
        if (!ids.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['scopes', i, 'topics', j],
            message: `unknown topic id "${id}"`,
          });
        }
      });
    });
  })
  .prefault({});

/** The validated `coverage:` section as computeCoverage takes it. */
export type CoverageConfig = z.output<typeof coverageSchema>;
/** One topic of the coverage config. */
export type TopicConfig = CoverageConfig['topics'][number];
/** One scope of the coverage config. */
export type ScopeConfig = CoverageConfig['scopes'][number];
/** How one metric selects and disqualifies pages. */
export type MetricConfig = CoverageConfig['metrics']['healthy'];

/** The coverage model of shared/domain.md, used when the config has no `coverage:` section. */
export const DEFAULT_COVERAGE: CoverageConfig = coverageSchema.parse(undefined);
