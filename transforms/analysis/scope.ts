// Scopes and bindings of a whole file, computed once from the Program: every declaration (var,
// let, const, function, class, parameter, catch, import, enum, namespace) and every identifier that
// reads or writes a value, resolved to its binding or to none (a global). Block scoping is exact:
// a `let` in an inner block does not shadow a name outside it. Type-only positions (annotations,
// interfaces, `import type`) declare and read no values, except `typeof x` in a type.
//
// Every "is this the global setTimeout?" or "who else uses this handle?" question of the model is
// answered here, from the file, never from a sub-tree that cannot see the file's imports.
export type BindingKind = 'var' | 'let' | 'const' | 'using' | 'function' | 'class' | 'param' | 'catch' | 'import' | 'enum' | 'namespace';

export interface ImportInfo {
  source: string;
  /** the exported name, 'default', or '*' for a namespace import */
  imported: string;
}

export interface Binding {
  name: string;
  kind: BindingKind;
  scope: Scope;
  /** the declaring identifier */
  id: any;
  /** the VariableDeclarator, function, class, import specifier, catch clause or parameter's function */
  declaration: any;
  /** set for imports */
  imported?: ImportInfo;
  references: Reference[];
}

export interface Reference {
  node: any;
  /** `x = …`, `x++`, `[x] = …`, `for (x of …)` */
  write: boolean;
  binding: Binding | undefined;
}

export interface Scope {
  node: any;
  kind: 'program' | 'function' | 'block' | 'class';
  parent: Scope | undefined;
  bindings: Map<string, Binding>;
}

type Mode = 'read' | 'declare' | 'write' | 'type';

interface Task {
  node: any;
  scope: Scope;
  mode: Mode;
  kind?: BindingKind;
  declaration?: any;
  imported?: ImportInfo;
}

const SKIPPED = new Set(['loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'errors']);
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'superTypeParameters', 'typeArguments', 'implements', 'predicate']);
const TYPE_DECLARATIONS = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'DeclareModule', 'InterfaceDeclaration', 'TypeAlias', 'OpaqueType', 'DeclareTypeAlias', 'DeclareInterface', 'DeclareOpaqueType', 'DeclareExportDeclaration', 'DeclareModuleExports']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod', 'TSDeclareMethod']);

export class Scopes {
  readonly program: Scope;
  private readonly scopeOfNode = new Map<any, Scope>();
  private readonly referenceOf = new Map<any, Reference>();
  private readonly bindingOfId = new Map<any, Binding>();
  /** references that resolve to no binding, by name */
  private readonly globals = new Map<string, Reference[]>();

  constructor(file: any) {
    const programNode = file.type === 'File' ? file.program : file;
    this.program = { node: programNode, kind: 'program', parent: undefined, bindings: new Map() };
    this.scopeOfNode.set(programNode, this.program);
    const pending: Array<{ reference: Reference; scope: Scope; name: string }> = [];
    const stack: Task[] = [];
    for (let index = programNode.body.length - 1; index >= 0; index -= 1) stack.push({ node: programNode.body[index], scope: this.program, mode: 'read' });
    while (stack.length > 0) this.visit(stack.pop()!, stack, pending);
    for (const { reference, scope, name } of pending) {
      const binding = lookupIn(scope, name);
      reference.binding = binding;
      if (binding) binding.references.push(reference);
      else {
        let list = this.globals.get(name);
        if (list === undefined) {
          list = [];
          this.globals.set(name, list);
        }
        list.push(reference);
      }
    }
  }

  /** the binding a declaring or referencing identifier stands for; undefined for a global or a non-reference */
  bindingOf(identifier: any): Binding | undefined {
    return this.bindingOfId.get(identifier) ?? this.referenceOf.get(identifier)?.binding;
  }

  referenceAt(identifier: any): Reference | undefined {
    return this.referenceOf.get(identifier);
  }

  /** whether `identifier` reads a value (not a property name, a key, a label or a type) */
  isReference(identifier: any): boolean {
    return this.referenceOf.has(identifier);
  }

  /** an identifier that reads a name no declaration of the file binds */
  isGlobalReference(identifier: any): boolean {
    const reference = this.referenceOf.get(identifier);
    return reference !== undefined && reference.binding === undefined;
  }

  /** every reference to a name that the file never declares */
  globalReferences(name: string): readonly Reference[] {
    return this.globals.get(name) ?? [];
  }

