import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';
import { pageType } from './page-type.js';

/**
 * Meeting notes as the eighteenth out-of-sample round met them, written for the test (the pages themselves are
 * other people's text): minutes no path, title or front matter types, known by their content (a date near the top
 * and two kinds of minutes sections, in French, Spanish and English, headings after an emoji, a date in the parent
 * folder's name); an agenda titled "Meeting-Agenda: …" without its day; templates known by a plain first line
 * ending in "Template" or by their bracketed instructions.
 */

const typeOf = pageType;

const FRENCH = `# [Hebdo] – Fin du MVP\n\n**Date** : 11/03/2026\n**Participants** : Léa, Hugo\n**Rédacteur** : Hugo\n\n## Ordre du jour\n\n1. Routes\n\n## Discussions & Décisions\n\n* **Discussion** :\n  Les routes sont prêtes.\n\n## Actions à mener\n\n- Hugo : intégrer le front\n`;
const SPANISH = `# 📝 Acta — Avances del sprint\n\n**Fecha:** 2025-10-19  \n**Hora:** 09:00\n\n## 👥 Participantes\n\n| Nombre | Rol |\n|---|---|\n| Ana | Backend |\n\n## ✅ Compromisos / Tareas\n\n| # | Tarea | Responsable |\n|---|---|---|\n| 1 | Subir la guía | Ana |\n\n## 🧩 Acuerdos\n\n- Usamos ramas por módulo.\n`;
const GENERATED = `## Meeting Notes\n\n### Attendees\n- Ana (Acme)\n- Bo\n\n### Agenda\n- [Bo] Roadmap update\n`;
const SUMMARY = `## Key Topics\n- The roadmap.\n\n## Action Items\n- Bo to share the draft.\n\n## Participants\nAna, Bo\n`;

