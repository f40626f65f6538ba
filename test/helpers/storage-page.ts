import { typeClassifier } from '../../src/normalize/doc-type.js';
import { type ConfluenceRaw, toPage } from '../../src/platforms/confluence/page.js';

/** A Confluence page with this storage body, as the crawl hands it to the converter. */
export function storageRaw(storage: string): ConfluenceRaw {
  return {
    source: 'confluence',
    siteUrl: 'https://acme.atlassian.net',
    page: {
      id: '10',
      title: 'Home',
      spaceKey: 'HB',
      url: 'https://acme.atlassian.net/wiki/x',
      path: 'HB/Home',
    },
    content: { storage },
    labels: [],
    lookups: { pages: {}, spaces: {}, users: {} },
  };
}

/** The page that storage body becomes, typed with the default document types. */
export const convertStorage = (storage: string) => toPage(storageRaw(storage), typeClassifier({}));
