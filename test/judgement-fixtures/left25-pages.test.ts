import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/** Round 25 page labels: the causes of its wrong findings and misses. Each page is written for the test. */

describe('left25: a Portuguese handbook\'s "_preencher_" blanks and its "Responsável" line', () => {
  const handbook = (owner: string) =>
    tempTree({
      'README.md': '# Manual\n\n- [Incidentes](incidentes/README.md)\n- [Entrada](pessoas/entrada.md)\n',
      'incidentes/README.md': `# Incidentes\n\nGestão de incidentes.\n\n**Última atualização**: _preencher_\n**Responsável**: ${owner}\n\n- [Severidades](severidades.md)\n`,
      'incidentes/severidades.md': '# Severidades\n\nDe P1 a P4.\n',
      'pessoas/entrada.md': `# Entrada\n\n**Responsável**: ${owner}\n\nComo recebemos quem chega.\n\n| Repositório | Descrição |\n| --- | --- |\n| _preencher_ | Firmware |\n\nÉ preciso _preencher_ o formulário antes do primeiro dia.\n`,
    });

  it('reports "_preencher_" left as a line\'s value or a cell, not italics inside a sentence', async () => {
    expect(await findings([handbook('_preencher_')], 'placeholder', true)).toEqual([
      'incidentes/README.md Unfilled template text "_preencher_".',
      'incidentes/README.md Unfilled template text "_preencher_".',
      'pessoas/entrada.md Unfilled template text "_preencher_".',
      'pessoas/entrada.md Unfilled template text "_preencher_".',
    ]);
  });

  it('"Responsável: _preencher_" names nobody: the page and the folder below its index are unowned', async () => {
    expect(await findings([handbook('_preencher_')], 'page-owner', true)).toEqual([
      'incidentes/severidades.md Page owner is missing (found: none).',
      'pessoas/entrada.md Page owner does not name a person (found: preencher).',
    ]);
  });

  it('"Responsável: Ana Souza" is the owner, passed down from the folder\'s index', async () => {
    expect(await findings([handbook('Ana Souza')], 'page-owner')).toEqual([]);
  });
});

describe('left25: a channel named by a rule ("#tribe-[nome]") is no slot', () => {
  const page = (line: string) =>
    tempTree({ 'entrada.md': `# Entrada\n\n**Owner:** Ana\n\n- [ ] ${line}\n- [ ] Criar conta no Linear\n` });

  it('"#tribe-[nome]" and "#squad-[nome]" in a checklist are the reader\'s own channels', async () => {
    expect(
      await findings([page('Adicionar aos canais (#geral, #tribe-[nome], #squad-[nome])')], 'placeholder'),
    ).toEqual([]);
  });

  it('"[Nome]" standing alone is still an unfilled slot', async () => {
    expect(await findings([page('Apresentar [Nome] ao time')], 'placeholder', true)).toEqual([
      'entrada.md Unfilled template text "[Nome]".',
    ]);
  });
});

describe('left25: a page whose whole text is "To be completed."', () => {
  it('is reported, as French "À compléter" is', async () => {
    const root = tempTree({
      'testing.md': '---\ntitle: Testing\n---\n\nTo be completed.\n',
      'reviews.md': '# Reviews\n\n## Checklist\n\nÀ compléter\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'reviews.md Unfilled template text "À compléter".',
      'testing.md Unfilled template text "To be completed.".',
    ]);
  });

  it('in a sentence it is prose', async () => {
    const root = tempTree({ 'forms.md': '# Forms\n\nThe expense form is to be completed by Friday.\n' });
    expect(await findings([root], 'placeholder')).toEqual([]);
  });
});

