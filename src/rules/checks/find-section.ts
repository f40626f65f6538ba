import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { countWords, startsWithWord } from './values.js';

/** A heading and the nodes it owns: everything until the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  title: string;
  nodes: RootContent[];
  /** The section's prose without sub-headings and HTML comments, for emptiness, word counts and patterns. */
  text: string;
  words: number;
}

/**
 * The headings of the decision templates (Nygard's, MADR's) and of minutes as pages written in French,
 * German, Spanish and Portuguese begin them (and Dutch and Japanese decision records), with the English heading each stands for: a record's
 * "Contexte et énoncé du problème" is its Context, "Résultat de la décision" its Decision Outcome,
 * minutes' "Ordre du jour" their Agenda.
 * Longer phrases first, so "résultat de la décision" is not read as "résultat de la" + Decision.
 */
const TRANSLATED_HEADINGS: ReadonlyArray<readonly [string, string]> = (
  [
    // French (MADR's French template and its translations)
    ['contexte et énoncé du problème', 'context and problem statement'],
    ['contexte et définition du problème', 'context and problem statement'],
    ['contexte', 'context'],
    ['énoncé du problème', 'problem statement'],
    ['définition du problème', 'problem statement'],
    ['facteurs de décision', 'decision drivers'],
    ['options considérées', 'considered options'],
    ['options envisagées', 'considered options'],
    ['solutions étudiées', 'considered options'],
    ['solutions envisagées', 'considered options'],
    ['résultat de la décision', 'decision outcome'],
    ['décisions', 'decisions'],
    ['décision', 'decision'],
    ['conséquences', 'consequences'],
    ['impacts positifs', 'positive consequences'],
    ['impacts négatifs', 'negative consequences'],
    ['avantages et inconvénients des options', 'pros and cons of the options'],
    ['avantages et inconvénients des solutions', 'pros and cons of the options'],
    ['statut', 'status'],
    // French minutes
    ['ordre du jour', 'agenda'],
    ['actions à suivre', 'action items'],
    ["points d'action", 'action items'],
    ['prochaines étapes', 'next steps'],
    // German
    ['kontext und problemstellung', 'context and problem statement'],
    ['kontext', 'context'],
    ['problemstellung', 'problem statement'],
    ['entscheidungstreiber', 'decision drivers'],
    ['entscheidungsfaktoren', 'decision drivers'],
    ['betrachtete optionen', 'considered options'],
    ['entscheidungsergebnis', 'decision outcome'],
    ['entscheidung', 'decision'],
    ['konsequenzen', 'consequences'],
    ['begründung', 'rationale'],
    ['alternativen', 'alternatives'],
    ['tagesordnung', 'agenda'],
    ['zusammenfassung', 'summary'],
    ['hintergrund', 'background'],
    ['nächste schritte', 'next steps'],
    // Spanish
    ['contexto y planteamiento del problema', 'context and problem statement'],
    ['opciones consideradas', 'considered options'],
    ['resultado de la decisión', 'decision outcome'],
    ['decisión', 'decision'],
    ['consecuencias', 'consequences'],
    ['orden del día', 'agenda'],
    // Spanish proposals (an RFC template's Summary, Motivation, Specification translated)
    ['resumen', 'summary'],
    ['motivación', 'motivation'],
    ['especificación', 'specification'],
    ['diseño detallado', 'detailed design'],
    ['solución propuesta', 'proposed solution'],
    ['antecedentes', 'background'],
    ['justificación', 'rationale'],
    ['próximos pasos', 'next steps'],
    // Portuguese
    ['contexto e definição do problema', 'context and problem statement'],
    ['opções consideradas', 'considered options'],
    ['resultado da decisão', 'decision outcome'],
    ['decisão', 'decision'],
    ['consequências', 'consequences'],
    ['ordem do dia', 'agenda'],
    ['resumo', 'summary'],
    ['motivação', 'motivation'],
    ['especificação', 'specification'],
    ['design detalhado', 'detailed design'],
    ['solução proposta', 'proposed solution'],
    ['justificativa', 'rationale'],
    ['próximos passos', 'next steps'],
    // Dutch (the Dutch government's ADR templates)
    ['achtergrond', 'background'],
    ['probleemstelling', 'problem statement'],
    ['overwogen opties', 'considered options'],
    ['overwogen alternatieven', 'alternatives considered'],
    ['alternatieven', 'alternatives'],
    ['besluit', 'decision'],
    ['beslissing', 'decision'],
    ['consequenties', 'consequences'],
    ['gevolgen', 'consequences'],
    // Japanese (Nygard's and MADR's templates as Japanese teams write them; 背景, 理由 read Chinese too). Japanese writes no spaces,
    // so a heading matches only when it is the phrase or the phrase then punctuation or a space
    // ("背景 / 文脈", "決定（採択）"): each compound in use is listed.
    ['背景', 'context'],
    ['文脈', 'context'],
    ['コンテキスト', 'context'],
    ['状況', 'context'],
    ['背景と課題', 'context and problem statement'],
    ['背景と問題', 'context and problem statement'],
    ['課題', 'problem statement'],
    ['問題', 'problem statement'],
    ['決定ドライバ', 'decision drivers'],
    ['決定ドライバー', 'decision drivers'],
    ['決定要因', 'decision drivers'],
    ['検討した選択肢', 'considered options'],
    ['考慮した選択肢', 'considered options'],
    ['検討した案', 'considered options'],
    ['選択肢', 'options'],
    ['検討した代替', 'alternatives considered'],
    ['検討した代替案', 'alternatives considered'],
    ['代替案', 'alternatives'],
    ['決定の結果', 'decision outcome'],
    ['決定事項', 'decision'],
    ['決定内容', 'decision'],
    ['決定', 'decision'],
    ['結果', 'consequences'],
    ['影響', 'consequences'],
    ['影響評価', 'consequences'],
    ['理由', 'rationale'],
    ['根拠', 'rationale'],
    ['ステータス', 'status'],
    ['アジェンダ', 'agenda'],
    ['議題', 'agenda'],
    // Chinese, simplified and traditional, listed whole as Japanese is (compounds in use included).
    ['上下文', 'context'],
    ['上下文与问题陈述', 'context and problem statement'],
    ['上下文與問題陳述', 'context and problem statement'],
    ['背景与问题', 'context and problem statement'],
    ['問題陳述', 'problem statement'],
    ['问题陈述', 'problem statement'],
    ['决策驱动因素', 'decision drivers'],
    ['決策驅動因素', 'decision drivers'],
    ['考虑的选项', 'considered options'],
    ['考慮的選項', 'considered options'],
    ['备选方案', 'alternatives'],
    ['備選方案', 'alternatives'],
    ['替代方案', 'alternatives'],
    ['替代方案评估', 'alternatives'],
    ['决策', 'decision'],
    ['決策', 'decision'],
    ['决策方案', 'decision'],
    ['决策结果', 'decision outcome'],
    ['決策結果', 'decision outcome'],
    ['后果', 'consequences'],
    ['後果', 'consequences'],
    ['影响', 'consequences'],
    ['影响评估', 'consequences'],
    ['状态', 'status'],
    ['狀態', 'status'],
    // Spanish and Portuguese
    ['contexto', 'context'],
    ['alternativas consideradas', 'alternatives considered'],
    ['alternativas', 'alternatives'],
    ['estado', 'status'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);

/** A heading as the English heading it begins with, when it begins with a translated one. */
function inEnglish(key: string): string {
  const found = TRANSLATED_HEADINGS.find(([phrase]) => startsWithWord(key, phrase));
  return found ? `${found[1]}${key.slice(found[0].length)}` : key;
}

/** Heading text as compared: no numbering ("1. Context"), no trailing colon, lower case, in English. */
export function headingKey(text: string): string {
  return inEnglish(
    text
      .replace(/^[^\p{L}]+/u, '')
      // Outline numbering in roman numerals or a letter ("IV. Decisions", "B) Options"), as digits above.
      .replace(/^(?:[IVXLC]{1,6}|[A-Z])[.)]\s+/, '')
      .replace(/(?<![\s:.])[\s:.]+$/, '')
      .replace(/\s+/g, ' ')
      .toLowerCase(),
  );
}

/** Splits a rule's `"Decisions|Decided"` into heading names. */
export function headingNames(spec: string): string[] {
  return spec
    .split('|')
    .map((name) => name.trim())
    .filter(Boolean);
}

function sectionAt(nodes: RootContent[], index: number): Section {
  const heading = nodes[index] as Heading;
  const own: RootContent[] = [];
  // By index: a copy of the rest of the page per section is quadratic in a page of many headings.
  for (let at = index + 1; at < nodes.length; at++) {
    const node = nodes[at] as RootContent;
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    own.push(node);
  }
  const prose = own.filter(
    (n) => n.type !== 'heading' && !(n.type === 'html' && n.value.trimStart().startsWith('<!--')),
  );
  const text = prose
    .map((n) => mdToString(n))
    .join('\n')
    .trim();
  return { heading, title: mdToString(heading), nodes: own, text, words: countWords(text) };
}

/** A label set in bold on a line of its own: `**Decision Outcome**`, `**Context:**`. */
function boldLabel(node: RootContent): Paragraph['children'] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong' || rest.some((n) => n.type !== 'text' || !/^\s*:?\s*$/.test(n.value)))
    return undefined;
  const text = mdToString(first);
  return text.length <= 80 && !text.includes('\n') ? first.children : undefined;
}

