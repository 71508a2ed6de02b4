// The safety net: what the original holds as data (strings, template chunks, regular expressions,
// comments) must be in the output, unless a fix dropped it on purpose; and runRules refuses a file
// whose rewrite would break that, keeping the original.
import { describe, expect, it } from 'vitest';
import { checkRewrite } from '../transforms/engine/safety';

describe('checkRewrite', () => {
  const original = "const a = `line one\n  line two`;\nconst b = 'x'; // keep me\nconst c = /a+b/g;\n";

  it('is silent when every value is still there, moved or re-indented around it', () => {
    const output = "function f() {\n  const a = `line one\n  line two`;\n  const b = 'x'; // keep me\n  const c = /a+b/g;\n}\n";
    expect(checkRewrite('a.js', original, output, [])).toBeUndefined();
  });

  it('names the first value a rewrite changed: a re-indented template literal', () => {
    const output = "function f() {\n  const a = `line one\n    line two`;\n  const b = 'x'; // keep me\n  const c = /a+b/g;\n}\n";
    expect(checkRewrite('a.js', original, output, [])).toEqual({ what: 'a template literal (`line one line two`) would change', offset: 11 });
  });

  it('notices a comment or a regular expression that went missing', () => {
    expect(checkRewrite('a.js', original, original.replace(' // keep me', ''), [])?.what).toMatch(/^a comment/);
    expect(checkRewrite('a.js', original, original.replace('/a+b/g', '/a+b/'), [])?.what).toMatch(/^a regular expression/);
  });

  it('lets a value go that a fix dropped on purpose', () => {
    const start = original.indexOf('const b');
    const end = original.indexOf('\n', start);
    expect(checkRewrite('a.js', original, original.slice(0, start) + original.slice(end + 1), [[start, end]])).toBeUndefined();
  });
});

describe('runRules behind the net', () => {
  it('leaves a file as it was, and says why, when a fix would change a string', async () => {
    const { runRules } = await import('../transforms/engine/run');
    const { registry } = await import('../transforms/registry');
    const race = registry.find((rule) => rule.name === 'race-timeout')!;
    const careless = {
      ...race,
      analyze: () => ({ status: 'fixable' as const, plan: {} }),
      fix: (_plan: unknown, context: any) => {
        const literal = context.facts.tree.ofType('StringLiteral')[0];
        return [{ start: literal.start, end: literal.end, text: "'late!'" }];
      },
    };
    const source = "export const find = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 100))]);\n";
    const result = runRules([careless], 'a.js', source, {});
    expect(result.output).toBeUndefined();
    expect(result.findings.map((finding) => [finding.messageId, finding.status])).toEqual([['unsafe', 'crashed']]);
    expect(result.findings[0].message.why).toBe("its rewrite would change what the program holds as data: a string (`'late'`) would change");
  });
});
