/**
 * The lifecycle words decision records use, as the normalize stage reads a state written without its key
 * (`**Aceita** · 2026-09-02` under the title) and the rules compare a value with their allowed states.
 */

/** Whether `text` begins with `prefix` at a word boundary, so "Accepted (PR 1)" starts with "Accepted" but "Acceptedly" does not. */
export function startsWithWord(text: string, prefix: string): boolean {
  if (!prefix || !text.startsWith(prefix)) return false;
  const next = text.charAt(prefix.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}

/**
 * Lifecycle words as records written in French, German, Spanish, Portuguese, Dutch, Norwegian, Danish, Swedish,
 * Japanese and Chinese state them ("mergé": accepted by merging its pull request, as French teams write it),
 * with the English word each means: "proposé" is Proposed, "abgelehnt" Rejected, "rascunho" Draft,
 * "voorgesteld" (Dutch) Proposed, "geaccepteerd" Accepted, "foreslått" (Norwegian) Proposed, "akseptert" Accepted, "avvist" and
 * "forkastet" Rejected, "kladd" Draft, "erstattet" Superseded, "implementert" Implemented,
 * "承認済み" Accepted, "已完成" Completed. Japanese and Chinese write no spaces, so each form a status takes is listed whole
 * ("提案" and "提案中"); a value's leading run of letters is looked up ("廃止（ADR-0008 により置換）").
 */
const TRANSLATED_STATES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    proposed:
      'proposé proposée vorgeschlagen propuesto propuesta proposto proposta voorgesteld foreslått foreslået föreslagen föreslaget 提案 提案中 提案済み 提议 提議 已提议',
    draft: 'brouillon entwurf borrador rascunho utkast udkast kladd 草案 下書き ドラフト 草稿',
    accepted:
      'accepté acceptée adopté adoptée mergé mergée akzeptiert angenommen aceptado aceptada aceito aceita aceite geaccepteerd aanvaard akseptert accepteret accepterad accepterat 承認済み 承認済 承認 採用 採用済み 採択 採択済み 合意済み 決定 決定済み 接受 已接受 采纳 已采纳 採納 已採納 通过 已通过 通過 已通過',
    approved:
      'approuvé approuvée validé validée genehmigt aprobado aprobada aprovado aprovada goedgekeurd godkjent godkendt godkänd godkänt 批准 已批准',
    implemented:
      'implémenté implémentée umgesetzt implementado implementada implementert implementeret implementerad implementerat 実装済み 導入済み 已实施 已實施 已实现 已實現',
    rejected:
      'rejeté rejetée refusé refusée abgelehnt rechazado rechazada rejeitado rejeitada afgewezen verworpen afgekeurd avvist afvist avvisad avvisat avslått afslået avslagen forkastet förkastad förkastat 却下 不採用 否決 拒绝 已拒绝 拒絕 已拒絕',
    withdrawn: 'retiré retirée zurückgezogen retirado retirada ingetrokken 取り下げ 撤回 已撤回',
    // A decision taken back after it held (a Portuguese folder's README lists `Revogada` beside `Substituída`).
    revoked: 'révoqué révoquée widerrufen revocado revocada revogado revogada',
    abandoned: 'abandonné abandonnée abandonado abandonada',
    // "Depreciado" and "sobreposta pela" (superseded by) are the states Portuguese MADR's template lists.
    // "Überholt" (outdated) is German MADR's Deprecated beside "Ersetzt" (Superseded); "廃止" (retired)
    // is the state Japanese records give one another replaced. "Forældet", "foreldet" (Danish, Norwegian:
    // outdated) and "utgått" (Norwegian, Swedish: gone out of use) are the Scandinavian ones.
    deprecated:
      'déprécié dépréciée obsolète veraltet überholt forældet foreldet föråldrad utgått verouderd deprecado depreciado depreciada descontinuado descontinuada obsoleto obsoleta 非推奨 廃止 弃用 已弃用 棄用 已棄用 废弃 已废弃',
    superseded:
      'remplacé remplacée ersetzt abgelöst reemplazado reemplazada sustituido sustituida substituído substituída sobreposto sobreposta vervangen erstattet ersatt 置換 置換済み 置き換え 已取代 被取代 已替代 被替代',
    'under discussion': '検討中 議論中 讨论中 討論中',
    'in review': 'レビュー中 审核中 審核中 评审中 評審中',
    postponed: '保留 延期',
    'in progress': '进行中 進行中 实施中 實施中',
    // "Abgeschlossen" (concluded) is the German template's state for a decision taken, beside "Vorschlag".
    completed: 'abgeschlossen 已完成 完成',
    decided: 'entschieden',
  }).flatMap(([english, words]) => words.split(' ').map((word) => [word, english] as const)),
);

