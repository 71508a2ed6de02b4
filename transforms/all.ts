// Every rule of the project over one parse per file:
//   npx jscodeshift -t transforms/all.ts <path>
import { jscodeshiftTransform } from './engine/jscodeshift';
import { registry } from './registry';

export default jscodeshiftTransform(registry);
