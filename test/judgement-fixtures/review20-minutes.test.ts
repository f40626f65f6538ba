import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';
import { pageType } from './page-type.js';

/**
 * The second reading of the nineteenth round (probes 1-6): pages typed as minutes by their sections though they
 * are a how-to on the ritual, a blog post, an incident's postmortem or release notes. Synthetic pages.
 */

const typeOf = pageType;

const page = (title: string, sections: string[], date = 'Date: 2026-03-02') =>
  `# ${title}\n\n${date}\n\n${sections.map((s) => `## ${s}\n\n- Something.\n`).join('\n')}`;

describe('the twentieth round: a minutes section is the whole label', () => {
  it('reads no "Actions required" or "To-dos for next year" as action items', () => {
    expect(typeOf('docs/v3.md', page('Version 3', ['Attendees', 'Actions required']))).toBeUndefined();
    expect(typeOf('docs/recap.md', page('Recap', ['Agenda', 'To-dos for next year']))).toBeUndefined();
  });

  it('still reads a kind with "made", "items", a bracketed note, a date or a second kind joined to it', () => {
    expect(typeOf('docs/sync.md', page('Sync', ['Attendees', 'Actions']))).toBe('meeting-notes');
    expect(typeOf('docs/sync.md', page('Sync', ['Attendees (remote)', 'Decisions made']))).toBe(
      'meeting-notes',
    );
    expect(typeOf('docs/sync.md', page('Sync', ['Agenda items', 'Next meeting 2026-03-09']))).toBe(
      'meeting-notes',
    );
    expect(typeOf('docs/cr.md', page('Hebdo', ['Ordre du jour', 'Discussions & Décisions']))).toBe(
      'meeting-notes',
    );
    expect(typeOf('docs/acta.md', page('Avances', ['Participantes', 'Compromisos / Tareas']))).toBe(
      'meeting-notes',
    );
  });
});

describe('the twentieth round: one kind is who came, the agenda or the next meeting', () => {
  it('types no dated page by its decisions and action items alone', () => {
    expect(typeOf('docs/q1.md', page('Q1 review', ['Key decisions', 'Action items']))).toBeUndefined();
    expect(typeOf('docs/q1.md', page('Q1 review', ['Discussion', 'Decisions', 'To-dos']))).toBeUndefined();
  });

  it('types them with an attendees list, an agenda or the next meeting', () => {
    expect(typeOf('docs/q1.md', page('Q1 review', ['Participants', 'Action items']))).toBe('meeting-notes');
    expect(typeOf('docs/q1.md', page('Q1 review', ['Agenda', 'Decisions']))).toBe('meeting-notes');
    expect(typeOf('docs/q1.md', page('Q1 review', ['Decisions', 'Next meeting']))).toBe('meeting-notes');
  });
});

describe('the twentieth round: a post, an incident or a release is named by its day', () => {
  const sections = ['Participants', 'Action items'];

  it('counts no date in the name of a page under a blog, incidents or releases folder', () => {
    for (const path of [
      '_posts/2026-05-12-offsite-recap.md',
      'blog/2026-05-12-offsite.md',
      'docs/incidents/2026-03-01-db-outage.md',
      'postmortems/2026-03-01-db-outage.md',
      'docs/releases/2026-04-01-v3.md',
      'news/2026-04-01-launch.md',
    ])
      expect(typeOf(path, page('What happened', sections, '')), path).toBeUndefined();
  });

  it('still counts it elsewhere, and a date line under those folders', () => {
    expect(typeOf('notes/2026-03-01-sync.md', page('Sync', sections, ''))).toBe('meeting-notes');
    expect(typeOf('team/2026-03-01/notes.md', page('Sync', sections, ''))).toBe('meeting-notes');
    expect(typeOf('blog/offsite.md', page('Offsite', sections))).toBe('meeting-notes');
  });
});

describe('the twentieth round: a guide on running the meeting is no minutes', () => {
  const sections = ['Participants', 'Agenda', 'Action items'];

  it('types no how-to, guide, runbook, postmortem or release notes by its sections', () => {
    for (const title of [
      'How to run a retrospective',
      'How we run our weekly sync',
      'Retro guide',
      'Sync runbook',
      'Postmortem: checkout outage',
      'Incident report 2026-03-01',
      'Release notes v3.2',
    ])
      expect(typeOf('guides/ritual.md', page(title, sections)), title).toBeUndefined();
  });

  it('types a meeting that only mentions a guide', () => {
    for (const title of ['Weekly sync', 'Guide review', 'How we did in Q1', 'Incident review 2026-03-01'])
      expect(typeOf('guides/ritual.md', page(title, sections)), title).toBe('meeting-notes');
  });

  it('asks the how-to for its owner, and judges no release note as an action item', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n[Retros](guides/retros.md), [v3](releases/2026-04-01-v3.md)\n',
      'guides/retros.md': page('How to run a retrospective', sections),
      'releases/2026-04-01-v3.md':
        '# Release 3.0\n\nOwner: @ana\n\n## Discussion\n\nWhy we dropped it.\n\n## Actions required\n\n- Upgrade your client before May.\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual([expect.stringContaining('guides/retros.md')]);
    expect(await ruleFindings([root], 'action-items')).toEqual([]);
  });
});
