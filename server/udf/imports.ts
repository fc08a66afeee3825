// Finds every way a UDF could load a module (import/export … from, import(), import x = require(), require()), so
// each can be refused at its line unless it is a static import of an allowlisted library (the worker resolves nothing;
// esbuild bundles those).
import ts from "typescript";

/** static: `import … from` / `export … from`, which esbuild can bundle; not: import(), require, import types. */
export type ImportSite = { specifier: string; start: number; end: number; static: boolean };

export function findImports(sf: ts.SourceFile): ImportSite[] {
  const out: ImportSite[] = [];
  const site = (node: ts.Node, spec: ts.Node | undefined, isStatic = false) =>
    out.push({ specifier: spec && ts.isStringLiteralLike(spec) ? spec.text : spec ? spec.getText(sf) : "?", start: node.getStart(sf), end: node.getEnd(), static: isStatic });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) site(node, node.moduleSpecifier, true);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) site(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword
      || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) site(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node)) site(node, ts.isLiteralTypeNode(node.argument) ? node.argument.literal : node.argument);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
