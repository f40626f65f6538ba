import type { Nodes } from 'mdast';
import { MONTHS } from '../../normalize/month-names.js';

/**
 * Words that are template text only when they stand in for a value: "TBD" alone, or after a label
 * ("Owner: TBD"). Followed by an explanation they state a fact ("TBD (open role)", "Location: TBD, we vote
 * on Friday"), and inside a sentence they say something is undecided ("The roadmap is still TBD, but ...").
 */
export const DEFAULT_VALUE_PLACEHOLDERS = [
  '\\bTBD\\b',
  // Lower-case only as a label's value ("located here: tbd"): in a sentence "tbd" is prose.
  '(?<=:[ \\t]{0,4})tbd\\b',
  // British "to be confirmed", the same slot ("## Purpose" then "tbc", "Venue: TBC"); "TBC" closing an
  // article ("Part 1 of 3, TBC") is followed by nothing too, but only as a label's value or alone on its line.
  '\\bTBC\\b',
  '(?<=:[ \\t]{0,4})tbc\\b',
  // The same words spelt out, as a minutes template leaves them ("Meeting Notes: TO BE UPDATED DURING
  // MEETING."): upper case anywhere it stands alone, lower case as a label's value.
  '\\bTO BE (?:UPDATED|CONFIRMED|DETERMINED|DECIDED|DEFINED)(?: DURING (?:THE )?MEETING)?\\b',
  '(?<=:[ \\t]{0,4})to be (?:updated|confirmed|determined|decided|defined)(?: during (?:the )?meeting)?\\b',
  // Their exact Spanish, Portuguese and French equivalents, as a value: "Responsable: por definir",
  // "Data: a definir", "Date : à définir". "Noch offen" is no such word: "Status: noch offen" is a state.
  '(?<=:[ \\t]{0,4})(?:[Pp]or|[Aa]|[Àà]) d[eé]finir\\b',
  '^(?:[Pp]or|[Àà]) d[eé]finir$',
  // A value left as X's ("**Head**: XX", a table's "| XXX | SVP |"); not "XXL". A Roman numeral is one too, but as a
  // heading or in a column of numerals (`numeralSlots`), never alone as a label's value. A name's part ("channels:
  // guild-XXX") is its naming rule.
  '(?<![\\w-])X{2,}\\b',
];

/** A word that makes a label's day or meeting one still to come ("Date prévue", "Next meeting"). Exported for the static ReDoS check. */
export const PLANNED_WORD =
  /\b(?:next|planned|upcoming|expected|prochaine?|pr[ée]vue?s?|pr[óo]xim[ao]|previst[ao]|programad[ao]|agendad[ao]|n[äa]chste[nrs]?|geplante?[nrs]?|prossim[ao])\b/i;
/**
 * A day or meeting a label names. Not a page's review: "Next review: TBD" is the review date a handbook page owes,
 * left as its template wrote it. Exported for the static ReDoS check.
 */
export const OCCASION_WORD =
  /\b(?:date|day|meeting|session|call|sync|release|r[ée]union|s[ée]ance|jour|fecha|reuni[óo]n|reuni[ãa]o|sess[ãa]o|data|datum|termin|treffen|sitzung|besprechung|riunione|giorno)\b/i;

/**
 * Whether the label before a value word on its line names a day or meeting still to come ("Date prévue : À
 * définir", "Next meeting: TBD", "Próxima reunión: por definir"): not yet set is that field's real state, in
 * every language alike, where a template writes its own mask for it (`JJ/MM/YYYY`). So is a day's label under
 * such a heading ("## Next Meeting", then "- Date: TBC"). "Owner: TBD", "Next steps: TBD" stay template text.
 */
export function plannedLabel(block: string, start: number, heading = ''): boolean {
  const label = block.slice(block.lastIndexOf('\n', start - 1) + 1, start);
  const planned = (text: string) => PLANNED_WORD.test(text) && OCCASION_WORD.test(text);
  return planned(label) || (planned(heading) && OCCASION_WORD.test(label));
}

/** A month's name, capitalized or not, in English and the languages of `MONTHS`. */
const MONTH = [
  ...MONTHS.flat(),
  ...'January February March April May June July August September October November December'.split(' '),
]
  .map((name) => `[${name[0]?.toUpperCase()}${name[0]?.toLowerCase()}]${name.slice(1)}`)
  .join('|');

/** A date's template mask, or a date whose day was left for later. */
export const DATE_MASKS = [
  // In Spanish and Portuguese (año, ano: AAAA), French (jour: JJ), German (Tag, Jahr: TT, JJJJ) and Dutch (jaar:
  // JJJJ) too, with a dot, slash or hyphen: "DD-MM-JJJJ", "JJ.MM.AAAA".
  '\\b(?:(?:DD|JJ|TT)[./-]MM[./-](?:YYYY|AAAA|JJJJ)|(?:YYYY|AAAA|JJJJ)[./-]MM[./-](?:DD|JJ|TT)|MM/DD/YYYY)\\b',
  // A day left as XX in a date that names its month and year ("2026-05-XX", "XX May 2026", "May XX, 2026").
  `\\b(?:19|20)\\d\\d-(?:\\d\\d|XX)-XX\\b|\\bXX\\.? (?:${MONTH}) (?:19|20)\\d\\d\\b|\\b(?:${MONTH}) XX,? (?:19|20)\\d\\d\\b`,
];

