import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The API-set audit. Builds a TypeScript program over the code that touches Office.js (src/excel,
 * src/commands, src/lightpane, the pane's host choice), lists every Office.js member it uses and reads that member's
 * `[Api set: ExcelApi x.y]` tag from @types/office-js. A member above ExcelApi 1.1 must be used only
 * where the feature of src/excel/features.ts that needs at least that set guards it.
 *
 * "Used" means any of:
 *  - a property access or call whose symbol is declared in @types/office-js under `Excel` or `Office`
 *    (`range.getCellProperties(…)`, `ws.protection`, `cf.customOrNullObject`), also as `range['…']`
 *    or destructured (`const { protection } = ws`);
 *  - a property of an object literal whose contextual type is declared there (`{ mergeUndoGroup: true }`
 *    as Excel.RunOptions, the CellPropertiesLoadOptions given to getCellProperties);
 *  - a property named in a load string (`used.load('rowHidden')`, `cfs.load('items/customOrNullObject/…')`),
 *    resolved against the type of the object loaded.
 *
 * "Guarded by feature F" (F's set is the one detectFeatures gives it: `F: at('1.x')`) means that the use:
 *  - sits in the `then` branch of an `if` whose condition is F, or a conjunction (`&&`) containing F,
 *    where F is read as `features.F` or `<anything>.features.F` (never under `!` or `||`);
 *  - or in the true branch of `cond ? … : …`, or right of `cond && …`, with such a condition;
 *  - or after `if (!features.F) return …;` / `throw` (or `if (!features.F || …)`) earlier in the same block;
 *  - or inside a function whose JSDoc says `@apiFeature F`; then every reference to that function
 *    (call, or passing it on) must itself be guarded by a feature whose set is at least F's.
 * A use is allowed when the highest set among its guarding features is ≥ the member's set.
 * Members of other requirement sets (Office common API) are listed, not checked.
 *
 * The table it prints is the README's; it is also written to $CCHC_API_TABLE (default: the temp folder).
 * CCHC_AUDIT_ROOT points the audit at another checkout (a scratch copy with a deliberate violation).
 */

const root = process.env.CCHC_AUDIT_ROOT ? path.resolve(process.env.CCHC_AUDIT_ROOT) : path.resolve(__dirname, '../..');
const OFFICE_DTS = path.join('@types', 'office-js', 'index.d.ts');

interface Use {
  member: string;
  set: string;
  version: string;
  file: string;
  line: number;
  /** Highest feature set guarding the use, and the features that do. */
  guard: { version: string; features: string[] };
}

function walkTs(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkTs(full, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(full);
  }
}

function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return pa[0] - pb[0] || (pa[1] || 0) - (pb[1] || 0);
}

/** feature → ExcelApi version, from detectFeatures' `name: at('1.x')` lines. */
function readFeatureSets(): Map<string, string> {
  const source = fs.readFileSync(path.join(root, 'src/excel/features.ts'), 'utf8');
  const out = new Map<string, string>();
  const re = /^\s*(\w+): at\('(\d+\.\d+)'\),?$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) out.set(m[1], m[2]);
  return out;
}

