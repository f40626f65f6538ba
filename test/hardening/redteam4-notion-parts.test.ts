import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PARTS } from '../../src/platforms/notion/content.js';
import { generateNotionWorkspace, type NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionConfigFile } from '../helpers/notion.js';
import { notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

interface Report {
  fixed: { ruleId: string; page: { key: string } }[];
  unreadable: { key: string; reason: string }[];
  summary: { pages: number };
}

/** `count` fresh block ids, dashed; none of them is a page the emulator knows. */
const freshIds = (count: number, tag: string) =>
  Array.from(
    { length: count },
    (_, i) => `${tag}${i.toString(16).padStart(7, '0')}-0000-4000-8000-000000000000`,
  );

const NOW = ['--now', '2026-06-01'];

// A page's markdown answer may name any number of parts and child pages it could not render; each
// was fetched, one request apiece, so a page naming 3,000 child pages cost 3,000 requests more.
describe('a Notion page whose answer names thousands of parts', () => {
  const workspace = generateNotionWorkspace(20, 4);
  const page = workspace.pages.find((p) => p.parent.type === 'workspace');
  if (!page) throw new Error('the generated workspace has top-level pages');
  const path = `/v1/pages/${page.id}/markdown`;
  const env = notionBehindProxy({ fixture: workspace });
  afterEach(() => env.proxy.setRules([]));

  /** The page's answer names these ids, each as an `<unknown>` tag with this `alt`. */
  const naming = (ids: string[], alt: string): ProxyRule => ({
    path,
    fault: {
      kind: 'transform',
      change: (json) => ({
        ...json,
        markdown: `${json.markdown}${ids.map((id) => `<unknown url="https://www.notion.so/x-${id.replace(/-/g, '')}" alt="${alt}"/>\n`).join('')}`,
        unknown_block_ids: [...(json.unknown_block_ids as string[]), ...ids],
      }),
    },
  });

  const lint = async (config: string, ...extra: string[]) => {
    const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW, ...extra]);
    return { ...run, report: JSON.parse(run.stdout || '{}') as Report };
  };
  const asked = (ids: string[]) => {
    const paths = new Set(ids.map((id) => `/v1/pages/${id}/markdown`));
    return env.proxy.log.filter((r) => paths.has(r.path)).length;
  };

  it('asks for at most 100 of 3,000 child pages and lists every one unread', async () => {
    const children = freshIds(3_000, 'c');
    env.proxy.setRules([naming(children, 'child_page')]);
    const config = notionConfigFile({ url: env.proxy.url } as NotionEmulator, {}, { 'fail-on': 'never' });
    const { code, stderr, report } = await lint(config);
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(3);
    expect(asked(children)).toBe(MAX_PARTS);
    const unread = new Map(report.unreadable.map((u) => [u.key, u.reason]));
    expect(children.every((id) => unread.has(`notion:${id}`))).toBe(true);
    expect(unread.get(`notion:${children.at(-1)}`)).toMatch(/^not read: its parent page names more than 100/);
    expect(unread.has(`notion:${page.id}`)).toBe(false);
  }, 120_000);

  it('makes the page unreadable past 100 truncated parts, its findings never called fixed', async () => {
    const dir = tempTree({});
    const config = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { 'fail-on': 'never', state: { path: join(dir, 'state.json') } },
    );
    const first = await lint(config);
    expect(first.report.unreadable.map((u) => u.key)).not.toContain(`notion:${page.id}`);
    const parts = freshIds(300, 'b');
    env.proxy.setRules([naming(parts, 'toggle')]);
    const second = await lint(config, '--full');
    expect(second.code).toBe(3);
    expect(asked(parts)).toBeLessThanOrEqual(MAX_PARTS);
    expect(second.report.unreadable).toEqual([
      expect.objectContaining({
        key: `notion:${page.id}`,
        reason: expect.stringMatching(/name more than 100 truncated parts/),
      }),
    ]);
    expect(second.report.fixed).toEqual([]);
  }, 120_000);
});