/**
 * The word "placeholder" itself as the whole of a section or page ("# Milestones" then "> Platzhalter"), in the
 * languages templates are written in: the text a template left to stand for the section. In a sentence
 * ("a placeholder text is shown") or among other text it is prose. Read in any case (`section-patterns`).
 */
export const PLACEHOLDER_BODY =
  '^(?:placeholder|platzhalter|espace r[ée]serv[ée]|marcador de posi[çc][ãa]o|marcador de posici[óo]n)[.!…]?$';

/**
 * "To be written" as a section's or page's whole text, in French ("## Contexte" then "À compléter", "A créer") and
 * English ("To be completed."): still to come. In a sentence ("the form is to be completed by Friday") it is prose.
 */
export const TO_WRITE_BODY =
  '^(?:[àa] (?:cr[ée]er|compl[ée]ter|r[ée]diger|remplir)|to be (?:completed|written|filled in))[.!…]?$';

/** A Roman numeral that is not only X's ("XIX", "IV"): beside one, "XX" counts too. */
const OTHER_NUMERAL = /^(?=[IVXLCDM]+$)(?!X+$)M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;
const X_RUN = /^X{2,}$/;

/**
 * The text of headings of only X's ("## XX", a part's numeral) and of table cells of only X's in a column with other
 * Roman numerals ("XIX", "XX", "XXI"): numbers, where X's elsewhere are a value left unfilled.
 */
export function numeralSlots(root: Nodes): Set<Nodes> {
  const found = new Set<Nodes>();
  const add = (node: Nodes) => {
    if ('children' in node) for (const child of node.children) found.add(child);
  };
  const visit = (node: Nodes): void => {
    if (node.type === 'heading' && X_RUN.test(textOf(node).trim())) add(node);
    if (node.type === 'table') {
      const rows = node.children.map((row) => row.children.map((cell) => textOf(cell).trim()));
      for (const [r, row] of rows.entries())
        for (const [c, text] of row.entries()) {
          const cell = node.children[r]?.children[c];
          if (cell && X_RUN.test(text) && rows.some((other) => OTHER_NUMERAL.test(other[c] ?? ''))) add(cell);
        }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

/** A value word (the default's, or the todo-note rule's "TODO") as a list item's, cell's or bold line's whole text. */
export const VALUE_WORD = /^(?:TBD|TODO|FIXME)$/;

/** A list item's whole text, any case: a value word the section has instead of its items (`* tbd`). */
const SLOT_ITEM = /^(?:tbd|tbc|todo|fixme)$/i;

function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Whether a block is a list whose every item is only a value word ("## Minutes", then "* tbd"). */
function slotList(node: Nodes): boolean {
  return node.type === 'list' && node.children.every((item) => SLOT_ITEM.test(textOf(item).trim()));
}

/** A blockquote of one paragraph (`> Platzhalter`): a template's note standing for the section's text. */
function quotedParagraph(node: Nodes): boolean {
  return node.type === 'blockquote' && node.children.length === 1 && node.children[0]?.type === 'paragraph';
}

/** A list of one item of one paragraph (`## Steps` then `- To come...`): with `oneItem`, a section's whole text too. */
function oneItemList(node: Nodes): boolean {
  const [item] = node.type === 'list' && node.children.length === 1 ? node.children : [];
  return item !== undefined && item.children.length === 1 && item.children[0]?.type === 'paragraph';
}

/** Hugo's TOML front matter (`+++` lines around it), which the parser reads as the page's first paragraph. */
function tomlFrontMatter(node: Nodes): boolean {
  const text = textOf(node);
  return node.type === 'paragraph' && text.startsWith('+++\n') && text.endsWith('\n+++');
}

/**
 * A section whose whole body is one paragraph (or a quoted one) of a value word (`## Tone of voice` then `tbd`), or a list of
 * such items (`## Minutes` then `* tbd`; with `oneItem`, any list of one item), or a page's whole body: it was never written, whatever the word's case. Inside a
 * sentence, or among a list's real items, a lower-case "tbd" is prose.
 */
export function wholeSections(root: Nodes, oneItem = false): Set<Nodes> {
  const sections = new Set<Nodes>();
  if (!('children' in root)) return sections;
  const blocks: Nodes[] = root.children;
  const texts = (node: Nodes): Nodes[] =>
    node.type === 'paragraph' ? node.children : 'children' in node ? node.children.flatMap(texts) : [];
  blocks.forEach((node, k) => {
    const before = blocks[k - 1];
    const after = blocks[k + 1];
    // Under its heading, or the page's whole body under its front matter's title (`title:` then `tbc`), YAML or TOML.
    const opens =
      before === undefined ||
      before.type === 'heading' ||
      before.type === 'yaml' ||
      (k === 1 && tomlFrontMatter(before));
    const body =
      node.type === 'paragraph' || slotList(node) || quotedParagraph(node) || (oneItem && oneItemList(node));
    if (!body || !opens) return;
    if (after !== undefined && after.type !== 'heading') return;
    for (const child of texts(node)) sections.add(child);
  });
  return sections;
}