  /** the scope a node creates, if it creates one */
  scopeCreatedBy(node: any): Scope | undefined {
    return this.scopeOfNode.get(node);
  }

  /** what `name` would resolve to if written at a node whose nearest scope-creating ancestor is given */
  lookupFrom(scope: Scope, name: string): Binding | undefined {
    return lookupIn(scope, name);
  }

  private scopeFor(node: any, kind: Scope['kind'], parent: Scope): Scope {
    const scope: Scope = { node, kind, parent, bindings: new Map() };
    this.scopeOfNode.set(node, scope);
    return scope;
  }

  private declare(name: string, id: any, scope: Scope, kind: BindingKind, declaration: any, imported?: ImportInfo): void {
    const target = kind === 'var' ? functionScope(scope) : scope;
    let binding = target.bindings.get(name);
    if (binding === undefined) {
      binding = { name, kind, scope: target, id, declaration, imported, references: [] };
      target.bindings.set(name, binding);
    } else if (binding.id !== id) {
      // a redeclaration (`var x; var x;`, a function overload): the first stays the binding, the
      // later declaring identifier is a write to it
      const reference: Reference = { node: id, write: true, binding };
      binding.references.push(reference);
      this.referenceOf.set(id, reference);
      return;
    }
    this.bindingOfId.set(id, binding);
  }

