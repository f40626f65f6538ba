import { afterAll } from 'vitest';
import { removeTempTrees } from './temp-tree.js';

// The emulators listen on this machine: the tests name its host where the credentials are set, as a user
// names a proxy or a custom domain (a config file alone may not send a token off the platform's own host).
process.env.HANDBOOK_LINT_API_HOSTS = '127.0.0.1';

afterAll(removeTempTrees);
