import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { PublishedPage } from '../../state.js';
import { writeFileAtomically } from '../../write-file.js';
import type { FindingsPageBody } from '../../writeback/content.js';
import type { FindingsPageWriter, PublishResult } from '../../writeback/types.js';

/** The findings page of a Markdown folder: a file, replaced atomically on each run that changes it. */
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
