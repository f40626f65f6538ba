import { afterAll } from 'vitest';
import { removeTempTrees } from './temp-tree.js';

afterAll(removeTempTrees);
