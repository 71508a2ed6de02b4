import type { API, FileInfo, Options } from 'jscodeshift';
import { runCodemods } from './lib/codemod';
import { registry } from './registry';

// Every transform of the project over one parse per file:
//   npx jscodeshift -t transforms/all.ts <path>
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods(registry, file, api, options);
}
