import type { Codemod } from './lib/codemod';
import { raceTimeout } from './race-timeout';

// The one list of transforms: transforms/all.ts, the README table and the CLI's --help read it.
// Order matters only where two transforms could touch the same node; each one skips code another already fixed.
export const registry: readonly Codemod[] = [raceTimeout];
