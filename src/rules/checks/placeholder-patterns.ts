import { DATE_MASKS } from './placeholder-values.js';
import { STOCK_TEMPLATE_TEXT } from './stock-templates.js';

// A bracket right after a word or `#` is code ("#[link]", "Range[Inclusive]"); one followed by "(" or "[" is a link the parser could not resolve.
// One inside another is a wiki link (`[[Add a new starter]]`: GitHub wikis, Obsidian, Foam). One after a word and a
// hyphen is a naming rule's part ("#tribe-[nome]", "squad-[name].md": the reader's own tribe), as `gcp-{team-name}` is.
const NOT_LINKISH = '(?<![\\w#\\]![])(?<!\\w-)\\[';
const END = '\\](?![(\\[\\]])';
/**
 * A verb, not a noun spelt like one: "[Write-up by the platform team ...]", "[Add-ons such as ...]", "[List price ...]";
 * and the infinitives Portuguese, Spanish and French templates instruct with ("[Registrar os compromissos …]",
 * "[Listar los asistentes]", "[Décrire le contexte]").
 */
const TEMPLATE_VERB =
  '(?:Add|Insert|Enter|Fill(?: in)?|Describe|Write|List(?! prices?\\b)|Explain|Summari[sz]e|Replace|Include|Provide|Paste|Specify|Choose|Select|Outline|Link to|Registrar|Listar|Descrever|Describir|Indicar|Inserir|Insertar|Preencher|Completar|D[ée]crire|Indiquer|Lister|Ins[ée]rer|Renseigner)(?![-\\w])';
/** The imperatives a header value's instruction opens with, in lower case as it follows the key. */
const HEADER_VERB =
  '[Pp]ut|[Ff]ill|[Ee]nter|[Ii]nsert|[Rr]eplace|[Ss]pecify|[Pp]rovide|[Dd]escribe|[Ww]rite|[Ll]ist|[Ll]ink to|[Pp]aste|[Ss]ummari[sz]e|[Ee]xplain';
/** Two or three lower-case words and a letter, not a cross-reference ("[see appendix B]", "[per schedule A]") nor
 * an aside naming a thing by its letter ("[including hepatitis B]"). Exported for the ReDoS check. */
export const UNNAMED =
  '(?!(?:see|refer|per|including|excluding|incl|cf|under|like)\\b)[a-z]{2,} [a-z]{2,} (?:[a-z]{2,} )?(?<!\\b(?:annex|appendix|schedule|exhibit|article|clause|section) )[A-Z]';
const TEMPLATE_NOUN =
  '(?:[Nn]ame|[Dd]ate|[Tt]itle|[Oo]wner|[Ll]ink|UR[LI]|[Ee]-?mail|[Tt]ime|[Dd]escription|[Ss]ummary|[Nn]otes|[Dd]etails|[Pp]erson|[Aa]uthor|[Dd]eadline|[Rr]ole)';
/** The same nouns in Spanish, Portuguese and Italian, which put them first: "[Título de la reunión]", "[Nome Cognome]". */
const NOUN_FIRST =
  "(?:[Nn]ombre|[Nn]ome|[Ff]echa|[Tt][íi]tulo|[Rr]esponsable|[Rr]espons[áa]vel|[Dd]escripci[óo]n|[Dd]escri[çc][ãa]o|[Pp]articipante|[Aa]utor)(?: [\\p{L}\\d'’.-]+){0,5}";

/**
 * A slot in braces, as MADR's index and records write them ("decision records for {project name}", "{Team}"): an
 * instruction, a noun of several words, or one capitalized noun. Not a shell or template variable (`${NAME}`,
 * `{{ page.title }}`, `{% if %}`), a LaTeX argument (`\\text{Team}`), a route's or a name's part ("/users/{id}",
 * "gcp-{team-name}"), a brace list ("{Add,Sub}"), nor an MDX expression (`{props.title}`, `{title}`: no spaces,
 * one lower-case word).
 */
const BRACED = `(?<![\\w$\\\\{}%/#@=.:-])\\{(?:${TEMPLATE_VERB}(?: [^{}\\n]{1,100})?|(?:[\\w'’-]+ ){1,3}${TEMPLATE_NOUN}|(?:Name|Date|Title|Owner|Author|Team|Project|Company|Product|Customer)|${NOUN_FIRST}|(?:[Tt]itre|[Nn]om)(?: [^{}\\n]{1,60})?)\\}(?![\\w}-])`;

