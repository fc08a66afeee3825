// Finds every way a UDF could load a module (import/export … from, import(), import x = require(), require()), so
// each can be refused at its line: the worker has no module resolution and no library is allowlisted yet.
import ts from "typescript";

export type ImportSite = { specifier: string; start: number; end: number };

export function findImports(sf: ts.SourceFile): ImportSite[] {
  const out: ImportSite[] = [];
  const site = (node: ts.Node, spec: ts.Node | undefined) =>
    out.push({ specifier: spec && ts.isStringLiteralLike(spec) ? spec.text : spec ? spec.getText(sf) : "?", start: node.getStart(sf), end: node.getEnd() });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) site(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) site(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword
      || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) site(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node)) site(node, ts.isLiteralTypeNode(node.argument) ? node.argument.literal : node.argument);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
