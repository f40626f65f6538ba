import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { buildPage } from '../../src/normalize/page.js';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

/** The type the default document types give a Markdown page at `path` whose text is `markdown`. */
export function pageType(path: string, markdown: string): string | undefined {
  return buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle: path },
    classify,
  ).type;
}
