import type { RichTextItemResponse } from '@notionhq/client';
import { normalizeNotionId } from './notion-fixture.js';
import { NOTION_LIMITS, type World } from './notion-world.js';

/** Default annotations of a rich text run (add `color`). */
export const ANNOTATIONS = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
} as const;

/** One plain text run with default annotations. */
export function text(content: string, link: string | null = null): RichTextItemResponse {
  return {
    type: 'text',
    text: { content, link: link ? { url: link } : null },
    annotations: { ...ANNOTATIONS, color: 'default' },
    plain_text: content,
    href: link,
  };
}

/** Plain text as rich text, split into runs of at most 2000 characters as the API stores it. */
export function richText(content: string): RichTextItemResponse[] {
  const runs: RichTextItemResponse[] = [];
  for (let i = 0; i < content.length; i += NOTION_LIMITS.textChars) {
    runs.push(text(content.slice(i, i + NOTION_LIMITS.textChars)));
  }
  return runs;
}

/** The `{object, id}` user reference most objects carry. */
export function partialUser(userId: string) {
  return { object: 'user' as const, id: userId };
}

/** The 32-hex form Notion URLs use. */
export const hex = (uuid: string) => uuid.replace(/-/g, '');

const INLINE =
  /<mention-(page|database|user) url="([^"]*)"\s*(?:\/>|>(.*?)<\/mention-\1>)|\[([^\]]*)\]\(([^)\s]+)\)/g;

/** The page or database id in a notion.so URL, dashed. */
export function idInUrl(url: string): string | undefined {
  const match =
    /([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$/i.exec(url);
  return match?.[1] ? normalizeNotionId(match[1]) : undefined;
}

/** Inline enhanced markdown as rich text: mentions become mention runs, links carry `href`. */
export function inlineRichText(ws: World, line: string): RichTextItemResponse[] {
  const runs: RichTextItemResponse[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index > last) runs.push(...richText(line.slice(last, m.index)));
    last = m.index + m[0].length;
    const [, kind, url = '', label, linkText = '', linkUrl = ''] = m;
    const target = kind ? idInUrl(url) : undefined;
    const annotations = { ...ANNOTATIONS, color: 'default' as const };
    if (kind === 'page' && target) {
      const page = ws.pages.get(target);
      const title = page?.shared ? page.title : 'Untitled'; // what the API shows for unreachable targets
      const href = `https://www.notion.so/${hex(target)}`;
      runs.push({
        type: 'mention',
        mention: { type: 'page', page: { id: target } },
        annotations,
        plain_text: title,
        href,
      });
    } else if (kind === 'database' && target) {
      const href = `https://www.notion.so/${hex(target)}`;
      const title = ws.databases.get(target)?.title ?? label ?? 'Untitled';
      runs.push({
        type: 'mention',
        mention: { type: 'database', database: { id: target } },
        annotations,
        plain_text: title,
        href,
      });
    } else if (kind === 'user' && target) {
      const name = ws.users.find((u) => u.id === target)?.name ?? label ?? 'Unknown';
      runs.push({
        type: 'mention',
        mention: { type: 'user', user: partialUser(target) },
        annotations,
        plain_text: `@${name}`,
        href: null,
      });
    } else if (kind) runs.push(...richText(m[0]));
    else runs.push(text(linkText, linkUrl));
  }
  if (last < line.length) runs.push(...richText(line.slice(last)));
  return runs;
}
