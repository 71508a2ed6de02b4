// npx jscodeshift -t transforms/executor-timeout.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { executorTimeout } from './rules/executor-timeout';

export { executorTimeout };
export const MESSAGES = executorTimeout.messages;
export default jscodeshiftTransform([executorTimeout]);
