import { describe, expect, it } from 'vitest';
import { planSidecars, readSidecarFields } from '../../src/platforms/markdown/sidecar.js';
import { tempTree } from '../helpers/cli.js';

describe('sidecar metadata files', () => {
  const names = ['kep.yaml', 'metadata.yaml'];

  it('gives a folder sidecar to its README, or to the only page of the folder', () => {
    const pages = [
      'keps/1441-debug/README.md',
      'keps/1441-debug/notes.md',
      'decisions/7/record.md',
      'shared/a.md',
      'shared/b.md',
    ];
    const files = [
      'keps/1441-debug/kep.yaml',
      'decisions/7/metadata.yaml',
      'shared/metadata.yaml',
      'keps/kep.yaml',
    ];
    expect(planSidecars(pages, files, names)).toEqual(
      new Map([
        ['keps/1441-debug/README.md', 'keps/1441-debug/kep.yaml'],
        ['decisions/7/record.md', 'decisions/7/metadata.yaml'],
      ]),
    );
  });

  it('prefers the first configured name when a folder holds two', () => {
    const plan = planSidecars(['x/README.md'], ['x/metadata.yaml', 'x/kep.yaml'], names);
    expect(plan.get('x/README.md')).toBe('x/kep.yaml');
  });

  it('reads top-level keys as fields marked with their file; lists joined, nested maps dropped', async () => {
    const root = tempTree({
      'x/kep.yaml':
        'title: Debug\nstatus: implementable\ncreation-date: 2019-10-08\nauthors:\n  - "@ana"\n  - "@ben"\nmilestone:\n  alpha: "v1.18"\n',
    });
    expect(await readSidecarFields(root, 'x/kep.yaml')).toEqual({
      title: { value: 'Debug', source: 'kep.yaml' },
      status: { value: 'implementable', source: 'kep.yaml' },
      'creation-date': { value: '2019-10-08', source: 'kep.yaml' },
      authors: { value: '@ana, @ben', source: 'kep.yaml' },
    });
  });

  it('gives no fields for a file that is not a YAML mapping', async () => {
    const root = tempTree({ 'x/kep.yaml': 'status: [unclosed\n', 'y/kep.yaml': '- a\n- b\n' });
    expect(await readSidecarFields(root, 'x/kep.yaml')).toEqual({});
    expect(await readSidecarFields(root, 'y/kep.yaml')).toEqual({});
  });
});
