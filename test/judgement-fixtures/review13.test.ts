import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, ruleFindings } from './cli-findings.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * A second reading of this session's changes (7631736..c48e787): the todo-note rule, two-word drafts
 * numbered 0000, fields as a nested list under their key, the template of the folder above, the new
 * rationale words, "Name to verb" outcomes and the no-attendance exemption, Korean outcome phrases,
 * owners in brackets and bold name lines, Python-Markdown anchors, form statements. Pages written for
 * these tests, none copied. Each failing test is a clear bug; `it.skip` marks a judgement call, kept to
 * document it.
 */
const NOW = '2026-07-01T00:00:00Z';

const messages = (pairs: string[][]) => pairs.map(([rule, message]) => `${rule}: ${message}`);
const todoNotes = (pages: Record<string, string>) => ruleFindings([tempTree(pages)], 'todo-note', true);
const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string, fields: string[] = []) =>
  classify({ path, title, labels: [], fields });

/** A Nygard record with no Status anywhere. */
const noStatus = (n: number) =>
  `# ${n}. Use tool ${n}\n\nDate: 2024-01-0${n}\nOwner: @ana\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n## Decision\n\nWe use tool ${n} because it is maintained.\n\n## Consequences\n\nThe team learns tool ${n}.\n`;

/** A MADR-style record whose header list is `head`. */
const madr = (head: string) =>
  `# Use tool 1\n\n${head}\n\n## Context and Problem Statement\n\nThe deploy scripts break every week because nobody owns them.\n\n## Considered Options\n\n- Tool 1\n- Tool 2\n\n## Decision Outcome\n\nWe use tool 1 because it is maintained.\n`;

const statusAndLag = (pairs: string[][]) =>
  messages(pairs).filter((m) => m.startsWith('decision-status') || m.startsWith('decision-lag'));

// ---------------------------------------------------------------------------------------------------
// The template of the folder above (src/rules/folder-parent-template.ts)
// ---------------------------------------------------------------------------------------------------

