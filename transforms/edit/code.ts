// The code fixes write, as text in the file's style. Each builder shows what it writes.
import type { Style } from '../engine/style';
import { statement } from './layout';

// let timerHandle: ReturnType<typeof setTimeout>;     (JavaScript: let timerHandle;)
// No `| undefined`: the handle is assigned before any clear can run (the executor runs at once),
// and `clearTimeout(h)` of @types/node before v16 takes no undefined.
export function declareHandle(style: Style, typescript: boolean, name: string, typeQuery: string): string {
  return statement(style, typescript ? `let ${name}: ReturnType<typeof ${typeQuery}>` : `let ${name}`);
}

// const fetchController = new AbortController();
export function declareController(style: Style, name: string): string {
  return statement(style, `const ${name} = new AbortController()`);
}
