// npx jscodeshift -t transforms/race-timeout.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { raceTimeout } from './rules/race-timeout';

export { raceTimeout };
export const MESSAGES = raceTimeout.messages;
export default jscodeshiftTransform([raceTimeout]);
