import ExcelJS from 'exceljs';
import { gridToWorkbook } from '../../../src/xlsx/gridToWorkbook';
import { CORPUS } from '../corpus/shapes';
import { appraisedSampleBytes } from '../fixtures/appraisedSample';
import { everyKindWorkbook } from '../fixtures/everyKind';
import { annotatedInputSheets, specWorkbook } from '../fixtures/smallAppendix';
import { expectOnlyOwnedPartsChanged, expectOtherCellsKept, expectOwnedCellsWritten, expectSameTotals, runPipeline } from './patchHelpers';

/** The patcher over every workbook the other xlsx tests build: the corpus layouts and the fixtures. */

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

const workbooks: Array<[string, () => Promise<Uint8Array>]> = [
  ...Object.keys(CORPUS).map((name): [string, () => Promise<Uint8Array>] => ['corpus ' + name, () => bytesOf(gridToWorkbook(CORPUS[name]()))]),
  ['fixture appraisedSample', async () => (await appraisedSampleBytes()).bytes],
  ['fixture everyKind', () => bytesOf(everyKindWorkbook())],
  ['fixture smallAppendix annotatedInputSheets', () => bytesOf(specWorkbook(annotatedInputSheets()))],
];

test.each(workbooks)('%s', async (_name, make) => {
  let run;
  try {
    run = await runPipeline(await make(), 'fixture.xlsx');
  } catch (error) {
    // Workbooks with no scoring table are the reader's business, not the writer's.
    if (/No scoring|Không tìm thấy/.test(String(error))) return;
    throw error;
  }
  await expectOnlyOwnedPartsChanged(run);
  if (run.plan.writes.length) expectOwnedCellsWritten(run);
  expectOtherCellsKept(run);
  expectSameTotals(run);
});
