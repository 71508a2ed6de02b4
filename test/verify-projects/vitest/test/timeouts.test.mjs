import { test } from 'vitest';
import { cases } from '../cases.mjs';

for (const [name, run] of cases) test(name, run);
