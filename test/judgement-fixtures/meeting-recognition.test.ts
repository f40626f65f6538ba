import { describe, expect, it } from 'vitest';
import { meetingFindings } from './cli-findings.js';

/** A call's notes with an action item that names no owner: action-items reports it on a meeting's notes. */
const notes = (title: string) =>
  [
    `# ${title}`,
    '',
    '## Agenda',
    '',
    '- Release',
    '',
    '## Notes',
    '',
    'We agreed to ship on Friday.',
    '',
    '## Action items',
    '',
    '- [ ] Update the changelog',
    '',
  ].join('\n');

// Sixth out-of-sample audit: a community call's notes were titled after the template they were made
// from, so the title took them for templates and no meeting rule read them; atas in `atas-reuniao/`
// were not typed at all.
describe('meeting notes recognised by the default document types', () => {
  it('judges notes titled after their template when the title names the meeting day', async () => {
    const findings = await meetingFindings({
      'meetings/2024-03-14.md': notes('Meeting Notes Template - Community Call 14 Mar 2024'),
      'meetings/notes-form.md': notes('Meeting notes template'),
      'meetings/index.md': '# Meetings\n\n- [14 March](2024-03-14.md)\n- [Form](notes-form.md)\n',
    });
    expect(findings.some((f) => f.startsWith('meetings/2024-03-14.md action-items'))).toBe(true);
    expect(findings.filter((f) => f.startsWith('meetings/notes-form.md '))).toEqual([]);
  }, 60_000);

  it('takes a folder of atas named with a suffix (atas-reuniao/) for minutes', async () => {
    const findings = await meetingFindings({
      'atas-reuniao/2024-03-14.md': notes('Ata 14/03/2024'),
      'index.md': '# Equipe\n\n- [Ata](atas-reuniao/2024-03-14.md)\n',
    });
    expect(findings.some((f) => f.startsWith('atas-reuniao/2024-03-14.md action-items'))).toBe(true);
  }, 60_000);
});
