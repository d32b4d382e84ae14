/// <reference types="office-js" />
import { ApplyOptions, ApplyReport, HostCapabilities, WorkbookHost } from '../core/host';
import type { ColumnChoices } from '../core/recognise';
import { SummarySheet, WritePlan } from '../core/plan';
import { addSheets } from './addedSheets';
import { applyPlan } from './applyPlan';
import { readColumnChoices, saveColumnChoices, savedNames } from './documentSettings';
import { ExcelFeatures } from './features';
import { toHostError } from './officeErrors';
import { learnNames, readWorkbook } from './read';
import { clearHighlights, revertLastWrite, selectCell } from './revert';
import { createSession, ExcelHostOptions } from './session';
import { onUserEdit } from './userEdits';

export { BACKUP_SHEET_NAME } from './backupRecords';
export { COLUMN_CHOICES_SETTING, columnChoicesFromSetting, NAMES_SETTING, PREVIOUS_FILLS_SETTING } from './documentSettings';
export { detectFeatures } from './features';
export type { ExcelFeatures } from './features';
export { toHostError } from './officeErrors';
export { HIGHLIGHT_MARKER_FORMULA } from './read';
export { DEFAULT_PAYLOAD_LIMIT } from './session';
export type { ExcelHostOptions } from './session';

/**
 * The Office.js gateway: the WorkbookHost of the task pane, the light pane and the ribbon command. The
 * core never imports it. This file only wires the modules around one session (session.ts: Office's
 * objects, features, sync counter, what the session learnt):
 *  - documentSettings.ts: sheet names, previous fills and the choice of columns in the document's settings;
 *  - read.ts: the read sync; writeQueue.ts: writes as queued operations split under the payload limit;
 *  - applyPlan.ts: the write sync, its conflict check and the rollback of a failed write;
 *  - revert.ts: revert, clear highlights, select; addedSheets.ts: consolidation sheets; userEdits.ts: change events.
 *
 * Plain ES5 at run time (Excel 2016/2019 run add-ins in Internet Explorer 11): no Map/Set,
 * no String#startsWith, no Object.assign; async functions down-level to __awaiter/__generator,
 * which need only a Promise (the commands bundle polyfills it).
 *
 * Sync budget of one recalculation: readWorkbook = 1 context.sync, applyPlan = 1 context.sync, with
 * the highlights' notes (1.18) and a new summary sheet's print layout (1.9) (more only when the plan is
 * over the payload limit, for the notes of a sheet with a note of someone else's, or to undo a
 * failed/conflicting write).
 *
 * Backup store: a tool-owned worksheet "CCHC_backup", one JSON record per row in column A.
 * Chosen over a custom XML part (ExcelApi 1.5) or settings (1.4) because it works at ExcelApi 1.1,
 * is written in the same batch as the plan, survives save/close and co-authoring. It is made
 * VeryHidden where ExcelApi 1.2 allows setting visibility; at 1.1 it stays visible (graceful loss).
 *
 * Highlights: conditional formats from ExcelApi 1.6, tagged by a marker rule formula so that only
 * the tool's own are ever removed; below 1.6 plain fills, recorded in the backup.
 * A highlighted cell's previous fill comes from getCellProperties where it exists (1.9); below, the
 * write batch loads it just before painting and keeps it in the document settings (PREVIOUS_FILLS_SETTING),
 * so clear and revert put a user's own fill back. (Office reports "no fill" as white: white comes back
 * as no fill.)
 */
export function createExcelHost(options?: ExcelHostOptions): WorkbookHost & { features: ExcelFeatures; lastSyncs: () => number; learnSheetNames: () => Promise<void> } {
  const session = createSession(options);
  session.names = savedNames(session);
  const features = session.features;
  const capabilities: HostCapabilities = {
    apiLevel: features.level,
    readsHyperlinks: features.cellProperties,
    readsFonts: features.cellProperties,
    conditionalFormatHighlights: features.conditionalFormats,
    singleUndoStep: features.mergeUndoGroup,
    changeEvents: features.changeEvents,
    download: false,
  };
  return {
    kind: 'excel' as const,
    capabilities: capabilities,
    features: features,
    lastSyncs: function (): number {
      return session.syncs;
    },
    readWorkbook: function () {
      return readWorkbook(session);
    },
    learnSheetNames: function (): Promise<void> {
      return learnNames(session);
    },
    applyPlan: function (plan: WritePlan, opts: ApplyOptions): Promise<ApplyReport> {
      return applyPlan(session, plan, opts).then(undefined, function (e: unknown) {
        throw toHostError(e);
      });
    },
    revertLastWrite: function () {
      return revertLastWrite(session);
    },
    canRevert: function (): boolean {
      return session.revertable;
    },
    clearHighlights: function () {
      return clearHighlights(session);
    },
    selectCell: function (sheet: string, address: string) {
      return selectCell(session, sheet, address);
    },
    onUserEdit: features.changeEvents
      ? function (listener: () => void) {
          return onUserEdit(session, listener);
        }
      : undefined,
    addSheets: function (sheets: SummarySheet[]) {
      return addSheets(session, sheets);
    },
    readColumnChoices: function (): Promise<ColumnChoices | null> {
      return readColumnChoices(session);
    },
    saveColumnChoices: function (choices: ColumnChoices | null) {
      return saveColumnChoices(session, choices);
    },
  };
}