function apiSetOf(decl: ts.Node): { set: string; version: string } | null {
  const sf = decl.getSourceFile();
  const text = sf.text.slice(decl.getFullStart(), decl.getStart(sf));
  const m = /\[Api set: (\w+) (\d+\.\d+)/.exec(text);
  return m ? { set: m[1], version: m[2] } : null;
}

function isOfficeDeclaration(decl: ts.Node): boolean {
  if (!decl.getSourceFile().fileName.replace(/\\/g, '/').endsWith(OFFICE_DTS.replace(/\\/g, '/'))) return false;
  let n: ts.Node | undefined = decl.parent;
  let top: string | null = null;
  while (n) {
    if (ts.isModuleDeclaration(n)) top = n.name.getText();
    n = n.parent;
  }
  return top === 'Excel' || top === 'Office';
}

function memberName(decl: ts.Node): string {
  const owner = decl.parent;
  const ownerName = owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name ? owner.name.getText() : '?';
  const name = (decl as ts.NamedDeclaration).name;
  return ownerName + '.' + (name ? name.getText() : '?');
}

export function auditApiSets(): { uses: Use[]; violations: Use[]; features: Map<string, string>; unknownFeatures: string[] } {
  const files: string[] = [];
  walkTs(path.join(root, 'src/excel'), files);
  walkTs(path.join(root, 'src/commands'), files);
  walkTs(path.join(root, 'src/lightpane'), files);
  walkTs(path.join(root, 'src/taskpane/host'), files);
  const configPath = path.join(root, 'tsconfig.commands-es5.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
  const program = ts.createProgram(files, Object.assign({}, parsed.options, { noEmit: true, lib: ['lib.es2019.d.ts', 'lib.dom.d.ts'] }));
  const checker = program.getTypeChecker();
  const featureSets = readFeatureSets();
  const uses: Use[] = [];
  const unknownFeatures: string[] = [];

  /** The features an expression asserts when it is true (a feature read, or a && of them). */
  function asserted(expr: ts.Expression): string[] {
    if (ts.isParenthesizedExpression(expr)) return asserted(expr.expression);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return asserted(expr.left).concat(asserted(expr.right));
    if (ts.isPropertyAccessExpression(expr)) {
      const owner = expr.expression;
      const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : '';
      if (ownerName === 'features') {
        if (!featureSets.has(expr.name.text)) unknownFeatures.push(expr.name.text);
        return featureSets.has(expr.name.text) ? [expr.name.text] : [];
      }
    }
    return [];
  }

  /** The features an expression asserts when it is false (`!F`, or `!F || …`). */
  function assertedWhenFalse(expr: ts.Expression): string[] {
    if (ts.isParenthesizedExpression(expr)) return assertedWhenFalse(expr.expression);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return asserted(expr.operand);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return assertedWhenFalse(expr.left).concat(assertedWhenFalse(expr.right));
    return [];
  }

  function exits(statement: ts.Statement): boolean {
    if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
    if (ts.isBlock(statement)) return statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]);
    return false;
  }

  function taggedFeature(fn: ts.Node): string | null {
    for (const tag of ts.getJSDocTags(fn)) {
      if (tag.tagName.text === 'apiFeature') {
        const name = String(typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) || '').trim();
        if (!featureSets.has(name)) unknownFeatures.push(name);
        return featureSets.has(name) ? name : null;
      }
    }
    return null;
  }

  /** The features guarding a node, by the rules above (lexically). */
  function guardsOf(node: ts.Node): string[] {
    const out: string[] = [];
    let child: ts.Node = node;
    let parent: ts.Node | undefined = node.parent;
    while (parent) {
      if (ts.isIfStatement(parent) && child === parent.thenStatement) out.push(...asserted(parent.expression));
      else if (ts.isConditionalExpression(parent) && child === parent.whenTrue) out.push(...asserted(parent.condition));
      else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right) out.push(...asserted(parent.left));
      if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(child as ts.Statement)) {
        const statements = (parent as ts.Block).statements;
        for (const s of statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) out.push(...assertedWhenFalse(s.expression));
        }
      }
      if (ts.isFunctionLike(parent)) {
        const holder = ts.isVariableDeclaration(parent.parent) ? parent.parent.parent.parent : parent;
        const tagged = taggedFeature(holder) || taggedFeature(parent);
        if (tagged) out.push(tagged);
      }
      child = parent;
      parent = parent.parent;
    }
    return out;
  }

  function guardVersion(features: string[]): string {
    let best = '1.1';
    for (const f of features) if (compareVersion(featureSets.get(f)!, best) > 0) best = featureSets.get(f)!;
    return best;
  }

  const seen = new Set<string>();
  function record(decl: ts.Node, at: ts.Node): void {
    if (!isOfficeDeclaration(decl)) return;
    // One use per member and place (overloads declare a member more than once).
    const key = memberName(decl) + '@' + at.getSourceFile().fileName + ':' + at.getStart();
    if (seen.has(key)) return;
    seen.add(key);
    const tag = apiSetOf(decl);
    const sf = at.getSourceFile();
    const features = guardsOf(at);
    uses.push({
      member: memberName(decl),
      set: tag ? tag.set : '(none)',
      version: tag ? tag.version : '',
      file: path.relative(root, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1,
      guard: { version: guardVersion(features), features: Array.from(new Set(features)) },
    });
  }

  function declarationsOf(symbol: ts.Symbol | undefined): ts.Declaration[] {
    if (!symbol) return [];
    const s = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return s.declarations || [];
  }

  /** Records each segment of a load path ('items/customOrNullObject/rule/formula') against `type`. */
  function recordLoadPath(type: ts.Type, pathText: string, at: ts.Node): void {
    let current: ts.Type | undefined = type;
    for (const segment of pathText.split('/')) {
      if (!current) return;
      const prop = current.getProperty(segment.trim());
      if (!prop) return;
      for (const d of declarationsOf(prop)) record(d, at);
      let next = checker.getTypeOfSymbolAtLocation(prop, at);
      next = checker.getNonNullableType(next);
      if (checker.isArrayType(next)) next = checker.getTypeArguments(next as ts.TypeReference)[0];
      current = next;
    }
  }

  function visit(node: ts.Node): void {
    if (ts.isPropertyAccessExpression(node)) {
      const symbol = checker.getSymbolAtLocation(node.name);
      const decls = declarationsOf(symbol);
      let chosen: ts.Node[] = decls;
      if (ts.isCallExpression(node.parent) && node.parent.expression === node) {
        const signature = checker.getResolvedSignature(node.parent);
        if (signature && signature.declaration && decls.indexOf(signature.declaration as ts.Declaration) >= 0) chosen = [signature.declaration];
      }
      // Overloads without a tag of their own: the lowest tagged one speaks for the member.
      if (chosen.length > 1) chosen = [chosen.filter((d) => apiSetOf(d)).sort((a, b) => compareVersion(apiSetOf(a)!.version, apiSetOf(b)!.version))[0] || chosen[0]];
      for (const d of chosen) record(d, node.name);
      if (node.name.text === 'load' && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        const arg = node.parent.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
          const type = checker.getTypeAtLocation(node.expression);
          for (const p of arg.text.split(',')) recordLoadPath(type, p.trim(), arg);
        }
      }
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      // range['getCellProperties'](…) is the same use as range.getCellProperties(…).
      for (const d of declarationsOf(checker.getSymbolAtLocation(node.argumentExpression))) record(d, node.argumentExpression);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      // const { protection } = ws: the property of the destructured Office.js object.
      const name = node.propertyName || node.name;
      if (ts.isIdentifier(name)) {
        const prop = checker.getTypeAtLocation(node.parent).getProperty(name.text);
        for (const d of declarationsOf(prop)) record(d, name);
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const prop of node.properties) {
          if (!prop.name || !ts.isIdentifier(prop.name)) continue;
          const target = checker.getNonNullableType(contextual).getProperty(prop.name.text);
          for (const d of declarationsOf(target)) record(d, prop.name);
        }
      }
    }
    ts.forEachChild(node, visit);
  }

  const sources = program.getSourceFiles().filter((sf) => files.indexOf(path.resolve(sf.fileName)) >= 0);
  for (const sf of sources) visit(sf);

  // Functions tagged @apiFeature F: every reference to them must be guarded by a set ≥ F's.
  const taggedRefs: Use[] = [];
  for (const sf of sources) {
    const check = (node: ts.Node): void => {
      // Declarations, imports and re-exports name the function without using it.
      const naming = !node.parent || (ts.isFunctionDeclaration(node.parent) && node.parent.name === node) || ts.isImportSpecifier(node.parent) || ts.isExportSpecifier(node.parent);
      if (ts.isIdentifier(node) && !naming) {
        const decls = declarationsOf(checker.getSymbolAtLocation(node));
        for (const d of decls) {
          const feature = ts.isFunctionDeclaration(d) ? taggedFeature(d) : null;
          if (!feature) continue;
          const features = guardsOf(node);
          taggedRefs.push({
            member: 'function ' + node.text + ' (@apiFeature ' + feature + ')',
            set: 'ExcelApi',
            version: featureSets.get(feature)!,
            file: path.relative(root, sf.fileName),
            line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
            guard: { version: guardVersion(features), features: Array.from(new Set(features)) },
          });
        }
      }
      ts.forEachChild(node, check);
    };
    check(sf);
  }
  const all = uses.concat(taggedRefs);
  const violations = all.filter((u) => u.set === 'ExcelApi' && compareVersion(u.version, '1.1') > 0 && compareVersion(u.guard.version, u.version) < 0);
  return { uses: all, violations, features: featureSets, unknownFeatures };
}