/**
 * A state a process names by its noun (cds-snc's RFC template: `status: <one of proposal | rejected |
 * informational | …>`): only as the whole value, so "Proposal accepted" is not Proposed.
 */
const NOUN_STATES: ReadonlyMap<string, string> = new Map([
  ['proposal', 'proposed'],
  // French: a French template's `status: (approuvée|rejetée|en discussion|proposition)`.
  ['proposition', 'proposed'],
  // German: a German template's `Status: **Vorschlag** / **Abgeschlossen**`, and "Entscheid" (decision) for decided.
  ['vorschlag', 'proposed'],
  ['entscheid', 'decided'],
]);

/**
 * States written in more than one word, looked up before a value's first word: NAV's Norwegian template
 * lists "Under arbeid" (being worked on: not yet decided, as a draft is) beside "Implementert" and
 * "Implementeres ikke" (will not be implemented); Danish and Swedish say "under arbejde", "under arbete". The
 * same state in the other word order, and in Danish and Swedish: "ikke implementert" (not implemented),
 * "ikke implementeret", "implementeras inte", "inte implementerad".
 */
const TRANSLATED_PHRASES: ReadonlyArray<readonly [string, string]> = [
  // "Under discussion" in French, Spanish, Portuguese, Italian and German.
  ['en discussion', 'under discussion'],
  ['en discusión', 'under discussion'],
  ['em discussão', 'under discussion'],
  ['in discussione', 'under discussion'],
  ['in diskussion', 'under discussion'],
  ['under arbeid', 'draft'],
  ['under arbejde', 'draft'],
  ['under arbete', 'draft'],
  ['implementeres ikke', 'rejected'],
  ['ikke implementert', 'rejected'],
  ['ikke implementeret', 'rejected'],
  ['implementeras inte', 'rejected'],
  ['inte implementerad', 'rejected'],
  ['inte implementerat', 'rejected'],
];

/**
 * "WIP" before a state ("WIP Draft Proposal, 2017-07-11"): work in progress on a record in that state, the
 * state judged. Alone, "WIP" is no state a record can have (draft or proposed?), and stays as written.
 */
const WIP = 'wip ';

/**
 * A closed process before its outcome ("Encerrada - Aprovada", "Closed – Rejected": a Brazilian team's RFC closed
 * with its result): the outcome judged. Alone, "Encerrada" tells no outcome and stays as written.
 */
const CLOSED =
  /^(?:closed|encerrad[ao]|fechad[ao]|conclu[ií]d[ao]|cerrad[ao]|clôturée?|geschlossen)\s*[-–—:]\s*(?=\p{L})/u;

/** A value's leading lifecycle word in English when it is written in another language. */
export function stateInEnglish(value: string): string {
  const open = value.replace(CLOSED, '');
  const text = open.startsWith(WIP) ? open.slice(WIP.length).trimStart() : open;
  const noun = NOUN_STATES.get(text.replace(/[.!]$/, ''));
  if (noun) return noun;
  const phrase = TRANSLATED_PHRASES.find(([words]) => startsWithWord(text, words));
  if (phrase) return `${phrase[1]}${text.slice(phrase[0].length)}`;
  const word = /^\p{L}+/u.exec(text)?.[0];
  const english = word && TRANSLATED_STATES.get(word);
  return english ? `${english}${text.slice(word.length)}` : text;
}

/**
 * English lifecycle words a record may write alone, with no `Status:` key: the English each translated word
 * means, and the other states of the decision processes the rules know. The rules judge a status against
 * their own lists; this one only tells a state from any other bold word.
 */
const ENGLISH_STATES: ReadonlySet<string> = new Set([
  ...TRANSLATED_STATES.values(),
  'decided',
  'declined',
  'submitted',
  'deferred',
  'replaced',
  'obsolete',
  'retired',
  'final',
]);

/** Whether a short text (lower case) is a lifecycle word in a language the rules read: "aceita", "accepted", "in review". */
export function isStateWord(text: string): boolean {
  return ENGLISH_STATES.has(stateInEnglish(text));
}
