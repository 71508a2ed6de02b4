// mocha's globals (it), from its default spec ./test/*.{js,cjs,mjs}
import { cases } from '../cases.mjs';

for (const [name, run] of cases) it(name, run);
