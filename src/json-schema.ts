import { z } from 'zod';
import { configSchema } from './config.js';
import { CHECK_KINDS } from './rules/checks/index.js';
import { ruleFileSchema } from './rules/load.js';

/** The files `npm run schema` writes into schema/, each generated from the zod schemas the loaders use. */
export const SCHEMA_FILES = {
  'handbook-lint.schema.json': configJsonSchema,
  'rule.schema.json': ruleJsonSchema,
} as const;

// Formats JSON Schema defines; zod also writes its own (`starts_with`), which validators reject in strict mode.
const STANDARD_FORMATS = new Set(['uri', 'email', 'date', 'date-time', 'time', 'duration', 'uuid', 'regex']);

// Keywords whose values are data, not schemas: a `format` key in them is the user's (`report.format`).
const DATA_KEYWORDS = new Set(['default', 'const', 'enum', 'examples']);

/** Drops zod's own format names, keeping the `pattern` zod writes beside them. */
function standardFormats(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(standardFormats);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== 'format' || typeof value !== 'string' || STANDARD_FORMATS.has(value))
      .map(([key, value]) => [key, DATA_KEYWORDS.has(key) ? value : standardFormats(value)]),
  );
}

// A config file is what the user writes: keys with defaults are optional.
const toJsonSchema = (schema: z.ZodType) => standardFormats(z.toJSONSchema(schema, { io: 'input' }));

/** The JSON Schema of handbook-lint.yml. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...(toJsonSchema(configSchema) as object),
    title: 'handbook-lint config',
    description:
      'handbook-lint.yml: sources, rules, coverage, state, reports and write-back (see config.example.yml).',
  };
}

/** The JSON Schema of a rule file (rules/*.yml and users' rule folders): one shape per check kind. */
export function ruleJsonSchema(): Record<string, unknown> {
  const kinds = Object.values(CHECK_KINDS).map((kind) =>
    ruleFileSchema(kind).extend({ check: z.literal(kind.name) }),
  );
  return {
    ...(toJsonSchema(z.discriminatedUnion('check', kinds as [(typeof kinds)[0], ...typeof kinds])) as object),
    title: 'handbook-lint rule',
    description: "A rule file: its check kind, level, message, the kind's options and examples.",
  };
}

/** The text a schema file holds. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
