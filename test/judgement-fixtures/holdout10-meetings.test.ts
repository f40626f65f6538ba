import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, ruleFindings } from './cli-findings.js';

/**
 * Meeting notes as the tenth out-of-sample round met them, written for the test (the pages themselves are
 * other people's text): a team's template kept in `templates/` whose front matter says `type: meeting`, as
 * its copies should, beside notes none of which carries an agenda.
 */

const minutes = (date: string, extra = '') =>
  [
    `# Meeting minutes ${date}`,
    '',
    '## Attendees',
    '',
    '- Vera Lind, Jonas Brook',
    '',
    '## Quick summary of current work',
    '',
    '- The advisory feed is live.',
    '',
    '## Ongoing vulnerabilities',
    '',
    '- Decided: we publish the CVE on Friday.',
    '',
    extra,
  ].join('\n');

const NO_AGENDA = (file: string) =>
  `${file} meeting-agenda: Meeting notes have no written agenda; add an "Agenda" section listing the topics.`;

describe('judgement fixtures: the tenth round, agendas by the folder', () => {
  // A team's template in `templates/` that says `type: meeting` was a meeting page without a date, which
  // meeting-agenda does not judge: it counted as a page that carries its agenda, and the folder's
  // convention (no agenda in any note) was never seen.
  const template = '---\ntype: meeting\n---\n\n# YYYY-MM-DD 회의록: 주제\n\n## 목적\n\n회의 목적을 적는다.\n';

  it('asks no agenda of a folder none of whose notes carries one, beside a template typed by its front matter', async () => {
    const handbook: Record<string, string> = { 'meetings/templates/meeting.md': template };
    for (const day of ['05-29', '06-01', '06-02', '06-08'])
      handbook[`meetings/2026-${day}-daily-meeting.md`] = minutes(`2026-${day}`);
    const found = await meetingFindings(handbook);
    expect(found.filter((line) => line.includes('meeting-agenda'))).toEqual([]);
  }, 60_000);

  it('still asks it of the notes that leave out what another note of the folder writes', async () => {
    const handbook: Record<string, string> = { 'meetings/templates/meeting.md': template };
    for (const day of ['01-06', '01-20', '02-10', '03-15', '03-27', '04-10', '05-15'])
      handbook[`minutes/minutes-2024-${day}.md`] = minutes(`2024-${day}`);
    handbook['minutes/minutes-2024-07-03.md'] = minutes('2024-07-03', '## Agenda\n\n1. CNA process\n');
    const found = await meetingFindings(handbook);
    expect(found.filter((line) => line.includes('meeting-agenda'))).toHaveLength(7);
    expect(found).toContain(NO_AGENDA('minutes/minutes-2024-01-06.md'));
  }, 60_000);
});

describe('judgement fixtures: the tenth round, an agenda template beside the minutes', () => {
  // A security group mails its agenda with the invitation (`agenda-template.md`); its minutes follow the
  // agenda's standing items as headings, and one page is the mailed agenda itself.
  const folder = (templateName: string, title: string) => {
    const handbook: Record<string, string> = {
      [`minutes/${templateName}`]: `# ${title} YYYY-MM-DD\n\n## 15:00 UTC - Meeting begins\n\n## Attendees\n\n...\n`,
      'minutes/minutes-template.md': '# Meeting minutes YYYY-MM-DD\n\n## Attendees\n\n...\n',
    };
    for (const day of ['01-06', '01-20', '02-10'])
      handbook[`minutes/minutes-2024-${day}.md`] = minutes(`2024-${day}`);
    handbook['minutes/minutes-2024-02-24.md'] = minutes('2024-02-24', '## Topics\n\n- CNA process\n');
    return handbook;
  };

  it('asks no agenda of the minutes of a folder that keeps an agenda template of its own', async () => {
    const found = await meetingFindings(folder('agenda-template.md', 'Meeting agenda'));
    expect(found.filter((line) => line.includes('meeting-agenda'))).toEqual([]);
  }, 60_000);

  it('still asks it beside templates of other names', async () => {
    const found = await meetingFindings(folder('notes-template.md', 'Meeting notes'));
    expect(found.filter((line) => line.includes('meeting-agenda'))).toHaveLength(3);
  }, 60_000);
});

describe('judgement fixtures: the tenth round, a template that declares its copies’ type', () => {
  it('types `templates/meeting.md` with `type: meeting` as the template', async () => {
    const template = [
      '---',
      'date: YYYY-MM-DD',
      'type: meeting',
      '---',
      '',
      '# YYYY-MM-DD 회의록: 주제',
      '',
      '## 목적',
      '',
      '회의 목적을 적는다.',
      '',
    ].join('\n');
    const root = tempTree({
      'docs/meetings/templates/meeting.md': template,
      'docs/meetings/2026-06-01-daily-meeting.md': template.replaceAll('YYYY-MM-DD', '2026-06-01'),
    });
    expect(await ruleFindings([root], 'placeholder')).toEqual([]);
    const outcomes = await ruleFindings([root], 'meeting-outcomes');
    expect(outcomes).toEqual(['docs/meetings/2026-06-01-daily-meeting.md']);
  }, 60_000);
});
