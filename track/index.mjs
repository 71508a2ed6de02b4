// `node --import forgotten-sender/track`: the tracker is CommonJS (./tracker.cjs), so that it is
// installed synchronously, before the first module of the program is evaluated.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./tracker.cjs');
