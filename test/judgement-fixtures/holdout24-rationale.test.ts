import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { nygardRecord } from './decision-folder.js';

/**
 * Decision records as the twenty-fourth round's labellers met them under decision-rationale: reasons worded
 * without the connectives the rule knew, Pros/Cons labels in the Consequences, and adr-tools' first record
 * under a translated name. Written for the test (the pages themselves are other people's text); each wrong
 * finding has its neighbour, a record that gives no reason, which keeps its finding.
 */

const NOW = '2026-01-10';

/** The files that get a decision-rationale finding, linting `files` with no config. */
async function flagged(files: Record<string, string>): Promise<string[]> {
  const result = await run(defaultConfig(tempTree(files)), { now: new Date(NOW) });
  return result.findings
    .filter((f) => f.ruleId === 'decision-rationale')
    .map((f) => f.page.file ?? '')
    .sort();
}

/** A Nygard record whose Context states a bare topic (no need, no harm) and whose Decision is `decision`. */
const nygard = (
  title: string,
  decision: string,
  consequences = 'We will revisit this in a year.',
  context = 'The shop takes card payments.',
) => nygardRecord({ title, context, decision, consequences });

/** The same record in Portuguese headings. */
const nygardPt = (title: string, context: string, decision: string) =>
  [
    `# ${title}`,
    '',
    'Data: 2018-03-02',
    '',
    '## Status',
    '',
    'Aceito',
    '',
    '## Contexto',
    '',
    context,
    '',
    '## Decisão',
    '',
    decision,
    '',
    '## Consequências',
    '',
    'O time mantém a ferramenta.',
    '',
  ].join('\n');

describe('A1: reasons worded without the connectives the pattern knew', () => {
  it('"chosen for their …", "this approach ensures …", "…, offering flexibility" and "the decision is based on" are reasons', async () => {
    const files = {
      'docs/adr/0002-payments.md': nygard(
        '2. Payments',
        'We integrate two card providers. These providers are chosen for their broad acceptance and fraud checks.',
      ),
      'docs/adr/0003-location.md': nygard(
        '3. Location',
        'The app reads the phone GPS with a mapping service. This approach ensures precise pickup points for drivers.',
      ),
      'docs/adr/0004-login.md': nygard(
        '4. Login',
        'We sign users in with the campus directory, offering flexibility and security for staff and students.',
      ),
      'docs/adr/0005-sheets.md': nygard(
        '5. Keep the sheets',
        'Keep the table designs as spreadsheets. The decision is based on the editing ergonomics of wide tables.',
      ),
      'docs/adr/0006-picked.md': nygard(
        '6. Queue',
        'We run the queue on NATS, selected for its small footprint.',
      ),
    };
    expect(await flagged(files)).toEqual([]);
  });

  it('a Decision that only restates the choice keeps its finding: "based on PostgreSQL", "ensures" as a duty, "offering" a service', async () => {
    const files = {
      'docs/adr/0002-store.md': nygard('2. Store', 'The new store is based on PostgreSQL.'),
      'docs/adr/0003-backups.md': nygard(
        '3. Backups',
        'The platform team ensures nightly backups of the store.',
      ),
      'docs/adr/0004-offer.md': nygard('4. Offer', 'We are offering a help desk to the branches.'),
      'docs/adr/0005-chosen.md': nygard('5. Chosen', 'Stripe was chosen for the web shop.'),
    };
    expect(await flagged(files)).toEqual([
      'docs/adr/0002-store.md',
      'docs/adr/0003-backups.md',
      'docs/adr/0004-offer.md',
      'docs/adr/0005-chosen.md',
    ]);
  });

  it('Portuguese: "a decisão se baseia", "é necessário", "inviável", "risco", "para suportar" give the reason', async () => {
    const files = {
      'doc/decisoes/0002-planilhas.md': nygardPt(
        '2. Manter planilhas',
        'As tabelas são descritas hoje em planilhas compartilhadas.',
        'Manter as planilhas. A decisão se baseia na edição visual de tabelas largas.',
      ),
      'doc/decisoes/0003-icones.md': nygardPt(
        '3. Ícones',
        'Para suportar os navegadores mais usados, é necessário gerar vários tamanhos de ícone.',
        'Usamos um gerador automático de ícones.',
      ),
      'doc/decisoes/0004-orquestrador.md': nygardPt(
        '4. Orquestrador',
        'O orquestrador roda numa versão antiga. Era inviável atualizar no lugar sem parar os jobs e sem risco de perder agendamentos.',
        'Subir a versão nova num ambiente paralelo.',
      ),
    };
    expect(await flagged(files)).toEqual([]);
  });

  it('Portuguese neighbours keep their finding: a task ("Precisamos escolher"), an architecture "baseada em" the choice', async () => {
    const files = {
      'doc/decisoes/0002-fila.md': nygardPt('2. Fila', 'Precisamos escolher uma fila.', 'Usar RabbitMQ.'),
      'doc/decisoes/0003-servicos.md': nygardPt(
        '3. Serviços',
        'O site tem três partes.',
        'Uma arquitetura baseada em microsserviços.',
      ),
    };
    expect(await flagged(files)).toEqual(['doc/decisoes/0002-fila.md', 'doc/decisoes/0003-servicos.md']);
  });
});

