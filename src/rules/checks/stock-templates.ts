/**
 * Text of the decision-record templates most folders copy, which no filled-in record keeps. A record made with
 * `adr new` (adr-tools) or from MADR and never written gets no other finding: its sections, status and date are there.
 */

/**
 * The adr-tools and Nygard templates' stock sentences, each the whole text of its paragraph: a record that keeps
 * the stem and finishes it ("The change that we're proposing ... is to move every build ...") is filled in. Quoted
 * in a list or after a label they describe the template; as a heading they are the question the section answers
 * (placeholder.ts reads them in paragraphs only). The match leaves a closing full stop out and a question mark in.
 */
export const STOCK_SENTENCES =
  "^(?:The issue motivating this decision, and any context that influences or constrains the decision|The change that we['’]re proposing or have agreed to implement|What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated|What is the issue that we['’]re seeing that is motivating this decision or change\\?|What is the change that we['’]re proposing and/or doing\\?|What becomes easier or more difficult to do because of this change\\?)(?=\\.?$)";

/**
 * MADR's slots in braces: "{list everyone involved in the decision}", "{justification. e.g., …}", "{title of
 * option 1}", with one level of nested slot ("which resolves force {force}"). Not a Liquid `{{ … }}`, `${…}`,
 * a list of names in code (`{Add,Sub,Mul}`) or an MDX expression (`{list.length}`, on a Docusaurus page): the
 * verb is followed by a space, and "justification." only by MADR's own "e.g.".
 */
const BRACE_SLOT =
  '(?<![{$\\w])\\{(?:(?:[Ll]ist|[Dd]escribe|[Ee]xplain|[Aa]dd|[Ss]ummari[sz]e|[Jj]ustification|[Tt]itle of|[Ss]hort title)(?= )|[Jj]ustification\\. e\\.g\\.)[^{}\\n]{0,300}(?:\\{\\w+\\}[^{}\\n]{0,300})*\\}(?!\\})';

/**
 * The Ember, Yarn and pnpm RFC templates' prompts in double braces: "{{Describe the expected changes in
 * detail}}", "{{THIS SECTION SHOULD BE REMOVED BEFORE RATIFICATION}}", wrapped over lines as prose is. A
 * capital right after the braces and four words at least: template languages' own expressions are not prose
 * (`{{ site.title }}`, `{{Title}}`, `{{#each pages}}`, `{{> footer}}`), nor a saved reply's merge fields
 * (`{{First Name}}`, `{{Order Number}}`). Exported for the ReDoS check.
 */
export const MUSTACHE_PROMPT =
  '(?<![{$\\w])\\{\\{[A-Z][^\\s{}]{0,40}\\s[^\\s{}]{1,60}\\s[^\\s{}]{1,60}\\s[^\\s{}][^{}]{0,400}\\}\\}(?!\\})';

/** Placeholder patterns for the stock templates' text. */
export const STOCK_TEMPLATE_TEXT = [STOCK_SENTENCES, BRACE_SLOT, MUSTACHE_PROMPT];
