import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

/**
 * The reader runs in the browser pane too: nothing src/xlsx/read/ loads, directly or through the
 * modules it imports, may be a Node built-in or come from src/xlsx/node/ (file access lives there).
 */
const SRC = path.join(__dirname, '..', '..', '..', 'src');
// `import type` / `export type` load nothing (the compiler erases them), so they are not followed.
const IMPORT_RX = /^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;
const NODE_BUILTINS = new Set(builtinModules.concat(builtinModules.map((m) => 'node:' + m)));

/** Relative modules reached from `start`, with each module's bare (package or built-in) imports. */
function closure(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [start];
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    const bare: string[] = [];
    seen.set(file, bare);
    const text = fs.readFileSync(file, 'utf8');
    for (let m = IMPORT_RX.exec(text); m; m = IMPORT_RX.exec(text)) {
      const spec = m[1] || m[2] || m[3];
      if (!spec.startsWith('.')) {
        bare.push(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const target = [base + '.ts', base + '.tsx', path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
      if (!target) throw new Error(file + ': cannot resolve ' + spec);
      todo.push(target);
    }
  }
  return seen;
}

describe('src/xlsx/read is browser-safe', () => {
  const entries = fs.readdirSync(path.join(SRC, 'xlsx', 'read')).filter((f) => f.endsWith('.ts'));

  test('the folder holds the reader', () => {
    expect(entries).toEqual(expect.arrayContaining(['readGrid.ts', 'xmlScanner.ts', 'sharedFormulas.ts', 'worksheet.ts']));
  });

  test.each(entries)('%s loads no Node built-in and nothing from src/xlsx/node', (entry) => {
    const reached = closure(path.join(SRC, 'xlsx', 'read', entry));
    const offenders: string[] = [];
    reached.forEach((bare, file) => {
      const rel = path.relative(SRC, file);
      if (rel.startsWith(path.join('xlsx', 'node') + path.sep)) offenders.push(rel);
      for (const spec of bare) if (NODE_BUILTINS.has(spec)) offenders.push(rel + ' imports ' + spec);
    });
    expect(offenders).toEqual([]);
  });

  test('the check sees a Node import: src/xlsx/node/readGridFile.ts reaches fs', () => {
    const reached = closure(path.join(SRC, 'xlsx', 'node', 'readGridFile.ts'));
    const bare = ([] as string[]).concat(...Array.from(reached.values()));
    expect(bare).toContain('fs');
  });
});
