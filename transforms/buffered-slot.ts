// npx jscodeshift -t transforms/buffered-slot.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { bufferedSlot } from './rules/buffered-slot';

export { bufferedSlot };
export const MESSAGES = bufferedSlot.messages;
export default jscodeshiftTransform([bufferedSlot]);
