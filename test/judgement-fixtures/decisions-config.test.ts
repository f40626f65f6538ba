import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';

describe('decision settings in config', () => {
  it('reads the sidecar files config names, and record paths that need a field', async () => {
    const root = tempTree({
      'handbook-lint.yml': [
        'sources:',
        '  markdown:',
        '    root: docs',
        '    sidecar-files: [record.yml]',
        'document-types:',
        '  decision:',
        '    record-paths: ["choices/*/README.md"]',
        '    record-fields: [state]',
        '  index:',
        '    paths: ["**/README.md"]',
        '    except-paths: ["choices/*/README.md"]',
      ].join('\n'),
      'docs/README.md': '# Docs\n\n- [Queue](choices/queue/README.md)\n- [Cache](choices/cache/README.md)\n',
      'docs/choices/queue/README.md':
        '# Use a queue\n\n## Decision\n\nWe use a queue because bursts overload the API.\n',
      'docs/choices/queue/record.yml':
        'state: accepted\nstatus: accepted\ndate: 2026-05-02\nowner: Mia Chen\n',
      'docs/choices/cache/README.md': '# Cache notes\n\nNo record here.\n',
    });
    const types = new Map<string, string | undefined>();
    const result = await run(await loadConfig(join(root, 'handbook-lint.yml')), {
      now: new Date('2026-06-01T00:00:00Z'),
      onPage: (page) => types.set(page.path, page.type),
    });
    expect(types.get('choices/queue/README.md')).toBe('decision');
    expect(types.get('choices/cache/README.md')).toBeUndefined();
    const queue = result.findings
      .filter((f) => f.page.path === 'choices/queue/README.md')
      .map((f) => f.ruleId);
    expect(queue).not.toContain('decision-status');
    expect(queue).not.toContain('decision-date');
    expect(queue).not.toContain('decision-owner');
  });
});
