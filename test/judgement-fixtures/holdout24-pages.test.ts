import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/** Round 24 page labels: a Portuguese owner row and a Portuguese "to be created" note. Each page is written for the test. */

describe('holdout24: Portuguese "Dono" names the page\'s owner', () => {
  const manual = (row: string) =>
    tempTree({
      'README.md': '# Manual\n\n- [Suporte](suporte.md)\n- [Sprint](sprint.md)\n',
      'suporte.md': `# Respostas de suporte\n\n| Campo | Valor |\n| --- | --- |\n| ${row} | Pessoa de suporte na sprint |\n| Revisão | Mensal |\n\nRespostas prontas para perguntas comuns.\n`,
      'sprint.md': '# Planejar a sprint\n\n**Owner:** Equipe de dados\n\nComo planejamos cada sprint.\n',
    });

  it('a table row "Dono" is the owner, as "Owner" is', async () => {
    expect(await findings([manual('Dono')], 'page-owner')).toEqual([]);
    expect(await findings([manual('Owner')], 'page-owner')).toEqual([]);
  });

  it('a line "Dono: @ana" is the owner', async () => {
    const root = tempTree({
      'README.md': '# Manual\n\n- [Proxy](proxy.md)\n- [Sprint](sprint.md)\n',
      'proxy.md': '# Usar o proxy\n\nDono: @ana\n\nComo usar o proxy.\n',
      'sprint.md': '# Planejar a sprint\n\n**Owner:** Equipe de dados\n\nComo planejamos cada sprint.\n',
    });
    expect(await findings([root], 'page-owner')).toEqual([]);
  });

  it('a row that names a contact ("Contato") leaves the page reported', async () => {
    expect(await findings([manual('Contato')], 'page-owner')).toEqual(['suporte.md']);
  });
});

describe('holdout24: "(a criar)" beside what is still to be written', () => {
  const page = (line: string) => tempTree({ 'suporte.md': `# Suporte\n\n## Runbooks\n\n${line}\n` });

  for (const line of [
    'Para incidentes, ver `processos/runbooks/` (a criar).',
    'O glossário (a definir) fica aqui.',
  ])
    it(`"${line}" is an author's note`, async () => {
      expect(await findings([page(line)], 'todo-note')).toEqual(['suporte.md']);
    });

  it('"a criar" in a sentence is prose', async () => {
    expect(
      await findings([page('Temos um runbook a criar por sprint, como diz o processo.')], 'todo-note'),
    ).toEqual([]);
  });
});
