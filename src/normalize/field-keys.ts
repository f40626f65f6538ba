import type { Field } from '../model/page.js';
import { normalizeKey } from './fields.js';
import { typesNoPage } from './lead-line.js';
import { isStateWord } from './state-words.js';

/**
 * The keys of decision records (and pages' "last updated" lines) written in French, German, Spanish, Portuguese,
 * Dutch, Norwegian and Danish, by the English field each names (accents dropped): `Statut :` is the status,
 * `Décideurs :` the deciders.
 */
const TRANSLATED_KEYS: ReadonlyMap<string, string> = new Map([
  ['statut', 'status'],
  ['estado', 'status'],
  // Portuguese MADR's status key (`* Situação: Aceito`).
  ['situacao', 'status'],
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
  // Dutch (`Datum` is read as German's). Portuguese `Data:` is left to the decision rules' aliases: an
  // English page's "Data:" line is no date.
  ['eigenaar', 'owner'],
  // Portuguese (`| Dono | … |`, `**Responsável**: …`); a contact (`Contato`) is none.
  ['dono', 'owner'],
  ['responsavel', 'owner'],
  // Norwegian and Danish (NAV's template: `Dato: 2024-01-31`).
  ['dato', 'date'],
  ['forfatter', 'author'],
  ['forfattere', 'authors'],
  // A page's "last updated" line in Spanish, Portuguese, French, German, Italian and Dutch ("Última
  // actualización: 27 de marzo de 2025"): its edit date, as "Last updated:" is.
  ['ultima-actualizacion', 'last-updated'],
  ['ultima-atualizacao', 'last-updated'],
  // Portuguese "Atualizado em: 12/03/2025", "**Atualizado**: …": the same date under its participle.
  ['atualizado', 'last-updated'],
  ['atualizado-em', 'last-updated'],
  ['derniere-mise-a-jour', 'last-updated'],
  ['mis-a-jour-le', 'last-updated'],
  ['zuletzt-aktualisiert', 'last-updated'],
  ['letzte-aktualisierung', 'last-updated'],
  ['ultimo-aggiornamento', 'last-updated'],
  ['laatst-bijgewerkt', 'last-updated'],
]);

/**
 * The keys of decision records written in Japanese and Chinese, by the English field each names:
 * `ステータス:` is the status, `日付:` the date, `決定者:` the deciders, `## 状态` the status,
 * `**决策日期**:` the decision's date. Looked up as written: these keys have no accents to drop and no
 * Latin letters for a normalized key.
 */
const CJK_KEYS: ReadonlyMap<string, string> = new Map([
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
  ['責任者', 'owner'],
  ['メンテナー', 'maintainer'],
  ['承認者', 'approver'],
  // Chinese, simplified and traditional.
  ['状态', 'status'],
  ['狀態', 'status'],
  ['日期', 'date'],
  ['决策日期', 'decision-date'],
  ['決策日期', 'decision-date'],
  ['决策时间', 'date'],
  ['決策時間', 'date'],
  ['创建日期', 'created'],
  ['建立日期', 'created'],
  // A Chinese RFC's bullet header (`- 开始日期：2024-05-30`, `- 目标主要版本：…`): Start Date, Target Major Version.
  ['开始日期', 'start-date'],
  ['開始日期', 'start-date'],
  ['目标主要版本', 'target-major-version'],
  ['作者', 'author'],
  ['提出者', 'author'],
  ['负责人', 'owner'],
  ['負責人', 'owner'],
  ['决策者', 'deciders'],
  ['決策者', 'deciders'],
  ['决策制定者', 'deciders'],
  ['批准人', 'approver'],
]);

/**
 * A German page's owner key: `Verantwortlich:`, `Verantwortlicher:`, and a policy's, page's or document's
 * (`Richtlinienverantwortlicher:`, the German of "Policy owner:"). A contact (`Ansprechpartner:`) is none.
 */
const GERMAN_OWNER = /^(?:richtlinien|seiten|dokument)?verantwortlich(?:e|er)?$/;

/** A status key named for the process's own records: `RFC Status`, `KEP Status`, `PEP Status`, `ADR Status`. */
const PREFIXED_STATUS = /^(?:rfc|kep|pep|adr)-status$/;

/** A written key as a field name: `Author(s)` is `authors`, `Décideurs` is `deciders`, `日付` and `日期` are `date`. */
export function fieldKey(written: string): string {
  const cjk = CJK_KEYS.get(written.trim());
  if (cjk) return cjk;
  const key = normalizeKey(written.replace(/\(s\)/gi, 's').normalize('NFD').replace(/\p{M}/gu, ''));
  if (GERMAN_OWNER.test(key)) return 'owner';
  return TRANSLATED_KEYS.get(key) ?? (PREFIXED_STATUS.test(key) ? 'status' : key);
}

/**
 * Keys that hold a record's lifecycle under another name than `status`: English `State:` (Ember-style RFC
 * headers: `- State: Draft`), and `stage:` in note-taking front matter (`stage: draft` beside `created:` and
 * `owner:` in an Obsidian vault's decision records).
 */
const STATE_KEYS = ['state', 'stage'];

/**
 * A lifecycle under one of STATE_KEYS as the status, when the page has none and its value begins with a
 * lifecycle word or two: an office page's `State: Texas` is a place, a release's `stage: beta` no decision's
 * state, and a numbered page with a status is typed a record. The decision rules read `state` on a typed record.
 */
export function stateAsStatus(fields: Record<string, Field>): void {
  for (const key of STATE_KEYS) {
    const state = fields[key];
    const [one = '', two = ''] = state?.value.toLowerCase().split(/[^\p{L}-]+/u) ?? [];
    if (!state || fields.status || !(isStateWord(one) || isStateWord(`${one} ${two}`))) continue;
    // A numbered guide's chapters keep their writing stage so too (`01-setup.md`, `stage: draft`): read on
    // a page typed a record, `stage` types none.
    fields.status = state;
    if (key === 'stage') typesNoPage(state);
  }
}
