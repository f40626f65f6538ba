import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';

// The twenty-first round's minutes folders (synthetic pages of their shapes): a German association's results
// protocol of a strategy "Tagung", a student team's `agendas/` of one meeting's agenda each, a French association's
// `reunions/` folder that keeps a transparency page beside its rules, a "## Next Meeting" section whose date is not
// fixed yet, and a minutes template's link slot.
const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string) => classify({ path, title, labels: [] });

describe('holdout21: German results protocols and "Tagung" meetings', () => {
  it('types "Ergebnisprotokoll der …tagung", a dated "…tagung" and a dated `protokolle/` "…tagung" page as minutes', () => {
    expect(typeOf('docs/strategie.md', 'Ergebnisprotokoll der Strategietagung')).toBe('meeting-notes');
    expect(typeOf('docs/klausur.md', 'Protokoll der Klausurtagung des Vorstands')).toBe('meeting-notes');
    expect(typeOf('docs/tag.md', 'Mitgliedertagung 14.03.2026')).toBe('meeting-notes');
    expect(typeOf('verein/protokolle/2026-03-14-klausurtagung.md', 'Ergebnisse')).toBe('meeting-notes');
  });

  it('keeps a results protocol of no meeting, a conference venue and a dated incident log in `protokolle/` pages', () => {
    expect(typeOf('docs/tests.md', 'Ergebnisprotokoll der Lasttests')).toBeUndefined();
    expect(typeOf('docs/anreise.md', 'Tagungsort und Anreise')).toBeUndefined();
    expect(typeOf('betrieb/protokolle/2026-03-09-stoerung-vpn.md', 'Störung VPN')).toBeUndefined();
  });

  it('asks no page owner of the strategy meeting’s minutes, and still of the association’s strategy page', async () => {
    const root = tempTree({
      'README.md':
        '# Verein\n\n- [Strategie](strategie.md)\n- [Tagung](protokolle/2026-03-14-strategietagung.md)\n',
      'strategie.md': '# Strategie 2031\n\nWohin der Verein bis 2031 will.\n',
      'protokolle/2026-03-14-strategietagung.md':
        '# Ergebnisprotokoll der Strategietagung\n\n**Datum:** 14.03.2026\n\n## Ziel der Tagung\n\nEin gemeinsames Bild.\n\n## Auftrag an die Teams\n\n- Team Jugend legt bis Mai einen Plan vor.\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual(['strategie.md']);
  }, 60_000);
});

describe('holdout21: one meeting’s agenda in `agendas/`', () => {
  it('types a title or first line "Agenda <day>", and not "Agenda template" nor "Agenda"', () => {
    expect(typeOf('docs/sync.md', 'Agenda 22.03')).toBe('meeting-notes');
    expect(typeOf('docs/sync.md', 'Agenda – 4 March')).toBe('meeting-notes');
    expect(typeOf('docs/agenda-guide.md', 'Agenda template')).toBe('template');
    expect(typeOf('docs/agenda.md', 'Agenda')).toBeUndefined();
  });

  const agenda = (day: string) =>
    `## Agenda ${day}\n\n---\n\nDate: ${day}.2026\\\nChair: Ana\\\nNote taker: Ben\n\n## Items\n\n* 16:45 Opening by chair\n* 16:50 Check-in\n* 17:40 Closing\n`;

  it('asks no owner, no link and no outcome of a dated agenda, as of the minutes beside it', async () => {
    const root = tempTree({
      'README.md':
        '# Team\n\n- [Minutes](docs/minutes/minutes-22-03.md)\n- [Agenda guide](docs/agendas/guide.md)\n',
      'docs/agendas/agenda-22-03.md': agenda('22.03'),
      'docs/agendas/2026-03-29.md': `# Weekly sync\n\nDate: 29.03.2026\n\n## Items\n\n* Opening\n* Closing\n`,
      'docs/agendas/guide.md': '# Writing an agenda\n\nList the items with their times and who leads each.\n',
      'docs/minutes/minutes-22-03.md':
        '# Minutes 22.03.2026\n\n## Agenda\n\n- Check-in\n\n## Notes\n\nWe talked.\n',
    });
    // The undated guide in the agendas folder stays a page, owed an owner; the agendas owe none.
    expect(await ruleFindings([root], 'page-owner')).toEqual(['docs/agendas/guide.md']);
    expect(await ruleFindings([root], 'orphan-page')).toEqual([]);
    // The minutes still owe an outcome; the agendas, written before the meeting, do not.
    expect(await ruleFindings([root], 'meeting-outcomes')).toEqual(['docs/minutes/minutes-22-03.md']);
  }, 60_000);
});

describe('holdout21: a meetings folder’s undated page that is no meeting’s', () => {
  it('keeps an undated page without minutes sections in `reunions/` a page, and types dated or sectioned ones', async () => {
    const root = tempTree({
      'README.md':
        '# Association\n\n- [Hébergement](docs/reunions/hebergement.md)\n- [Lancement](docs/reunions/lancement.md)\n- [Bureau](docs/reunions/bureau.md)\n',
      'docs/reunions/hebergement.md':
        '# Transparence sur l’hébergement\n\nOù tournent nos sites, et sous quel droit.\n\n## Ce qui est hébergé où\n\n- Le portail, en Europe.\n',
      'docs/reunions/lancement.md':
        '# Réunion de lancement\n\n**Date** : 12/03/2026\n\n## Notes\n\nOn a lancé le projet.\n',
      'docs/reunions/bureau.md':
        '# Bureau\n\n## Ordre du jour\n\n1. Budget\n\n## Décisions\n\n- Le budget est voté.\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual(['docs/reunions/hebergement.md']);
  }, 60_000);
});

describe('holdout21: placeholder', () => {
  it('accepts "- Date: TBC" under "## Next Meeting", and still finds "Owner: TBC" and a date under another heading', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Sync](meetings/2026-03-02.md)\n- [Plan](plan.md)\n',
      'meetings/2026-03-02.md':
        '# Sync 2026-03-02\n\n## Decisions\n\n- We ship on Friday.\n\n## Next Meeting\n\n- Date: TBC\n- Owner: TBC\n',
      'plan.md': '# Plan\n\n## Launch\n\n- Date: TBC\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([
      'meetings/2026-03-02.md Unfilled template text "TBC".',
      'plan.md Unfilled template text "TBC".',
    ]);
  }, 60_000);
});

describe('holdout21: a template’s link slot', () => {
  it('reads `[name](url)` on a template as a slot, and still finds it on a page and a template’s missing page', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Template](meetings/template.md)\n- [Team](team.md)\n',
      'meetings/template.md':
        '# Meeting YYYY-MM-DD\n\n## Attendees\n\n- [name](url)\n- [name](link)\n\nSee [the guide](meeting-guide.md).\n',
      'team.md': '# Team\n\n- [Ana](url)\n',
    });
    expect(await ruleFindings([root], 'broken-link', true)).toEqual([
      'meetings/template.md Broken link meeting-guide.md: no such page.',
      'team.md Broken link url: no such page.',
    ]);
  }, 60_000);
});
