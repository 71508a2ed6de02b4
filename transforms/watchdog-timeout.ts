// npx jscodeshift -t transforms/watchdog-timeout.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { watchdogTimeout } from './rules/watchdog-timeout';

export { watchdogTimeout };
export const MESSAGES = watchdogTimeout.messages;
export default jscodeshiftTransform([watchdogTimeout]);
