import * as path from 'path';
import { ESLint } from 'eslint';

// The config as a value: ESLint loads its config file with import(), which jest's module sandbox lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CONFIG = require('../../eslint.config.js');

/**
 * The layering as eslint rules (eslint.config.js): each forbidden direction, written as a file in
 * the layer it would come from, is reported; the allowed directions are not.
 *   core → any edge or package; gateway → gateway (excel ↔ xlsx); pane → Office.js outside
 *   src/taskpane/host; use cases (src/app) → React, Fluent UI, Office.js, a gateway, an edge.
 */

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: CONFIG });

/** The rules that fired on `code` as the file `file` (relative to the repository). */
async function fired(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => (m.ruleId || 'fatal: ' + m.message) + (m.severity === 2 ? '' : ' (warning)'));
}

const IMPORT = 'no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';
const GLOBALS = 'no-restricted-globals';

describe('forbidden imports are reported', () => {
  const cases: Array<[string, string, string, string]> = [
    // [direction, file, code, rule]
    ['core → excel', 'src/core/score/x.ts', "import { createExcelHost } from '../../excel/officeGateway';\nexport const f = createExcelHost;\n", IMPORT],
    ['core → xlsx', 'src/core/x.ts', "export { readGridFromXlsxBytes } from '../xlsx/read/readGrid';\n", IMPORT],
    ['core → taskpane', 'src/core/plan/x.ts', "import { buildPaneView } from '../../taskpane/model/paneModel';\nexport const f = buildPaneView;\n", IMPORT],
    ['core → commands', 'src/core/x.ts', "import '../commands/commands';\n", IMPORT],
    ['core → cli', 'src/core/report/x.ts', "import { main } from '../../cli/main';\nexport const f = main;\n", IMPORT],
    ['core → docx', 'src/core/report/x.ts', "import { reportDocxBytes } from '../../docx/selfAssessmentDocx';\nexport const f = reportDocxBytes;\n", IMPORT],
    ['core → app', 'src/core/appraisal/x.ts', "import { fillAppraised } from '../../app/fillAppraised';\nexport const f = fillAppraised;\n", IMPORT],
    ['core → a package', 'src/core/x.ts', "import ExcelJS from 'exceljs';\nexport const f = ExcelJS;\n", IMPORT],
    ['core → a package (type only)', 'src/core/x.ts', "import type { Workbook } from 'exceljs';\nexport type W = Workbook;\n", IMPORT],
    ['core → a gateway by import()', 'src/core/x.ts', "export const f = () => import('../xlsx/read/readGrid');\n", SYNTAX],
    ['core → a package by require()', 'src/core/x.ts', "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const f = require('jszip');\n", SYNTAX],
    ['core → Office.js global', 'src/core/x.ts', 'export const f = () => Office.context;\n', GLOBALS],
    ['excel → xlsx (gateway → gateway)', 'src/excel/x.ts', "import { readGridFromXlsxBytes } from '../xlsx/read/readGrid';\nexport const f = readGridFromXlsxBytes;\n", IMPORT],
    ['xlsx → excel (gateway → gateway)', 'src/xlsx/read/x.ts', "import { createExcelHost } from '../../excel/officeGateway';\nexport const f = createExcelHost;\n", IMPORT],
    ['xlsx → excel by import()', 'src/xlsx/x.ts', "export const f = () => import('../excel/officeGateway');\n", SYNTAX],
    ['taskpane → Office.js global', 'src/taskpane/model/x.ts', 'export function f(): void {\n  Office.context.document.settings.saveAsync();\n}\n', GLOBALS],
    ['taskpane → Excel.run', 'src/taskpane/components/X/x.tsx', 'export const f = () => Excel.run(async () => undefined);\n', GLOBALS],
    ['taskpane → Office.js types', 'src/taskpane/model/x.ts', 'export let range: Excel.Range | undefined;\n', SYNTAX],
    ['taskpane → the gateway', 'src/taskpane/components/X/x.ts', "import { createExcelHost } from '../../../excel/officeGateway';\nexport const f = createExcelHost;\n", IMPORT],
    ['taskpane → the gateway by import()', 'src/taskpane/index.tsx', "export const f = () => import('../excel/officeGateway');\n", SYNTAX],
    ['taskpane → an Office package', 'src/taskpane/model/x.ts', "import 'office-addin-mock';\n", IMPORT],
    ['app → react', 'src/app/x.ts', "import * as React from 'react';\nexport const f = React.createElement;\n", IMPORT],
    ['app → @fluentui', 'src/app/x.ts', "import { Button } from '@fluentui/react-components';\nexport const f = Button;\n", IMPORT],
    ['app → excel', 'src/app/x.ts', "import { createExcelHost } from '../excel/officeGateway';\nexport const f = createExcelHost;\n", IMPORT],
    ['app → xlsx', 'src/app/x.ts', "import { readGridFromXlsxBytes } from '../xlsx/read/readGrid';\nexport const f = readGridFromXlsxBytes;\n", IMPORT],
    ['app → taskpane', 'src/app/x.ts', "import { buildPaneView } from '../taskpane/model/paneModel';\nexport const f = buildPaneView;\n", IMPORT],
    ['app → Office.js global', 'src/app/x.ts', 'export const f = () => Excel.run(async () => undefined);\n', GLOBALS],
    // Every edge reaches the core only through its public entry points, never a file inside a folder of src/core.
    ['cli → deep into core', 'src/cli/x.ts', "import { formatPoints } from '../core/number/format';\nexport const f = formatPoints;\n", IMPORT],
    ['cli → deep into core (type only)', 'src/cli/x.ts', "import type { WritePlan } from '../core/plan/types';\nexport type P = WritePlan;\n", IMPORT],
    ['cli → deep into core by import()', 'src/cli/x.ts', "export const f = () => import('../core/report/selfAssessmentReport');\n", SYNTAX],
    ['xlsx → deep into core', 'src/xlsx/read/x.ts', "import { foldText } from '../../core/text/fold';\nexport const f = foldText;\n", IMPORT],
    ['excel → deep into core', 'src/excel/x.ts', "import { paneText } from '../core/messages/paneText';\nexport const f = paneText;\n", IMPORT],
    ['taskpane → deep into core', 'src/taskpane/model/x.ts', "import { paneText } from '../../core/messages/paneText';\nexport const f = paneText;\n", IMPORT],
    ['taskpane/host → deep into core', 'src/taskpane/host/x.ts', "import { hostErrorText } from '../../core/messages/hostMessages';\nexport const f = hostErrorText;\n", IMPORT],
    ['commands → deep into core', 'src/commands/x.ts', "import { hostText } from '../core/messages/hostMessages';\nexport const f = hostText;\n", IMPORT],
    ['lightpane → deep into core', 'src/lightpane/x.ts', "export { formatPoints } from '../core/number/format';\n", IMPORT],
    ['app → deep into core', 'src/app/x.ts', "import { planWorkbook } from '../core/plan/planWorkbook';\nexport const f = planWorkbook;\n", IMPORT],
    ['docx → deep into core', 'src/docx/x.ts', "import type { ReportDocument } from '../core/report/selfAssessmentReport';\nexport type D = ReportDocument;\n", IMPORT],
  ];
  test.each(cases)('%s', async (_direction, file, code, rule) => {
    expect(await fired(file, code)).toContain(rule);
  });
});

