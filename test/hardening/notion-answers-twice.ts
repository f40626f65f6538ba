import { N } from '../writeback/fixtures.js';
import type { ProxyRule } from './fault-proxy.js';

const pageSearch = (body: Record<string, unknown>) =>
  (body.filter as { value?: string } | undefined)?.value === 'page' && !body.query;

/**
 * The fault proxy's rules for a Notion wiki that answers twice: the first page search points on at its own
 * first page, the cursor spelled without dashes (Notion reads ids either way), and that answer gives the same
 * pages again, each under another parent; every comment listing gives each comment twice. The two search
 * answers are logged as faults, so a test can check the repeat was asked for.
 */
export function notionAnswersTwice(): ProxyRule[] {
  return [
    {
      path: '/v1/search',
      method: 'POST',
      when: (_url, body) => pageSearch(body) && !body.start_cursor,
      fault: {
        kind: 'transform',
        change: (json) => {
          const results = (json.results ?? []) as { id: string }[];
          return { ...json, has_more: true, next_cursor: (results[0]?.id ?? '').replaceAll('-', '') };
        },
      },
    },
    {
      path: '/v1/search',
      method: 'POST',
      when: (_url, body) => pageSearch(body) && typeof body.start_cursor === 'string',
      fault: {
        kind: 'transform',
        change: (json) => ({
          ...json,
          results: ((json.results ?? []) as Record<string, unknown>[]).map((p) =>
            p.id === N.home ? p : { ...p, parent: { type: 'page_id', page_id: N.reports } },
          ),
        }),
      },
    },
    { path: '/v1/comments', method: 'GET', fault: { kind: 'duplicate' } },
  ];
}
