/* One copy, for the whole pane bundle, of the esbuild helpers that build/spreadAsAssign.js takes out
 * of each dependency module (webpack's ProvidePlugin brings this module in where they are used).
 * Same behaviour as esbuild 0.28's own __objRest and __spreadProps; ES2017 syntax. */
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var isEnum = Object.prototype.propertyIsEnumerable;
var symbols = Object.getOwnPropertySymbols;

/** `const { a, ...rest } = source` lowered: rest = objRest(source, ['a']). */
exports.objRest = function objRest(source, exclude) {
  var target = {};
  for (var prop in source) if (hasOwn.call(source, prop) && exclude.indexOf(prop) < 0) target[prop] = source[prop];
  if (source != null && symbols) {
    var list = symbols(source);
    for (var i = 0; i < list.length; i++) if (exclude.indexOf(list[i]) < 0 && isEnum.call(source, list[i])) target[list[i]] = source[list[i]];
  }
  return target;
};

/** `{ ...a, b }` lowered: spreadProps(Object.assign({}, a), { b }), getters kept as getters. */
exports.spreadProps = function spreadProps(a, b) {
  return Object.defineProperties(a, Object.getOwnPropertyDescriptors(b));
};
