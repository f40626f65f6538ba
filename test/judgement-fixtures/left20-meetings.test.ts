import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { tasksCheck } from '../../src/rules/checks/tasks.js';
import { check, page } from '../rules/checks/harness.js';
import { meetingFindings, of } from './cli-findings.js';
import { pageType } from './page-type.js';

/**
 * The left causes of the twentieth round's meetings labels (B1-B4, A3): owners in closing parentheses written with
 * initials, a Romance infinitive read as a name, emoji-numbered to-do lines, done-status sections and dated file
 * names in a `Protokolle/` folder. Synthetic pages.
 */

function notes(markdown: string): Page {
  return { ...page(markdown), type: 'meeting-notes' };
}

/** What each action item under "## Actions" misses (`missing` by item), the item's text cut as the rule cuts it. */
const missing = (markdown: string) =>
  check(tasksCheck, notes(markdown)).map((hit) => `${hit.item} | ${hit.missing}`);

const actions = (...items: string[]) =>
  `# Weekly\n\n## Actions\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;

describe('left20 B1: initials and a surname in the closing parentheses name the owners', () => {
  it('reads "(F Moreau & G Lenoir)", "(JJ Berthet)", "(J.P. Lenoir)" and "(Ana e Bruno)" as owners', () => {
    expect(
      missing(
        actions(
          'Send our first invoice (F Moreau & G Lenoir)',
          'Register the talk at the meetup (JJ Berthet)',
          'Book the room (J.P. Lenoir)',
          'Revisar o orçamento (Ana e Bruno)',
        ),
      ),
    ).toEqual([
      'Send our first invoice (F Moreau & G Lenoir) | due date',
      'Register the talk at the meetup (JJ Berthet) | due date',
      'Book the room (J.P. Lenoir) | due date',
      'Revisar o orçamento (Ana e Bruno) | due date',
    ]);
  });

  it('still reads no owner in "(see notes)", "(optional)", "(in progress)" or "(all)"', () => {
    expect(
      missing(
        actions(
          'Update the flyer (see notes)',
          'Print the banner (optional)',
          'Move the server (in progress)',
          'Read the draft (all)',
        ),
      ),
    ).toEqual([
      'Update the flyer (see notes) | owner and due date',
      'Print the banner (optional) | owner and due date',
      'Move the server (in progress) | owner and due date',
      'Read the draft (all) | owner and due date',
    ]);
  });
});

describe('left20 B2: a Romance infinitive or noun and a plural article are no name doing the task', () => {
  it('reads no owner in "Étudier les…", "Envoyer des…", "Revisar los…", "Enviar das…"', () => {
    expect(
      missing(
        actions(
          'Étudier les outils des notaires',
          'Envoyer des factures aux membres',
          'Revisar los tickets abiertos',
          'Enviar das notas ao grupo',
        ),
      ),
    ).toEqual([
      'Étudier les outils des notaires | owner and due date',
      'Envoyer des factures aux membres | owner and due date',
      'Revisar los tickets abiertos | owner and due date',
      'Enviar das notas ao grupo | owner and due date',
    ]);
  });

  it('still reads "Oskar drafts the memo" and "Xavier relances les membres" as owned', () => {
    expect(missing(actions('Oskar drafts the memo', 'Xavier relances les membres'))).toEqual([
      'Oskar drafts the memo | due date',
      'Xavier relances les membres | due date',
    ]);
  });
});

describe('left20 B3: emoji-numbered lines under a to-do heading are action items', () => {
  const todo = (body: string) => `# Sprint review\n\n### To do :\n${body}\n\n## Next\n\nLater.\n`;

  it('reads each ":one:" or keycap line as an item, with its owner in parentheses', () => {
    expect(
      missing(
        todo(
          ':one: Fix the titles of scenes 4 and 5 (@Lina)  \n:two: Rename the app  \n:three: Swap the icon (@Marc)',
        ),
      ),
    ).toEqual([
      'Fix the titles of scenes 4 and 5 (@Lina) | due date',
      'Rename the app | owner and due date',
      'Swap the icon (@Marc) | due date',
    ]);
    expect(missing(todo('1️⃣ Fix the titles\n2️⃣ Rename the app (@Lina)'))).toEqual([
      'Fix the titles | owner and due date',
      'Rename the app (@Lina) | due date',
    ]);
  });

  it('gives each item its own line', () => {
    const hits = check(tasksCheck, notes(todo(':one: Fix the titles  \n:two: Rename the app')));
    expect(hits.map((hit) => hit.at)).toEqual(['4:1-4:21', '5:1-5:21']);
  });

  it('reads a paragraph of prose there as no item list', () => {
    expect(missing(todo('We ran out of time; the list is in the tracker.\nSee you next week.'))).toEqual([]);
    expect(missing(todo(':one: is what we call the first scene.\nThe rest is in the tracker.'))).toEqual([]);
  });

  it('counts the lines as an outcome of the minutes', async () => {
    const found = await meetingFindings({
      'README.md': '# Team\n\n- [Weekly](minutes/2026-06-01.md)\n',
      'minutes/2026-06-01.md':
        '# Weekly 2026-06-01\n\n## Agenda\n\n- The release\n\n### To do :\n:one: Rename the app (@Lina)  \n:two: Swap the icon (@Marc)\n',
    });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
    expect(of(found, 'action-items')).toHaveLength(2);
  }, 60_000);
});