describe('A2: Pros and Cons labels in the Consequences weigh the choice', () => {
  const consequences = (labels: string[]) =>
    labels
      .flatMap((label) => [
        `- **${label}:**`,
        `  - ${label === 'Cons' ? 'One more vendor to pay.' : 'Checkout gets shorter.'}`,
        '',
      ])
      .join('\n');

  it('a "**Pros:**" list item, or a "**Pros:**" paragraph, in the Consequences is the reason', async () => {
    const files = {
      'docs/adr/0002-list.md': nygard(
        '2. Gateway',
        'We integrate a hosted gateway.',
        consequences(['Pros', 'Cons']),
      ),
      'docs/adr/0003-para.md': nygard(
        '3. Gateway',
        'We integrate a hosted gateway.',
        '**Pros:** checkout gets shorter.\n\n**Cons:** one more vendor to pay.',
      ),
    };
    expect(await flagged(files)).toEqual([]);
  });

  it('Consequences with only Cons, or a "pros" word in a sentence, give no reason', async () => {
    const files = {
      'docs/adr/0002-cons.md': nygard('2. Gateway', 'We integrate a hosted gateway.', consequences(['Cons'])),
      'docs/adr/0003-word.md': nygard(
        '3. Gateway',
        'We integrate a hosted gateway.',
        'The pros will be listed later: the vendor sends the contract next week.',
      ),
    };
    expect(await flagged(files)).toEqual(['docs/adr/0002-cons.md', 'docs/adr/0003-word.md']);
  });
});

describe('A4: adr-tools’ first record, translated', () => {
  const bootstrap = (decision: string) =>
    nygardPt(
      '1. Registrar decisões de arquitetura',
      'Vamos registrar as decisões de arquitetura deste projeto.',
      decision,
    );

  it('its Decision adopts the records as Michael Nygard described them: exempt under any file name', async () => {
    const files = {
      'doc/decisoes/0001-registrar-decisoes-de-arquitetura.md': bootstrap(
        'Vamos usar Registros de Decisão de Arquitetura, conforme descrito por Michael Nygard em seu artigo.',
      ),
      'doc/adr/0001-architekturentscheidungen-festhalten.md': bootstrap(
        'Wir verwenden Architecture Decision Records, wie von Michael Nygard beschrieben.',
      ),
      'docs/adr/0001-record-decisions.md': nygard(
        '1. Record architecture decisions',
        'We will use Architecture Decision Records, as [described by Michael Nygard](https://example.org/adr-article).',
      ),
    };
    expect(await flagged(files)).toEqual([]);
  });

  it('a first record that adopts something else, or names Nygard without his description, keeps its finding', async () => {
    const files = {
      'doc/decisoes/0001-registrar-decisoes-de-arquitetura.md': bootstrap('Vamos usar um wiki.'),
      'docs/adr/0001-replace-format.md': nygard('1. Records', 'We replace the Nygard format with MADR.'),
    };
    expect(await flagged(files)).toEqual([
      'doc/decisoes/0001-registrar-decisoes-de-arquitetura.md',
      'docs/adr/0001-replace-format.md',
    ]);
  });
});
