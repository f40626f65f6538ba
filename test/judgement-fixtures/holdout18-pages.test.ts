import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { useRecheck } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the eighteenth (hold-out) audit of the handbook-page rules met: a Hugo site written in one language
 * only, whose sections are `_index.es.md` files, and pages that name their owner in `maintained_by:`. Each
 * page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (eighteenth round)', () => {
  const page = (title: string, body: string) => `---\ntitle: ${title}\nowner: ana\n---\n\n${body}\n`;

  it('a Hugo section in one language (`_index.es.md`) lists its pages as `_index.md` does', async () => {
    const root = tempTree({
      'content/equipo/_index.es.md': page('Equipo', 'Cómo trabajamos.'),
      'content/equipo/estimaciones.es.md': page('Estimaciones', 'Estimamos en días.'),
      'content/equipo/forma-de-trabajo/_index.es.md': page('Forma de trabajo', 'Nuestro proceso.'),
      'content/equipo/forma-de-trabajo/entrega.es.md': page('Entrega', 'Entregamos cada semana.'),
      'content/equipo/forma-de-trabajo/alcance.es.md': page('Alcance', 'Acordamos el alcance.'),
    });
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  it('a page in one language belongs under its own language’s index first, which the generator lists', async () => {
    // The English index lists its pages by hand; the Spanish one is a generator's listing (no heading, no links).
    const root = tempTree({
      'README.md': page('Handbook', '- [Guide](guide/README.md)'),
      'guide/README.md': '# Guide\n\n- [Delivery](delivery.md)\n',
      'guide/README.es.md': '---\ntitle: Guía\n---\n',
      'guide/delivery.md': page('Delivery', 'Weekly.'),
      'guide/acuerdo.es.md': page('Acuerdo', 'Lo firmamos.'),
      'guide/scope.md': page('Scope', 'Agreed up front.'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['guide/scope.md']);
  });

  it('a translated index outside Hugo reaches what it links; its unlinked pages and `notes.es.md` stay orphans', async () => {
    const root = tempTree({
      'README.md': page('Handbook', 'Start with [leave](leave.md).'),
      'leave.md': page('Leave', 'Ask your lead.'),
      'notes.es.md': page('Notas', 'Notas sueltas.'),
      'guia/index.es.md': page('Guía', '- [Uno](uno.es.md)'),
      'guia/uno.es.md': page('Uno', 'Primero.'),
      'guia/dos.es.md': page('Dos', 'Segundo.'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['guia/dos.es.md', 'notes.es.md']);
  });

  it('`maintained_by:` and `maintained-by:` name the page’s owner; a page with no owner key is still reported', async () => {
    const withKey = (key: string, title: string) =>
      `---\ntitle: ${title}\n${key}:\n  - ana\n---\n\n# ${title}\n\nWe review code before merging it.\n`;
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Review](review.md)\n- [Deploy](deploy.md)\n- [Support](support.md)\n',
      'review.md': withKey('maintained_by', 'Review'),
      'deploy.md': withKey('maintained-by', 'Deploy'),
      'support.md': withKey('reviewed_on', 'Support'),
    });
    expect(await findings([root], 'page-owner')).toEqual(['support.md']);
  });
});
