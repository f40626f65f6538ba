import { z } from 'zod';
import { cleanValue } from '../../normalize/fields.js';
import { compileRuleRegex, nativeRuleRegex, type RuleRegex, re2Problem, ruleRegexProblem } from '../regex.js';

const TRUTHY = new Set(['true', 'yes', 'y', 'on', '1']);

/** Normalizes a value for comparison: struck-out words (`~~Proposed~~ Accepted`: history) dropped, emphasis and link syntax stripped, lower case, single spaces. */
export function comparable(value: string): string {
  return cleanValue(value.replace(/~~[^~\n]+~~/g, ' '))
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

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
    abandoned: 'abandonné abandonnée abandonado abandonada',
    // "Überholt" (outdated) is German MADR's Deprecated beside "Ersetzt" (Superseded); "廃止" (retired)
    // is the state Japanese records give one another replaced. "Forældet", "foreldet" (Danish, Norwegian:
    // outdated) and "utgått" (Norwegian, Swedish: gone out of use) are the Scandinavian ones.
    deprecated:
      'déprécié dépréciée obsolète veraltet überholt forældet foreldet föråldrad utgått verouderd deprecado depreciado descontinuado 非推奨 廃止 弃用 已弃用 棄用 已棄用 废弃 已废弃',
    superseded:
      'remplacé remplacée ersetzt abgelöst reemplazado reemplazada sustituido sustituida substituído substituída vervangen erstattet ersatt 置換 置換済み 置き換え 已取代 被取代 已替代 被替代',
    'under discussion': '検討中 議論中 讨论中 討論中',
    'in review': 'レビュー中 审核中 審核中 评审中 評審中',
    postponed: '保留 延期',
    'in progress': '进行中 進行中 实施中 實施中',
    completed: '已完成 完成',
  }).flatMap(([english, words]) => words.split(' ').map((word) => [word, english] as const)),
);

/**
 * A state a process names by its noun (cds-snc's RFC template: `status: <one of proposal | rejected |
 * informational | …>`): only as the whole value, so "Proposal accepted" is not Proposed.
 */
const NOUN_STATES: ReadonlyMap<string, string> = new Map([['proposal', 'proposed']]);

/**
 * States written in more than one word, looked up before a value's first word: NAV's Norwegian template
 * lists "Under arbeid" (being worked on: not yet decided, as a draft is) beside "Implementert" and
 * "Implementeres ikke" (will not be implemented); Danish and Swedish say "under arbejde", "under arbete". The
 * same state in the other word order, and in Danish and Swedish: "ikke implementert" (not implemented),
 * "ikke implementeret", "implementeras inte", "inte implementerad".
 */
const TRANSLATED_PHRASES: ReadonlyArray<readonly [string, string]> = [
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

/** A value's leading lifecycle word in English when it is written in another language. */
function stateInEnglish(text: string): string {
  const noun = NOUN_STATES.get(text.replace(/[.!]$/, ''));
  if (noun) return noun;
  const phrase = TRANSLATED_PHRASES.find(([words]) => startsWithWord(text, words));
  if (phrase) return `${phrase[1]}${text.slice(phrase[0].length)}`;
  const word = /^\p{L}+/u.exec(text)?.[0];
  const english = word && TRANSLATED_STATES.get(word);
  return english ? `${english}${text.slice(word.length)}` : text;
}

/** A value as compared with an allowed one: hyphens and underscores between words are spaces ("in-progress"). */
function spaced(text: string): string {
  return text.replace(/(?<=\p{L})[-_]+(?=\p{L})/gu, ' ');
}

/**
 * The allowed value a handbook value means, forgivingly: "**Accepted**", "accepted", "✅ Accepted",
 * "Accepted (PR #2897)", "Accepted. Tracking issue: ...", `"accepté"` and "in-progress" all match;
 * "Partially Accepted" is not Accepted.
 */
export function matchAllowed(value: string, allowed: readonly string[]): string | undefined {
  // Emoji around a status word are decoration: "🏗 Draft 🚧" and "✅ Accepted" say Draft and Accepted.
  const bare = comparable(value.replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')).trim();
  // Quotes kept from a YAML-like `statut: "accepté"` line are not part of the word.
  const text = spaced(stateInEnglish(bare.replace(/^["'“«]\s*|\s*["'”»]$/g, '')));
  // Longest first, so "In review" wins over a shorter allowed value it starts with.
  const sorted = [...allowed].sort((a, b) => b.length - a.length);
  return sorted.find((candidate) => startsWithWord(text, spaced(comparable(candidate))));
}

/** Whether a flag-like field (front matter `evergreen: true`, `Evergreen: yes`) is set. */
export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(comparable(value));
}

/** A rule-file regular expression, validated when the rule loads so a typo or a construct RE2 lacks is a file:line:col error, not a crash. */
export const regexSource = z
  .string()
  .min(1)
  .refine((source) => ruleRegexProblem(source) === undefined, {
    error: (issue) => ruleRegexProblem(String(issue.input)) ?? 'not a valid regular expression',
  });

const compiled = new Map<string, RuleRegex>();

/**
 * Compiles a rule-file regex once per run, on RE2 (linear time). By default case-insensitive and
 * multiline so `^` starts a line as rule authors expect. Rule files were checked at load to compile on
 * RE2, so only the checks' own default patterns (lookarounds) fall back to RegExp.
 */
export function compileRegex(source: string, flags = 'im'): RuleRegex {
  const key = `${flags}/${source}`;
  let regex = compiled.get(key);
  if (!regex) {
    regex = re2Problem(source) ? nativeRuleRegex(source, `${flags}u`) : compileRuleRegex(source, flags);
    compiled.set(key, regex);
  }
  return regex;
}

/** Cuts a quoted text to `max` characters on one line, so messages stay readable. */
export function truncate(text: string, max = 60): string {
  if (text === lastCut.text && max === lastCut.max) return lastCut.line;
  // Only as far as the cut, not the whole text collapsed first: a placeholder's sentence may be a
  // paragraph of a megabyte, quoted once for each of its thousands of matches (quadratic).
  let line = '';
  let space = false;
  for (let i = 0; i < text.length && line.length <= max; i++) {
    const char = text.charAt(i);
    if (/\s/.test(char)) space = line !== '';
    else {
      line += space ? ` ${char}` : char;
      space = false;
    }
  }
  const cut = line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
  lastCut = { text, max, line: cut };
  return cut;
}

/** The last cut: the matches of one sentence quote it again and again. */
let lastCut = { text: '', max: 0, line: '' };

/** A calendar date as YYYY-MM-DD in UTC, the form messages and fingerprints use. */
export function isoDay(date: Date): string {
  // Up to the time, not 10 characters: a year past 9999 is written `+275760-09-13`.
  return date.toISOString().replace(/T.*$/, '');
}

/** Whole days from `from` to `to`, floored, so "180 days" means 180 full days. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/** Words as readers count them (letters or digits, with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
