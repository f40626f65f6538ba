import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

// The twenty-sixth round's pages (synthetic pages of their shapes): a leaving checklist whose steps open with
// the tag of the system each acts on, GitBook-escaped ("\[OVH]", "\[email]"), beside pages whose slots are unfilled.

/** A handbook of one checklist page whose items are `items`, linked from the README. */
const checklist = (items: string) =>
  tempTree({
    'README.md': '# Handbook\n\n- [Leaving](leaving.md)\n',
    'leaving.md': `# After your last day\n\nOwner: Léa Martin\n\n${items}\n`,
  });

describe('holdout26: a checklist whose items open with a tag of their own', () => {
  it('reads "[email]" opening an item among "[OVH]", "[Github]" and "[Secretariat]" as a tag, escaped or not', async () => {
    const tags =
      '* [ ] \\[OVH] Remove the redirects of your address.\n* [x] **\\[Github] Leave the organisation.**\n* [ ] \\[email] Forward the secondary address.\n* [ ] \\[Secretariat] Return the laptop.\n* [ ] [email] Say goodbye on the list.\n';
    expect(await findings([checklist(tags)], 'placeholder', true)).toEqual([]);
  }, 60_000);

  it('reads the tags across the lists of the page’s sections, one or two items each', async () => {
    const sections =
      '## On your last day\n\n* [ ] \\[OVH] Remove the redirects.\n* [ ] \\[Github] Leave the organisation.\n\n## A week later\n\n* [x] **\\[Mattermost] Your access moves to Alumni.**\n* [x] **\\[email] Add a redirect to the leavers list.**\n\n## A year later\n\n* [ ] \\[email] The redirect is removed.\n';
    expect(await findings([checklist(sections)], 'placeholder', true)).toEqual([]);
  }, 60_000);

  it('still reports "[email]" in a list with no such tags, and a slot after the tag', async () => {
    const slots =
      '* [ ] Write to [email] for the redirects.\n* [ ] \\[OVH] Remove the redirects.\n* [ ] \\[Github] Leave the organisation.\n* [ ] \\[Drive] Hand over your files to [Name].\n';
    expect(await findings([checklist(slots)], 'placeholder', true)).toEqual([
      'leaving.md Unfilled template text "[Name]".',
      'leaving.md Unfilled template text "[email]".',
    ]);
  }, 60_000);

  it('still reports the slots opening the items of a copied agenda, "[Name]", "[Date]", "[Owner]"', async () => {
    const agenda = '* [Name] presents the plan.\n* [Date] is the next review.\n* [Owner] follows up.\n';
    expect(await findings([checklist(agenda)], 'placeholder', true)).toEqual([
      'leaving.md Unfilled template text "[Date]".',
      'leaving.md Unfilled template text "[Name]".',
      'leaving.md Unfilled template text "[Owner]".',
    ]);
  }, 60_000);

  it('still reports "[email]" opening an item when fewer than three items open with a tag', async () => {
    const two =
      '* [ ] \\[email] Forward the secondary address.\n* [ ] \\[OVH] Remove the redirects.\n* [ ] Return the laptop.\n';
    expect(await findings([checklist(two)], 'placeholder', true)).toEqual([
      'leaving.md Unfilled template text "[email]".',
    ]);
  }, 60_000);
});
