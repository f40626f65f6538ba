import { normalizeKey } from './fields.js';

/**
 * The keys of decision records written in French, German, Spanish and Portuguese, by the English
 * field each names (accents dropped): `Statut :` is the status, `Décideurs :` the deciders.
 */
const TRANSLATED_KEYS: ReadonlyMap<string, string> = new Map([
  ['statut', 'status'],
  ['estado', 'status'],
  ['datum', 'date'],
  ['fecha', 'date'],
  ['decideurs', 'deciders'],
  ['decisionnaires', 'decision-makers'],
  ['entscheider', 'deciders'],
  ['decisores', 'deciders'],
  ['auteur', 'author'],
  ['auteurs', 'authors'],
  ['autor', 'author'],
  ['autoren', 'authors'],
  ['autores', 'authors'],
]);

/**
 * The keys of decision records written in Japanese, by the English field each names: `ステータス:` is
 * the status, `日付:` the date, `決定者:` the deciders. Looked up as written: Japanese keys have no
 * accents to drop and no Latin letters for a normalized key.
 */
const JAPANESE_KEYS: ReadonlyMap<string, string> = new Map([
  ['ステータス', 'status'],
  ['状態', 'status'],
  ['日付', 'date'],
  ['決定日', 'decision-date'],
  ['作成日', 'created'],
  ['決定者', 'deciders'],
  ['意思決定者', 'decision-makers'],
  ['作成者', 'author'],
  ['起案者', 'author'],
  ['著者', 'author'],
  ['担当者', 'owner'],
  ['オーナー', 'owner'],
  ['承認者', 'approver'],
]);

/** A written key as a field name: `Author(s)` is `authors`, `Décideurs` is `deciders`, `日付` is `date`. */
export function fieldKey(written: string): string {
  const japanese = JAPANESE_KEYS.get(written.trim());
  if (japanese) return japanese;
  const key = normalizeKey(written.replace(/\(s\)/gi, 's').normalize('NFD').replace(/\p{M}/gu, ''));
  return TRANSLATED_KEYS.get(key) ?? key;
}
