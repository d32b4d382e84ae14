/* Webpack loader, after esbuild-loader (target es2017) on the pane's dependencies. esbuild lowers
 * each module's object spread and rest to helpers of its own (`__spreadValues`, `__spreadProps`,
 * `__objRest`: a few hundred bytes in each of some 80 modules of the pane). Here:
 *  - `__spreadValues` becomes `Object.assign`, which does the same for what esbuild passes it (a
 *    fresh object literal, then the spread value; null and undefined skipped; own enumerable string
 *    and symbol keys copied);
 *  - `__spreadProps` and `__objRest` become one shared copy (build/esbuildHelpers.js, brought in by
 *    webpack's ProvidePlugin as `__cchcEsbuildHelpers`), so the minifier drops the per-module rest.
 * Any other text (another esbuild version's helpers) is left as it is: still correct, only larger. */
'use strict';

const REPLACE = [
  [/var __spreadValues = \(a\d*, b\d*\) => \{\n[\s\S]*?\n\};\n/, 'var __spreadValues = Object.assign;\n'],
  [/var __spreadProps = \(a\d*, b\d*\) => __defProps\(a\d*, __getOwnPropDescs\(b\d*\)\);\n/, 'var __spreadProps = __cchcEsbuildHelpers.spreadProps;\n'],
  [/var __objRest = \(source\d*, exclude\d*\) => \{\n[\s\S]*?\n\};\n/, 'var __objRest = __cchcEsbuildHelpers.objRest;\n'],
];

module.exports = function spreadAsAssign(source) {
  if (typeof source !== 'string' || source.indexOf('var __') < 0) return source;
  let out = source;
  for (const [pattern, replacement] of REPLACE) out = out.replace(pattern, replacement);
  // The one-line helpers nothing uses any more (`var __defProp = Object.defineProperty;` …): the
  // minifier would keep them as property reads of globals.
  for (let changed = true; changed; ) {
    changed = false;
    out = out.replace(/^var (__\w+) = [^\n]*;\n/gm, (line, name) => {
      if (out.split(name).length - 1 > 1) return line;
      changed = true;
      return '';
    });
  }
  return out;
};
module.exports.REPLACE = REPLACE;
