// Everything the model and the rules may ask of one file, built once per parse: the text, the tree
// with its parents, scopes and bindings from the Program, and the resolver of names.
import { Resolver } from '../analysis/resolve';
import { Scopes } from '../analysis/scope';
import { Tree, unwrap } from '../analysis/tree';
import { isTypeScriptPath } from '../engine/parse';
import { SourceText, codeLine } from '../engine/source';
import type { ModuleIndex } from './modules';
import { type Insertion, parameterAnnotations } from '../engine/types';

export class Facts {
  readonly tree: Tree;
  readonly source: SourceText;
  private scopesValue: Scopes | undefined;
  private resolverValue: Resolver | undefined;
  readonly typescript: boolean;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly file: any,
    /** the repository's other files, for helpers imported from them */
    readonly modules?: ModuleIndex,
  ) {
    this.tree = new Tree(file);
    this.source = new SourceText(text);
    this.typescript = isTypeScriptPath(path);
  }

  /** scopes are built on the first question: a file with no candidate never pays for them */
  get scopes(): Scopes {
    this.scopesValue ??= new Scopes(this.file);
    return this.scopesValue;
  }

  get resolver(): Resolver {
    this.resolverValue ??= new Resolver(this.tree, this.scopes);
    return this.resolverValue;
  }

  private readonly annotations = new Map<any, Insertion[] | undefined>();

  /**
   * In TypeScript, what gives a function's untyped parameters the types the checker of the file's
   * own project gives them (`(code) => …` passed to `app.on('exit', …)`: `: number | null`), for a
   * fix that names it; undefined when they cannot be written there (./engine/types.ts)
   */
  parameterAnnotations(fn: any): Insertion[] | undefined {
    if (!this.typescript) return undefined;
    if (!this.annotations.has(fn)) this.annotations.set(fn, parameterAnnotations(this.path, this.text, fn.start, fn.end));
    return this.annotations.get(fn);
  }

  /** a function whose parameters all carry a type, or can be given the one the checker gives them */
  typesParameters(fn: any): boolean {
    return !this.typescript || fn.params.every((param: any) => param.typeAnnotation) || this.parameterAnnotations(fn) !== undefined;
  }

  /** a node's code as the file spells it, on one line */
  code(node: any, max = 80): string {
    return codeLine(this.text, node, max);
  }

  /** the exact text of a node */
  textOf(node: any): string {
    return this.text.slice(node.start, node.end);
  }

  /** whether two expressions are written alike, parentheses and casts aside (a missing one is like nothing) */
  sameText(a: any, b: any): boolean {
    return a !== undefined && b !== undefined && this.textOf(unwrap(a)) === this.textOf(unwrap(b));
  }
}
