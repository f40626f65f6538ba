import GithubSlugger from 'github-slugger';

/** How the site that publishes the handbook turns a heading into its anchor. */
export const SLUG_STYLES = ['github', 'gitbook', 'hugo', 'docusaurus', 'python-markdown'] as const;
export type SlugStyle = (typeof SLUG_STYLES)[number];

/**
 * Hugo's Goldmark `github` ids: lowercase, each space a hyphen, every other character that is not a
 * letter, digit, `_` or `-` dropped (so `main.go` is `maingo` and `a  b` is `a--b`).
 */
function hugoSlug(text: string): string {
  let slug = '';
  for (const char of text.trim().toLowerCase()) {
    if (/\s/u.test(char)) slug += '-';
    else if (/[\p{L}\p{N}_-]/u.test(char)) slug += char;
  }
  return slug;
}

/** GitBook: lowercase, each run of spaces and punctuation one hyphen, none at either end. */
function gitbookSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Numbers repeats as the generators do: the second `Setup` is `setup-1`. */
function deduplicated(slugify: (text: string) => string): (texts: readonly string[]) => string[] {
  return (texts) => {
    const seen = new Map<string, number>();
    return texts.map((text) => {
      const base = slugify(text);
      let slug = base;
      let count = seen.get(base) ?? 0;
      while (seen.has(slug)) slug = `${base}-${++count}`;
      seen.set(base, count);
      seen.set(slug, 0);
      return slug;
    });
  };
}

/**
 * Python-Markdown's `toc` slugs, which MkDocs and Zensical sites get unless their config names another
 * function: accents folded and every other non-ASCII letter dropped, punctuation but `_` and `-` dropped,
 * lowercase, each run of spaces and hyphens one hyphen ("Roles & responsibilities" -> `roles-responsibilities`).
 */
function pythonMarkdownSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(PYTHON_NOT_ASCII, (char) => (/\s/.test(char) ? ' ' : ''))
    .replace(PYTHON_DROPPED, '')
    .trim()
    .toLowerCase()
    .replace(PYTHON_SEPARATORS, '-');
}

/** What Python-Markdown's slugs drop, and the runs they turn into one hyphen. Exported for the static ReDoS check. */
export const PYTHON_NOT_ASCII = /[^\x20-\x7e]/g;
export const PYTHON_DROPPED = /[^\w\s-]/g;
export const PYTHON_SEPARATORS = /[-\s]+/g;

/** Python-Markdown numbers a repeat with an underscore (`setup_1`), and an empty slug too (`_1`). */
function pythonMarkdownSlugs(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.map((text) => {
    let slug = pythonMarkdownSlug(text);
    for (let count = 1; slug === '' || seen.has(slug); count++) slug = `${pythonMarkdownSlug(text)}_${count}`;
    seen.add(slug);
    return slug;
  });
}

function githubSlugs(texts: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return texts.map((text) => slugger.slug(text));
}

const SLUGGERS: Record<SlugStyle, (texts: readonly string[]) => string[]> = {
  github: githubSlugs,
  // Docusaurus slugs with github-slugger too; its `{#custom-id}` headings are kept as anchors.
  docusaurus: githubSlugs,
  hugo: deduplicated(hugoSlug),
  gitbook: deduplicated(gitbookSlug),
  'python-markdown': pythonMarkdownSlugs,
};

/** The anchors a page's headings (texts in page order) get in a slug style. */
export function headingSlugs(texts: readonly string[], style: SlugStyle): string[] {
  return SLUGGERS[style](texts);
}