function table(uses: Use[], features: Map<string, string>): string {
  const rows = new Map<string, { set: string; guards: Set<string>; files: Set<string> }>();
  for (const u of uses) {
    if (u.member.indexOf('function ') === 0) continue;
    const key = u.member;
    const row = rows.get(key) || { set: u.set === '(none)' ? '—' : u.set + ' ' + u.version, guards: new Set<string>(), files: new Set<string>() };
    // The feature that carries the member's set (the lowest guard that suffices).
    const sufficient = u.guard.features.filter((f) => !u.version || compareVersion(features.get(f)!, u.version) >= 0).sort((a, b) => compareVersion(features.get(a)!, features.get(b)!));
    if (u.set === 'ExcelApi' && compareVersion(u.version, '1.1') > 0 && sufficient.length) row.guards.add(sufficient[0] + ' (' + features.get(sufficient[0]) + ')');
    row.files.add(path.basename(u.file));
    rows.set(key, row);
  }
  const keys = Array.from(rows.keys()).sort((a, b) => {
    const va = rows.get(a)!.set;
    const vb = rows.get(b)!.set;
    const na = va.replace(/^\D+/, '') || '0';
    const nb = vb.replace(/^\D+/, '') || '0';
    return va.split(' ')[0].localeCompare(vb.split(' ')[0]) || compareVersion(na, nb) || a.localeCompare(b);
  });
  const lines = ['| Office.js member | requirement set | guarded by (features.ts) | used in |', '| --- | --- | --- | --- |'];
  for (const k of keys) {
    const r = rows.get(k)!;
    lines.push('| `' + k + '` | ' + r.set + ' | ' + (Array.from(r.guards).join(', ') || '—') + ' | ' + Array.from(r.files).sort().join(', ') + ' |');
  }
  return lines.join('\n') + '\n';
}