describe("left25: a sub-folder linted alone inherits the owner the handbook's root index names", () => {
  const handbook = (contributing: string) =>
    tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'index.md': `---\ntitle: Index\n---\n\n# Engineering Handbook\n\n### Contributing\n\n${contributing}\n\n## Sections\n\n### [Technical standards](technical_standards/index.md)\n`,
      'technical_standards/index.md': '- [Node.js](node/index.md)\n',
      'technical_standards/node/index.md': '- [Error handling](error_handling.md)\n',
      'technical_standards/node/error_handling.md':
        '---\ntitle: Error handling\n---\n\n# Error handling\n\nWe centralise errors.\n',
    });

  it('"This handbook is maintained by the Platform team." above the lint root owns its pages', async () => {
    const { join } = await import('node:path');
    const root = handbook('This handbook is maintained by the Platform team. Pull requests are welcome.');
    expect(await findings([root], 'page-owner')).toEqual([]);
    expect(await findings([join(root, 'technical_standards')], 'page-owner')).toEqual([]);
    expect(await findings([join(root, 'technical_standards/node')], 'page-owner')).toEqual([]);
  });

  it("a root index that names nobody leaves the sub-folder's page unowned", async () => {
    const { join } = await import('node:path');
    const root = handbook('Pull requests are welcome from everyone.');
    expect(await findings([join(root, 'technical_standards')], 'page-owner')).toEqual([
      'node/error_handling.md',
    ]);
  });
});

describe('left25: a Vue binding `:href` is no link', () => {
  it('`<a :href="item.url">` and `v-bind:href` bind a script\'s value; a plain `href` beside them is still read', async () => {
    const root = tempTree({
      'resources.md':
        '---\ntitle: Resources\nowner: Ana\n---\n\n<a :href="item.url" target="_blank">{{ item.title }}</a>\n\n<a v-bind:href="guide.link">Guide</a>\n\n<a class="button" href="missing.md">Old page</a>\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'resources.md Broken link missing.md: no such page.',
    ]);
  });
});

describe('left25: a handbook that names every page `readme.md` writes content in some', () => {
  const handbook = () =>
    tempTree({
      'readme.md':
        '# Handbook\n\n- [Architecture](/architecture/readme.md)\n- [DRP](/devops/drp/readme.md)\n',
      'architecture/readme.md':
        '[Handbook](/readme.md) » Architecture\n\n# Architecture\n\nHow we build.\n\n- [Design](/architecture/design.md)\n- [APIs](/architecture/apis.md)\n',
      'architecture/design.md': '# Design\n\n**Owner:** Ana\n\nHexagonal.\n',
      'architecture/apis.md': '# APIs\n\n**Owner:** Ana\n\nREST.\n',
      'devops/drp/readme.md':
        '# Procedimiento: cambio de DNS\n\n## Propósito\n\nCambiar el DNS de una región a otra.\n\n## Procedimiento\n\n1. Acceda al panel.\n2. Actualice el registro.\n',
      'adr/readme.md': '# Decisiones\n\nCada decisión en su archivo, con su estado.\n',
      'adr/0001-usar-kafka.md':
        '# 1. Usar Kafka\n\n## Estado\n\nAceptado\n\n## Contexto\n\nMensajes.\n\n## Decisión\n\nKafka.\n',
    });

  it('a procedure in a lower-case readme.md of its own folder is asked for an owner; the readme that lists pages is not', async () => {
    expect(await findings([handbook()], 'page-owner')).toEqual(['devops/drp/readme.md']);
  });

  it("a prose readme.md in a decision folder stays that folder's index, no record", async () => {
    const { stdout } = await runCli(['run', handbook(), '--format', 'json', '--now', '2026-07-01']);
    const all = JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[];
    expect(all.filter((f) => f.page.file === 'adr/readme.md').map((f) => f.ruleId)).toEqual([]);
    // The record beside it is judged as one: the folder is typed.
    const record = all.filter((f) => f.page.file === 'adr/0001-usar-kafka.md');
    expect(record.some((f) => f.ruleId.startsWith('decision-'))).toBe(true);
  });
});

describe('left25: a link to a document left pointing at "/"', () => {
  it('"fill out this [template](/)" and "[agreement form](#)" are reported; "[home page](/)" and "[Back to top](#)" are not', async () => {
    const root = tempTree({
      'ordering.md':
        '---\ntitle: Ordering\nowner: Leo\n---\n\n## Placing an order\n\n- For vendors on PO, fill out this [template](/) and send it to Leo\n- Submit the signed lab [agreement form](#) to Leo\n- Back to the [home page](/).\n\n[Back to top](#)\n',
      'index.md': '---\ntitle: Lab handbook\nowner: Leo\n---\n\n- [Ordering](ordering.md)\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'ordering.md Unfilled template text "[agreement form](#)".',
      'ordering.md Unfilled template text "[template](/)".',
    ]);
    expect(await findings([root], 'todo-note')).toEqual([]);
  });
});