const outlines = new WeakMap<Page, RootContent[]>();

/**
 * The page's top-level nodes with its sections marked. A page with no heading below its title that
 * sets its section names in bold on lines of their own (a document pasted from a word processor)
 * has those lines as its `##` headings.
 */
function outline(page: Page): RootContent[] {
  const known = outlines.get(page);
  if (known) return known;
  const nodes = page.tree.children;
  const hasSections = nodes.some((node) => node.type === 'heading' && node.depth >= 2);
  const marked = hasSections
    ? nodes
    : nodes.map((node): RootContent => {
        const label = boldLabel(node);
        return label
          ? {
              type: 'heading',
              depth: 2,
              children: label,
              ...(node.position ? { position: node.position } : {}),
            }
          : node;
      });
  outlines.set(page, marked);
  return marked;
}

type Match = 'exact' | 'prefix' | undefined;

/**
 * Sections of the decision templates whose names begin with another section's: MADR's "Decision
 * Drivers" are the forces behind the decision, not the Decision ("Decision: Use Postgres" is).
 */
const OWN_SECTIONS = ['decision drivers', 'decision makers', 'decision criteria'];

function matcher(page: Page, names: readonly string[]): (node: RootContent) => Match {
  const keys = names.map(headingKey).filter(Boolean);
  const title = page.tree.children.find((node) => node.type === 'heading');
  return (node) => {
    if (node.type !== 'heading') return undefined;
    const text = headingKey(mdToString(node));
    if (keys.includes(text)) return 'exact';
    // The page's title heading only counts when exact: "# Decision: Use Postgres" is no Decision section.
    if (node === title && node.depth === 1) return undefined;
    const own = OWN_SECTIONS.find((name) => startsWithWord(text, name));
    return keys.some((key) => startsWithWord(text, key) && (!own || startsWithWord(key, own)))
      ? 'prefix'
      : undefined;
  };
}

/**
 * Finds the section a rule means by any of its names (case-insensitive); a heading equal to a name wins
 * over the first one that merely starts with one ("Alternative Approaches" for "Alternative").
 */
export function findSection(page: Page, names: readonly string[]): Section | undefined {
  const match = matcher(page, names);
  const nodes = outline(page);
  const exact = nodes.findIndex((node) => match(node) === 'exact');
  const index = exact >= 0 ? exact : nodes.findIndex((node) => match(node) === 'prefix');
  return index >= 0 ? sectionAt(nodes, index) : undefined;
}

/** Every section with one of the names, for content that repeats per topic (an "Action items" under each agenda item). */
export function findSections(page: Page, names: readonly string[]): Section[] {
  const match = matcher(page, names);
  const nodes = outline(page);
  return nodes.flatMap((node, index) => (match(node) ? [sectionAt(nodes, index)] : []));
}
