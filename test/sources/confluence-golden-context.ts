import type { StorageContext } from '../../src/platforms/confluence/storage.js';
import { ConfluenceTree } from '../../src/platforms/confluence/tree.js';

/** The site the golden files are converted against: two crawled spaces (HB, ENG) and a few known pages and people. */
export const SITE = 'https://acme.atlassian.net';

const tree = new ConfluenceTree(
  [
    { id: '98305', title: 'Handbook Home', spaceId: '1' },
    { id: '98309', title: 'Decision Log', spaceId: '1', parentId: '98305' },
    { id: '98400', title: 'Deploy Guide', spaceId: '1', parentId: '98305' },
    { id: '131074', title: 'Engineering Home', spaceId: '2' },
    { id: '131090', title: 'Runbook & Rollback', spaceId: '2', parentId: '131074' },
  ],
  [
    { id: '1', key: 'HB', name: 'Handbook', homepageId: '98305' },
    { id: '2', key: 'ENG', name: 'Engineering', homepageId: '131074' },
  ],
  SITE,
  new Set(),
);
const users = new Map([
  ['557058:ana', 'Ana Souza'],
  ['557058:bjorn', 'Björn Lindqvist'],
]);

/** How a page in the HB space is converted in the golden tests. */
export const GOLDEN_CONTEXT: StorageContext = {
  spaceKey: 'HB',
  siteUrl: SITE,
  pageUrl: (key, title) => tree.linkUrl(key, title),
  spaceUrl: (key) => tree.spaceUrl(key),
  userName: (id) => users.get(id),
};
