import type { Flag } from '../check/flag';
import type { TitleFacts } from '../identity/titleFacts';
import type { ScoringTable } from '../model/types';
import type { Points } from '../number/points';
import type { Profile, ProfileAppendix } from '../profile/profile';
import type { TableReading } from '../recognise/reading';
import type { TableScore } from '../score/scoreTable';

/**
 * What an analysis finds, as plain data: the tables read, their scores, flags, title facts and the
 * appraisal's differences. Kept below every step that makes or reads them (analyse, appraisal, plan,
 * report, consolidate), so none of those imports another only for a type. No write plan here: a
 * plan is made from an analysis by a writer (plan/planWorkbook.ts).
 */

export interface FieldResult {
  /** Unique path code ("2"); `label` is the sheet's own ("II"). */
  code: string;
  label: string;
  name: string;
  /** Self-assessable maximum (survey criteria excluded). */
  max: Points;
  /** Maximum of survey (ĐTXHH) criteria under the field, not self-scored. */
  surveyMax: Points;
  self: Points;
  appraised: Points | null;
  row: number;
  address: string;
}

export interface SheetAnalysis {
  /** The worksheet's name; a sheet holding several tables (Phụ lục 1 then Phụ lục 2) gives one analysis each. */
  name: string;
  /** 1-based position of the table in its sheet. */
  tableIndex: number;
  /** How the table was read: header rows, the column of each role and why, the alternatives. */
  reading: TableReading;
  table: ScoringTable;
  score: TableScore;
  fields: FieldResult[];
  appendix: ProfileAppendix | null;
  flags: Flag[];
  /** Commune, district, province and year from the table's title rows and its sheet's name, read once. */
  titleFacts: TitleFacts;
}

export interface SkippedSheet {
  name: string;
  reason: 'not-a-scoring-table' | 'tool-owned' | 'summary';
}

export interface ScoreDifference {
  sheet: string;
  /** Normalised criterion code ("1.1.2"). */
  code: string;
  name: string;
  self: Points;
  appraised: Points;
  /** appraised - self: negative when the appraisal took points away. */
  difference: Points;
  /** Where the self-score is typed (the leaf row, or the tier row that carries it). */
  selfCell: string;
  /** Where the appraised score is typed: the cell to select. */
  appraisedCell: string;
  /** Evidence text of the criterion (its row, else its tier rows); a hyperlink-only cell gives its target. */
  evidence: string;
  evidenceCell: string | null;
  /** The note / explanation column (Ghi chú, Giải trình) of the criterion. */
  explanation: string;
  /** Code of the field (lĩnh vực) the criterion belongs to. */
  fieldCode: string;
}

export interface FieldLoss {
  sheet: string;
  /** 1-based table of the sheet (a sheet can hold Phụ lục 1 and Phụ lục 2). */
  tableIndex: number;
  code: string;
  name: string;
  /** self - appraised over the field's appraised leaves; negative when the appraisal gave points. */
  lost: Points;
}

export interface Differences {
  differences: ScoreDifference[];
  /** Every field of every sheet that has an appraised column, in sheet order (0 where nothing differs). */
  lostByField: FieldLoss[];
}

export interface WorkbookAnalysis {
  fileName?: string;
  sheets: SheetAnalysis[];
  skipped: SkippedSheet[];
  /** Every flag, sheet by sheet, in row order. */
  flags: Flag[];
  /**
   * Workbook totals. `appraised` sums the sheets that have an appraised column, and `appraisedMax` is
   * their self-assessable maximum, the base of the appraised percentage (null without such a sheet).
   */
  total: { max: Points; self: Points; appraised: Points | null; appraisedMax: Points | null };
  profile: Profile | null;
  /** The workbook's title facts: each one from the first table that states it (sheet order). */
  titleFacts: TitleFacts;
  /** Appraisal: leaves whose appraised score differs from the self-score (empty without an appraised column). */
  differences: ScoreDifference[];
  /** Appraisal: points lost per field of every sheet with an appraised column (self - appraised over appraised leaves). */
  lostByField: FieldLoss[];
}
