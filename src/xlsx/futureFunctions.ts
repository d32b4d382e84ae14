/**
 * Functions newer than Excel 2007 ("future functions") are stored in .xlsx files with a prefix:
 * `_xlfn.NUMBERVALUE(`, and FILTER/SORT as `_xlfn._xlws.FILTER(`. Without it Excel reads the plain
 * name as an unknown function and shows #NAME?. Office.js takes and gives the plain names, so only
 * the file gateways translate: `toFileFormula` before ExcelJS writes a formula, `fromFileFormula`
 * when a file is read, so the core only ever sees (and plans) plain names and a re-run of an
 * annotated copy compares equal formulas. Names are matched as function calls only (a name followed
 * by "("), never inside string literals, quoted sheet names or [structured references].
 * Plain ES5 (no Set, no startsWith), like the rest of what the browser build may bundle.
 */

/** Prefix each future function needs in the file, by upper-case name. */
const PREFIX_BY_NAME: { [name: string]: string } = {};

function addAll(prefix: string, names: string): void {
  const list = names.split(' ');
  for (let i = 0; i < list.length; i++) if (list[i]) PREFIX_BY_NAME[list[i]] = prefix;
}

// Excel 2010-2021 and Microsoft 365 additions (Microsoft's list of functions shown with "_xlfn.").
// LET and LAMBDA are left out on purpose: their parameters need "_xlpm." too, which a name-only
// translation cannot give; the core never writes them.
addAll(
  '_xlfn.',
  'ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR BITRSHIFT BITXOR ' +
    'CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T ' +
    'COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST ' +
    'FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR ' +
    'FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ' +
    'ISFORMULA ISOWEEKNUM LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV ' +
    'NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI ' +
    'POISSON.DIST QUARTILE.EXC QUARTILE.INC RANK.AVG RANK.EQ RRI SEC SECH SHEET SHEETS SKEW.P STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T ' +
    'T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN UNICHAR UNICODE VAR.P VAR.S WEBSERVICE WEIBULL.DIST WORKDAY.INTL XOR Z.TEST ' +
    'XLOOKUP XMATCH SORTBY UNIQUE SEQUENCE RANDARRAY TEXTBEFORE TEXTAFTER TEXTSPLIT VSTACK HSTACK TOCOL TOROW WRAPROWS WRAPCOLS TAKE DROP ' +
    'CHOOSEROWS CHOOSECOLS EXPAND ARRAYTOTEXT VALUETOTEXT ANCHORARRAY SINGLE',
);
// Dynamic-array functions that Excel stores with the worksheet-function namespace as well.
addAll('_xlfn._xlws.', 'FILTER SORT');

const FILE_PREFIX_RX = /^(?:_xlfn\.|_xlws\.)+/i;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 92 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 46;
}

/**
 * Walks a formula, handing every name token directly followed by "(" (a function call) to `rename`;
 * string literals, quoted sheet names and bracketed parts are copied untouched.
 */
function mapFunctionNames(formula: string, rename: (name: string) => string): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 || c === 39) {
      // "text" or 'sheet name'; a doubled quote is an escaped one.
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.substring(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === 91) {
      // [structured reference] or [external book], possibly nested.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = formula.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      out += formula.substring(i, j + 1);
      i = j + 1;
      continue;
    }
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      const name = formula.substring(i, j);
      out += formula.charCodeAt(j) === 40 ? rename(name) : name;
      i = j;
      continue;
    }
    out += formula.charAt(i);
    i++;
  }
  return out;
}

function prefixed(name: string): string {
  const prefix = PREFIX_BY_NAME[name.toUpperCase()];
  return prefix && Object.prototype.hasOwnProperty.call(PREFIX_BY_NAME, name.toUpperCase()) ? prefix + name : name;
}

function unprefixed(name: string): string {
  return name.replace(FILE_PREFIX_RX, '');
}

/** A formula as Excel's UI and Office.js write it -> as the file format stores it (future functions prefixed). */
export function toFileFormula(formula: string): string {
  // Most formulas call no function at all (or only SUM): skip the walk when nothing can match.
  if (formula.indexOf('(') < 0) return formula;
  return mapFunctionNames(formula, prefixed);
}

/** A formula as stored in a file -> as Excel's UI shows it: "_xlfn." and "_xlws." dropped from function names. */
export function fromFileFormula(formula: string): string {
  if (formula.indexOf('_xl') < 0 && formula.indexOf('_XL') < 0) return formula;
  return mapFunctionNames(formula, unprefixed);
}
