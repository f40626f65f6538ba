import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * Patterns the seventh (hold-out) audit of the handbook-page rules met: a Jupyter Book whose navigation
 * is its `_toc.yml`, and a Jigsaw site whose sidebar is the `navigation` array of its PHP config. Each
 * page is written for the test; none is copied.
 */

describe('judgement fixtures: hold-out handbook pages (seventh round)', () => {
  it("takes the pages a Jupyter Book's _toc.yml names as reached, and leaves the others orphans", async () => {
    const root = tempTree({
      '_config.yml': 'title: Community book\n',
      '_toc.yml': [
        'format: jb-book',
        'root: README',
        'parts:',
        '  - caption: Guides',
        '    chapters:',
        '    - file: guides/request-a-repo.md',
        '    - file: guides/labels',
        '      sections:',
        '      - file: guides/labels/examples',
        '    - url: https://example.org/elsewhere',
        '',
      ].join('\n'),
      'README.md': '# Community book\n\nWhere contributors look things up.\n',
      'guides/request-a-repo.md': '# Request a repository\n\nOpen an issue.\n',
      'guides/labels.md': '# Labels\n\nUse area and kind labels.\n',
      'guides/labels/examples.md': '# Label examples\n\nA docs fix gets kind/docs.\n',
      'guides/draft-idea.md': '# Draft idea\n\nNot in the book yet.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['guides/draft-idea.md']);
  }, 60_000);

  it("takes the pages a Jigsaw site's navigation config names as reached, but not commented-out entries", async () => {
    const root = tempTree({
      'config.php': [
        '<?php',
        '',
        'return [',
        "    'siteName' => 'Team handbook',",
        "    'navigation' => require_once('lib/nav.php'),",
        '];',
        '',
      ].join('\n'),
      'lib/nav.php': [
        '<?php',
        '',
        'return [',
        "    'Benefits' => [",
        "        'children' => [",
        "            'Paid time off' => 'workers/paid-time-off',",
        "            // 'Parking' => 'workers/parking',",
        '        ],',
        '    ],',
        "    'About' => ['url' => '/about/welcome', 'children' => []],",
        '];',
        '',
      ].join('\n'),
      'source/index.blade.php': "@section('content')\n<h1>Team handbook</h1>\n@endsection\n",
      'source/workers/paid-time-off.md':
        '---\ntitle: Paid time off\n---\n\n# Paid time off\n\nAsk a week ahead.\n',
      'source/workers/parking.md': '---\ntitle: Parking\n---\n\n# Parking\n\nThe office is closed.\n',
      'source/about/welcome.md': '---\ntitle: Welcome\n---\n\n# Welcome\n\nGlad you are here.\n',
      'source/about/history.md': '---\ntitle: History\n---\n\n# History\n\nFounded in a garage.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual([
      'source/about/history.md',
      'source/workers/parking.md',
    ]);
  }, 60_000);
});