describe('the eighteenth round: minutes known by their content', () => {
  it('types dated pages with two kinds of minutes sections as meeting notes', () => {
    expect(typeOf('notes-equipe/3 Mars/2026-03-11_note.md', FRENCH)).toBe('meeting-notes');
    expect(typeOf('gestion/03-registro/sprint-avances.md', SPANISH)).toBe('meeting-notes');
    expect(typeOf('content/Agent-WG/2026-02-03/meeting-notes.md', GENERATED)).toBe('meeting-notes');
    expect(typeOf('content/Agent-WG/2026-02-03/summary.md', SUMMARY)).toBe('meeting-notes');
  });

  it('needs the date and two kinds of sections, and lets an earlier type win', () => {
    // No date: the same sections are a guide's.
    expect(typeOf('content/Agent-WG/meeting-notes.md', GENERATED)).toBeUndefined();
    // One kind only, though dated.
    expect(
      typeOf('docs/2026-02-03-sync.md', '## Attendees\n\n- Ana\n\n## Participants\n\n- Bo\n'),
    ).toBeUndefined();
    // A decision record with its participants is a decision record.
    const record =
      '# Use Kafka\n\nDate: 2026-01-10\n\n## Participants\n\n- Ana\n\n## Decision\n\nWe use Kafka.\n\n## Consequences\n\nMore ops.\n';
    expect(typeOf('docs/design/use-kafka.md', record)).toBeUndefined();
    expect(typeOf('docs/adr/0003-use-kafka.md', `${record}\n## Action items\n\n- Ana: set it up\n`)).toBe(
      'decision',
    );
    // A workshop how-to with an agenda and its notes is no meeting.
    const workshop =
      '# Running the onboarding workshop\n\nLast updated: 2026-01-10\n\n## Agenda\n\n1. Intro\n\n## Notes\n\nBring a laptop.\n\n## Prerequisites\n\n- Git\n';
    expect(typeOf('guides/workshop.md', workshop)).toBeUndefined();
    // A project plan with action items and milestones.
    const plan =
      '# Q3 plan\n\nDate: 2026-07-01\n\n## Milestones\n\n- Beta\n\n## Action items\n\n- Ship the beta\n\n## Risks\n\n- Staffing\n';
    expect(typeOf('docs/q3-plan.md', plan)).toBeUndefined();
    // A template of minutes stays a template.
    expect(typeOf('templates/minutes.md', FRENCH)).toBe('template');
  });

  it('types an agenda titled "Meeting-Agenda: …" without its day as meeting notes', () => {
    for (const title of ['Meeting-Agenda: Contract consolidation', 'Meeting agenda – Q3 kick-off'])
      expect(typeOf('project/client/agenda.md', `# ${title}\n\n## Goal\n\nAgree.\n`), title).toBe(
        'meeting-notes',
      );
    expect(typeOf('guides/agenda.md', '# Meeting agenda guidelines\n\nKeep it short.\n')).toBeUndefined();
  });

  it('asks no owner of them and calls none an orphan', async () => {
    const root = tempTree({
      'README.md': '# Team\n\nOur notes live in notes-equipe.\n',
      'notes-equipe/README.md': '# Notes\n\nOne file per meeting, named YYYY-MM-DD_note.md.\n',
      'notes-equipe/3 Mars/2026-03-11_note.md': FRENCH,
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual([]);
    expect(await ruleFindings([root], 'orphan-page')).toEqual([]);
  });
});

describe('the eighteenth round: templates by their first line and their instructions', () => {
  it('types a page whose first line ends in "Template" as a template', () => {
    expect(typeOf('agile/DAILY_STANDUP.md', 'Daily Standup Template\n\nPurpose\n- Sync the team.\n')).toBe(
      'template',
    );
    expect(typeOf('agile/retro.md', '## Retrospective Vorlage\n\nZiel\n')).toBe('template');
    expect(typeOf('docs/acta.md', 'Acta modelo\n\nFecha: [fecha]\n')).toBe('template');
  });

  it('leaves a page about templates alone', () => {
    expect(
      typeOf('docs/engines.md', 'Template engine comparison\n\nWe compared three engines.\n'),
    ).toBeUndefined();
    expect(typeOf('ml/training.md', '## Entrenamiento del modelo\n\nUsamos datos.\n')).toBeUndefined();
    for (const sentence of [
      'Copy the template.',
      'Fill in this template:',
      'We keep one page per release from a shared template',
    ])
      expect(typeOf('docs/releases.md', `${sentence}\n\n## Steps\n`), sentence).toBeUndefined();
  });

  it('types a page full of bracketed instructions as a template, not a page with one left over', () => {
    const guide = (h1: string) =>
      `# ${h1}\n\n## Participantes\n\n[Listar as pessoas convocadas para a reunião]\n\n## Pauta\n\n[Registrar os assuntos que serão tratados]\n\n## Compromissos\n\n[Registrar os compromissos acordados e o responsável]\n`;
    expect(typeOf('docs/planejamento/guias/atapadrao.md', guide('Ata Padrão'))).toBe('template');
    const filled =
      '# Ata Padrão\n\n| Data | Local |\n|---|---|\n| 22/09/2025 | Online |\n\n## Pauta\n\n1. Elicitação\n\n## Compromissos\n\n[Registrar os compromissos acordados e o responsável]\n';
    expect(typeOf('docs/atas/ata3.md', filled)).toBe('meeting-notes');
  });
});

describe('the eighteenth round: commitments and instructions in other languages', () => {
  it('reads "Compromissos", "Compromisos", "Actions à mener" and "Aufgaben" as action items', async () => {
    const found = await meetingFindings({
      'atas/ata1.md':
        '# Ata 1\n\n## Pauta\n\n1. Elicitação\n\n## Compromissos\n\n| Descrição | Responsável | Data |\n|---|---|---|\n| Escrever o perfil de usuário | Ana | - |\n',
      'actas/acta2.md':
        '# Acta 2\n\n## Orden del día\n\n1. Ramas\n\n## ✅ Compromisos / Tareas\n\n- Subir la guía de ramas\n',
      'comptes-rendus/cr3.md':
        '# Compte rendu de réunion 3\n\n## Ordre du jour\n\n1. Démo\n\n## Actions à mener\n\n- Préparer la démo\n',
      'protokolle/2026-03-01-Teamsitzung.md':
        '# Teamsitzung 2026-03-01\n\n## Tagesordnung\n\n1. Umzug\n\n## Aufgaben\n\n- Kisten bestellen\n',
    });
    expect(of(found, 'action-items').map((line) => line.split(' ')[0])).toEqual([
      'actas/acta2.md',
      'atas/ata1.md',
      'comptes-rendus/cr3.md',
      'protokolle/2026-03-01-Teamsitzung.md',
    ]);
  });

  it('finds a Portuguese, Spanish or French bracketed instruction left in a page, not a link or a bracketed aside', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Ata](atas/ata3.md)\n- [Guía](guia.md)\n',
      'atas/ata3.md':
        '# Ata 3\n\nOwner: Ana\n\n## Compromissos\n\n[Registrar os compromissos acordados durante a reunião]\n\n- Ana: perfil (até 2026-07-10)\n',
      'guia.md':
        'Owner: Bo\n\n# Guía\n\n[Describir el contexto del proyecto]\n\n[Décrire la décision prise]\n\nVer [Listar usuarios](https://example.org/users) y [Indicar](guia.md).\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([
      'atas/ata3.md Unfilled template text "[Registrar os compromissos acordados durante a reunião]".',
      'guia.md Unfilled template text "[Describir el contexto del proyecto]".',
      'guia.md Unfilled template text "[Décrire la décision prise]".',
    ]);
  });
});