/**
 * A value left as a run of X's: a time ("Every Monday at X:XXPM", "at XPM"), an amount ("XXX$ USD", "$XX", "XX%")
 * and a handle ("[@xxx](…)"). "XXL", "X.509" and "Xbox" are words; "XX" alone as a label's value is a value word.
 */
const X_BLANKS = [
  '(?<![\\w:])(?:X{1,2}|\\d{1,2}):XX(?:[ \\t]?[AaPp]\\.?[Mm]\\.?)?(?![\\w:])',
  '(?<=\\bat[ \\t])X{1,2}[ \\t]?[AaPp][Mm]\\b',
  '(?<![\\w$€£])(?:X{2,}[ \\t]?(?:\\$|€|£|%|USD\\b|EUR\\b)|(?:\\$|€|£)[ \\t]?X{2,}\\b)',
  '(?<![\\w.@/])@(?:x{3,}|X{3,})\\b',
];

/** Template text a filled-in copy no longer contains. Brackets count as an instruction ("[Add your notes]", "[Date]")
 * or a thing left unnamed ("[hosting provider A]"): "[Beta]", "#[link]" are tags and code. "tbd" is prose. */
export const DEFAULT_PLACEHOLDERS = [
  `${NOT_LINKISH}(?:${TEMPLATE_VERB}[^\\]\\n]{0,300}|[^\\]\\n]{0,40}\\b[Yy]our\\b[^\\]\\n]{0,40}|(?:[\\w'’-]+ ){0,3}${TEMPLATE_NOUN}|${NOUN_FIRST}|Team|Project|Company|Product|Customer|${UNNAMED})${END}`,
  BRACED,
  ...X_BLANKS,
  ...DATE_MASKS,
  '\\b[Ll]orem ipsum\\b',
  '(?:\\.{3}|…)?\\b(?:[Tt]e?xt|[Cc]ontent)\\s+goes\\s+here\\b(?:\\.{3}|…)?',
  '[<{][Ii]nsert\\b[^>}]*[>}]',
  // Where a link was to go: "on all our projects (link).", "- How we prioritize (link)", "on the main branch
  // <link>." Ending its sentence or item after a word; "[(link)](url)" is a link's text, and "this sheet (link),
  // can you ..." in a message to send is filled in when it is sent.
  '(?<=[\\w.,;:!?)] )\\((?:link|Link|LINK)\\)(?=[.!?]?(?:\\s|$))',
  '<(?:link|Link|LINK)>',
  // A cell or line left for its value in parentheses: "| HR contact | (fill in) |", "(à compléter)", "(ausfüllen)".
  // Not "(fill in the form first)", which says what to do.
  '\\((?:[Ff]ill in|[Tt]o fill|[Àà] compl[ée]ter|[Aa]usf[üu]llen)\\)',
  // A header line's whole value left as the template's instruction in parentheses: "- Supersedes: (put "N/A" unless
  // this replaces an RFC)", "- Author(s): (fill me in)". Not "(leave blank)" or "(none)", which the template asks
  // for, nor an instruction inside a sentence ("Make tea (put the kettle on first).").
  `(?<=(?:^|\\n)[ \\t]{0,4}\\p{L}[\\p{L}\\p{N} ()'’/-]{0,40}:[ \\t]{1,4})\\((?:${HEADER_VERB})\\b[^)\\n]{0,200}\\)(?=[ \\t]*(?:\\n|$))`,
  // "To be confirmed" in parentheses where its item or line ends, in any case ("- Shared drive (tbc)"): the value
  // still owed. Inside a sentence ("the venue (tbc) opens at nine") it qualifies what it follows.
  '(?<![\\w(])\\((?:tbc|tbd|TBC|TBD)\\)(?=[.!]?[ \\t]*(?:\\n|$))',
  // A generator's variable the script never replaced ("GitHub Issue: $GITHUB_ISSUE$" in generated minutes).
  '\\$[A-Z][A-Z0-9]*_[A-Z0-9_]*\\$|\\$[A-Z]{4,}\\$',
  // A blank left in a sentence for a word the notetaker missed: "moves the CLI to _______". Not a form's
  // "Signature: ______", where the reader fills it in.
  '(?<=\\b(?:to|the|a|an|by|of|from|with|for|on|in|at|is|are|was|were|and|or)\\s)_{4,}(?!_)',
  ...STOCK_TEMPLATE_TEXT,
];
