import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';
import { pageType } from './page-type.js';

/**
 * Meeting notes as the nineteenth out-of-sample round met them, written for the test (the pages themselves are
 * other people's text): a bold "Decisions" sub-label inside a mixed next-steps section, a bold label alone on its
 * line over the next steps, Portuguese due phrases.
 */

const typeOf = pageType;

const ata = (body: string) => `# Ata de Reunião - 10/09/2025\n\n## Pauta\n\n1. Requisitos\n\n${body}`;

describe('the nineteenth round: decisions under a bold sub-label are no action items', () => {
  it('leaves the list under "**Decisões**" in a mixed section out, and still judges the tasks beside it', async () => {
    const found = await meetingFindings({
      'atas/ata3.md': ata(
        '## Próximos Passos e Decisões\n\n- Revisar o protótipo com o cliente\n\n- **Decisões**\n  - Guardar o histórico de pedidos\n  - Exigir login por e-mail\n',
      ),
      'minutes/2026-05-02.md':
        '# Sync 2026-05-02\n\n## Agenda\n\n- Billing\n\n## Next steps and decisions\n\n**Decisions**\n\n- Keep monthly billing\n\n**Action items**\n\n- Draft the pricing page\n',
    });
    const items = of(found, 'action-items');
    expect(items.some((line) => line.includes('Revisar o protótipo'))).toBe(true);
    expect(items.some((line) => line.includes('Draft the pricing page'))).toBe(true);
    expect(items.filter((line) => /histórico|login|monthly billing/.test(line))).toEqual([]);
  });
});

describe('the nineteenth round: a bold label alone on its line opens a section', () => {
  it('reads "📅 **Próximos Passos**" and "**Action items:**" over a list as the next steps', async () => {
    const found = await meetingFindings({
      'atas/ata10.md': ata(
        '## Tópicos\n\n- Integração\n\n📅 **Próximos Passos**\n- • Implementar os relatórios\n- • Criar testes unitários\n\n## Histórico\n\n| Versão | Data |\n|---|---|\n| 1.0 | 10/09/2025 |\n',
      ),
      'meetings/2026-03-19.md':
        '# Call 2026-03-19\n\n## Agenda\n\n- Release\n\n## Notes\n\nWe talked.\n\nAction items:\n\n- Publish the docker images\n',
    });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
    const items = of(found, 'action-items');
    expect(items.some((line) => line.includes('"Implementar os relatórios"'))).toBe(true);
    expect(items.some((line) => line.includes('Publish the docker images'))).toBe(true);
    expect(items.some((line) => line.includes('•'))).toBe(false);
  });

  it('reads no section from a bold phrase inside a sentence', async () => {
    const found = await meetingFindings({
      'meetings/2026-03-19.md':
        '# Call 2026-03-19\n\n## Agenda\n\n- Release\n\n## Notes\n\nThe **next steps** were not written down.\n\n- Release is late\n',
    });
    expect(of(found, 'meeting-outcomes')).toHaveLength(1);
    expect(of(found, 'action-items')).toEqual([]);
  });
});

describe('the nineteenth round: Portuguese due phrases', () => {
  it('reads "no sábado", "na próxima release", "para a próxima reunião", "até sexta" as dues', async () => {
    const found = await meetingFindings({
      'atas/ata5.md': ata(
        '## Próximos Passos\n\n- Ana: entrega do projeto no sabado\n- Bo: mudar o fluxo na próxima release\n- Caio: definir atividades para a próxima reunião\n- Dani: revisar a documentação até sexta\n- Eva: corrigir o cadastro\n',
      ),
    });
    expect(of(found, 'action-items').map((line) => /"([^"]+)"/.exec(line)?.[1])).toEqual([
      'Eva: corrigir o cadastro',
    ]);
  });
});

describe('the nineteenth round: French minutes by their title, a lower-case contributing file', () => {
  it('types "Comptes-rendus des réunions …" and "Rendez-vous n°1" as meeting notes', () => {
    expect(
      typeOf(
        'management/Comptes-rendus_reunions_client.md',
        '# Comptes-rendus des réunions client\n\n## Lundi 14/01 : Lancement\n\nNotes.\n',
      ),
    ).toBe('meeting-notes');
    expect(typeOf('management/RDV/rdv1.md', '# Rendez-vous n°1\n\n*Lundi 14 janvier 2019*\n')).toBe(
      'meeting-notes',
    );
  });

  it('leaves a lab report and a page about booking an appointment untyped', () => {
    expect(typeOf('tp/compte-rendu-tp3.md', '# Compte rendu du TP 3\n\nMesures.\n')).toBeUndefined();
    expect(typeOf('docs/support.md', '# Rendez-vous avec le support\n\nÉcrivez-nous.\n')).toBeUndefined();
  });

  it('asks no owner of contributing.md, as of CONTRIBUTING.md, and still of a guide', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Contributing](contributing.md)\n- [Guide](guide.md)\n',
      'contributing.md': '# Contributing\n\nOpen a pull request.\n',
      'guide.md': '# Guide\n\nHow we work.\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual(['guide.md']);
  });
});

describe("the nineteenth round: a meeting's agenda in its own folder", () => {
  const report = (day: string) =>
    `# Report\n\nDate: ${day}.01.2020\n\n## Kickoff\n\nWe met and chose a name.\n\n## Decisions\n\n- The name is Fjord.\n`;

  it('finds the agenda of a report in agenda.md beside it, not for a report without one', async () => {
    const found = await meetingFindings({
      'meetings/090120/agenda.md': '# Agenda for meeting 09.01.2020\n\n## Kickoff\n\n- Choose a name\n',
      'meetings/090120/report.md': report('09'),
      'meetings/150120/report.md': report('15'),
    });
    expect(of(found, 'meeting-agenda').map((line) => line.split(' ')[0])).toEqual([
      'meetings/150120/report.md',
    ]);
  });

  it('still asks it of notes beside an agenda.md in a folder of many meetings', async () => {
    const found = await meetingFindings({
      'meetings/agenda.md': '# Agenda for the next meeting\n\n- Choose a name\n',
      'meetings/2020-01-09.md': report('09'),
    });
    expect(of(found, 'meeting-agenda').map((line) => line.split(' ')[0])).toEqual(['meetings/2020-01-09.md']);
  });
});
