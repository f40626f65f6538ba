import { basename, extname, posix } from 'node:path';

/**
 * File names that make a folder's index page, in order of preference (`index.html.md(.erb)`: Middleman's,
 * as the Tech Docs Template names them; `index.mdx`: Docusaurus', Gatsby's and Nextra's MDX pages).
 */
export const INDEX_NAMES = [
  'index.md',
  'README.md',
  '_index.md',
  'readme.md',
  'index.markdown',
  'index.html.md',
  'index.html.md.erb',
  'index.mdx',
];

/**
 * The ISO 639-1 languages handbooks and documentation sites are translated into: a folder's `go.README.md` or
 * `ci.index.md` is a page about Go or CI, not its index in a language.
 */
export const SITE_LANGUAGES = [
  'ar',
  'bg',
  'bn',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'eo',
  'es',
  'et',
  'eu',
  'fa',
  'fi',
  'fr',
  'ga',
  'gl',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'is',
  'it',
  'ja',
  'ka',
  'kk',
  'km',
  'ko',
  'lt',
  'lv',
  'mk',
  'mn',
  'ms',
  'my',
  'nb',
  'ne',
  'nl',
  'nn',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'si',
  'sk',
  'sl',
  'sq',
  'sr',
  'sv',
  'sw',
  'ta',
  'te',
  'th',
  'tl',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'zh',
];

/** A language as sites spell it in file names: its code, with a region or a script (`pt-BR`, `zh-Hans`). */
const LANGUAGE = `(?:${SITE_LANGUAGES.join('|')})(?:[-_][A-Za-z]{2}|-[A-Z][a-z]{3})?`;

/**
 * The index names a folder's index has in one language: Hugo lists a section on its `_index.es.md` as on
 * `_index.md`, and Gatsby i18n themes name the language first (`en.index.md`, `fr.index.md`).
 */
const LOCALE_INDEX = new RegExp(
  `^(?:(?:index|README|readme|_index)\\.${LANGUAGE}|${LANGUAGE}\\.(?:index|README|readme))\\.md$`,
);

/** Whether a file name is a folder's index translated into one language (`_index.es.md`, `fr.index.md`, not `notes.es.md`). */
export function isLocaleIndex(name: string): boolean {
  return LOCALE_INDEX.test(name);
}

/** Whether a file is a Hugo section's page (`_index.md`, or in one language `_index.es.md`), which lists the section. */
export function isHugoSection(file: string | undefined): boolean {
  const name = file === undefined ? '' : posix.basename(file);
  return name === '_index.md' || (name.startsWith('_index.') && isLocaleIndex(name));
}

/** A title for a page with neither front matter title nor H1: the file name, or the folder name for an index page. */
export function fallbackTitle(file: string): string {
  const name = basename(file, extname(file));
  if (!INDEX_NAMES.includes(basename(file))) return name;
  const folder = posix.basename(posix.dirname(file));
  return folder === '.' ? name : folder;
}
