import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';

// The twentieth round's meeting folders (synthetic pages of their shapes): a Japanese company's `議事録/` of minutes
// by body, and French students' `compte-rendus/` (not the `comptes-rendus/` the list had) whose undated pages hold
// only an agenda, exactly those meeting-agenda and meeting-outcomes are for.
const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string) => classify({ path, title, labels: [] });

describe('the twentieth round: minutes folders in Japanese and in French students’ spelling', () => {
  it('types the pages of `議事録/` and `compte-rendus/` as meeting notes', () => {
    expect(typeOf('議事録/経営会議/第12回.md', '第12回 経営会議')).toBe('meeting-notes');
    expect(typeOf('documents/compte-rendus/Point projet.md', 'Point projet')).toBe('meeting-notes');
  });

  it('keeps a folder that only contains the words a page, and the folder’s template a template', () => {
    expect(typeOf('docs/議事録の書き方.md', '議事録の書き方')).toBeUndefined();
    expect(typeOf('docs/compte-rendus-guide.md', 'Rédiger un compte rendu')).toBeUndefined();
    expect(typeOf('documents/compte-rendus/modele.md', 'Modèle')).toBe('template');
  });
});

describe('the twentieth round: a Japanese agenda label', () => {
  const minutes = (lines: string) =>
    `# 2026-09-27 定例\n\n## 要点\n\n- 日時：2026-09-27 17:00\n- 参加者：CPO、CTO\n${lines}- 決まったこと：\n  - 値段は後で決める。\n`;

  it('counts "- 議題：…" as the written agenda, and still asks a page without one', async () => {
    const root = tempTree({
      '議事録/2026-09-27_定例.md': minutes('- 議題：(1) 禁止語 (2) 購入画面\n'),
      '議事録/2026-09-28_定例.md': minutes(''),
      '議事録/2026-09-29_定例.md': minutes('- 議題：(1) 値段\n'),
    });
    expect(await ruleFindings([root], 'meeting-agenda')).toEqual(['議事録/2026-09-28_定例.md']);
  });
});
