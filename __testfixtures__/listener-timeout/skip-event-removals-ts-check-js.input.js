// @ts-check
// A JavaScript file the project's TypeScript checks: the call types the handler's `code`, and
// named as a const of its own it would be an implicit any (TS7006 under the project's strict
// options). The output would not type-check as the input does, so the handler is not named.
import { spawn } from 'node:child_process';

export function waitExit() {
  const child = spawn('node', ['--version']);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('exit timeout')), 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
