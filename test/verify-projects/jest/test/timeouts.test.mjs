// jest's globals; the project runs it as ES modules (node --experimental-vm-modules, no transform).
import { cases } from '../cases.mjs';

for (const [name, run] of cases) test(name, run);
