// markdownlint's rules by id and name, as its users carry them into a config (`MD013: false`,
// `line-length: false`): they are another tool's, and a level hint ("did you mean off?") or a
// spelling hint would send them looking for a rule handbook-lint does not have.

const NAMES: Readonly<Record<string, string>> = {
  MD001: 'heading-increment',
  MD002: 'first-heading-h1',
  MD003: 'heading-style',
  MD004: 'ul-style',
  MD005: 'list-indent',
  MD006: 'ul-start-left',
  MD007: 'ul-indent',
  MD009: 'no-trailing-spaces',
  MD010: 'no-hard-tabs',
  MD011: 'no-reversed-links',
  MD012: 'no-multiple-blanks',
  MD013: 'line-length',
  MD014: 'commands-show-output',
  MD018: 'no-missing-space-atx',
  MD019: 'no-multiple-space-atx',
  MD020: 'no-missing-space-closed-atx',
  MD021: 'no-multiple-space-closed-atx',
  MD022: 'blanks-around-headings',
  MD023: 'heading-start-left',
  MD024: 'no-duplicate-heading',
  MD025: 'single-title',
  MD026: 'no-trailing-punctuation',
  MD027: 'no-multiple-space-blockquote',
  MD028: 'no-blanks-blockquote',
  MD029: 'ol-prefix',
  MD030: 'list-marker-space',
  MD031: 'blanks-around-fences',
  MD032: 'blanks-around-lists',
  MD033: 'no-inline-html',
  MD034: 'no-bare-urls',
  MD035: 'hr-style',
  MD036: 'no-emphasis-as-heading',
  MD037: 'no-space-in-emphasis',
  MD038: 'no-space-in-code',
  MD039: 'no-space-in-links',
  MD040: 'fenced-code-language',
  MD041: 'first-line-heading',
  MD042: 'no-empty-links',
  MD043: 'required-headings',
  MD044: 'proper-names',
  MD045: 'no-alt-text',
  MD046: 'code-block-style',
  MD047: 'single-trailing-newline',
  MD048: 'code-fence-style',
  MD049: 'emphasis-style',
  MD050: 'strong-style',
  MD051: 'link-fragments',
  MD052: 'reference-links-images',
  MD053: 'link-image-reference-definitions',
  MD054: 'link-image-style',
  MD055: 'table-pipe-style',
  MD056: 'table-column-count',
  MD058: 'blanks-around-tables',
  MD059: 'descriptive-link-text',
};
// Second names markdownlint also takes.
const ALIASES: Readonly<Record<string, string>> = { 'single-h1': 'MD025', 'first-line-h1': 'MD041' };

// The rules of the default pack that check part of what a markdownlint rule does.
const NEAREST: Readonly<Record<string, string>> = {
  MD043: 'decision-sections, the sections a decision record needs',
  MD051: 'broken-link, which checks links to headings too',
};

const BY_NAME = new Map<string, string>([
  ...Object.entries(NAMES).map(([id, name]) => [name, id] as const),
  ...Object.entries(ALIASES),
]);

/**
 * What to say of `id` when it is markdownlint's (`MD013`, `md013`, `line-length`), else undefined:
 * whose rule it is, where it belongs (`instead`), and the rule of handbook-lint that comes nearest, if any.
 */
export function markdownlintRule(
  id: string,
  instead = "keep it in markdownlint's config",
): string | undefined {
  const upper = id.toUpperCase();
  const md = Object.hasOwn(NAMES, upper) ? upper : BY_NAME.get(id);
  if (!md) return undefined;
  const near = NEAREST[md];
  const nearest = near ? `the nearest rule here is ${near}` : 'no rule here is close';
  return `${md}/${NAMES[md]} is markdownlint's rule, not handbook-lint's (which checks what pages say, not how their Markdown is written): ${instead}; ${nearest}`;
}

/**
 * What to say of markdownlint's `default: true` (every rule on) where a config has it, at the top or under
 * rules:, else undefined. handbook-lint has no such switch: its rules are on at their own levels.
 */
export function markdownlintDefault(key: string): string | undefined {
  return key === 'default'
    ? "`default` is markdownlint's switch for all its rules; handbook-lint's rules are all on at their own levels: leave it out, and turn a rule off by its id, as rules: { stale-page: off }"
    : undefined;
}