describe('API-set audit of the Office.js code', () => {
  const result = auditApiSets();

  test('finds the Office.js members the gateway uses, with their sets', () => {
    const members = new Set(result.uses.map((u) => u.member));
    // A few that must be seen, or the audit is reading nothing (e.g. the code fell back to `any`).
    for (const m of [
      'WorksheetCollection.getItem',
      'Worksheet.getUsedRange',
      'Range.formulas',
      'Range.getCellProperties',
      'Range.conditionalFormats',
      'RunOptions.mergeUndoGroup',
      'Range.rowHidden',
      'Worksheet.onChanged',
      'Range.getSpecialCellsOrNullObject',
    ]) {
      expect(members).toContain(m);
    }
    expect(result.unknownFeatures).toEqual([]);
    const text = table(result.uses, result.features);
    const out = process.env.CCHC_API_TABLE || path.join(os.tmpdir(), 'cchc-api-sets.md');
    fs.writeFileSync(out, text);
    // eslint-disable-next-line no-console
    console.log('Office.js members by requirement set (written to ' + out + '):\n' + text);
  });

  test('every member above ExcelApi 1.1 is used only under the feature that needs its set', () => {
    const text = result.violations.map(
      (v) =>
        v.file +
        ':' +
        v.line +
        ' ' +
        v.member +
        ' needs ' +
        v.set +
        ' ' +
        v.version +
        ', guarded only to ' +
        v.guard.version +
        (v.guard.features.length ? ' (' + v.guard.features.join(', ') + ')' : ''),
    );
    expect(text).toEqual([]);
  });
});
