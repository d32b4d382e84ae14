import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The core's modules form no import cycle: each step (recognise, model, score, check, plan, report,
 * consolidate) imports only steps below it and the result types (src/core/result). A cycle, even
 * through `import type`, means two modules can no longer be read, tested or moved one without the other.
 * The graph is read from the TypeScript sources themselves, so it is the one the compiler sees.
 */

const ROOT = path.resolve(__dirname, '../../src/core');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** A relative specifier as the compiler resolves it: file.ts, file.tsx or folder/index.ts; null for JSON and the like. */
function resolveSpecifier(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base + '.ts', base + '.tsx', path.join(base, 'index.ts'), base]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface ImportGraph {
  /** Module → the core modules it imports (imports, `import type`, re-exports, require). */
  edges: Map<string, string[]>;
  /** Imports that leave src/core, as "from → specifier". */
  outside: string[];
}

function importGraph(files: string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  const outside: string[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) {
        outside.push(rel(file) + ' → ' + ref.fileName);
        continue;
      }
      const resolved = resolveSpecifier(file, ref.fileName);
      if (resolved === null) continue; // profile JSON data
      if (!resolved.startsWith(ROOT + path.sep)) outside.push(rel(file) + ' → ' + ref.fileName);
      else if (targets.indexOf(resolved) < 0) targets.push(resolved);
    }
    edges.set(file, targets);
  }
  return { edges, outside };
}

function rel(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) || []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) || []).indexOf(v) >= 0) found.push(component);
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One concrete loop through a component, for the message: a → b → … → a. */
function loopThrough(component: string[], edges: Map<string, string[]>): string {
  const inside = new Set(component);
  const start = component.slice().sort()[0];
  const pathTo = [start];
  const seen = new Set([start]);
  let current = start;
  for (;;) {
    const next = (edges.get(current) || []).filter((w) => inside.has(w));
    if (next.indexOf(start) >= 0) return pathTo.concat([start]).map(rel).join(' → ');
    const step = next.find((w) => !seen.has(w)) || next[0];
    seen.add(step);
    pathTo.push(step);
    current = step;
    if (pathTo.length > component.length + 1) return component.map(rel).join(', ');
  }
}

describe('the layering of src/core', () => {
  const files = sourceFiles(ROOT);
  const graph = importGraph(files);

  test('the graph is read: every module is found and the known imports are there', () => {
    expect(files.length).toBeGreaterThan(40);
    const analyse = graph.edges.get(path.join(ROOT, 'analyse.ts'))!.map(rel);
    expect(analyse).toEqual(expect.arrayContaining(['result/types.ts', 'sheetTables.ts', 'score/scoreTable.ts']));
    // `import type` counts: a cycle through types alone is still a cycle.
    expect(graph.edges.get(path.join(ROOT, 'result/types.ts'))!.map(rel)).toContain('score/scoreTable.ts');
  });

  test('has no import cycle', () => {
    // Each cycle as one loop through it, and every module caught in it.
    const loops = cycles(graph.edges).map((c) => loopThrough(c, graph.edges) + '  [' + c.map(rel).sort().join(', ') + ']');
    expect(loops).toEqual([]);
  });

  test('imports nothing outside src/core (no edge, no library)', () => {
    expect(graph.outside).toEqual([]);
  });

  test('the cycle finder finds a cycle when there is one', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    const c = path.join(ROOT, 'c.ts');
    const edges = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
    ]);
    expect(cycles(edges).map((x) => loopThrough(x, edges))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    const selfLoop = new Map([[a, [a]]]);
    expect(cycles(selfLoop)).toHaveLength(1);
    const chain = new Map([
      [a, [b]],
      [b, []],
    ]);
    expect(cycles(chain)).toEqual([]);
  });
});
