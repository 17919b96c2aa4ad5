import ts from "typescript";

/**
 * Declarations by name, found by looking only at what each enclosing scope declares directly.
 * Lazy and cached per scope node, so answering "what is PORT here?" never walks a whole file.
 */
export type Declaration =
  | ts.VariableDeclaration
  | ts.BindingElement
  | ts.ParameterDeclaration
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.EnumDeclaration
  | ts.ImportClause
  | ts.ImportSpecifier
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration;

const scopeTables = new WeakMap<ts.Node, Map<string, Declaration>>();
const reassignedTables = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * The analyzer links parents as its walk goes, so a declaration further down the file than the
 * node being checked may not be linked yet. Indexing a declaration links its own skeleton (list,
 * declaration, pattern, import clause); `linkSubtree` links an initializer when it is followed.
 */
function link(child: ts.Node | undefined, parent: ts.Node): void {
  if (child && !child.parent) (child as { parent: ts.Node }).parent = parent;
}

function addBindingNames(name: ts.BindingName, declaration: ts.VariableDeclaration | ts.ParameterDeclaration, table: Map<string, Declaration>): void {
  link(name, declaration);
  if (ts.isIdentifier(name)) {
    table.set(name.text, declaration);
    return;
  }
  for (const element of name.elements) {
    link(element, name);
    if (ts.isOmittedExpression(element)) continue;
    link(element.name, element);
    link(element.propertyName, element);
    if (ts.isIdentifier(element.name)) table.set(element.name.text, element);
    else addBindingNames(element.name, declaration, table);
  }
}

function addStatement(statement: ts.Statement, table: Map<string, Declaration>): void {
  if (ts.isVariableStatement(statement)) {
    link(statement.declarationList, statement);
    for (const declaration of statement.declarationList.declarations) {
      link(declaration, statement.declarationList);
      addBindingNames(declaration.name, declaration, table);
    }
  } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    table.set(statement.name.text, statement);
  } else if (ts.isImportDeclaration(statement) && statement.importClause && !statement.importClause.isTypeOnly) {
    const clause = statement.importClause;
    link(clause, statement);
    link(statement.moduleSpecifier, statement);
    if (clause.name) table.set(clause.name.text, clause);
    const bindings = clause.namedBindings;
    link(bindings, clause);
    if (bindings && ts.isNamespaceImport(bindings)) table.set(bindings.name.text, bindings);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        link(element, bindings);
        if (!element.isTypeOnly) table.set(element.name.text, element);
      }
    }
  } else if (ts.isImportEqualsDeclaration(statement)) {
    link(statement.moduleReference, statement);
    if (ts.isExternalModuleReference(statement.moduleReference)) link(statement.moduleReference.expression, statement.moduleReference);
    table.set(statement.name.text, statement);
  }
}

/** Kinds that can declare names; everything else is skipped without a table lookup. */
const SCOPE_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.SourceFile, ts.SyntaxKind.Block, ts.SyntaxKind.ModuleBlock, ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForOfStatement, ts.SyntaxKind.ForInStatement, ts.SyntaxKind.CatchClause,
]);

/** Links every node under `node` whose parent is not linked yet (an initializer followed by name). */
export function linkSubtree(node: ts.Node): void {
  const stack: ts.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as ts.Node;
    ts.forEachChild(current, (child) => {
      if (!child.parent) (child as { parent: ts.Node }).parent = current;
      stack.push(child);
    });
  }
}

function tableFor(scope: ts.Node): Map<string, Declaration> | undefined {
  if (!SCOPE_KINDS.has(scope.kind)) return undefined;
  const cached = scopeTables.get(scope);
  if (cached) return cached;
  const table = new Map<string, Declaration>();
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    for (const statement of scope.statements) {
      link(statement, scope);
      addStatement(statement, table);
    }
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) {
      link(clause, scope);
      for (const statement of clause.statements) {
        link(statement, clause);
        addStatement(statement, table);
      }
    }
  } else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) addBindingNames(parameter.name, parameter, table);
  } else if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
    for (const declaration of scope.initializer.declarations) addBindingNames(declaration.name, declaration, table);
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    addBindingNames(scope.variableDeclaration.name, scope.variableDeclaration, table);
  } else {
    return undefined;
  }
  scopeTables.set(scope, table);
  return table;
}

/** The declaration `identifier` refers to, in its file; `undefined` for globals. */
export function findDeclaration(identifier: ts.Identifier): Declaration | undefined {
  return lookupName(identifier.text, identifier.parent);
}

export function lookupName(name: string, from: ts.Node | undefined): Declaration | undefined {
  for (let scope: ts.Node | undefined = from; scope; scope = scope.parent) {
    const found = tableFor(scope)?.get(name);
    if (found) return found;
  }
  return undefined;
}

/** Names assigned after their declaration anywhere in the file (`x = …`, `x++`); such `let`s are not constants. */
function reassignedNames(sourceFile: ts.SourceFile): Set<string> {
  const cached = reassignedTables.get(sourceFile);
  if (cached) return cached;
  const names = new Set<string>();
  // An explicit stack: generated code can nest deeper than the call stack allows.
  const stack: ts.Node[] = [sourceFile];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left)) {
      names.add(node.left.text);
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      names.add(node.operand.text);
    }
    ts.forEachChild(node, push);
  }
  reassignedTables.set(sourceFile, names);
  return names;
}

/** Whether `name` is assigned anywhere in the file after its declaration. */
export function isReassigned(sourceFile: ts.SourceFile, name: string): boolean {
  return reassignedNames(sourceFile).has(name);
}

/** A variable whose value cannot change after its declaration. */
export function isConstantBinding(declaration: ts.VariableDeclaration | ts.BindingElement, name: string): boolean {
  let list: ts.Node = declaration;
  while (!ts.isVariableDeclarationList(list)) {
    if (!list.parent || ts.isParameter(list) || ts.isCatchClause(list)) return false;
    list = list.parent;
  }
  if ((list.flags & ts.NodeFlags.Const) !== 0) return true;
  return !reassignedNames(declaration.getSourceFile()).has(name);
}
