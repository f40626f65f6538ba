import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { HandbookLintError } from '../errors.js';
import type { PublishedPage } from '../state.js';
import type { FindingsPageBody } from './content.js';
import type { FindingsPageWriter, PublishResult } from './types.js';

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
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(temp, content);
      await rename(temp, this.path);
    } catch (error) {
      throw new HandbookLintError(
        'WRITEBACK_FAILED',
        `Cannot write the findings file ${this.path}: ${(error as Error).message}`,
      );
    }
    return { action, page };
  }
}
