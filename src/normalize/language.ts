import { maxOf } from '../push-all.js';

/**
 * Words that are frequent in one language and rare in the others (articles, conjunctions, prepositions,
 * auxiliaries). A word two languages share ("de", "la", "que", "des" in French and German, "on" in
 * English and French, "para" in Spanish and Portuguese, "we", "is", "of" in English and Dutch, "was" in
 * English and German) is in no list: it would count for both.
 */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: 'the and to are were will for that with this it be have not at by from should our they would which',
  de: 'und der die das ist nicht wir mit für ein eine den dem auf sich zu im wird werden auch bei sind soll von oder aber noch nach',
  fr: 'et les des est pour une nous dans avec sont pas au aux sur qui cette être été ont fait leur elle ces par ils avons sera donc',
  es: 'y el los las pero muy hay también sus fue ya cuando donde hasta hacer estos estas',
  pt: 'os não uma em com ao são foi pelo pela também às até onde isso essa esse muito já sua seu',
  it: 'di che sono è della delle dei gli nel alla anche questo questa stato hanno più molto dove',
  nl: 'het van een niet met op voor dat zijn wordt worden ook bij aan wij naar om maar deze wat',
};

const LISTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(words.split(' '))]),
);

/** The languages `textLanguage` tells apart (ISO 639-1 codes). */
export const DETECTED_LANGUAGES: readonly string[] = [...LISTS.keys(), 'zh', 'ko'];

/**
 * The languages of DETECTED_LANGUAGES whose numeric dates put the day first (`11/03/2026` is 11 March in
 * French, German, Spanish...): all but English (month first, as US pages write it) and Chinese and Korean (year first).
 */
export const DAY_FIRST_LANGUAGES: ReadonlySet<string> = new Set(['de', 'fr', 'es', 'pt', 'it', 'nl']);

/** Below this many characters of a script written without spaces, a page says too little of it. */
const MIN_SCRIPT_CHARACTERS = 40;

/**
 * Chinese and Korean, told by their scripts: a text whose letters are mostly Han characters, with next to no
 * kana (Japanese writes kana between them, even in shorthand notes) and Hangul (Korean glosses terms in
 * Hanja), is Chinese; one whose letters are mostly Hangul is Korean, whatever English names of tools it keeps
 * ("Prometheus", "CI/CD"). Korean writes spaces, but its words carry their particles ("결정은", "결정을"), so
 * they cannot be counted as the others' are.
 */
function scriptLanguage(text: string): string | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  if (hangul >= MIN_SCRIPT_CHARACTERS && hangul * 2 >= letters) return 'ko';
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han < MIN_SCRIPT_CHARACTERS) return undefined;
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return han * 2 >= letters && kana * 40 < han ? 'zh' : undefined;
}

/** Below this many words a page says too little to tell its language (a pointer, a title and a link). */
const MIN_WORDS = 40;
/** Below this many function words of the leading language the count is chance. */
const MIN_HITS = 8;

/**
 * The language a text is written in, by counting the function words of each language: the leader
 * must have at least three times the runner-up's count. A short text, or one that mixes two languages about
 * equally (an English page quoting a French paragraph, notes written half in each), has none.
 */
export function textLanguage(text: string): string | undefined {
  const han = scriptLanguage(text);
  if (han) return han;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  const counts = new Map<string, number>();
  for (const word of words)
    for (const [language, list] of LISTS)
      if (list.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_HITS || first[1] < 3 * (second?.[1] ?? 0)) return undefined;
  return first[0];
}

/** Japanese writes kana between its Han characters: this many make Japanese sentences, not a quoted word. */
const MIN_KANA = 10;

/** Quoted text on one line, in the quotation marks of the languages read. */
const QUOTED =
  /"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|„[^“”\n]{1,2000}[“”]|«[^»\n]{1,2000}»|「[^」\n]{1,2000}」|『[^』\n]{1,2000}』/g;

/** A second language counts when its function words are at least this share of the leader's. */
const SECOND_SHARE = 4;

/**
 * Every language a text clearly writes in: the one `textLanguage` tells, or for notes written half in each
 * (German minutes with English lines, "Man soll ..." beside "we need to ..."), each language with at least
 * `MIN_HITS` function words and a quarter of the leader's; and Japanese wherever its kana make sentences
 * (Japanese notes keep their English task names). Phrases of another language's script or words do not
 * occur in a text that does not write that language, so reading both costs nothing on a page in one.
 */
export function textLanguages(written: string): string[] {
  // A quote in another language ("the customer wrote: „…“", 「…」) is not a language the notes are written in.
  const text = written.replace(QUOTED, ' ');
  const found = new Set<string>();
  const own = textLanguage(text);
  if (own) found.add(own);
  if (own !== 'zh' && (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0) >= MIN_KANA)
    found.add('ja');
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return [...found];
  const counts = new Map<string, number>();
  for (const word of words)
    for (const [language, list] of LISTS)
      if (list.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
  const lead = maxOf(counts.values(), 0);
  for (const [language, hits] of counts)
    if (hits >= MIN_HITS && hits * SECOND_SHARE >= lead) found.add(language);
  return [...found];
}
