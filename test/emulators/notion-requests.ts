import type { NotionFixtureDatabase, NotionFixtureProperty } from './notion-fixture.js';
import { hex } from './notion-rich-text.js';
import { type Body, id, NOTION_LIMITS, validation } from './notion-world.js';

/** Children blocks of a create request, as enhanced markdown, checked against Notion's write limits. */
export function requestBlocksToMarkdown(blocks: unknown, path: string, depth = 1, indent = ''): string {
  if (!Array.isArray(blocks)) throw validation(`body failed validation: ${path} should be an array.`);
  if (blocks.length > 100) {
    throw validation(
      `body failed validation: ${path}.length should be ≤ \`100\`, instead was \`${blocks.length}\`.`,
    );
  }
  if (depth > 2) {
    throw validation(`body failed validation: ${path} exceeds the maximum of 2 levels of nesting.`);
  }
  return blocks
    .map((raw: Body, i) => {
      const type = String(raw.type ?? Object.keys(raw).find((k) => k !== 'object' && k !== 'type'));
      const content = (raw[type] ?? {}) as Body;
      const line = richTextRequestToMarkdown(content.rich_text ?? [], `${path}[${i}].${type}.rich_text`);
      const own = blockLine(type, content, line);
      const children = content.children
        ? `\n${requestBlocksToMarkdown(content.children, `${path}[${i}].${type}.children`, depth + 1, `${indent}\t`)}`
        : '';
      return `${indent}${own}${children}`;
    })
    .join('\n');
}

function blockLine(type: string, content: Body, line: string): string {
  if (type === 'to_do') return `${content.checked ? '- [x] ' : '- [ ] '}${line}`;
  if (type === 'divider') return '---';
  if (type === 'code') return `\`\`\`${String(content.language ?? '')}\n${line}\n\`\`\``;
  return `${BLOCK_PREFIX[type] ?? ''}${line}`;
}

const BLOCK_PREFIX: Record<string, string> = {
  heading_1: '# ',
  heading_2: '## ',
  heading_3: '### ',
  heading_4: '#### ',
  bulleted_list_item: '- ',
  numbered_list_item: '1. ',
  quote: '> ',
};

/** Rich text from a request as enhanced markdown, enforcing the 100-run and 2000-character limits. */
export function richTextRequestToMarkdown(items: unknown, path: string): string {
  if (!Array.isArray(items)) throw validation(`body failed validation: ${path} should be an array.`);
  if (items.length > 100) {
    throw validation(
      `body failed validation: ${path}.length should be ≤ \`100\`, instead was \`${items.length}\`.`,
    );
  }
  return items
    .map((item: Body, i) => {
      const t = item.text as { content?: string; link?: { url: string } | null } | undefined;
      const mention = item.mention as { page?: { id: string }; user?: { id: string } } | undefined;
      if (t) {
        const content = String(t.content ?? '');
        if (content.length > NOTION_LIMITS.textChars) {
          throw validation(
            `body failed validation: ${path}[${i}].text.content.length should be ≤ \`${NOTION_LIMITS.textChars}\`, instead was \`${content.length}\`.`,
          );
        }
        return t.link ? `[${content}](${t.link.url})` : content;
      }
      if (mention?.page) return `<mention-page url="https://www.notion.so/${hex(mention.page.id)}"/>`;
      if (mention?.user) return `<mention-user url="user://${id(mention.user.id)}"/>`;
      return String((item.equation as { expression?: string } | undefined)?.expression ?? '');
    })
    .join('');
}

/** Notion refuses writes over 1000 blocks; one non-empty line stands for one block here. */
export function checkMarkdownSize(markdown: string, field: string): void {
  const blocks = markdown.split('\n').filter((l) => l.trim()).length;
  if (blocks > NOTION_LIMITS.blocksPerWrite) {
    throw validation(
      `body failed validation: ${field} has ${blocks} blocks, more than the maximum of ${NOTION_LIMITS.blocksPerWrite} blocks per request.`,
    );
  }
}

/** Property values from a create/update request, converted to the compact stored form. */
export function parseRequestProperties(ds: NotionFixtureDatabase | undefined, raw: unknown) {
  const result: { title?: string; properties: Record<string, NotionFixtureProperty> } = { properties: {} };
  if (raw === undefined) return result;
  if (typeof raw !== 'object' || raw === null) {
    throw validation('body failed validation: body.properties should be an object.');
  }
  for (const [name, value] of Object.entries(raw as Record<string, Body>)) {
    const titleRuns = Array.isArray(value) ? value : value.title;
    if ((name === 'title' || name === ds?.titleProperty) && Array.isArray(titleRuns)) {
      result.title = richTextRequestToMarkdown(titleRuns, `body.properties.${name}.title`);
      continue;
    }
    const spec = ds?.schema[name];
    if (!spec) {
      throw validation(
        ds
          ? `${name} is not a property that exists.`
          : `body failed validation: only the title property can be set on a page whose parent is a page (got "${name}").`,
      );
    }
    result.properties[name] = propertyFromRequest(name, spec, value);
  }
  return result;
}

