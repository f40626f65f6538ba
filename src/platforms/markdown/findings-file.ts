import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { HandbookLintError } from '../../errors.js';
import { firstLineOf } from '../../own-file.js';
import type { PublishedPage } from '../../state.js';
import { writeFileAtomically } from '../../write-file.js';
import type { FindingsPageBody } from '../../writeback/content.js';
import type { FindingsPageWriter, PublishResult } from '../../writeback/types.js';

/**
 * The findings page of a Markdown folder: a file, replaced atomically on each run that changes it.
 * A file already at the path is replaced only when it is ours (the ledger names it, or it opens with
 * the findings page's heading, as every file this tool wrote does): a person's page there was
 * overwritten on the first run, as the wikis' writers never do.
 */
export class MarkdownFileWriter implements FindingsPageWriter {
  readonly target = 'markdown' as const;

  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async publish(
    { content, hash }: FindingsPageBody,
    previous: PublishedPage | undefined,
    dryRun: boolean,
  ): Promise<PublishResult> {
    const page: PublishedPage = { id: this.path, url: this.path, hash };
    const exists = existsSync(this.path);
    if (exists && previous?.id !== this.path && firstLineOf(this.path) !== content.split('\n')[0])
      throw new HandbookLintError(
        'WRITEBACK_FAILED',
        `The findings file ${this.path} is there, and handbook-lint did not write it (the ledger does not name it, and it does not open with the findings page's heading): it is left alone. Move it, or choose another writeback.findings-page.markdown.path.`,
      );
    if (exists && previous?.hash === page.hash) return { page };
    const action = {
      target: this.target,
      kind: exists ? ('update page' as const) : ('create page' as const),
      page: { title: basename(this.path), url: this.path },
      detail: exists ? 'report changed' : previous ? 'the file was deleted' : 'first run',
    };
    if (dryRun) return { action, page };
    await writeFileAtomically(this.path, content, 'the findings file', 'WRITEBACK_FAILED');
    return { action, page };
  }
}
