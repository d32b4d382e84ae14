/**
 * What Edge Legacy (EdgeHTML 18: Office 2016/2019 on Windows 10) lacks of what the pane bundle uses
 * at run time, each only where missing; imported first by index.tsx. The syntax is lowered to ES2017
 * at build time (webpack.config.js). Checked against the built chunks: Object.fromEntries (Griffel's
 * styles), WeakRef (keyborg, Fluent's focus tracking: held strongly here, a few elements), ResizeObserver
 * (Fluent's MessageBar reflow: without it, no reflow), queueMicrotask and globalThis (used guarded, but
 * cheap to give). Array.prototype.flat/flatMap, String.prototype.matchAll/replaceAll/at are not used.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const g = (typeof window !== 'undefined' ? window : self) as any;

if (typeof Object.fromEntries !== 'function') {
  Object.defineProperty(Object, 'fromEntries', {
    configurable: true,
    writable: true,
    value: function fromEntries(entries: Iterable<[PropertyKey, unknown]>) {
      const o: { [k: string]: unknown } = {};
      for (const [k, v] of entries) o[k as string] = v;
      return o;
    },
  });
}

if (typeof g.globalThis === 'undefined') g.globalThis = g;

if (typeof g.queueMicrotask !== 'function') {
  g.queueMicrotask = (fn: () => void) => {
    Promise.resolve()
      .then(fn)
      .catch((e) =>
        setTimeout(() => {
          throw e;
        }),
      );
  };
}

if (typeof g.WeakRef !== 'function') {
  g.WeakRef = class WeakRef<T> {
    private readonly target: T;
    constructor(target: T) {
      this.target = target;
    }
    deref(): T {
      return this.target;
    }
  };
}

if (typeof g.ResizeObserver !== 'function') {
  g.ResizeObserver = class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export {};
