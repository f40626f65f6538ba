import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { buildPage } from '../../src/normalize/page.js';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

/** A Markdown page at `path` whose text is `markdown`, read as a run reads it with the default document types. */
export function readPage(markdown: string, path: string, fallbackTitle = 'page') {
  return buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle },
    classify,
  );
}

/** The type the default document types give a Markdown page at `path` whose text is `markdown`. */
export function pageType(path: string, markdown: string): string | undefined {
  return readPage(markdown, path, path).type;
}
