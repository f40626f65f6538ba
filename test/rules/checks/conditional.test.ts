import { describe, expect, it } from 'vitest';
import { conditionalCheck } from '../../../src/rules/checks/conditional.js';
import { check, page } from './harness.js';

/** Options as a rule file writes them: `if:` and `then: { any-of: [...] }`. */
function rule(condition: object, anyOf: object[]): object {
  // biome-ignore lint/suspicious/noThenProperty: `then:` is the rule-file key under test.
  return { if: condition, then: { 'any-of': anyOf } };
}

const superseded = rule({ field: 'status', matches: '^superseded\\b' }, [
  { internal: true },
  { field: 'superseded-by' },
]);
const VIDEO = 'loom\\.com/(?:share|embed)|youtube\\.com/(?:watch|embed)|youtu\\.be/|vimeo\\.com/\\d|<iframe';
const video = rule({ text: VIDEO }, [
  { section: 'Summary|TL;DR' },
  { text: '^\\s*summary\\s*:', name: 'a "Summary:" line' },
  { 'context-words': 25 },
]);
const outcomes = rule({ type: 'meeting-notes' }, [{ section: 'Decisions|Decided' }, { tasks: true }]);
const LONG =
  'This walkthrough shows how we triage incoming bugs, who picks them up each day, and how the severity labels decide whether a fix goes into the current release or waits.';

