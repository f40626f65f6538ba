import { describe, expect, it } from 'vitest';
import { placeholderCheck } from '../../../src/rules/checks/placeholder.js';
import { check, NOW, page } from './harness.js';

const at = (where: string, placeholder: string) => ({ at: where, placeholder });

describe('placeholder', () => {
  it.each([
    // Sourcegraph's style guide and async guide (shared/corpora/sourcegraph-handbook) talk about the format.
    [
      'inline code in a style guide',
      'When date is written in numerals, the standard format is `YYYY-MM-DD`.',
    ],
    [
      'a parenthesised format',
      'Always use exact days of the week (YYYY-MM-DD), times, and UTC timezone when mentioning dates',
    ],
    ['a quoted title', 'Title it "#54818 weekly meeting YYYY-MM-DD" (with the proper date, of course).'],
    ['a sentence about formats', 'Write dates in the form DD/MM/YYYY, for example 01/06/2026.'],
    ['an e.g.', 'Name the file after the day, e.g. YYYY-MM-DD.md.'],
    ['a code block', '```\nOwner: [Name]\nTBD\n```'],
    ['a generator token', 'Date: {{date:YYYY-MM-DD}}'],
    [
      'tags and code that only look bracketed',
      '[Beta] launch, #[link] attribute, Range[Inclusive], [Types team] sync.',
    ],
    ['real links', '[Name](https://example.com) and [Title][t]\n\n[t]: https://example.com'],
    ['an unresolved link', '[Code of Conduct]({{< relref "/about/CODE_OF_CONDUCT" >}})'],
    ['lower-case prose', 'The date is tbd, we will see.'],
    [
      'an example section',
      '## Example message\n\nHi [Name], welcome to the team! Your start date is [Date].',
    ],
    // Mozilla's S3 how-to labels its steps in underscore bold: "1. __Role__: Switch to the role ...".
    [
      'a step labelled in underscore bold',
      '1. __Role__: Switch to the role.\n2. __Create Bucket__: Click it.',
    ],
    [
      'text after "the template below"',
      'Use the template below:\n\n_Hi [Teammate name], thanks!_\n\n## Next\n\nDone.',
    ],
  ])('no hit for %s', (_name, markdown) => {
    expect(check(placeholderCheck, markdown)).toEqual([]);
  });

  it('reports each placeholder at its own position', () => {
    const markdown = '# Standup\n\nOwner: [Name]\nDate: YYYY-MM-DD\n\n[Add your notes]\n';
    expect(check(placeholderCheck, markdown)).toEqual([
      at('3:8-3:14', '[Name]'),
      at('4:7-4:17', 'YYYY-MM-DD'),
      at('6:1-6:17', '[Add your notes]'),
    ]);
  });

  it('computes columns on later lines of list items and quotes', () => {
    const markdown =
      '# Retro [Date]\n\n> - Owner: Ana\n>   Review: TBD\n>   See [insert link]\n\n- one\n  Lorem ipsum dolor\n';
    expect(check(placeholderCheck, markdown)).toEqual([
      at('1:9-1:15', '[Date]'),
      at('4:13-4:16', 'TBD'),
      at('5:9-5:22', '[insert link]'),
      at('8:3-8:14', 'Lorem ipsum'),
    ]);
  });

  it('maps positions through escapes, emphasis and HTML insert tags', () => {
    const markdown = 'Owner: **\\[Name\\]** &amp; [Team]\n\n<insert title here>\n';
    expect(check(placeholderCheck, markdown)).toEqual([
      at('1:11-1:18', '[Name]'),
      at('1:27-1:33', '[Team]'),
      at('3:1-3:20', '<insert title here>'),
    ]);
  });

  it('identifies repeated placeholders by their sentence, never by line', () => {
    const options = placeholderCheck.options.parse({}) as never;
    const run = (markdown: string) =>
      placeholderCheck.run(page(markdown), options, { now: NOW }).map((h) => h.matched);
    expect(run('Hi [Name].\n\nBye [Name].\n')).toEqual(['[Name] in Hi [Name].', '[Name] in Bye [Name].']);
    expect(run('Intro.\n\nHi [Name].\n')).toEqual(['[Name] in Hi [Name].']);
  });

  it('honours ignore-patterns and replacement patterns', () => {
    const markdown = 'Status: TBD\nTicket XXX-000.\n';
    expect(check(placeholderCheck, markdown, { 'ignore-patterns': ['^TBD$'] })).toEqual([]);
    expect(check(placeholderCheck, markdown, { patterns: ['XXX-\\d+'] })).toEqual([
      at('1:9-1:12', 'TBD'),
      at('2:8-2:15', 'XXX-000'),
    ]);
  });

  it('takes TBD for template text only where it stands in for a value', () => {
    const statements = [
      '| Role | Owner |\n| --- | --- |\n| Editor | TBD (open role) |',
      'Location: TBD, we vote on Friday.',
      'Offsite location: TBD. The shortlist goes to a company vote in January.',
      'The finalized roadmap is still TBD, but we will invest in search.',
      'TBD -- we have not decided the procedure yet.',
      'A summer trip (date TBD & in planning).',
    ];
    for (const markdown of statements) expect(check(placeholderCheck, markdown)).toEqual([]);
    expect(check(placeholderCheck, '## Metrics\n\nTBD\n')).toEqual([at('3:1-3:4', 'TBD')]);
    expect(check(placeholderCheck, '- **Hobbies prize:** TBD.\n- Owner - TBD\n')).toEqual([
      at('1:22-1:25', 'TBD'),
      at('2:11-2:14', 'TBD'),
    ]);
    expect(check(placeholderCheck, '| Role | Owner |\n| --- | --- |\n| Editor | TBD |\n')).toEqual([
      at('3:12-3:15', 'TBD'),
    ]);
    expect(
      check(placeholderCheck, 'The roadmap is still TBD.', { 'value-patterns': [], patterns: ['\\bTBD\\b'] }),
    ).toEqual([at('1:22-1:25', 'TBD')]);
  });

  // Kubernetes KEP criteria, Sourcegraph's EPD staffing table, HubSpot how-to, Entitle request and Postgres change log.
  it.each([
    [
      'a "- TBD" after real items',
      '#### GA\n\n- Two releases have shipped it.\n- Inline config is supported.\n- TBD\n',
    ],
    [
      'a TBD in a column that writes "none"',
      '| Team | Design | PM |\n| --- | --- | --- |\n| VS | TBD | TBD (Chris) |\n| AI | none | Corey |\n',
    ],
    [
      'a slot in a how-to step',
      '1. Open the list.\n2. Add a filter for campaign IDs "is none of" [Campaign Name] + select the checkbox.\n',
    ],
    [
      'a slot under an instruction',
      'In Entitle:\n\n- Request a specific permission\n  - Integration: GitHub\n  - Resource: [Name of your team]\n',
    ],
    [
      'a slot in a quoted message over several blocks',
      'Send a Slack message:\n\n"Hi team! You are the values team.\n\n- Interview all [role title] finalists.\n\nThanks!"\n',
    ],
    [
      'an italic entry-format line',
      '## Changes\n\n04/25/2022 Enabled the extension.\n\n_MM/DD/YYYY Reason for change_\n',
    ],
  ])('no hit for meant template text: %s', (_name, markdown) => {
    expect(check(placeholderCheck, markdown)).toEqual([]);
  });

  it('still reports a lone "- TBD", lone slots in steps and labelled slots', () => {
    expect(check(placeholderCheck, '#### GA\n\n- TBD\n')).toEqual([at('3:3-3:6', 'TBD')]);
    expect(check(placeholderCheck, '1. [Add your notes]\n2. Owner: [Name]\n')).toEqual([
      at('1:4-1:20', '[Add your notes]'),
      at('2:11-2:17', '[Name]'),
    ]);
    expect(check(placeholderCheck, '- Facilitator: [Name]\n  - Notes: [Name]\n')).toHaveLength(2);
  });

  // A record made with adr-tools' `adr new`, or copied from MADR, and never written: its headings, status and
  // date are all there, so only the stock text shows it was not filled in.
  it('reports the stock text of the adr-tools, Nygard and MADR templates', () => {
    const nygard =
      '## Context\n\nThe issue motivating this decision, and any context that influences or constrains the decision.\n\n' +
      '## Consequences\n\nWhat becomes easier or more difficult to do because of this change?\n';
    expect(check(placeholderCheck, nygard).map((hit) => hit.at)).toEqual(['3:1-3:95', '7:1-7:68']);
    const madr =
      '* Deciders: {list everyone involved in the decision}\n\n' +
      '[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]\n\n' +
      'Chosen option: "Kafka", because {justification. e.g., only option, which resolves force {force} | … | comes out best}.\n';
    expect(check(placeholderCheck, madr).map((hit) => hit.placeholder)).toEqual([
      '{list everyone involved in the decision}',
      '[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]',
      '{justification. e.g., only option, which resolves force {force} | … | comes out best}',
    ]);
  });

  it.each([
    [
      'a guide describing the template in a list',
      '- **Context**: The issue motivating this decision, and any context that influences or constrains the decision.',
    ],
    [
      'a quote after a label',
      "Context: What is the issue that we're seeing that is motivating this decision or change?",
    ],
    ['Liquid and template literals', 'Hi {{ list of names }} and ${list of names} and {{list everyone}}.'],
    ['a list of names in code', 'Add {Add,Sub,Mul,Div}{,Assign}<$t> to Saturating.'],
    ['a filled-in record', 'We chose Kafka because the team already runs it (see {RFC-12}).'],
  ])('no stock-template hit for %s', (_name, markdown) => {
    expect(check(placeholderCheck, markdown)).toEqual([]);
  });
});
