/**
 * Script for a vm context that removes what Internet Explorer 11 (Excel 2016/2019's add-in engine)
 * lacks: ES2015+ globals and methods. A bundle that still runs after it needs only ES5 built-ins,
 * or brings its own polyfills.
 */
export const STRIP_MODERN = `
  (function (g) {
    var names = ['Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Symbol', 'Proxy', 'Reflect', 'BigInt', 'ArrayBuffer', 'Uint8Array', 'Intl', 'globalThis'];
    for (var i = 0; i < names.length; i++) { try { delete g[names[i]]; } catch (e) {} }
    var protos = [
      [String.prototype, ['normalize', 'includes', 'startsWith', 'endsWith', 'repeat', 'padStart', 'padEnd', 'trimStart', 'trimEnd', 'codePointAt', 'at']],
      [Array.prototype, ['find', 'findIndex', 'includes', 'fill', 'flat', 'flatMap', 'entries', 'keys', 'values', 'at', 'copyWithin']],
      [Object, ['assign', 'entries', 'values', 'fromEntries', 'setPrototypeOf', 'getOwnPropertySymbols', 'is']],
      [Array, ['from', 'of']],
      [Number, ['isInteger', 'isFinite', 'isNaN', 'parseFloat', 'EPSILON', 'MAX_SAFE_INTEGER']],
      [Math, ['trunc', 'sign', 'log10', 'hypot', 'imul', 'fround', 'clz32', 'cbrt']],
    ];
    for (var p = 0; p < protos.length; p++) for (var j = 0; j < protos[p][1].length; j++) { try { delete protos[p][0][protos[p][1][j]]; } catch (e) {} }
  })(this);
`;