describe('conditional', () => {
  it.each([
    [
      'a Superseded record links its successor',
      superseded,
      '# ADR 3\n\nStatus: Superseded by [ADR 12](0012-kafka.md)\n',
    ],
    [
      'a Superseded record names it in a field',
      superseded,
      '---\nstatus: Superseded\nsuperseded_by: ADR 12\n---\n# ADR 3\n',
    ],
    ['the condition does not hold', superseded, '# ADR 3\n\nStatus: Accepted\n'],
    [
      'a video has a Summary section',
      video,
      '# Demo\n\nhttps://www.loom.com/share/abc\n\n## Summary\n\nWe walk through triage.\n',
    ],
    [
      'a video has a "Summary:" line',
      video,
      '# Demo\n\nhttps://youtu.be/abc\n\nSummary: triage in five steps.\n',
    ],
    [
      'a video sits in a long written paragraph',
      video,
      `# Demo\n\n${LONG} [Video](https://vimeo.com/123).\n`,
    ],
    [
      'an embed is followed by a written paragraph',
      video,
      `# Demo\n\n<iframe src="https://www.loom.com/embed/x"></iframe>\n\n${LONG}\n`,
    ],
    [
      'an embed is explained by the rest of its section (Sourcegraph handbook style)',
      video,
      `# Edit a single file\n\n<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n\n<br/>\n\n### Steps:\n\n${LONG}\n`,
    ],
    ['a video URL appears only in code', video, '# Demo\n\n`https://www.loom.com/share/abc`\n'],
  ])('no hit when %s', (_name, options, markdown) => {
    expect(check(conditionalCheck, markdown, options)).toEqual([]);
  });

  it('reports a Superseded record without a successor for the whole page', () => {
    expect(check(conditionalCheck, '# ADR 3\n\n## Status\n\nSuperseded\n', superseded)).toEqual([
      {
        at: 'page',
        condition: 'status is Superseded',
        expected: 'a link to another page, or a superseded-by field',
      },
    ]);
  });

  it('reports a bare video link at the link', () => {
    expect(
      check(conditionalCheck, '# Demo\n\nWatch the demo: https://www.loom.com/share/abc\n', video),
    ).toEqual([
      {
        at: '3:29-3:43',
        condition: 'the page has "loom.com/share"',
        expected: 'a "Summary" or "TL;DR" section, or a "Summary:" line, or 25 words written beside it',
      },
    ]);
  });

  it('reports an embed followed only by a caption', () => {
    const markdown = '# Demo\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\nOur demo.\n';
    expect(check(conditionalCheck, markdown, video)).toMatchObject([
      { at: '3:1-3:8', condition: 'the page has "<iframe"' },
    ]);
  });

  it('asks meeting notes for decisions or action items', () => {
    const notes = (markdown: string) => page(markdown, { declaredType: 'meeting-notes' });
    expect(check(conditionalCheck, notes('# Sync\n\n## Decisions\n\n- Ship on Monday.\n'), outcomes)).toEqual(
      [],
    );
    expect(check(conditionalCheck, notes('# Sync\n\n- [ ] @ana: ship by Monday\n'), outcomes)).toEqual([]);
    expect(
      check(conditionalCheck, notes('# Sync\n\n## Decisions\n\n## Notes\n\nWe chatted.\n'), outcomes),
    ).toEqual([
      {
        at: 'page',
        condition: 'the page is meeting-notes',
        expected: 'a "Decisions" or "Decided" section, or an action item',
      },
    ]);
    expect(check(conditionalCheck, '# Sync\n\nWe chatted.\n', outcomes)).toEqual([]);
  });

  it('skips pages the `unless` condition holds for, such as an agenda published before the meeting', () => {
    const notes = (markdown: string) => page(markdown, { declaredType: 'meeting-notes' });
    const unlessAgenda = { ...outcomes, unless: { title: '\\bagenda(?:\\s+\\d{4}-\\d{2}-\\d{2})?$' } };
    const agenda = '# Triage meeting agenda 2026-05-14\n\n## Nominated issues\n\n- Cache misses #412\n';
    expect(check(conditionalCheck, notes(agenda), unlessAgenda)).toEqual([]);
    expect(check(conditionalCheck, notes(agenda), outcomes)).toHaveLength(1);
    const minutes = '# Triage meeting agenda and notes\n\nWe chatted.\n';
    expect(check(conditionalCheck, notes(minutes), unlessAgenda)).toHaveLength(1);
  });

  it('counts outcomes written as prose in the configured languages, case-sensitively', () => {
    const notes = (markdown: string) => page(markdown, { declaredType: 'meeting-notes' });
    const prose = {
      ...rule({ type: 'meeting-notes' }, [{ phrases: true }]),
      phrases: { en: ['\\b[Nn]o objections\\b', '\\p{Lu}\\p{Ll}+ will \\p{Ll}'], de: ['\\bbeschlossen\\b'] },
    };
    expect(check(conditionalCheck, notes('# Sync\n\nNo objections, the WG is ratified.\n'), prose)).toEqual(
      [],
    );
    expect(check(conditionalCheck, notes('# Sync\n\nAntoine will send the email.\n'), prose)).toEqual([]);
    const german = notes('# Sync\n\nDas Team hat den Umzug beschlossen.\n');
    expect(check(conditionalCheck, german, prose)).toMatchObject([
      { expected: 'a sentence that records a decision or an action' },
    ]);
    expect(check(conditionalCheck, german, { ...prose, languages: ['en', 'de'] })).toEqual([]);
    // Not a person, and code is not prose.
    const things = '# Sync\n\nthe compiler will emit it. See `No objections` in the lint docs.\n';
    expect(check(conditionalCheck, notes(things), prose)).toHaveLength(1);
    expect(() => conditionalCheck.options.strict().parse({ ...prose, languages: ['fr'] })).toThrow(
      /every language/,
    );
  });

  it('lets a page that is itself the written version stand in for a summary, per video it shows', () => {
    const written = rule({ text: 'youtu\\.be/' }, [{ 'page-words': 20 }]);
    const notes = `# Parser sync\n\n${LONG}\n\n[Recording](https://youtu.be/a)\n`;
    expect(check(conditionalCheck, notes, written)).toEqual([]);
    const twice = `${notes}\n[Second part](https://youtu.be/b)\n`;
    expect(check(conditionalCheck, twice, written)).toMatchObject([
      { expected: '20 words on the page for each' },
    ]);
  });

  // Sourcegraph's security rotation and push-protection pages: the walkthrough sits beside the written steps.
  it("lets written steps in the video's section (sub-sections too) stand in for a summary", () => {
    const steps = rule({ text: 'loom\\.com/share/' }, [
      { 'section-text': '^\\s*\\d+[.)]\\s[\\s\\S]*^\\s*\\d+[.)]\\s' },
    ]);
    const howTo =
      '# Security\n\n## Awards\n\nSee [the video](https://www.loom.com/share/a).\n\n### In the tool\n\n1. Open the report.\n2. Set the award.\n\n## Questionnaires\n\nText.\n';
    expect(check(conditionalCheck, howTo, steps)).toEqual([]);
    const elsewhere =
      '# Security\n\n## Awards\n\nSee [the video](https://www.loom.com/share/a).\n\n## Questionnaires\n\n1. Open the form.\n2. Answer it.\n';
    expect(check(conditionalCheck, elsewhere, steps)).toHaveLength(1);
  });

  // Lumen Labs' all-hands notes and Sourcegraph's Okta page: a labelled link line, then what it shows.
  it('reads the block after a link-only line as what its video shows', () => {
    const after =
      '# All hands\n\nRecording: https://www.loom.com/share/a\n\nWe covered the Q3 numbers, two new hires starting in November, the offsite in Porto and the plan to drop Sketch; questions are answered in the channel.\n';
    expect(check(conditionalCheck, after, video)).toEqual([]);
    const alone =
      '# Deploys\n\n## Rollbacks\n\n[Rollback walkthrough](https://www.loom.com/share/a)\n\n## Next\n\nText.\n';
    expect(check(conditionalCheck, alone, video)).toHaveLength(1);
  });

  it('reads the steps under a list item as what its video shows', () => {
    const steps =
      '# Feedback\n\n1. **Submit it in the tool ([Loom](https://www.loom.com/share/x))**\n   1. Log in with your company account\n   2. Open the feedback page under your name\n   3. Pick the teammate you want to thank\n   4. Choose whether the note is public or private\n   5. Write the note and press send\n';
    expect(check(conditionalCheck, steps, video)).toEqual([]);
    const bare =
      '# Feedback\n\n1. **Submit it in the tool ([Loom](https://www.loom.com/share/x))**\n2. Ask your manager\n';
    expect(check(conditionalCheck, bare, video)).toHaveLength(1);
  });

  it('never matches text inside an HTML comment', () => {
    const commented = '# FAQ\n\n<!-- <iframe src="https://www.loom.com/embed/x"></iframe> -->\n';
    expect(check(conditionalCheck, commented, video)).toEqual([]);
  });

  it('points at the link a link condition matched', () => {
    const options = rule({ link: 'loom\\.com' }, [{ section: 'Summary' }]);
    expect(check(conditionalCheck, '# Demo\n\nSee [the demo](https://loom.com/share/x).\n', options)).toEqual(
      [
        {
          at: '3:5-3:41',
          condition: 'the page links to https://loom.com/share/x',
          expected: 'a "Summary" section',
        },
      ],
    );
  });

  it('rejects incomplete conditions and alternatives when the rule loads', () => {
    const parse = (options: object) => conditionalCheck.options.strict().parse(options);
    expect(() => parse(rule({ matches: 'x' }, [{ tasks: true }]))).toThrow(/field/);
    expect(() => parse(rule({}, [{}]))).toThrow(/at least one/);
    expect(() => parse(rule({}, [{ summary: true }]))).toThrow();
  });
});

describe('conditional: links within a wiki', () => {
  it('counts a Notion or Confluence page URL as a link to another page', () => {
    const wiki =
      '# ADR 4\n\nStatus: Superseded\n\nSee [ADR 6](https://www.notion.so/acme/ADR-6-0f3c2a1b4d5e6f708192a3b4c5d6e7f8).\n';
    const confluence =
      '# ADR 4\n\nStatus: Superseded\n\nSee [ADR 6](https://acme.atlassian.net/wiki/spaces/HB/pages/42).\n';
    const outside = '# ADR 4\n\nStatus: Superseded\n\nSee [the blog](https://example.org/adr-6).\n';
    expect(check(conditionalCheck, wiki, superseded)).toEqual([]);
    expect(check(conditionalCheck, confluence, superseded)).toEqual([]);
    expect(check(conditionalCheck, outside, superseded)).toHaveLength(1);
  });
});