  private visit(task: Task, stack: Task[], pending: Array<{ reference: Reference; scope: Scope; name: string }>): void {
    const { node, scope, mode } = task;
    if (node === null || typeof node !== 'object' || typeof node.type !== 'string') return;
    // a declaration's kind travels down its pattern
    const declared = { kind: task.kind, declaration: task.declaration, imported: task.imported };
    const push = (child: any, childScope: Scope = scope, childMode: Mode = 'read', extra?: Partial<Task>) => {
      if (child !== null && child !== undefined && typeof child === 'object') stack.push({ ...extra, node: child, scope: childScope, mode: childMode });
    };
    const pushAll = (children: any[] | undefined, childScope: Scope = scope, childMode: Mode = 'read', extra?: Partial<Task>) => {
      if (!children) return;
      for (let index = children.length - 1; index >= 0; index -= 1) push(children[index], childScope, childMode, extra);
    };
    const refer = (identifier: any, write: boolean) => {
      const reference: Reference = { node: identifier, write, binding: undefined };
      this.referenceOf.set(identifier, reference);
      pending.push({ reference, scope, name: identifier.name });
    };

    if (mode === 'type') {
      // a type: only `typeof x` reads a value
      if (node.type === 'TSTypeQuery') {
        if (node.exprName?.type === 'Identifier' || node.exprName?.type === 'TSQualifiedName') push(node.exprName, scope, 'read');
        pushAll(node.typeParameters?.params ?? node.typeArguments?.params, scope, 'type');
        return;
      }
      this.pushChildren(node, scope, 'type', stack);
      return;
    }

    switch (node.type) {
      case 'Identifier': {
        if (mode === 'declare') this.declare(node.name, node, scope, task.kind ?? 'let', task.declaration, task.imported);
        else refer(node, mode === 'write');
        push(node.typeAnnotation, scope, 'type');
        return;
      }
      case 'JSXIdentifier':
        // `<Foo />` reads Foo; `<div />` is a tag name
        if (/^[A-Z_$]/.test(node.name)) refer(node, false);
        return;
      case 'JSXMemberExpression':
        push(node.object);
        return;
      case 'JSXNamespacedName':
      case 'JSXAttribute':
        push(node.value);
        return;
      case 'TSQualifiedName':
        push(node.left);
        return;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        push(node.object);
        if (node.computed) push(node.property);
        return;
      case 'MetaProperty':
      case 'PrivateName':
      case 'Super':
      case 'ThisExpression':
      case 'TSThisType':
      case 'Import':
        return;
      case 'LabeledStatement':
        push(node.body);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'ObjectProperty':
      case 'Property':
        if (node.computed) push(node.key, scope, 'read');
        push(node.value, scope, mode === 'read' ? 'read' : mode, declared);
        return;
      case 'ObjectPattern':
        if (mode === 'read') {
          pushAll(node.properties, scope, 'read');
        } else {
          pushAll(node.properties, scope, mode, declared);
        }
        push(node.typeAnnotation, scope, 'type');
        return;
      case 'ArrayPattern':
        pushAll(node.elements, scope, mode === 'read' ? 'read' : mode, declared);
        push(node.typeAnnotation, scope, 'type');
        return;
      case 'RestElement':
        push(node.argument, scope, mode === 'read' ? 'read' : mode, declared);
        push(node.typeAnnotation, scope, 'type');
        return;
      case 'AssignmentPattern':
        push(node.left, scope, mode === 'read' ? 'read' : mode, declared);
        push(node.right, scope, 'read');
        return;
      case 'TSParameterProperty':
        push(node.parameter, scope, mode, declared);
        return;
      case 'AssignmentExpression':
        push(node.left, scope, 'write');
        push(node.right);
        return;
      case 'UpdateExpression':
        push(node.argument, scope, 'write');
        return;
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner = this.scopeFor(node, 'block', scope);
        if (node.left.type === 'VariableDeclaration') push(node.left, inner);
        else push(node.left, inner, 'write');
        push(node.right, inner);
        push(node.body, inner);
        return;
      }
      case 'ForStatement': {
        const inner = this.scopeFor(node, 'block', scope);
        push(node.init, inner);
        push(node.test, inner);
        push(node.update, inner);
        push(node.body, inner);
        return;
      }
      case 'VariableDeclaration': {
        const kind: BindingKind = node.kind === 'var' ? 'var' : node.kind === 'const' ? 'const' : node.kind === 'let' ? 'let' : 'using';
        for (let index = node.declarations.length - 1; index >= 0; index -= 1) {
          const declarator = node.declarations[index];
          push(declarator.init);
          push(declarator.id, scope, 'declare', { kind, declaration: declarator });
        }
        return;
      }
      case 'FunctionDeclaration':
        if (node.id) this.declare(node.id.name, node.id, scope, 'function', node);
        this.visitFunction(node, scope, stack);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
      case 'TSDeclareMethod':
        if ((node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'TSDeclareMethod') && node.computed) push(node.key);
        pushAll(node.decorators);
        this.visitFunction(node, scope, stack);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        if (node.type === 'ClassDeclaration' && node.id) this.declare(node.id.name, node.id, scope, 'class', node);
        const inner = this.scopeFor(node, 'class', scope);
        if (node.type === 'ClassExpression' && node.id) this.declare(node.id.name, node.id, inner, 'class', node);
        pushAll(node.decorators);
        push(node.superClass);
        push(node.superTypeParameters, scope, 'type');
        push(node.typeParameters, scope, 'type');
        pushAll(node.implements, scope, 'type');
        pushAll(node.body.body, inner);
        return;
      }
      case 'ClassProperty':
      case 'ClassPrivateProperty':
      case 'ClassAccessorProperty':
      case 'PropertyDefinition':
        if (node.computed) push(node.key);
        pushAll(node.decorators);
        push(node.typeAnnotation, scope, 'type');
        push(node.value);
        return;
      case 'StaticBlock':
      case 'BlockStatement': {
        const inner = this.scopeFor(node, 'block', scope);
        pushAll(node.body, inner);
        return;
      }
      case 'SwitchStatement': {
        push(node.discriminant);
        const inner = this.scopeFor(node, 'block', scope);
        pushAll(node.cases, inner);
        return;
      }
      case 'CatchClause': {
        const inner = this.scopeFor(node, 'block', scope);
        if (node.param) push(node.param, inner, 'declare', { kind: 'catch', declaration: node });
        // the body shares the catch scope: `catch (e) { let e; }` is an error anyway
        pushAll(node.body.body, inner);
        this.scopeOfNode.set(node.body, inner);
        return;
      }
      case 'ImportDeclaration': {
        if (node.importKind === 'type' || node.importKind === 'typeof') return;
        const source = String(node.source.value);
        for (const specifier of node.specifiers ?? []) {
          if (specifier.importKind === 'type' || specifier.importKind === 'typeof') continue;
          const imported =
            specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '*' : (specifier.imported?.name ?? specifier.imported?.value);
          this.declare(specifier.local.name, specifier.local, scope, 'import', specifier, { source, imported });
        }
        return;
      }
      case 'ExportNamedDeclaration':
        if (node.exportKind === 'type') return;
        if (node.declaration) push(node.declaration);
        else if (!node.source) for (const specifier of node.specifiers ?? []) if (specifier.exportKind !== 'type') push(specifier.local);
        return;
      case 'ExportDefaultDeclaration':
        push(node.declaration);
        return;
      case 'ExportAllDeclaration':
        return;
      case 'TSImportEqualsDeclaration':
        if (node.importKind === 'type') return;
        if (node.moduleReference?.type === 'TSExternalModuleReference') {
          this.declare(node.id.name, node.id, scope, 'import', node, { source: String(node.moduleReference.expression.value), imported: '*' });
        } else {
          this.declare(node.id.name, node.id, scope, 'const', node);
          push(node.moduleReference);
        }
        return;
      case 'TSEnumDeclaration': {
        this.declare(node.id.name, node.id, scope, 'enum', node);
        for (const member of node.members ?? []) push(member.initializer);
        return;
      }
      case 'TSModuleDeclaration': {
        if (node.id?.type === 'Identifier' && !node.declare) this.declare(node.id.name, node.id, scope, 'namespace', node);
        const body = node.body;
        if (body?.type === 'TSModuleBlock') {
          const inner = this.scopeFor(body, 'block', scope);
          pushAll(body.body, inner);
        } else if (body) push(body);
        return;
      }
      case 'TSExportAssignment':
        push(node.expression);
        return;
      case 'TSNamespaceExportDeclaration':
        return;
      case 'TSEnumMember':
        push(node.initializer);
        return;
      case 'TSDeclareFunction':
      case 'DeclareFunction':
      case 'DeclareVariable':
      case 'DeclareClass':
        // an ambient declaration describes a value the file then reads under that name: seen as a
        // binding, so a `declare function setTimeout` is not taken for the platform's
        if (node.id?.type === 'Identifier') this.declare(node.id.name, node.id, scope, node.type === 'DeclareVariable' ? 'var' : 'function', node);
        return;
      default:
        if (TYPE_DECLARATIONS.has(node.type)) return;
        if (node.type.startsWith('TS') && node.type.endsWith('Type')) return;
        this.pushChildren(node, scope, mode === 'write' || mode === 'declare' ? 'read' : mode, stack);
    }
  }

  private visitFunction(node: any, scope: Scope, stack: Task[]): void {
    const inner = this.scopeFor(node, 'function', scope);
    if (node.type === 'FunctionExpression' && node.id) this.declare(node.id.name, node.id, inner, 'function', node);
    push(stack, node.typeParameters, scope, 'type');
    push(stack, node.returnType, inner, 'type');
    const body = node.body;
    if (body?.type === 'BlockStatement') {
      // the body's block is the function's scope: parameters and top-level declarations live together
      this.scopeOfNode.set(body, inner);
      for (let index = body.body.length - 1; index >= 0; index -= 1) push(stack, body.body[index], inner, 'read');
    } else if (body) {
      push(stack, body, inner, 'read');
    }
    for (let index = node.params.length - 1; index >= 0; index -= 1) stack.push({ node: node.params[index], scope: inner, mode: 'declare', kind: 'param', declaration: node });
  }

  private pushChildren(node: any, scope: Scope, mode: Mode, stack: Task[]): void {
    const keys = Object.keys(node);
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const key = keys[k];
      if (SKIPPED.has(key) || key === 'type') continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      const childMode: Mode = mode === 'type' || TYPE_KEYS.has(key) ? 'type' : mode;
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) {
          const item = value[index];
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') stack.push({ node: item, scope, mode: childMode });
        }
      } else if (typeof value.type === 'string') {
        stack.push({ node: value, scope, mode: childMode });
      }
    }
  }
}

function push(stack: Task[], node: any, scope: Scope, mode: Mode): void {
  if (node !== null && node !== undefined && typeof node === 'object') stack.push({ node, scope, mode });
}

function functionScope(scope: Scope): Scope {
  let current = scope;
  while (current.kind !== 'function' && current.kind !== 'program' && current.parent) current = current.parent;
  return current;
}

function lookupIn(scope: Scope, name: string): Binding | undefined {
  for (let current: Scope | undefined = scope; current !== undefined; current = current.parent) {
    const binding = current.bindings.get(name);
    if (binding !== undefined) return binding;
  }
  return undefined;
}

export function isFunctionNode(node: any): boolean {
  return node != null && FUNCTIONS.has(node.type);
}
