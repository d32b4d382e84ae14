import { buildSampleGrid } from '../../../src/core/sample/thanhXa2023';

/**
 * The numeric columns are typed arrays where the engine has them. An engine without them must give the
 * same analysis with plain arrays: the module decides when it loads, so it is loaded again without them.
 */
type Core = { analyse: typeof import('../../../src/core/analyse'); json: typeof import('../../../src/core/report/jsonResult'); columns: typeof import('../../../src/core/model/columns') };

function loadCore(): Core {
  let core: Core | null = null;
  jest.isolateModules(() => {
    core = { analyse: require('../../../src/core/analyse'), json: require('../../../src/core/report/jsonResult'), columns: require('../../../src/core/model/columns') };
  });
  return core!;
}

function withoutTypedArrays<T>(run: () => T): T {
  const g = globalThis as unknown as { Int32Array?: unknown; Float64Array?: unknown };
  const saved = { Int32Array: g.Int32Array, Float64Array: g.Float64Array };
  delete g.Int32Array;
  delete g.Float64Array;
  try {
    return run();
  } finally {
    g.Int32Array = saved.Int32Array;
    g.Float64Array = saved.Float64Array;
  }
}

describe('numeric columns', () => {
  test('are typed arrays here, cut to length without copying', () => {
    const { columns } = loadCore();
    const rows = columns.indexColumn(10, -1);
    expect(rows).toBeInstanceOf(Int32Array);
    expect(Array.from(rows as Int32Array)).toEqual(new Array(10).fill(-1));
    const points = columns.pointsColumn(4, NaN);
    expect(points).toBeInstanceOf(Float64Array);
    points[0] = 1e11; // 100,000 points in millionths: beyond 32 bits
    expect(points[0]).toBe(1e11);
    const cut = columns.cutColumn(rows, 3) as Int32Array;
    expect(cut.length).toBe(3);
    expect(cut.buffer).toBe((rows as Int32Array).buffer);
  });

  test('fall back to plain arrays, and the sample scores the same', () => {
    const typed = loadCore();
    const sampleJson = (core: Core) => {
      const grid = buildSampleGrid();
      return core.json.toJsonResult(core.analyse.analyseWorkbook(grid), grid, 'vi');
    };
    const expected = sampleJson(typed);
    const plain = withoutTypedArrays(() => {
      const core = loadCore();
      const rows = core.columns.indexColumn(5, -1);
      expect(Array.isArray(rows)).toBe(true);
      expect(core.columns.cutColumn(rows, 2)).toEqual([-1, -1]);
      return sampleJson(core);
    });
    expect(plain).toEqual(expected);
    expect(plain.total.self).toBe(70.13); // 68,13 in Phụ lục 1 and 2 in Phụ lục 2
  });
});