describe("the folder above's template when it is no decision template", () => {
  it('keeps "status missing" on ADRs below a folder that holds only a meeting-notes template', async () => {
    // withParentTemplates hands `docs/meeting-template.md` (type template, any family) to `docs/adr/`; it
    // writes no Status, so dropOmittedFields drops the finding on every record below. Change: inherit a
    // parent's template only when it is one of the rule's records' family (it writes one of the rule's
    // fields or sections, or its name/title says adr|decision|rfc).
    const meetingTemplate =
      '# Meeting notes template\n\nAttendees: [Names]\n\n## Agenda\n\n## Notes\n\n## Action items\n';
    const pages = { 'docs/adr/0001-use-tool.md': noStatus(1), 'docs/adr/0002-use-tool.md': noStatus(2) };
    const without = await lintDecisionFolder(pages, NOW);
    const missing = (pairs: string[][]) => messages(pairs).filter((m) => m.startsWith('decision-status'));
    expect(missing(without.on('docs/adr/0001-use-tool.md'))).not.toEqual([]);
    const withTemplate = await lintDecisionFolder(
      { ...pages, 'docs/meeting-template.md': meetingTemplate },
      NOW,
    );
    expect(missing(withTemplate.on('docs/adr/0001-use-tool.md'))).toEqual(
      missing(without.on('docs/adr/0001-use-tool.md')),
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// todo-note (rules/todo-note.yml, src/rules/checks/placeholder.ts)
// ---------------------------------------------------------------------------------------------------

describe('todo-note on pages that talk about TODO markers', () => {
  it('leaves a style guide naming the TODO(username) format alone', async () => {
    // Pattern 2 takes `TODO(…)` with no colon as a note; here it is the convention's name.
    expect(
      await todoNotes({
        'docs/style.md':
          '# Code comments\n\nWrite TODO(username) comments so the reader knows whom to ask.\n',
      }),
    ).toEqual([]);
  }, 60_000);

  it('leaves a how-to that says to mark a line with "TODO:" alone', async () => {
    // Change: not after a verb or preposition that makes the marker an object ("with", "mark", "write",
    // "prefix", "use", "reports", "the", "a"): (?<!\b(?:with|the|a|an|write|use|mark|prefix(?:ed)?|reports?|leave)\s).
    expect(
      await todoNotes({
        'docs/how.md':
          '# Code comments\n\nMark an unfinished line with TODO: and the issue number, and the bot files it.\n',
      }),
    ).toEqual([]);
  }, 60_000);

  it('leaves a changelog entry about FIXME comments alone', async () => {
    expect(
      await todoNotes({
        'docs/CHANGELOG.md':
          '# Changelog\n\n## 1.2.0\n\n- The linter now reports FIXME: comments left in shell scripts.\n- Fixed a crash in the lexer (FIXME markers inside strings).\n',
      }),
    ).toEqual([]);
  }, 60_000);

  it("leaves TODO as a task tracker's Status cell alone (DONE and IN PROGRESS beside it)", async () => {
    // VALUE_WORD marks a TODO cell as a value only when the column writes "none"/"n/a"/"-" (NO_ENTRY).
    // A column of upper-case state words (DONE, DOING, IN PROGRESS, BLOCKED) is a status column too:
    // mark its TODO cells in meantNodes.
    expect(
      await todoNotes({
        'docs/tracker.md':
          '# Migration tracker\n\n| Task | Owner | Status |\n| --- | --- | --- |\n| Move the DNS | @ana | DONE |\n| Rotate the keys | @bo | TODO |\n| Drop the old VPC | @cy | IN PROGRESS |\n',
      }),
    ).toEqual([]);
  }, 60_000);

  it("leaves a board's bold column name alone when text follows it, right under a heading", async () => {
    // The bold-line exemption asks `before.type !== 'heading'`: the first column name under "## Columns"
    // is flagged, the second ("**DOING**") is not. A bold word followed by its paragraph is a label;
    // change: also mark it when the next sibling is a paragraph or list (only a bold TODO with nothing
    // after it before the next heading is a section never written).
    expect(
      await todoNotes({
        'docs/board.md':
          '# Our board\n\n## Columns\n\n**TODO**\n\nCards nobody has started.\n\n**DOING**\n\nCards someone works on.\n',
      }),
    ).toEqual([]);
  }, 60_000);

  it.skip('leaves a glossary entry that defines TODO alone', async () => {
    // Judgement call: "- TODO: a comment that marks work left in the code." is, in form, the rule's own
    // invalid example ("TODO: Link RFC" under a glossary term). Only the meaning (the text after the
    // colon defines a marker) tells them apart; a heuristic could skip "TODO:" followed by "a|an|the" +
    // noun on a page titled Glossary.
    expect(
      await todoNotes({
        'docs/glossary.md':
          '# Glossary\n\n- PR: a pull request.\n- TODO: a comment that marks work left in the code.\n',
      }),
    ).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Drafts numbered 0000 in two words (src/normalize/document-types.ts extglob)
// ---------------------------------------------------------------------------------------------------

describe('two-word names numbered 0000 that are no draft record', () => {
  it("keeps a folder's read-me and index numbered 0000 out of the records", () => {
    // The extglob makes every two-word 0000 name not saying template a record; in `adr/` these become
    // decisions with no status. They were templates (harmless) before.
    expect(typeOf('docs/adr/0000-readme-first.md', 'Read me first')).not.toBe('decision');
    expect(typeOf('docs/adr/0000-adr-index.md', 'Index of decisions')).not.toBe('decision');
  });

  it('keeps templates named tmpl, blank or format the template', () => {
    // Change: add [Tt]mpl, [Bb]lank, [Ff]ormat, [Ii]ndex, [Rr]eadme, [Ee]mpty, [Bb]oilerplate to both
    // halves of the extglob (or require the two-word draft to have a title that is no placeholder).
    expect(typeOf('docs/adr/0000-adr-tmpl.md', 'ADR title', ['status'])).toBe('template');
    expect(typeOf('docs/adr/0000-blank-adr.md', 'Title', ['status'])).toBe('template');
    expect(typeOf('docs/adr/0000-adr-format.md', 'NNNN. Title', ['status'])).toBe('template');
  });
});

// ---------------------------------------------------------------------------------------------------
// Fields as a nested list under their key (src/normalize/field-lists.ts)
// ---------------------------------------------------------------------------------------------------

describe('a nested list under Status that is no chosen state', () => {
  it("does not read a copy's list of the allowed states as Proposed", async () => {
    // fromNestedLists joins the items ("proposed, accepted, rejected"); the status is read as its first
    // word, Proposed, and decision-lag reports it open for months. The record chose no state. Change: for
    // `status`, a nested list of two or more bare lifecycle words is the template's options: take the one
    // set in bold (as chosenState does for `a | **b** | c`), else leave the field unset.
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-tool.md': madr(
          '* Status: <!-- one of -->\n  * proposed\n  * accepted\n  * rejected\n* Deciders: Ana Ruiz\n* Date: 2024-01-02',
        ),
      },
      NOW,
    );
    const found = statusAndLag(on('adr/0001-use-tool.md'));
    expect(found.some((m) => m.startsWith('decision-lag'))).toBe(false);
    expect(found.some((m) => m.startsWith('decision-status'))).toBe(true);
  }, 60_000);

  it('reads a status history list (`proposed: date`, `accepted: date`) as its last state', async () => {
    // Each `state: date` item gives its value, so the status is "2024-01-02, 2024-02-01" and
    // decision-status reports no valid status. Change: under `status`, an item `state: date` gives its key.
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-tool.md': madr(
          '* Status:\n  * proposed: 2024-01-02\n  * accepted: 2024-02-01\n* Deciders: Ana Ruiz\n* Date: 2024-01-02',
        ),
      },
      NOW,
    );
    expect(statusAndLag(on('adr/0001-use-tool.md'))).toEqual([]);
  }, 60_000);

  it('does not take a "- Status:" bullet of the Context, over prose, for the status field', async () => {
    // Minor: in a section, TABLE_KEYS are read from nested lists too; the record has no status and is
    // told "found: Deploys break every week ..." instead of "found: none". Change: in a section, read a
    // nested list only when its items are short values (no sentence), or not at all for `status`.
    const page = `# 1. Use tool 1\n\nDate: 2024-01-01\nOwner: @ana\n\n## Context\n\n- Status:\n  - Deploys break every week because nobody owns them.\n\n## Decision\n\nWe use tool 1 because it is maintained.\n\n## Consequences\n\nThe team learns tool 1.\n`;
    const { on } = await lintDecisionFolder({ 'adr/0001-use-tool.md': page }, NOW);
    expect(statusAndLag(on('adr/0001-use-tool.md')).join('\n')).toContain('(found: none)');
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Rationale words (rules/decision-rationale.yml)
// ---------------------------------------------------------------------------------------------------

const rationale = async (page: string) =>
  messages((await lintDecisionFolder({ 'adr/0001-x.md': page }, NOW)).on('adr/0001-x.md')).filter((m) =>
    m.startsWith('decision-rationale'),
  );
const spanish = (extra: string) =>
  `# 1. Usar PostgreSQL\n\nFecha: 2024-01-01\nEstado: Aceptado\nResponsable: @ana\n\n## Contexto\n\nHay que guardar pedidos.\n\n## Decisión\n\nUsaremos PostgreSQL.${extra}\n\n## Consecuencias\n\nEl equipo aprende PostgreSQL.\n`;
const english = (extra: string) =>
  `# 1. Move the release\n\nDate: 2024-01-01\nStatus: Accepted\nOwner: @ana\n\n## Context\n\nThe release is planned for May.\n\n## Decision\n\nWe ship in April.${extra}\n\n## Consequences\n\nQA starts earlier.\n`;

describe('rationale words that give no reason', () => {
  it('does not take "deben cumplir esta decisión" (must comply with it) for a reason', async () => {
    // `deben? cumplir` was meant for a requirement to meet ("debe cumplir con la normativa"). Change:
    // `deben? cumplir (?:con )?(?:el|la|los|las) (?:requisito|norma|normativa|ley|regulaci)\w*` or
    // `requisitos?`, and never "cumplir (?:esta|la) decisión".
    const without = await rationale(spanish(''));
    expect(without).not.toEqual([]);
    expect(await rationale(spanish(' Todos los servicios deben cumplir esta decisión desde marzo.'))).toEqual(
      without,
    );
  }, 60_000);

  it('does not take "to advance the date" (to move it earlier) for a reason', async () => {
    // "to advance" was added for a goal ("To advance the move off Fedora, we ..."): only a purpose clause
    // opening a sentence is one. Change: `(?:^|[.!?]\s+)to advance\b` (the pattern is case-insensitive), or
    // drop it for "to advance the (?:date|release|deadline|meeting)".
    const without = await rationale(english(''));
    expect(without).not.toEqual([]);
    expect(await rationale(english(' The board voted to advance the date by a month.'))).toEqual(without);
  }, 60_000);

  it.skip('does not take "riesgos" mentioned in passing for a reason', async () => {
    // Judgement call: "riesgos?" was added for "se identificaron riesgos" (risks found, a Context's
    // reason). "Los riesgos se revisarán el próximo trimestre." (risks will be reviewed later) names none.
    // Tighter: `(?:identific\w+|exist\w+|hay|presenta\w*|implica\w*|reduc\w+|mitig\w+)\s+(?:\w+\s+)?riesgos?`.
    const without = await rationale(spanish(''));
    expect(await rationale(spanish(' Los riesgos se revisarán el próximo trimestre.'))).toEqual(without);
  }, 60_000);

  it.skip('does not take a Recommendation section that only names the option for a reason', async () => {
    // Judgement call: `Recommendation` counts as a rationale section whatever it holds; "Option B." gives
    // no reason. Give it `min-words` (as Context has 50), e.g. 15, or apply the reason pattern to it.
    const without = await rationale(english(''));
    expect(await rationale(`${english('')}\n## Recommendation\n\nOption B.\n`)).toEqual(without);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Meetings: "Name to verb", no attendance, Korean outcomes, owners in brackets and bold lines
// ---------------------------------------------------------------------------------------------------

const notes = (extra: string) =>
  `# Infra sync 2024-03-01\n\nAttendees: Ana, Bo\n\n## Agenda\n\n- Booth at the conference\n- CI costs\n\n## Notes\n\n- Ana showed the CI bill.\n- Bo talked about the booth.\n${extra}`;
const outcomes = async (page: string, path = 'meetings/2024-03-01.md') =>
  (await meetingFindings({ [path]: page })).filter((m) => m.includes('meeting-outcomes'));

describe('sentences that record no outcome', () => {
  it('still asks an outcome of notes whose only new line asks "Anybody to volunteer?"', async () => {
    // `volunteer` (new) after a capitalized word and the new " - " opening: "Anybody" is not in the
    // exclusion list (Anyone, Somebody are). Change: add Anybody|Somebody|Nobody|People|Folks, and no
    // match in a question (the clause ends in "?").
    const without = await outcomes(notes(''));
    expect(without).not.toEqual([]);
    expect(await outcomes(notes('- We need a note-taker - Anybody to volunteer?\n'))).toEqual(without);
  }, 60_000);

  it('still asks an outcome when the notes list "Channels to join" and "Reasons to join"', async () => {
    // `join` (new) after a plural noun. Change: the name must not be a plural common noun, e.g. exclude
    // `\p{Lu}\p{Ll}+s` unless the page names that person (pagePeople), or drop `join` from the verbs.
    const without = await outcomes(notes(''));
    expect(await outcomes(notes('- Channels to join: #infra and #ci.\n'))).toEqual(without);
    expect(await outcomes(notes('- Reasons to join the booth rota: free tickets.\n'))).toEqual(without);
  }, 60_000);

  it('does not exempt notes that mention "zero attendees" in passing', async () => {
    // The new unless `\bzero[ \t]+attendees\b` matches anywhere on the page: a meeting that discussed a
    // meetup with zero attendees owes its outcome. Change: anchor it like the other alternative (a line
    // that says only that the meeting had zero attendees / was called after N minutes).
    const without = await outcomes(notes(''));
    expect(await outcomes(notes("- Last month's meetup had zero attendees; Bo asked why.\n"))).toEqual(
      without,
    );
  }, 60_000);
});

describe('Korean sentences that record no outcome', () => {
  const korean = (extra: string) =>
    `# 3월 1일 회의록\n\n날짜: 2024-03-01\n참석자: 민수, 지영\n\n## 안건\n\n- 신입 모집\n\n## 논의\n\n- 모집 방법을 이야기했다.\n${extra}`;

  it('still asks an outcome when the only new line dates the next meeting ("다음 회의는 3월 8일 예정.")', async () => {
    // `[가-힣][ \t]?예정(?:…|[.。]|$)` takes "the next meeting is scheduled for March 8" for a plan. Change:
    // not in a clause about the next meeting (다음 회의|차기 회의|다음 모임), or require a person before it
    // (…님|…이/가 … 예정).
    const without = await outcomes(korean(''), '회의록/2024-03-01.md');
    expect(without).not.toEqual([]);
    expect(await outcomes(korean('\n다음 회의는 3월 8일 예정.\n'), '회의록/2024-03-01.md')).toEqual(without);
  }, 60_000);

  it('still asks an outcome when a line says how the meeting runs ("회의는 매주 월요일에 진행합니다")', async () => {
    // `(?:진행|…)(?:한다|합니다|함)` takes "the meeting is held every Monday" for a resolution. Change: not
    // when the subject is the meeting itself (회의는|모임은 … 진행), or only under a results heading.
    const without = await outcomes(korean(''), '회의록/2024-03-01.md');
    expect(await outcomes(korean('\n- 회의는 매주 월요일에 진행합니다.\n'), '회의록/2024-03-01.md')).toEqual(
      without,
    );
  }, 60_000);
});

describe('meeting judgement calls', () => {
  it.skip('keeps a checkbox under a question heading a task when the page has its own Action items', async () => {
    // Judgement call: checklistNodes now skips a heading that ASKS ("How do we cut CI costs?") when the
    // page has an action-item section: "- [ ] Update the runbook" under it is no longer judged, though a
    // discussion's question heading over unticked boxes is as often the work it agreed. Narrower: only
    // "what/which … do we want" wishlists (ASKS with "want|need|wish"), or boxes that are noun phrases.
    const page = (heading: string) =>
      `# Infra sync 2024-03-01\n\nAttendees: Ana, Bo\n\n## Agenda\n\n- CI\n\n## Decisions\n\n- We keep the runners.\n\n## ${heading}\n\n- [ ] Update the runbook\n\n## Action items\n\n- [ ] Bo: book the room by 2024-03-08\n`;
    const plain = await meetingFindings({ 'meetings/2024-03-01.md': page('CI costs') });
    expect(plain).not.toEqual([]);
    expect(await meetingFindings({ 'meetings/2024-03-01.md': page('How do we cut CI costs?') })).toEqual(
      plain,
    );
  }, 60_000);

  it.skip('still asks an outcome of a team meeting that has a "## 主な活動" (main activities) heading', async () => {
    // Judgement call: the unless `^#{1,6}[ \t]*主な活動(?:内容)?[ \t]*$` exempts any page with that heading,
    // meant for a club's session log; a team's weekly notes reporting "main activities" and deciding
    // nothing are exempted too. Narrower: require the club template's other headings (次回予告, 画像) too.
    const page = (heading: string) =>
      `# 定例会 2024-03-01\n\n参加者: 田中, 佐藤\n\n## 議題\n\n- CIのコスト\n\n## ${heading}\n\n- CIのコストを共有した。\n- ブースについて話した。\n`;
    const plain = await outcomes(page('議事'));
    expect(plain).not.toEqual([]);
    expect(await outcomes(page('主な活動'))).toEqual(plain);
  }, 60_000);
});

describe('owners read from a topic label', () => {
  // pagePeople takes "- Docs: the runbook is stale." (LABEL_LINE) for a person; the session's new readers
  // then take a "[Docs]" tag (LEADING_PAREN now accepts brackets) and a bold "**Backend**" line over the
  // list (ownerLine) for owners. "(Docs)" did so before; brackets are the common form of a category tag.
  // Change: LABEL_LINE names count as people only when the roster or a handle names them too, or
  // LEADING_PAREN's bracket form only for a roster name.
  const page = (items: string) =>
    `# Infra sync 2024-03-01\n\nAttendees: Ana, Bo\n\n## Agenda\n\n- CI\n\n## Notes\n\n- Docs: the runbook is stale.\n- Backend: the queue is slow.\n\n## Decisions\n\n- We keep the runners.\n\n## Action items\n\n${items}`;
  const actions = async (items: string) =>
    (await meetingFindings({ 'meetings/2024-03-01.md': page(items) })).filter((m) =>
      m.includes('action-items'),
    );

  it('does not take a "[Docs]" tag for the owner of an action item', async () => {
    expect((await actions('- [Docs] Update the runbook\n')).join('\n')).toContain('has no owner');
  }, 60_000);

  it('does not take a bold topic line ("**Backend**") over the list for its owner', async () => {
    expect((await actions('**Backend**\n\n- Add a second worker\n')).join('\n')).toContain('has no owner');
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Sites: Python-Markdown anchors (src/site.ts)
// ---------------------------------------------------------------------------------------------------

describe('Python-Markdown anchors on pages MkDocs does not publish', () => {
  it("still reports a link to a root README's heading by the MkDocs anchor when the README is outside docs/", async () => {
    // site.ts adds the generator's slugs to every Markdown page once a navigation has a slugStyle, also to
    // README.md at the root, which MkDocs (docs_dir: docs) never builds: on GitHub the anchor is
    // #roles--responsibilities and the link is broken. Change: add the generator's slugs only for pages
    // under the navigation's docs folder (carry `docs` in SiteNavigation).
    const files = {
      'docs/index.md': '# Handbook\n\nSee [the guide](guide.md).\n',
      'docs/guide.md': '# Guide\n\nRead.\n',
      'README.md':
        '# Repo\n\n## Roles & responsibilities\n\nAna owns it. See [contributing](CONTRIBUTING.md) and [docs](docs/index.md).\n',
      'CONTRIBUTING.md': '# Contributing\n\nSee [roles](README.md#roles-responsibilities).\n',
    };
    const without = await ruleFindings([tempTree(files)], 'broken-link');
    expect(without).toEqual(['CONTRIBUTING.md']);
    const withMkdocs = await ruleFindings(
      [tempTree({ ...files, 'mkdocs.yml': 'site_name: Handbook\n' })],
      'broken-link',
    );
    expect(withMkdocs).toEqual(without);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Placeholders: form statements, "content goes here"
// ---------------------------------------------------------------------------------------------------

describe('placeholder judgement calls', () => {
  it.skip('still reports "[Company Name]" left in a policy that "certifies that"', async () => {
    // Judgement call: form-statements drops every hit of a bracketed slot once it appears before
    // "certifies that", page-wide. A company is no signer: "[Company Name] certifies that all staff ..." in a
    // policy copied from a template is text left unfilled, and so is "the [Company Name] security team".
    // Narrower: only slots naming a person (Name|Employee|Signer|Team Member|Participant …).
    const root = tempTree({
      'docs/policy.md':
        '# Security policy\n\n[Company Name] certifies that all staff finish security training every year.\n\nQuestions go to the [Company Name] security team.\n',
    });
    expect(await ruleFindings([root], 'placeholder')).toEqual(['docs/policy.md', 'docs/policy.md']);
  }, 60_000);

  it.skip('leaves "the main content goes here" in a layout description alone', async () => {
    // Judgement call: the new "(?:text|content) goes here" filler pattern matches a sentence that points
    // at a place in a layout. Narrower: only alone on its line or between ellipses ("...txt goes here...").
    const root = tempTree({
      'docs/layout.md':
        '# Page layout\n\nThe navigation sits on the left; the main content goes here, on the right.\n',
    });
    expect(await ruleFindings([root], 'placeholder')).toEqual([]);
  }, 60_000);
});
