import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript-ast';

/** Small pure libraries core/ may use besides itself. */
export const ALLOWED_PACKAGES = new Set(['zod', 'opencc-js', 'libphonenumber-js']);

/**
 * Globals that reach outside a pure function: the environment, the network, randomness, timers,
 * the console. Core gets time, ids and storage through arguments and ports instead.
 */
const FORBIDDEN_GLOBALS = new Set([
  'process',
  'fetch',
  'crypto',
  'performance',
  'globalThis',
  'require',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'XMLHttpRequest',
  'WebSocket',
  'console',
  'global',
  'window',
  'navigator',
  'eval',
  'Function',
]);

/** `Date` members that read no clock. */
const PURE_DATE_MEMBERS = new Set(['UTC', 'parse']);

/** Where `Date` or `Math` is the object of a member read `X.name` / `X['name']`: that member's name. */
function memberRead(node: ts.Identifier): string | undefined {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return parent.name.text;
  if (
    ts.isElementAccessExpression(parent) &&
    parent.expression === node &&
    ts.isStringLiteralLike(parent.argumentExpression)
  )
    return parent.argumentExpression.text;
  return undefined;
}

/**
 * `Date` used as a value other than `new Date(time)`, `Date.UTC`, `Date.parse`, `instanceof Date`
 * or a type: an alias (`const D = Date`), a destructured `now`, `Reflect.get(Date, 'now')` — each a
 * way round the `Date.now` rule.
 */
function isDateEscape(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent)) return false;
  if (ts.isNewExpression(parent) && parent.expression === node) return false;
  if (ts.isCallExpression(parent) && parent.expression === node) return false;
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword
  )
    return false;
  const member = memberRead(node);
  if (member !== undefined) return !PURE_DATE_MEMBERS.has(member) && member !== 'now';
  return true;
}

export type Violation = { line: number; rule: string; text: string };

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `zod/v4` → `zod`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

/** Where an identifier is only a name (a property, a key, a declaration), not a read of a global. */
function isNameOnly(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isQualifiedName(parent) && parent.right === node) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  const named = parent as ts.Node & { name?: ts.Node };
  if (named.name === node) {
    return (
      ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isExportSpecifier(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isLabeledStatement(parent)
    );
  }
  return false;
}

/** `a.b` or `a['b']` with `a` the identifier `object` and `b` the name `member`. */
function isMember(node: ts.Node, object: string, member: string): boolean {
  if (ts.isPropertyAccessExpression(node))
    return (
      ts.isIdentifier(node.expression) &&
      node.expression.text === object &&
      node.name.text === member
    );
  if (ts.isElementAccessExpression(node))
    return (
      ts.isIdentifier(node.expression) &&
      node.expression.text === object &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === member
    );
  return false;
}

/**
 * What breaks core/'s purity in one source file, read from its syntax tree (the TypeScript 5.9
 * compiler API): imports from outside core/ (static, side-effect, re-export, `import()` and
 * `require`), a computed `import()`, `import.meta`, and reads of the clock, randomness, the
 * environment, the network and timers (`Date.now`, `new Date` with no argument, `Date()`,
 * `Math.random`, `crypto`, `performance.now`, `fetch`, `process.env`, `eval`, `Function`…),
 * including the ways round them: `Date` or `Math` passed or aliased as a value, and an Intl
 * formatter's `format()` with no date.
 */
export function findViolations(file: string, source: string, coreDir: string): Violation[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Violation[] = [];
  const report = (node: ts.Node, rule: string) =>
    found.push({
      line: tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1,
      rule,
      text: node.getText(tree).slice(0, 80),
    });
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    if (specifier.startsWith('.')) {
      if (relative(coreDir, resolve(dirname(file), specifier)).startsWith('..'))
        report(node, 'import from outside core/');
    } else if (!ALLOWED_PACKAGES.has(packageOf(specifier))) {
      report(node, `import of ${packageOf(specifier)}`);
    }
  };
  // Names the file declares itself (a visit `window`, a `global` flag) shadow the globals.
  const declared = new Set<string>();
  const collect = (node: ts.Node): void => {
    const named = node as ts.Node & { name?: ts.Node };
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isImportSpecifier(node) ||
        ts.isImportClause(node) ||
        ts.isNamespaceImport(node)) &&
      named.name &&
      ts.isIdentifier(named.name)
    )
      declared.add(named.name.text);
    ts.forEachChild(node, collect);
  };
  collect(tree);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      const target = node.moduleReference.expression;
      if (ts.isStringLiteralLike(target)) checkSpecifier(node, target.text);
      report(node, 'require');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [target] = node.arguments;
      if (target && ts.isStringLiteralLike(target)) checkSpecifier(node, target.text);
      else report(node, 'computed import()');
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      report(node, 'import.meta');
    } else if (ts.isNewExpression(node)) {
      if (
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'Date' &&
        !node.arguments?.length
      )
        report(node, 'new Date without a time');
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date'
    ) {
      report(node, 'Date() reads the clock');
    } else if (isMember(node, 'Date', 'now')) {
      report(node, 'Date.now');
    } else if (isMember(node, 'Math', 'random')) {
      report(node, 'Math.random');
    } else if (
      ts.isIdentifier(node) &&
      FORBIDDEN_GLOBALS.has(node.text) &&
      !declared.has(node.text) &&
      !isNameOnly(node)
    ) {
      report(node, `global ${node.text}`);
    } else if (ts.isIdentifier(node) && node.text === 'Date' && !isNameOnly(node)) {
      if (isDateEscape(node)) report(node, 'Date as a value');
    } else if (ts.isIdentifier(node) && node.text === 'Math' && !isNameOnly(node)) {
      if (memberRead(node) === undefined) report(node, 'Math as a value');
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 0 &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['format', 'formatToParts'].includes(node.expression.name.text)
    ) {
      // Intl's formatters read the clock when given no date.
      report(node, 'format() without a date');
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}