function propertyFromRequest(
  name: string,
  spec: NotionFixtureDatabase['schema'][string],
  value: Body,
): NotionFixtureProperty {
  const named = (v: unknown) => ((v as { name?: string } | null)?.name ?? null) as string | null;
  const ids = (v: unknown) => ((v as Array<{ id: string }> | undefined) ?? []).map((x) => id(x.id));
  switch (spec.type) {
    case 'status': {
      const status = named(value.status);
      if (status !== null && !(spec.options ?? []).includes(status)) {
        throw validation(
          `Invalid status option. Status option "${status}" does not exist for property "${name}".`,
        );
      }
      return { type: 'status', name: status };
    }
    case 'select':
      return { type: 'select', name: named(value.select) };
    case 'multi_select':
      return {
        type: 'multi_select',
        names: ((value.multi_select as unknown[]) ?? []).map((o) => named(o) ?? ''),
      };
    case 'people':
      return { type: 'people', ids: ids(value.people) };
    case 'relation':
      return { type: 'relation', ids: ids(value.relation) };
    case 'date': {
      const date = value.date as { start?: string; end?: string | null } | null;
      return { type: 'date', start: date?.start ?? null, end: date?.end ?? null };
    }
    case 'rich_text':
      return {
        type: 'rich_text',
        text: richTextRequestToMarkdown(value.rich_text ?? [], `body.properties.${name}.rich_text`),
      };
    case 'checkbox':
      return { type: 'checkbox', checked: Boolean(value.checkbox) };
    case 'url':
      return { type: 'url', url: (value.url as string | null) ?? null };
    case 'verification': {
      const v = value.verification as
        | { state?: string; date?: { start?: string; end?: string | null } }
        | undefined;
      if (v?.state === 'verified') {
        return { type: 'verification', state: 'verified', start: v.date?.start, end: v.date?.end };
      }
      return { type: 'verification', state: 'unverified' };
    }
  }
}

/** Resolves Notion's ellipsis selection ("start text...end text") to a [start, end) range of `text`. */
function selectRange(text: string, selection: unknown): [number, number] {
  const raw = String(selection ?? '');
  const cut = raw.indexOf('...');
  const [head, tail] = cut < 0 ? [raw, ''] : [raw.slice(0, cut), raw.slice(cut + 3)];
  const start = head ? text.indexOf(head) : -1;
  const end = start < 0 ? -1 : tail ? text.indexOf(tail, start + head.length) : start + head.length;
  if (start < 0 || end < 0) {
    throw validation(`The selection "${raw}" does not match any content in the page.`);
  }
  return [start, tail ? end + tail.length : end];
}

/** The body after one PATCH /v1/pages/{id}/markdown command. */
export function editedMarkdown(current: string, type: string, command: Body): string {
  const str = (v: unknown) => String(v ?? '');
  switch (type) {
    case 'replace_content':
      return str(command.new_str);
    case 'update_content':
      return ((command.content_updates ?? []) as Body[]).reduce((text: string, u) => {
        const oldStr = str(u.old_str);
        if (!text.includes(oldStr)) throw validation(`No match found for old_str: "${oldStr}".`);
        const newStr = str(u.new_str);
        return u.replace_all_matches ? text.split(oldStr).join(newStr) : text.replace(oldStr, () => newStr);
      }, current);
    case 'insert_content': {
      const content = str(command.content);
      const at = command.after
        ? selectRange(current, command.after)[1]
        : (command.position as { type?: string } | undefined)?.type === 'start'
          ? 0
          : current.length;
      const before = current.slice(0, at).replace(/\n*$/, '');
      const after = current.slice(at).replace(/^\n*/, '');
      return [before, content, after].filter(Boolean).join('\n');
    }
    case 'replace_content_range': {
      const [start, end] = selectRange(current, command.content_range);
      return current.slice(0, start) + str(command.content) + current.slice(end);
    }
    default:
      throw validation(
        `body failed validation: body.type should be one of "insert_content", "replace_content_range", "update_content", "replace_content", instead was "${type}".`,
      );
  }
}
