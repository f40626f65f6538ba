import { SaxesParser } from 'saxes';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/model/finding.js';
import { summarize } from '../../src/model/result.js';
import { formatStorage } from '../../src/writeback/storage.js';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import {
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
  TOKEN,
} from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { C, confluenceSpace, ledger, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';

/** Storage markup a title or heading could carry into what we write: a macro, a CDATA end, an entity, a mention. */
const STORAGE_TITLE =
  '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body></ac:structured-macro> &nbsp; &xxe; <ac:link><ri:user ri:account-id="u-evil" /></ac:link>';
/** What Notion's enhanced markdown would turn into a link, a mention or formatting. */
const NOTION_TITLE =
  '[click](javascript:alert(1)) <mention-user url="user://a0000000-0000-4000-8000-000000000001"/> **bold** <page url="https://evil.example/x">x</page>';
const LONG_TITLE = `Long ${'x'.repeat(100_000)}`;

/** Element names and attributes of a storage body, parsed by a conforming XML parser (throws unless well-formed). */
function elements(storage: string): { name: string; attributes: Record<string, string> }[] {
  const parser = new SaxesParser({ xmlns: false });
  const found: { name: string; attributes: Record<string, string> }[] = [];
  parser.on('opentag', (tag) =>
    found.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }),
  );
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(`<body>${storage}</body>`).close();
  return found;
}

/** What a body of ours may hold: text in plain HTML, the owner's mention, links to the wiki itself. */
function onlyOurs(storage: string, site: string, owners: readonly string[]): void {
  const found = elements(storage);
  const names = new Set(found.map((e) => e.name));
  for (const name of names)
    expect([
      'body',
      'p',
      'strong',
      'sub',
      'h2',
      'ul',
      'li',
      'code',
      'a',
      'br',
      'table',
      'tbody',
      'tr',
      'th',
      'td',
      'ac:link',
      'ri:user',
    ]).toContain(name);
  for (const e of found.filter((f) => f.name === 'ri:user'))
    expect(owners).toContain(e.attributes['ri:account-id']);
  for (const e of found.filter((f) => f.name === 'a'))
    expect(e.attributes.href?.startsWith(`${site}/`)).toBe(true);
}

describe('Confluence: titles carrying storage markup stay text in what we write', () => {
  let emulator: ConfluenceEmulator;
  let file: string;
  beforeAll(() => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = TOKEN;
  });
  afterAll(() => {
    delete process.env[EMAIL_ENV];
    delete process.env[CONFLUENCE_TOKEN_ENV];
  });
  beforeEach(async () => {
    const fixture = confluenceSpace();
    const pages = fixture.pages.map((page) =>
      page.id === C.deploy
        ? {
            ...page,
            title: STORAGE_TITLE,
            body: `<h2>${STORAGE_TITLE.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</h2>${page.body as string}`,
          }
        : page.id === C.runbook
          ? { ...page, title: LONG_TITLE }
          : page,
    );
    emulator = await startConfluenceEmulator({ fixture: { ...fixture, pages } });
    file = confluenceConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
          comments: { enabled: true, 'cooldown-hours': 0 },
        },
      },
    );
  });
  afterEach(() => emulator.close());

  it('the findings page and the comments hold no macro, no mention but the owner, no link off the wiki', async () => {
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    const page = emulator.getPage(ledger(file).writeback.pages.confluence?.id ?? '');
    expect(page?.body).toContain('structured-macro');
    onlyOurs(page?.body ?? '', emulator.url, []);
    for (const id of [C.deploy, C.runbook]) {
      const comments = emulator.comments(id);
      expect(comments).toHaveLength(1);
      onlyOurs(comments[0]?.body ?? '', emulator.url, ['u-ana']);
    }
  }, 60_000);
});

describe('Notion: titles carrying enhanced markdown stay text in what we write', () => {
  let emulator: NotionEmulator;
  let file: string;
  beforeEach(async () => {
    const fixture = notionWorkspace();
    fixture.pages = fixture.pages.map((page) =>
      page.id === N.deploy
        ? { ...page, title: NOTION_TITLE }
        : page.id === N.runbook
          ? { ...page, title: LONG_TITLE }
          : page,
    );
    emulator = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(emulator, {}, notionWriteBack());
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('the findings page shows the markup as text; comments carry only our link and the owner mention', async () => {
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    const id = ledger(file).writeback.pages.notion?.id ?? '';
    const markdown = emulator.page(id)?.markdown ?? '';
    expect(markdown).toContain('javascript');
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(markdown).not.toMatch(/(?<!\\)<(mention-user|page )/);
    const posted = emulator.log.filter((e) => e.write && e.path === '/v1/comments');
    expect(posted.length).toBeGreaterThan(0);
    for (const entry of posted) {
      const runs = (
        entry.body as {
          rich_text: Record<string, { link?: { url: string }; id?: string; user?: { id: string } }>[];
        }
      ).rich_text;
      for (const part of runs) {
        if (part.mention) expect(part.mention.user?.id).toBe(N.maya);
        const link = part.text?.link?.url;
        if (link)
          expect(link).toMatch(new RegExp(`^https://www\\.notion\\.so/[\\w-]*${id.replaceAll('-', '')}$`));
      }
    }
  }, 60_000);
});

describe('a page URL an answer gives, on the Confluence findings page', () => {
  it('becomes a link only when it is http(s): the page link and the link to the section alike', () => {
    const page = { key: 'notion:1', title: 'Runbook', url: 'javascript:alert(1)', path: 'Runbook' };
    const finding = {
      ruleId: 'broken-link',
      severity: 'error' as const,
      message: 'Broken link.',
      page,
      location: { url: 'javascript:alert(1)#h', anchor: 'h', quote: 'See here' },
      fingerprint: fingerprint('broken-link', page.key, 'x'),
    };
    const body = formatStorage({
      summary: summarize([finding], 1, 0),
      findings: [finding],
      rules: [],
      unreadable: [],
    });
    expect(elements(body).filter((e) => e.name === 'a')).toEqual([]);
    expect(body).toContain('See here');
  });
});
