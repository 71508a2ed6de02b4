// A file the tool has written, read again, is "already cleaned": its own fix raises no warning, so
// that `--check` after `--write` passes. (`Parameters<typeof resolve>` in a hoisted handler was once
// taken for a settle by reference, and every listener fix of TypeScript warned on its second run.)
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../transforms/engine/run';
import { registry } from '../transforms/registry';
import { FIXTURES_ROOT, readText } from './harness';

// and every handler-property fix: the timer sets the handlers back to null and `.finally()` clears
// it, or each handler clears it where it settles (a property-only executor once warned on re-read)
const propertyOutputs = readdirSync(path.join(FIXTURES_ROOT, 'listener-timeout'))
  .filter((file) => /^property-.*\.output\.[jt]s$/.test(file))
  .map((file) => `listener-timeout/${file}`);
const outputs = ['listener-timeout/once-resolve.output.ts', 'listener-timeout/add-event-listener.output.ts', 'listener-timeout/once-resolve-js.output.js', ...propertyOutputs];

describe.each(outputs)('%s read again', (name) => {
  it('gets only notes from the rule that wrote it', () => {
    const file = path.join(FIXTURES_ROOT, name);
    const result = runRules(registry, file, readText(file), {});
    expect(result.output).toBeUndefined();
    expect(result.findings.filter((finding) => finding.status !== 'safe').map((finding) => `${finding.rule}/${finding.messageId}`)).toEqual([]);
  });
});