describe('allowed directions are not', () => {
  const cases: Array<[string, string, string]> = [
    ['core → core', 'src/core/plan/x.ts', "import { analyseWorkbook } from '../analyse';\nexport const f = analyseWorkbook;\n"],
    ['excel → core', 'src/excel/x.ts', "import { WorkbookHost } from '../core/host';\nexport type H = WorkbookHost;\n"],
    ['xlsx → core and packages', 'src/xlsx/x.ts', "import ExcelJS from 'exceljs';\nimport { analyseWorkbook } from '../core/analyse';\nexport const f = [ExcelJS, analyseWorkbook];\n"],
    ['taskpane/host → the gateway', 'src/taskpane/host/x.ts', "export const f = () => import('../../excel/officeGateway');\n"],
    ['taskpane/host → Office.js', 'src/taskpane/host/x.ts', 'export const f = () => Office.context;\n'],
    [
      'taskpane → React, the browser gateway, the core',
      'src/taskpane/x.tsx',
      "import * as React from 'react';\nimport { analyseWorkbook } from '../core/analyse';\nexport const f = [React, analyseWorkbook, () => import('../xlsx/browserHost')];\n",
    ],
    ['commands → the Office.js gateway and Office.js', 'src/commands/x.ts', "import { createExcelHost } from '../excel/officeGateway';\nexport const f = [createExcelHost, () => Office.context];\n"],
    ['app → core', 'src/app/x.ts', "import { analyseWorkbook } from '../core/analyse';\nexport const f = analyseWorkbook;\n"],
    [
      'edges → the core through its entry points (index, a folder, a top-level module)',
      'src/cli/x.ts',
      "import { analyseWorkbook } from '../core';\nimport { formatPoints } from '../core/number';\nimport { CchcError } from '../core/errors';\nexport const f = [analyseWorkbook, formatPoints, CchcError, () => import('../core/selfAssessmentReport')];\n",
    ],
    ['taskpane → a folder entry point of the core', 'src/taskpane/model/x.ts', "import { paneText } from '../../core/messages';\nexport const f = paneText;\n"],
    ['xlsx → a folder entry point of the core', 'src/xlsx/read/x.ts', "import { foldText } from '../../core/text';\nexport const f = foldText;\n"],
    ['lightpane → a folder entry point of the core', 'src/lightpane/x.ts', "export { formatPoints } from '../core/number';\n"],
  ];
  test.each(cases)('%s', async (_direction, file, code) => {
    expect(await fired(file, code)).toEqual([]);
  });
});
