// npx jscodeshift -t transforms/abort-timeout.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { abortTimeout } from './rules/abort-timeout';

export { abortTimeout };
export const MESSAGES = abortTimeout.messages;
export default jscodeshiftTransform([abortTimeout]);
