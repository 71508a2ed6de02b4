// npx jscodeshift -t transforms/listener-timeout.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { listenerTimeout } from './rules/listener-timeout';

export { listenerTimeout };
export const MESSAGES = listenerTimeout.messages;
export default jscodeshiftTransform([listenerTimeout]);
