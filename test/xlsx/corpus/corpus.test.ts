import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gridToXlsxBytes } from '../../helpers/gridXlsx';
import { CORPUS } from './shapes';

/**
 * Issue 10's hand-built corpus: each layout of "Minimal layouts that fail today" as a real .xlsx
 * (made by code in shapes.ts, written to a temporary folder), scored by the real command line
 * (`cchc score FILE --json`), against what a person wrote down in expected/<name>.json:
 * the workbook total, each table's total and fields {code, label, max, self}, the skipped sheets,
 * the profile where the file says, and the exact set of flags {kind, sheet, cell} (messages ignored).
 */

const root = path.join(__dirname, '..', '..', '..');
const expectedDir = path.join(__dirname, 'expected');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-corpus-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Expected {
  total: { max: number; self: number };
  profile?: string | null;
  sheets: Array<{ name: string; tableIndex: number; total: { max: number; self: number }; fields: Array<{ code: string; label?: string; max: number; self: number }> }>;
  skippedSheets?: Array<{ name: string; reason: string }>;
  flags: Array<{ kind: string; sheet: string; cell: string }>;
}

interface JsonSheet {
  name: string;
  tableIndex?: number;
  total: { max: number; self: number };
  fields: Array<{ code: string; label?: string; max: number; self: number }>;
}

function flagKey(f: { kind: string; sheet: string; cell: string }): string {
  return f.sheet + '!' + f.cell + ' ' + f.kind;
}

/** The part of the CLI's JSON the expected file speaks about, in the same shape. */
function project(
  json: {
    total: { max: number; self: number };
    profile: string | null;
    sheets: JsonSheet[];
    skippedSheets: Array<{ name: string; reason: string }>;
    flags: Array<{ kind: string; sheet: string; cell: string }>;
  },
  expected: Expected,
): Expected {
  const seen: { [name: string]: number } = {};
  const out: Expected = {
    total: { max: json.total.max, self: json.total.self },
    sheets: json.sheets.map((s) => {
      seen[s.name] = (seen[s.name] || 0) + 1;
      return {
        name: s.name,
        // Tables of one sheet in order when the JSON does not number them.
        tableIndex: typeof s.tableIndex === 'number' ? s.tableIndex : seen[s.name],
        total: { max: s.total.max, self: s.total.self },
        fields: s.fields.map((f, i) => {
          const field: { code: string; label?: string; max: number; self: number } = { code: f.code, max: f.max, self: f.self };
          const wanted = expected.sheets.filter((e) => e.name === s.name)[0];
          if (wanted && wanted.fields[i] && wanted.fields[i].label !== undefined) field.label = f.label;
          return field;
        }),
      };
    }),
    flags: uniqueSorted(json.flags.map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell }))),
  };
  if (expected.profile !== undefined) out.profile = json.profile;
  if (expected.skippedSheets !== undefined) out.skippedSheets = json.skippedSheets.map((s) => ({ name: s.name, reason: s.reason }));
  return out;
}

function uniqueSorted(flags: Array<{ kind: string; sheet: string; cell: string }>): Array<{ kind: string; sheet: string; cell: string }> {
  const byKey: { [key: string]: { kind: string; sheet: string; cell: string } } = {};
  for (const f of flags) byKey[flagKey(f)] = f;
  return Object.keys(byKey)
    .sort()
    .map((k) => byKey[k]);
}

function readExpected(name: string): Expected {
  const expected = JSON.parse(fs.readFileSync(path.join(expectedDir, name + '.json'), 'utf8')) as Expected;
  // Key order of the expected file does not matter: build it in the projection's order.
  const ordered: Expected = { total: expected.total, sheets: expected.sheets, flags: uniqueSorted(expected.flags) };
  if (expected.profile !== undefined) ordered.profile = expected.profile;
  if (expected.skippedSheets !== undefined) ordered.skippedSheets = expected.skippedSheets;
  return ordered;
}

const names = Object.keys(CORPUS).sort();

test('every shape has its expected file, and every expected file its shape', () => {
  const files = fs
    .readdirSync(expectedDir)
    .filter((f) => /\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  expect(files).toEqual(names);
});

describe('cchc score --json on the hand-built corpus', () => {
  test.each(names.map((n) => [n]))('%s', async (name) => {
    const file = path.join(tmp, name + '.xlsx');
    fs.writeFileSync(file, await gridToXlsxBytes(CORPUS[name]()));
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cchc.js'), 'score', file, '--json'], { cwd: tmp, encoding: 'utf8' });
    if (r.status !== 0) throw new Error('cchc score ' + name + '.xlsx --json exited ' + r.status + ': ' + r.stderr);
    const expected = readExpected(name);
    const actual = project(JSON.parse(r.stdout), expected);
    expect(actual).toEqual(expected);
  });
});