describe('left20 B4: items under a done heading are no open actions', () => {
  it('reads no item under "### Done" or "### Erledigt" in an action section, as a checked box', () => {
    const page = `# Weekly\n\n## Actions\n\n### Open\n\n- Book the room\n\n### Done\n\n- Print the flyer\n\n### Erledigt\n\n- Kasse prüfen\n\n## Notes\n\n- [x] Order the chairs\n`;
    expect(missing(page)).toEqual(['Book the room | owner and due date']);
  });

  it('reads "Actions terminées" as done and "Actions en cours" as open, its thanks naming who does it', () => {
    const page = `# Hebdo\n\n#### Actions en cours\n\n- Collecte des ordinateurs (Merci Laurent)\n- Rédaction des fiches missions\n\n#### Actions terminées\n\n- Mise à jour du serveur (Merci piseb)\n`;
    expect(missing(page)).toEqual([
      'Collecte des ordinateurs (Merci Laurent) | due date',
      'Rédaction des fiches missions | owner and due date',
    ]);
  });
});

describe('left20 A3: a dated file name in a Protokolle folder is a meeting', () => {
  const body = '# Sprechstunde\n\nAnwesend: Kai, Lena\n\n- Router getauscht.\n';

  it('types `Protokolle/2019-10-16_Sprechstunde.md` and `protokolle/2024-05-02 Kassensturz.md`', () => {
    expect(pageType('Protokolle/2019-10-16_Sprechstunde.md', body)).toBe('meeting-notes');
    expect(pageType('protokolle/2024/2024-05-02 Kassensturz.md', body)).toBe('meeting-notes');
  });

  it('still types no incident log, no undated page, and no dated post outside such a folder', () => {
    expect(pageType('betrieb/protokolle/2026-03-09-stoerung-vpn.md', '# Störung VPN\n\nZertifikat.\n')).toBe(
      undefined,
    );
    expect(pageType('protokolle/2026-03-09-wartung-server.md', '# Wartung\n\nNeu gestartet.\n')).toBe(
      undefined,
    );
    expect(pageType('protokolle/mqtt.md', '# MQTT\n\nBroker.\n')).toBe(undefined);
    expect(pageType('_posts/2019-10-16-sprechstunde.md', '# Sprechstunde\n\nText.\n')).toBe(undefined);
  });

  it('reads its "## Themenreihenfolge" as the agenda, and finds none in a page without one', async () => {
    const sprechstunde = (heading: string) =>
      `# Sprechstunde 16.10.2019\n\n## ${heading}\n\n1. Wiki aufräumen\n2. Mailingliste\n\n## Wiki aufräumen\n\n- Kai übernimmt das bis 2019-11-01.\n`;
    const found = await meetingFindings({
      'README.md':
        '# Verein\n\n- [A](Protokolle/2019-10-16_Sprechstunde.md)\n- [B](Protokolle/2019-10-23_Sprechstunde.md)\n',
      'Protokolle/2019-10-16_Sprechstunde.md': sprechstunde('Themenreihenfolge'),
      'Protokolle/2019-10-23_Sprechstunde.md': sprechstunde('Rückblick'),
    });
    expect(of(found, 'meeting-agenda').map((line) => line.split(' ')[0])).toEqual([
      'Protokolle/2019-10-23_Sprechstunde.md',
    ]);
  }, 60_000);
});

describe('left20: the owner patterns read a run of spaces once', () => {
  // A name then a long run of spaces: NAME_SHORTHAND's `\s*,?\s+` before "and" split the run every way (a run of
  // 200,000 took a minute and a half); TRAILING_NAME's `\s*[.!]?\s*$` split the run at the line's end the same
  // way; the new initials, thanks and article patterns read it once too.
  it('judges items made of a name, an initial or an infinitive and 200,000 spaces', () => {
    const run = ' '.repeat(200_000);
    const found = missing(
      actions(
        `Oskar${run}x`,
        `(F${run}Renault)`,
        `Étudier${run}les`,
        `(Merci${run}x`,
        `deploy it - Tim${run}x`,
      ),
    );
    expect(found).toHaveLength(5);
  });
});
