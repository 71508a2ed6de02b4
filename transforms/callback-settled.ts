// npx jscodeshift -t transforms/callback-settled.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { callbackSettled } from './rules/callback-settled';

export { callbackSettled };
export const MESSAGES = callbackSettled.messages;
export default jscodeshiftTransform([callbackSettled]);
