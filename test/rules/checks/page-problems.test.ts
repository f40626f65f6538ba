import { describe, expect, it } from 'vitest';
import { pageProblemsCheck } from '../../../src/rules/checks/page-problems.js';
import { check, page } from './harness.js';

describe('page-problems', () => {
  it('has nothing to say about a well-formed page', () => {
    expect(check(pageProblemsCheck, '---\nowner: ana\n---\n# Page\n')).toEqual([]);
  });

  it('reports broken front matter where the YAML parser stopped', () => {
    expect(check(pageProblemsCheck, '---\nowner: [ana\n---\n# Page\n')).toEqual([
      {
        at: '2:12-2:12',
        problem:
          'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ]);
  });

  it('reports front matter that is not a mapping', () => {
    expect(check(pageProblemsCheck, '---\n- a\n- b\n---\n# Page\n')).toEqual([
      { at: '2:1-2:1', problem: 'Front matter must be a mapping of keys to values.' },
    ]);
  });

  it('takes no options and skips unreadable pages', () => {
    expect(() => pageProblemsCheck.options.strict().parse({ severity: 'x' })).toThrow();
    expect(check(pageProblemsCheck, page('---\n- a\n---\n', { unreadable: { reason: '403' } }))).toEqual([]);
  });
});
