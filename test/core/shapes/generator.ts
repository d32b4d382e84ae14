/**
 * Shape generator for issue 10's proof: seeded workbooks, as plain grids, shaped like the sheets
 * communes and provincial scoring systems really produce, each with its TRUTH.
 *
 * The truth is computed here, from what the generator planted (the criterion tree it drew, the
 * column it meant as the self-score, the problems it put in), never by running the core.
 *
 * Points are integer millionths (the core's units, src/core/number/points.ts) everywhere in here;
 * a cell gets `units / 1e6` (or its text with a decimal comma).
 *
 * A shape is the product of independent choices (see `Variant`): column order and extra columns,
 * header wordings and 1-3 header rows, numbering styles, a running STT column, hidden columns and
 * rows, several tables per sheet, group A/B rows with survey criteria, deductions, tiers (rows, "x"
 * on a tier row, guidance text, lines in the name cell, incremental, proportional), parts a), b)
 * with their own scores and evidence, a summary sheet of cross-sheet formulas, TCVN3/VNI text,
 * scores typed as text, typed and SUM-formula parent totals, a deliberately wrong hand total and an
 * ambiguous pair of self-score columns.
 */
import { CellRange, GridCell, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { a1, columnLetters } from '../../../src/core/address';
import { Points, UNITS_PER_POINT, unitsToPlainString } from '../../../src/core/number/points';
import { encodeTcvn3, encodeVni } from '../../../src/core/text/legacyEncodings';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type PlantedKind = 'missing-evidence' | 'off-tier' | 'hand-total-mismatch';

export interface PlantedProblem {
  kind: PlantedKind;
  sheet: string;
  /** A1 address. */
  cell: string;
  /** Path code of the criterion concerned, and why: for messages only. */
  code: string;
  why: string;
}

/** A cell that must carry no error flag (a deduction's negative score is no error). */
export interface CleanCell {
  sheet: string;
  cell: string;
  code: string;
  why: string;
}

export interface TableTruth {
  sheet: string;
  /** 1-based position of the table in its sheet. */
  tableIndex: number;
  /** Self-assessable maximum: sum of leaf maxima, survey criteria and deductions excluded. */
  max: Points;
  /** Sum of leaf self-scores, deductions subtracting, survey criteria excluded. */
  self: Points;
  /** Per field (root criterion, group rows A/B are not fields): path code, sheet label, max and self. */
  fields: Array<{ code: string; label: string; max: Points; self: Points }>;
  /** 0-based header rows and the self column (for dumps). */
  headerTop: number;
  headerBottom: number;
  selfCol: number;
}

export interface ShapeTruth {
  tables: TableTruth[];
  total: { max: Points; self: Points };
  problems: PlantedProblem[];
  /** Cells that must carry no error flag: the score cells of deductions that subtract. */
  clean: CleanCell[];
  /** The column choice was made ambiguous on purpose (two self-score columns nothing tells apart). */
  ambiguous: boolean;
  /** The sheet holding the two columns, when ambiguous. */
  ambiguousSheet: string | null;
  /** Sheets that are summaries of other sheets: never scored. */
  summarySheets: string[];
  /** Sheets that are not scoring tables at all. */
  otherSheets: string[];
}

export interface GeneratedShape {
  seed: number;
  grid: WorkbookGrid;
  truth: ShapeTruth;
  /** What analyseWorkbook needs: the assessment year where no title says it. */
  options: { assessmentYear?: number };
  /** The variants this shape has, for statistics and messages. */
  variants: Variant[];
}

/** Variants beyond what the core read before issue 10 ("classic" shapes). */
export const NEW_VARIANTS = [
  'stt', // a running STT 1..N column beside the code column (or beside names with codes in them)
  'lastYearHidden', // a hidden "Điểm tự đánh giá năm 2022" column before "… năm 2023"
  'lastYearVisible', // the same, visible: the year in the headers decides
  'outline', // I, II / 1, 2 restarting per field / 1.1 / a), b)
  'codesInName', // no code column: "1.1. Ban hành…" at the start of the name
  'header3', // three header rows with merges
  'synonyms', // "Điểm đạt", "Điểm UBND xã tự đánh giá", "Điểm tự đánh giá năm 2023", "Điểm thẩm định của Phòng Nội vụ"…
  'twoTables', // Phụ lục 1, its "Tổng cộng", then "PHỤ LỤC 2" with its own header and table in the same sheet
  'groups', // group rows A (tự đánh giá) / B (ĐTXHH, survey: not self-scored, not in the maximum)
  'deduction', // "Điểm trừ" or a negative maximum: subtracts, not in the maximum, no error
  'nameTiers', // tiers as lines inside the name cell
  'incremental', // "Đạt 50%: 0,5 điểm; cứ tăng thêm 10% được cộng 0,1 điểm; tối đa 1 điểm"
  'parts', // a), b) with their own max, score and evidence (sub-criteria, not tiers)
  'summary', // a "Tổng hợp" sheet first, of formulas into the appendix sheets
  'hiddenRows', // hidden note / blank rows inside the table
  'legacySheet', // every text cell of a sheet in TCVN3 (.VnTime) or VNI (VNI-Times)
  'ambiguous', // two visible "Điểm tự đánh giá" columns, no year, different values
] as const;

/** Variants the core read before issue 10; combined freely in every shape. */
export const CLASSIC_VARIANTS = [
  'roman', // fields I, II; criteria 1.1
  'header2', // two header rows, "Điểm" merged over "Tối đa" / "Tự đánh giá"
  'columnNumbers', // a "(1) (2) (3)" row under the header
  'appraised', // an "Điểm thẩm định" column
  'guidanceColumn',
  'noteColumn',
  'legacyHeaders', // header cells in TCVN3 or VNI
  'textScores', // scores typed as text "0,5"
  'tierRows', // "- Đúng hạn | 1", "- Chậm | 0,5", "- Không thực hiện | 0" under a leaf, the score on the leaf
  'tierMarks', // the same, "x" on the chosen tier row
  'tierRowScores', // the same, the level's points typed on the chosen tier row
  'nfd', // text in Unicode NFD (decomposed)
  'guidanceTiers', // "Hoàn thành 100%: 1 điểm; dưới 100%: 0 điểm"
  'proportional', // "điểm = tỷ lệ % × điểm tối đa"
  'formulaTotals', // parents as SUM formulas with their values
  'typedTotals', // parents as typed numbers
  'wrongTotal', // one deliberately wrong typed parent total
  'totalRow', // a "Tổng cộng" row
  'subCriteria', // 1.1.1 under 1.1
  'twoSheets',
  'offTier', // a planted off-tier score
  'missingEvidence', // a planted missing evidence
] as const;

export type NewVariant = (typeof NEW_VARIANTS)[number];
export type ClassicVariant = (typeof CLASSIC_VARIANTS)[number];
export type Variant = NewVariant | ClassicVariant;

export interface GenerateOptions {
  /** Only classic variants (what the core read before issue 10), plus those in `with`. */
  classic?: boolean;
  /** Variants forced on (where the shape allows them). */
  with?: NewVariant[];
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < 4; i++) this.next();
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  weighted<T>(entries: Array<[T, number]>): T {
    let total = 0;
    for (const e of entries) total += e[1];
    let x = this.next() * total;
    for (const e of entries) {
      x -= e[1];
      if (x < 0) return e[0];
    }
    return entries[entries.length - 1][0];
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }
}

// ---------------------------------------------------------------------------------------------
// Points
// ---------------------------------------------------------------------------------------------

const U = UNITS_PER_POINT;

export function pts(n: number): Points {
  return Math.round(n * U);
}

function toNumber(units: Points): number {
  return parseFloat(unitsToPlainString(units));
}

/** "0,5", "17,78", "1": the way an official types a number as text. */
function commaText(units: Points): string {
  return unitsToPlainString(units).replace('.', ',');
}

// ---------------------------------------------------------------------------------------------
// The criterion tree the generator draws
// ---------------------------------------------------------------------------------------------

type ScoreRole = 'self' | 'twin' | 'lastYear' | 'appraised';
const SCORE_ROLES: ScoreRole[] = ['self', 'twin', 'lastYear', 'appraised'];

type Role = 'stt' | 'code' | 'name' | 'max' | ScoreRole | 'evidence' | 'guidance' | 'note';

type LeafMode = 'plain' | 'tierRows' | 'tierMarks' | 'tierRowScore' | 'guidanceTiers' | 'nameTiers' | 'incremental' | 'proportional' | 'deduction' | 'survey' | 'part';

interface Leaf {
  mode: LeafMode;
  /** Self-assessable maximum contribution's basis: the leaf's max (positive; a deduction's magnitude). */
  max: Points;
  /** What the max cell holds (null: empty). */
  typedMax: Points | null;
  /** Allowed levels, when the sheet states them (tiers), best first. */
  levels: Points[] | null;
  tierLabels: string[];
  /** Text holding the levels (guidance column or name lines). */
  tierText: string;
  tierWhere: 'guidance' | 'name' | 'rows' | null;
  /** Values per score column (null: that column has no such column in the sheet / nothing typed). */
  values: { [r in ScoreRole]?: Points | null };
  /** Self score typed as text. */
  asText: boolean;
  /** Evidence citation (null: none). */
  evidence: { text: string; link?: string } | null;
  note: string;
  guidance: string;
  /** The planted problem on this leaf, if any. */
  plant: 'off-tier' | 'missing-evidence' | null;
}

type NodeKind = 'group' | 'field' | 'criterion' | 'sub' | 'part';

interface TNode {
  kind: NodeKind;
  /** The sheet's own label: "I", "1", "1.1", "a)", "A". */
  label: string;
  /** Unique path code ("2.1.a"); groups: "A"/"B". */
  path: string;
  name: string;
  children: TNode[];
  survey: boolean;
  leaf: Leaf | null;
  /** Rendering: the node's row, and its tier / extra rows. */
  row: number;
  /** How the parent cells are typed, per score column and for the max. */
  cellKinds: { [r in ScoreRole]?: 'empty' | 'number' | 'formula' | 'wrong' };
  maxKind: 'empty' | 'number' | 'formula';
  /** A deliberately wrong typed total on this parent (the value typed). */
  wrongValue: Points | null;
  /** The label is written at the start of the name (no code column, or a part "a) …" with its code cell empty). */
  labelInName: boolean;
}

function leafSelfMax(n: TNode): Points {
  if (!n.leaf) {
    let s = 0;
    for (const c of n.children) s += leafSelfMax(c);
    return s;
  }
  if (n.leaf.mode === 'survey' || n.leaf.mode === 'deduction') return 0;
  return n.leaf.max;
}

/** Full maximum as a sheet types it on a parent: survey criteria included, deductions excluded. */
function fullMax(n: TNode): Points {
  if (!n.leaf) {
    let s = 0;
    for (const c of n.children) s += fullMax(c);
    return s;
  }
  if (n.leaf.mode === 'deduction') return 0;
  return n.leaf.max;
}

/** Sum of a score column over self-assessable leaves (deductions included, survey excluded). */
function columnSum(n: TNode, role: ScoreRole): Points {
  if (!n.leaf) {
    let s = 0;
    for (const c of n.children) s += columnSum(c, role);
    return s;
  }
  if (n.leaf.mode === 'survey') return 0;
  const v = n.leaf.values[role];
  return v === undefined || v === null ? 0 : v;
}

function allLeaves(n: TNode, out: TNode[] = []): TNode[] {
  if (n.leaf) out.push(n);
  else for (const c of n.children) allLeaves(c, out);
  return out;
}

function allNodes(n: TNode, out: TNode[] = []): TNode[] {
  out.push(n);
  for (const c of n.children) allNodes(c, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const FIELD_NAMES = [
  'Công tác chỉ đạo điều hành',
  'Cải cách thể chế',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy chính quyền địa phương',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
  'Tổ chức thực hiện cơ chế một cửa, một cửa liên thông',
  'Hiện đại hóa nền hành chính',
];
const CRITERION_NAMES = [
  'Ban hành kế hoạch cải cách hành chính năm',
  'Mức độ hoàn thành kế hoạch cải cách hành chính',
  'Thực hiện chế độ báo cáo định kỳ về cải cách hành chính',
  'Công tác kiểm tra cải cách hành chính',
  'Công tác tuyên truyền cải cách hành chính',
  'Rà soát, đánh giá thủ tục hành chính',
  'Công khai thủ tục hành chính tại Bộ phận một cửa',
  'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức',
  'Bố trí công chức làm việc tại Bộ phận một cửa',
  'Đánh giá, xếp loại chất lượng cán bộ, công chức',
  'Thực hiện quy chế chi tiêu nội bộ',
  'Cung cấp dịch vụ công trực tuyến toàn trình',
  'Sử dụng hệ thống quản lý văn bản và điều hành',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Tổ chức đối thoại với nhân dân',
];
const PART_NAMES = ['Ban hành đúng thời hạn', 'Nội dung đầy đủ theo hướng dẫn', 'Tổ chức triển khai thực hiện', 'Báo cáo kết quả thực hiện'];
const SURVEY_FIELD_NAMES = ['Sự hài lòng của người dân, tổ chức', 'Đánh giá của người dân về chất lượng phục vụ'];
const SURVEY_CRITERION_NAMES = ['Mức độ hài lòng về tiếp cận dịch vụ', 'Mức độ hài lòng về thủ tục hành chính', 'Mức độ hài lòng về sự phục vụ của công chức'];
const PL2_FIELD = 'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội';
const PL2_CRITERIA = ['Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND cấp xã giao', 'Thu ngân sách nhà nước trên địa bàn'];
const THREE_TIERS: Array<[string, string, string]> = [
  ['Đúng hạn', 'Chậm', 'Không thực hiện'],
  ['Hoàn thành 100% kế hoạch', 'Hoàn thành từ 70% đến dưới 100% kế hoạch', 'Hoàn thành dưới 70% kế hoạch'],
  ['Thực hiện đầy đủ', 'Thực hiện chưa đầy đủ', 'Không thực hiện'],
];
const TWO_TIERS: Array<[string, string]> = [
  ['Hoàn thành 100% kế hoạch', 'Hoàn thành dưới 100% kế hoạch'],
  ['Có thực hiện', 'Không thực hiện'],
];
const DOC_KINDS: Array<[string, string]> = [
  ['Kế hoạch', 'KH-UBND'],
  ['Quyết định', 'QĐ-UBND'],
  ['Báo cáo', 'BC-UBND'],
  ['Công văn', 'UBND-VP'],
  ['Thông báo', 'TB-UBND'],
];
const NOTES = ['Đã thực hiện', 'Đúng kế hoạch', 'Có giải trình kèm theo', 'Thực hiện trong quý IV'];
const PLAIN_GUIDANCE = ['', 'Căn cứ tài liệu kiểm chứng', 'Có văn bản ban hành đúng quy định thì đạt điểm tối đa', 'Không có tài liệu kiểm chứng thì không chấm'];

/** Incremental presets: base at 50%, step per 10% more, the maximum (5 steps from base to max). */
const INCREMENTAL: Array<{ base: number; step: number; max: number }> = [
  { base: 0.5, step: 0.1, max: 1 },
  { base: 1, step: 0.2, max: 2 },
  { base: 0.25, step: 0.05, max: 0.5 },
];

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

// Header wordings. "classic" ones were read before issue 10; the others are the synonyms of real sheets.
const H1: { [r in Role]: { classic: string[]; synonyms: string[] } } = {
  stt: { classic: ['STT'], synonyms: ['TT', 'STT'] },
  code: { classic: ['STT', 'TT', 'Mã số'], synonyms: [] },
  name: { classic: ['Nội dung', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Nội dung tiêu chí'], synonyms: ['Tiêu chí, tiêu chí thành phần'] },
  max: { classic: ['Điểm tối đa', 'Thang điểm', 'Điểm chuẩn'], synonyms: [] },
  self: { classic: ['Điểm tự đánh giá', 'Điểm tự chấm'], synonyms: ['Điểm đạt', 'Điểm UBND xã tự đánh giá', 'Điểm tự đánh giá năm 2023'] },
  twin: { classic: ['Điểm tự đánh giá'], synonyms: [] },
  lastYear: { classic: ['Điểm tự đánh giá năm 2022'], synonyms: [] },
  appraised: { classic: ['Điểm thẩm định'], synonyms: ['Điểm thẩm định của Phòng Nội vụ'] },
  evidence: { classic: ['Tài liệu kiểm chứng', 'Minh chứng'], synonyms: ['Tài liệu kiểm chứng (số, ký hiệu, ngày ban hành)'] },
  guidance: { classic: ['Hướng dẫn chấm điểm', 'Cách tính điểm'], synonyms: [] },
  note: { classic: ['Ghi chú', 'Giải trình'], synonyms: [] },
};
/** Sub-labels under a merged "Điểm". */
const H2SUB: { [r in ScoreRole | 'max']: { classic: string[]; synonyms: string[] } } = {
  max: { classic: ['Tối đa', 'Thang điểm'], synonyms: ['Chuẩn'] },
  self: { classic: ['Tự đánh giá', 'Tự chấm'], synonyms: ['Đạt', 'UBND xã tự đánh giá', 'Tự đánh giá năm 2023'] },
  twin: { classic: ['Tự đánh giá'], synonyms: [] },
  lastYear: { classic: ['Tự đánh giá năm 2022'], synonyms: [] },
  appraised: { classic: ['Thẩm định'], synonyms: ['Thẩm định của Phòng Nội vụ'] },
};
const CODE_WITH_STT = ['Mã', 'Mã số', 'Mã tiêu chí', 'Ký hiệu'];

// ---------------------------------------------------------------------------------------------
// Sheet plan
// ---------------------------------------------------------------------------------------------

type Numbering = 'arabic' | 'roman' | 'outline' | 'codesInName';
type Legacy = 'none' | 'tcvn3-headers' | 'vni-headers' | 'tcvn3-sheet' | 'vni-sheet';

interface SheetPlan {
  name: string;
  numbering: Numbering;
  /** codesInName: fields written "I." or "1.". */
  fieldInName: 'roman' | 'arabic';
  trailingDot: boolean;
  fieldCodeAsNumber: boolean;
  cols: Role[];
  leftPad: number;
  hiddenCols: Role[];
  legacy: Legacy;
  textScores: boolean;
  hiddenRows: boolean;
  titleYear: boolean;
  tables: number;
}

interface Ctx {
  rng: Rng;
  variants: Set<Variant>;
  classic: boolean;
  forced: Set<NewVariant>;
}

function allowed(ctx: Ctx, v: NewVariant): boolean {
  return !ctx.classic || ctx.forced.has(v);
}

/** A new variant: forced when asked, else drawn with probability p (never in classic mode). */
function draw(ctx: Ctx, v: NewVariant, p: number): boolean {
  if (ctx.forced.has(v)) return true;
  if (ctx.classic) return false;
  return ctx.rng.chance(p);
}

function mark(ctx: Ctx, v: Variant): void {
  ctx.variants.add(v);
}

function headerWord(ctx: Ctx, role: Role, synonyms: boolean): string {
  const w = H1[role];
  // With synonyms on, a real sheet's wording is likelier; forced, the self-score header is always one.
  const useSynonym = synonyms && w.synonyms.length > 0 && ((role === 'self' && ctx.forced.has('synonyms')) || ctx.rng.chance(0.6));
  return ctx.rng.pick(useSynonym ? w.synonyms : w.classic);
}

// ---------------------------------------------------------------------------------------------
// Tree drawing
// ---------------------------------------------------------------------------------------------

interface TreeOptions {
  plan: SheetPlan;
  kind: 'pl1' | 'pl2';
  hasGuidance: boolean;
  hasNote: boolean;
  scoreRoles: ScoreRole[];
  groups: boolean;
  deduction: boolean;
  /** Problems may be planted (not in ambiguous shapes). */
  plant: boolean;
}

function newNode(kind: NodeKind, label: string, path: string, name: string): TNode {
  return { kind: kind, label: label, path: path, name: name, children: [], survey: false, leaf: null, row: -1, cellKinds: {}, maxKind: 'empty', wrongValue: null, labelInName: false };
}

function evidenceText(rng: Rng): { text: string; link?: string } {
  const [kind, symbol] = rng.pick(DOC_KINDS);
  const number = rng.int(1, 250);
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  const text = kind + ' số ' + number + '/' + symbol + ' ngày ' + (day < 10 ? '0' : '') + day + '/' + (month < 10 ? '0' : '') + month + '/2023';
  if (rng.chance(0.2)) return { text: text, link: 'https://vanban.example.gov.vn/2023/' + number + '.pdf' };
  return { text: text };
}

/** Another allowed value than `v` (for last year's and the twin column). */
function otherValue(rng: Rng, leaf: Leaf, v: Points): Points {
  const options = valueOptions(leaf).filter((x) => x !== v);
  return options.length ? rng.pick(options) : v;
}

function valueOptions(leaf: Leaf): Points[] {
  if (leaf.mode === 'deduction') return [0, -pts(0.5), -pts(1)].filter((x) => leaf.typedMax === null || x >= leaf.typedMax);
  if (leaf.levels) return leaf.levels.slice();
  if (leaf.mode === 'proportional') return [0, Math.round(leaf.max * 0.5), Math.round((leaf.max * 89) / 100 / 10000) * 10000, leaf.max];
  return [0, leaf.max / 2, leaf.max];
}

function drawLeaf(ctx: Ctx, o: TreeOptions, node: TNode, mode: LeafMode): void {
  const rng = ctx.rng;
  const leaf: Leaf = {
    mode: mode,
    max: 0,
    typedMax: null,
    levels: null,
    tierLabels: [],
    tierText: '',
    tierWhere: null,
    values: {},
    asText: false,
    evidence: null,
    note: '',
    guidance: o.hasGuidance && rng.chance(0.4) ? rng.pick(PLAIN_GUIDANCE) : '',
    plant: null,
  };
  node.leaf = leaf;
  let self: Points = 0;
  switch (mode) {
    case 'plain':
    case 'part': {
      const max = pts(mode === 'part' ? rng.pick([0.5, 1, 1]) : rng.pick([0.5, 1, 1, 1.5, 2, 3]));
      leaf.max = max;
      leaf.typedMax = max;
      self = rng.weighted<Points>([
        [max, 5],
        [0, 1],
        [max / 2, 2],
        [Math.round((max * rng.int(1, 99)) / 100 / 10000) * 10000, 1],
      ]);
      break;
    }
    case 'tierRows':
    case 'tierMarks':
    case 'tierRowScore':
    case 'guidanceTiers':
    case 'nameTiers': {
      const max = pts(rng.pick([1, 1, 2]));
      leaf.max = max;
      leaf.typedMax = max;
      const three = rng.chance(0.6);
      leaf.levels = three ? [max, max / 2, 0] : [max, 0];
      leaf.tierLabels = three ? rng.pick(THREE_TIERS).slice() : rng.pick(TWO_TIERS).slice();
      self = rng.pick(leaf.levels);
      if (mode === 'tierRows' || mode === 'tierMarks' || mode === 'tierRowScore') {
        leaf.tierWhere = 'rows';
        mark(ctx, mode === 'tierRowScore' ? 'tierRowScores' : mode);
      } else if (mode === 'guidanceTiers') {
        leaf.tierWhere = 'guidance';
        leaf.tierText = leaf.tierLabels.map((l, i) => (i === 0 ? l : l.charAt(0).toLowerCase() + l.substring(1)) + ': ' + commaText(leaf.levels![i]) + ' điểm').join('; ');
        mark(ctx, 'guidanceTiers');
      } else {
        leaf.tierWhere = 'name';
        leaf.tierText = leaf.tierLabels.map((l, i) => '- ' + l + ': ' + commaText(leaf.levels![i]) + ' điểm').join('\n');
        mark(ctx, 'nameTiers');
      }
      break;
    }
    case 'incremental': {
      const p = rng.pick(INCREMENTAL);
      leaf.max = pts(p.max);
      leaf.typedMax = leaf.max;
      const levels: Points[] = [];
      for (let k = 5; k >= 0; k--) levels.push(pts(p.base) + k * pts(p.step));
      levels.push(0);
      leaf.levels = levels;
      leaf.tierText = 'Đạt 50%: ' + commaText(pts(p.base)) + ' điểm; cứ tăng thêm 10% được cộng ' + commaText(pts(p.step)) + ' điểm; tối đa ' + commaText(pts(p.max)) + ' điểm';
      leaf.tierWhere = o.hasGuidance && rng.chance(0.6) ? 'guidance' : 'name';
      self = rng.pick(levels);
      mark(ctx, 'incremental');
      break;
    }
    case 'proportional': {
      const max = pts(rng.pick([1, 2, 2, 3]));
      leaf.max = max;
      leaf.typedMax = max;
      leaf.tierText = rng.pick(['Điểm = tỷ lệ % hồ sơ giải quyết đúng hạn × điểm tối đa', 'điểm = tỷ lệ % × điểm tối đa', 'Tính theo tỷ lệ: điểm = tỷ lệ % hoàn thành × điểm tối đa']);
      leaf.tierWhere = o.hasGuidance ? 'guidance' : 'name';
      const ratio = rng.pick([0.78, 0.889, 0.95, 0.6667, 1, 0]);
      self = Math.round((max * ratio) / 10000) * 10000; // 2 decimals
      mark(ctx, 'proportional');
      break;
    }
    case 'deduction': {
      const variantMax = rng.weighted<Points | null>([
        [-pts(2), 4],
        [-pts(1), 1],
        [null, 1],
      ]);
      leaf.typedMax = variantMax;
      leaf.max = 0;
      self = rng.pick(valueOptions(leaf));
      if (rng.chance(0.3)) leaf.guidance = o.hasGuidance ? 'Mỗi lần bị phê bình, nhắc nhở trừ 1 điểm' : leaf.guidance;
      break;
    }
    case 'survey': {
      const max = pts(rng.pick([1, 2, 3]));
      leaf.max = max;
      leaf.typedMax = max;
      self = 0;
      break;
    }
  }
  leaf.values.self = mode === 'survey' ? null : self;
  // Other score columns hold other values, so reading the wrong column shows in the totals.
  for (const role of o.scoreRoles) {
    if (role === 'self') continue;
    if (mode === 'survey') {
      leaf.values[role] = role === 'appraised' && rng.chance(0.7) ? rng.pick([leaf.max, leaf.max / 2]) : null;
      continue;
    }
    if (role === 'appraised') leaf.values.appraised = rng.chance(0.6) ? self : otherValue(rng, leaf, self);
    else leaf.values[role] = rng.chance(0.3) ? self : otherValue(rng, leaf, self);
  }
  if (mode !== 'survey' && mode !== 'deduction' && mode !== 'tierMarks' && mode !== 'tierRowScore') leaf.asText = o.plan.textScores && rng.chance(0.3);
  if (mode !== 'survey' && mode !== 'deduction') {
    leaf.evidence = self > 0 || rng.chance(0.5) ? evidenceText(rng) : null;
  }
  if (o.hasNote && rng.chance(0.2)) leaf.note = rng.pick(NOTES);
}

/** A leaf mode for a criterion or sub-criterion. */
function pickLeafMode(ctx: Ctx, o: TreeOptions): LeafMode {
  const rng = ctx.rng;
  // A forced leaf variant comes first, so every shape made with it has one.
  if (ctx.forced.has('nameTiers') && !ctx.variants.has('nameTiers')) return 'nameTiers';
  if (ctx.forced.has('incremental') && !ctx.variants.has('incremental')) return 'incremental';
  const entries: Array<[LeafMode, number]> = [
    ['plain', 30],
    ['tierRows', 10],
    ['tierMarks', 7],
    ['tierRowScore', 4],
    ['proportional', 7],
  ];
  if (o.hasGuidance) entries.push(['guidanceTiers', 9]);
  if (allowed(ctx, 'nameTiers')) entries.push(['nameTiers', ctx.forced.has('nameTiers') ? 25 : 8]);
  if (allowed(ctx, 'incremental')) entries.push(['incremental', ctx.forced.has('incremental') ? 25 : 8]);
  return rng.weighted(entries);
}

interface Numberer {
  field(k: number): { label: string; path: string };
  criterion(field: TNode, j: number): { label: string; path: string };
  sub(criterion: TNode, s: number): { label: string; path: string };
  part(parent: TNode, p: number): { label: string; path: string };
}

function numberer(plan: SheetPlan): Numberer {
  const dot = plan.trailingDot ? '.' : '';
  const fieldNo = (f: TNode) => f.path;
  return {
    field(k) {
      const roman = plan.numbering === 'roman' || plan.numbering === 'outline' || (plan.numbering === 'codesInName' && plan.fieldInName === 'roman');
      return { label: roman ? ROMAN[k] : String(k), path: String(k) };
    },
    criterion(field, j) {
      const path = fieldNo(field) + '.' + j;
      if (plan.numbering === 'outline') return { label: String(j), path: path };
      return { label: path + dot, path: path };
    },
    sub(criterion, s) {
      const path = criterion.path + '.' + s;
      if (plan.numbering === 'outline') return { label: criterion.label + '.' + s, path: path };
      return { label: path + dot, path: path };
    },
    part(parent, p) {
      const letter = 'abcdefgh'.charAt(p - 1);
      return { label: letter + ')', path: parent.path + '.' + letter };
    },
  };
}

function drawParts(ctx: Ctx, o: TreeOptions, parent: TNode, num: Numberer): void {
  const count = ctx.rng.int(2, 3);
  const names = ctx.rng.shuffle(PART_NAMES.slice());
  for (let p = 1; p <= count; p++) {
    const n = num.part(parent, p);
    const part = newNode('part', n.label, n.path, names[p - 1]);
    drawLeaf(ctx, o, part, 'part');
    parent.children.push(part);
  }
  mark(ctx, 'parts');
}

function drawTree(ctx: Ctx, o: TreeOptions): TNode[] {
  const rng = ctx.rng;
  const num = numberer(o.plan);
  const roots: TNode[] = [];
  const fieldNames = rng.shuffle(FIELD_NAMES.slice());
  const critNames = rng.shuffle(CRITERION_NAMES.slice());
  let critName = 0;
  const nextCritName = () => critNames[critName++ % critNames.length];
  let fieldNo = 0;

  const drawField = (name: string, survey: boolean): TNode => {
    const f = num.field(++fieldNo);
    const field = newNode('field', f.label, f.path, name);
    field.survey = survey;
    if (survey) {
      const count = rng.int(1, 3);
      const names = rng.shuffle(SURVEY_CRITERION_NAMES.slice());
      for (let j = 1; j <= count; j++) {
        const c = num.criterion(field, j);
        const crit = newNode('criterion', c.label, c.path, names[j - 1] + (rng.chance(0.3) ? ' (ĐTXHH)' : ''));
        crit.survey = true;
        drawLeaf(ctx, o, crit, 'survey');
        field.children.push(crit);
      }
      return field;
    }
    const count = o.kind === 'pl2' ? rng.int(1, 2) : rng.int(1, 3);
    for (let j = 1; j <= count; j++) {
      const c = num.criterion(field, j);
      const crit = newNode('criterion', c.label, c.path, o.kind === 'pl2' ? PL2_CRITERIA[j - 1] : nextCritName());
      const forceParts = ctx.forced.has('parts') && !ctx.variants.has('parts');
      const shape = forceParts
        ? 'parts'
        : rng.weighted<'leaf' | 'subs' | 'parts'>([
            ['leaf', 60],
            ['subs', o.kind === 'pl2' ? 0 : 20],
            ['parts', allowed(ctx, 'parts') ? (ctx.forced.has('parts') ? 40 : 15) : 0],
          ]);
      if (shape === 'leaf') drawLeaf(ctx, o, crit, pickLeafMode(ctx, o));
      else if (shape === 'parts') drawParts(ctx, o, crit, num);
      else {
        mark(ctx, 'subCriteria');
        const subs = rng.int(2, 3);
        for (let s = 1; s <= subs; s++) {
          const sc = num.sub(crit, s);
          const sub = newNode('sub', sc.label, sc.path, nextCritName());
          if (allowed(ctx, 'parts') && rng.chance(ctx.forced.has('parts') ? 0.3 : 0.1)) drawParts(ctx, o, sub, num);
          else drawLeaf(ctx, o, sub, pickLeafMode(ctx, o));
          crit.children.push(sub);
        }
      }
      field.children.push(crit);
    }
    return field;
  };

  if (o.kind === 'pl2') {
    roots.push(drawField(PL2_FIELD, false));
  } else if (o.groups) {
    const a = newNode('group', 'A', 'A', rng.pick(['Tự đánh giá', 'Nhóm tiêu chí tự đánh giá', 'Đánh giá qua tài liệu kiểm chứng']));
    const b = newNode('group', 'B', 'B', rng.pick(['Điều tra xã hội học (ĐTXHH)', 'Đánh giá qua điều tra xã hội học', 'Điểm điều tra xã hội học (ĐTXHH)']));
    b.survey = true;
    const aFields = rng.int(1, 3);
    for (let k = 0; k < aFields; k++) a.children.push(drawField(fieldNames[k], false));
    const bFields = rng.int(1, 2);
    for (let k = 0; k < bFields; k++) b.children.push(drawField(SURVEY_FIELD_NAMES[k], true));
    roots.push(a, b);
  } else {
    const fields = rng.int(1, 4);
    for (let k = 0; k < fields; k++) roots.push(drawField(fieldNames[k], false));
  }

  if (o.deduction) {
    const selfFields: TNode[] = [];
    for (const r of roots) {
      if (r.kind === 'group') {
        if (!r.survey) selfFields.push(...r.children);
      } else selfFields.push(r);
    }
    const words = rng.pick([
      'Điểm trừ: Để xảy ra sai phạm trong giải quyết thủ tục hành chính bị cơ quan có thẩm quyền xử lý',
      'Trừ điểm: UBND xã bị phê bình, nhắc nhở về công tác cải cách hành chính',
      'Để xảy ra khiếu nại, tố cáo vượt cấp về thủ tục hành chính (điểm trừ)',
      'Điểm trừ',
      'Để xảy ra sai phạm trong công tác cải cách hành chính bị xử lý kỷ luật', // only the negative max says it
    ]);
    const asField = o.kind === 'pl1' && !o.groups && rng.chance(0.2);
    let node: TNode;
    if (asField) {
      const f = num.field(++fieldNo);
      node = newNode('field', f.label, f.path, words);
      roots.push(node);
    } else {
      const field = rng.pick(selfFields);
      const c = num.criterion(field, field.children.length + 1);
      node = newNode('criterion', c.label, c.path, words);
      field.children.push(node);
    }
    drawLeaf(ctx, o, node, 'deduction');
    // Only a negative max marks the wordless deduction.
    if (!/trừ/.test(words) && node.leaf!.typedMax === null) node.leaf!.typedMax = -pts(2);
    if (node.leaf!.typedMax !== null && node.leaf!.values.self! < node.leaf!.typedMax) node.leaf!.values.self = node.leaf!.typedMax;
    mark(ctx, 'deduction');
  }
  return roots;
}

// ---------------------------------------------------------------------------------------------
// Planting problems
// ---------------------------------------------------------------------------------------------

/** A value that is not an allowed level, inside 0..max. */
function offTierValue(rng: Rng, leaf: Leaf): Points | null {
  if (!leaf.levels) return null;
  const sorted = leaf.levels.slice().sort((a, b) => a - b);
  const gaps: Points[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const mid = (sorted[i] + sorted[i + 1]) / 2;
    if (Number.isInteger(mid) && mid % 10000 === 0 && sorted.indexOf(mid) < 0) gaps.push(mid);
  }
  // 0,75 between 0,7 and 0,8 is the issue's own example; any midpoint will do.
  return gaps.length ? rng.pick(gaps) : null;
}

function plantLeafProblems(ctx: Ctx, roots: TNode[], count: number): void {
  const rng = ctx.rng;
  const leaves: TNode[] = [];
  for (const r of roots) allLeaves(r, leaves);
  const candidates = rng.shuffle(leaves.filter((n) => n.leaf!.mode !== 'survey' && n.leaf!.mode !== 'deduction'));
  let planted = 0;
  for (const n of candidates) {
    if (planted >= count) break;
    const leaf = n.leaf!;
    if (rng.chance(0.5) && leaf.levels && leaf.mode !== 'tierMarks' && leaf.mode !== 'tierRowScore') {
      const v = offTierValue(rng, leaf);
      if (v === null) continue;
      leaf.values.self = v;
      leaf.plant = 'off-tier';
      if (!leaf.evidence) leaf.evidence = evidenceText(rng);
      mark(ctx, 'offTier');
      planted++;
    } else {
      if ((leaf.values.self || 0) <= 0) leaf.values.self = leaf.mode === 'tierMarks' || leaf.levels ? leaf.levels![0] : leaf.max;
      leaf.evidence = null;
      leaf.plant = 'missing-evidence';
      mark(ctx, 'missingEvidence');
      planted++;
    }
  }
  // A part missing its evidence while a sibling part has some: the case the issue names.
  const parts = leaves.filter((n) => n.kind === 'part' && n.leaf!.plant === null);
  if (parts.length >= 2 && rng.chance(0.6)) {
    const p = rng.pick(parts);
    p.leaf!.values.self = p.leaf!.max;
    p.leaf!.evidence = null;
    p.leaf!.plant = 'missing-evidence';
    mark(ctx, 'missingEvidence');
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

class Canvas {
  rows: Array<Array<GridCell | null>> = [];
  merges: CellRange[] = [];
  hiddenRows: number[] = [];
  set(row: number, col: number, cell: GridCell | null): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length <= col) r.push(null);
    r[col] = cell;
  }
  get(row: number, col: number): GridCell | null {
    const r = this.rows[row];
    return r && r[col] ? r[col] : null;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({ top: top, left: left, bottom: bottom, right: right });
  }
  get length(): number {
    return this.rows.length;
  }
}

interface TableRender {
  truth: TableTruth;
  problems: PlantedProblem[];
  clean: CleanCell[];
  /** Field rows for a summary sheet: the label, name, and the max / self cells (with their values). */
  summaryRows: Array<{ label: string; name: string; maxCell: string; maxValue: number; selfCell: string; selfValue: number }>;
  totalRow: { maxCell: string | null; maxValue: number; selfCell: string | null; selfValue: number } | null;
}

interface RenderContext {
  ctx: Ctx;
  plan: SheetPlan;
  canvas: Canvas;
  /** Column of each role present. */
  col: { [r in Role]?: number };
  legacyFont: string | null;
  encode: (s: string) => string;
  legacyHeaders: boolean;
  legacyBody: boolean;
  /** Every text in Unicode NFD. */
  nfd: boolean;
}

function text(rc: RenderContext, s: string, isHeader: boolean): GridCell {
  if (rc.nfd) return { value: s.normalize('NFD') };
  if ((isHeader && rc.legacyHeaders) || (!isHeader && rc.legacyBody)) {
    const encoded = rc.encode(s);
    if (encoded !== s) return { value: encoded, font: rc.legacyFont! };
  }
  return { value: s };
}

function num(units: Points): GridCell {
  return { value: toNumber(units) };
}

function cellOf(rc: RenderContext, row: number, role: Role): string {
  return a1(row, rc.col[role]!);
}

/** Decides how each parent types its totals, bottom-up, so SUM formulas only add numbers. */
function decideParentCells(ctx: Ctx, rc: RenderContext, roots: TNode[], wrong: TNode | null, forceFields: boolean): void {
  const rng = ctx.rng;
  const scoreRoles = SCORE_ROLES.filter((r) => rc.col[r] !== undefined);
  const ancestorsOfWrong = new Set<TNode>();
  const walk = (n: TNode, path: TNode[]): void => {
    if (n === wrong) for (const p of path) ancestorsOfWrong.add(p);
    for (const c of n.children) walk(c, path.concat([n]));
  };
  for (const r of roots) walk(r, []);
  const numericLeaf = (n: TNode, role: ScoreRole): boolean => {
    const leaf = n.leaf!;
    if (leaf.mode === 'survey' || leaf.mode === 'tierMarks' || leaf.mode === 'tierRowScore') return false;
    if (role === 'self' && leaf.asText) return false;
    const v = leaf.values[role];
    return v !== undefined && v !== null;
  };
  const decide = (n: TNode): void => {
    for (const c of n.children) decide(c);
    if (n.leaf) return;
    const isField = n.kind === 'field' || (n.kind === 'group' && !n.survey);
    for (const role of scoreRoles) {
      if (n.survey && role !== 'appraised') {
        n.cellKinds[role] = 'empty';
        continue;
      }
      if (n.survey) {
        n.cellKinds[role] = 'empty';
        continue;
      }
      if (role === 'self' && n === wrong) {
        n.cellKinds.self = 'wrong';
        continue;
      }
      const childrenNumeric = n.children.every((c) => (c.leaf ? numericLeaf(c, role) : c.cellKinds[role] === 'number' || c.cellKinds[role] === 'formula'));
      const formulaOk = role === 'self' && childrenNumeric && !ancestorsOfWrong.has(n);
      const must = forceFields && isField && n.kind === 'field';
      const choice = rng.weighted<'empty' | 'number' | 'formula'>([
        ['empty', must ? 0 : role === 'self' ? 3 : 5],
        ['number', 3],
        ['formula', formulaOk ? 4 : 0],
      ]);
      n.cellKinds[role] = choice;
      if (choice === 'number' && role === 'self') mark(ctx, 'typedTotals');
      if (choice === 'formula') mark(ctx, 'formulaTotals');
    }
    const maxNumeric = n.children.every((c) => (c.leaf ? c.leaf.mode === 'deduction' || c.leaf.typedMax !== null : c.maxKind !== 'empty'));
    n.maxKind = rng.weighted<'empty' | 'number' | 'formula'>([
      ['empty', forceFields && n.kind === 'field' ? 0 : 1],
      ['number', 3],
      ['formula', maxNumeric && !n.survey ? 1 : 0],
    ]);
  };
  for (const r of roots) decide(r);
}

/** The text and value a parent's score cell shows for `role`. */
function sumTerms(rc: RenderContext, n: TNode, role: Role): string[] {
  return n.children.filter((c) => !(role === 'max' && c.leaf && c.leaf.mode === 'deduction')).map((c) => cellOf(rc, c.row, role));
}

function sumFormula(rc: RenderContext, n: TNode, role: Role): string {
  const rows = n.children.filter((c) => !(role === 'max' && c.leaf && c.leaf.mode === 'deduction')).map((c) => c.row);
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  const letter = columnLetters(rc.col[role]!);
  if (contiguous && rows.length > 1 && rc.ctx.rng.chance(0.7)) return 'SUM(' + letter + (rows[0] + 1) + ':' + letter + (rows[rows.length - 1] + 1) + ')';
  const terms = sumTerms(rc, n, role);
  return rc.ctx.rng.chance(0.5) ? 'SUM(' + terms.join(',') + ')' : terms.join('+');
}

/** One line of a table body: a node's row, one of its tier rows, or a hidden row after its block. */
interface BodyLine {
  kind: 'node' | 'tier' | 'hidden';
  node: TNode;
  row: number;
  tier?: number;
  hiddenText?: string;
}

/** Row layout: assigns rows to every node, its tier rows and hidden rows. */
function layoutBody(ctx: Ctx, plan: SheetPlan, roots: TNode[], first: number): { lines: BodyLine[]; next: number } {
  const lines: BodyLine[] = [];
  let row = first;
  const visit = (n: TNode): void => {
    n.row = row;
    lines.push({ kind: 'node', node: n, row: row++ });
    if (n.leaf && n.leaf.tierWhere === 'rows') {
      for (let t = 0; t < n.leaf.levels!.length; t++) lines.push({ kind: 'tier', node: n, row: row++, tier: t });
    }
    for (const c of n.children) visit(c);
    const first = ctx.forced.has('hiddenRows') && !lines.some((l) => l.kind === 'hidden') && !!n.leaf;
    if (plan.hiddenRows && (n.leaf || n.kind === 'field') && (first || ctx.rng.chance(0.15))) {
      lines.push({ kind: 'hidden', node: n, row: row++, hiddenText: ctx.rng.pick(['', 'Ghi chú: nội dung này theo hướng dẫn năm 2022', '(Dòng phụ, không in)']) });
      mark(ctx, 'hiddenRows');
    }
  };
  for (const r of roots) visit(r);
  return { lines: lines, next: row };
}

function renderLeafScore(rc: RenderContext, n: TNode, role: ScoreRole, row: number): void {
  const leaf = n.leaf!;
  const col = rc.col[role];
  if (col === undefined) return;
  const v = leaf.values[role];
  if (leaf.mode === 'survey') {
    if (role === 'self' || role === 'twin' || role === 'lastYear') {
      if (rc.ctx.rng.chance(0.5)) rc.canvas.set(row, col, text(rc, 'ĐTXHH', false));
    } else if (v !== null && v !== undefined) rc.canvas.set(row, col, num(v));
    return;
  }
  if (v === null || v === undefined) return;
  if (leaf.mode === 'tierMarks' || leaf.mode === 'tierRowScore') return; // on the tier row
  if (role === 'self' && leaf.asText) {
    rc.canvas.set(row, col, { value: commaText(v) });
    mark(rc.ctx, 'textScores');
    return;
  }
  rc.canvas.set(row, col, num(v));
}

function nodeName(rc: RenderContext, n: TNode): string {
  let name = n.name;
  if (n.kind === 'field' || n.kind === 'group') name = rc.ctx.rng.chance(0.5) ? name.toUpperCase() : name;
  if (n.leaf && n.leaf.tierWhere === 'name') name = name + '\n' + n.leaf.tierText;
  if (rc.plan.numbering === 'codesInName' || n.labelInName) {
    const label = n.kind === 'part' ? n.label : n.kind === 'group' ? n.label + '.' : /\.$/.test(n.label) ? n.label : n.label + '.';
    name = label + ' ' + name;
  }
  return name;
}

function renderTable(
  rc: RenderContext,
  tableIndex: number,
  startRow: number,
  o: TreeOptions,
  roots: TNode[],
  titleRows: string[],
  headerRows: number,
  numberRow: boolean,
  synonyms: boolean,
  totalRow: boolean,
  forceFields: boolean,
): { render: TableRender; next: number } {
  const { ctx, plan, canvas } = rc;
  const rng = ctx.rng;
  const width = plan.cols.length;
  const left = plan.leftPad;
  let row = startRow;
  // Title rows, merged across the table.
  for (const t of titleRows) {
    canvas.set(row, left, text(rc, t, false));
    canvas.merge(row, left, row, left + width - 1);
    row++;
  }
  if (titleRows.length && rng.chance(0.5)) row++; // a blank line before the header
  const headerTop = row;
  renderHeader(rc, headerTop, headerRows, synonyms);
  row += headerRows;
  const headerBottom = row - 1;
  if (numberRow) {
    for (let i = 0; i < width; i++) canvas.set(row, left + i, { value: '(' + (i + 1) + ')' });
    row++;
    mark(ctx, 'columnNumbers');
  }

  const { lines, next } = layoutBody(ctx, plan, roots, row);
  row = next;

  // The wrong hand total: one parent (or the total row), never in an ambiguous shape.
  const parents: TNode[] = [];
  for (const r of roots) for (const n of allNodes(r)) if (!n.leaf && !n.survey && n.kind !== 'group') parents.push(n);
  const wrongOnTotal = o.plant && totalRow && rng.chance(0.1);
  const wrong = o.plant && !wrongOnTotal && parents.length && rng.chance(0.3) ? rng.pick(parents) : null;
  decideParentCells(ctx, rc, roots, wrong, forceFields);

  const problems: PlantedProblem[] = [];
  const clean: CleanCell[] = [];
  let stt = 0;
  for (const line of lines) {
    const n = line.node;
    if (line.kind === 'hidden') {
      const r = line.row;
      if (line.hiddenText) canvas.set(r, rc.col.name!, text(rc, line.hiddenText, false));
      canvas.hiddenRows.push(r);
      continue;
    }
    if (line.kind === 'tier') {
      const leaf = n.leaf!;
      const r = line.row;
      const dashInCode = rc.col.code !== undefined && rng.chance(0.4);
      if (dashInCode) canvas.set(r, rc.col.code!, { value: rng.pick(['-', '+']) });
      canvas.set(r, rc.col.name!, text(rc, (dashInCode ? '' : '- ') + leaf.tierLabels[line.tier!], false));
      canvas.set(r, rc.col.max!, num(leaf.levels![line.tier!]));
      if (leaf.mode === 'tierMarks' || leaf.mode === 'tierRowScore') {
        for (const role of SCORE_ROLES) {
          if (rc.col[role] === undefined) continue;
          const v = leaf.values[role];
          if (v === null || v === undefined || leaf.levels!.indexOf(v) !== line.tier) continue;
          canvas.set(r, rc.col[role]!, leaf.mode === 'tierMarks' ? { value: rng.pick(['x', 'x', 'X']) } : num(v));
        }
      }
      continue;
    }
    // A node row.
    const r = n.row;
    if (rc.col.stt !== undefined && n.kind !== 'group') canvas.set(r, rc.col.stt, { value: ++stt });
    if (rc.col.code !== undefined) {
      n.labelInName = n.kind === 'part' && rng.chance(0.2);
      if (!n.labelInName) {
        const asNumber = plan.fieldCodeAsNumber && n.kind === 'field' && /^\d+$/.test(n.label);
        canvas.set(r, rc.col.code, asNumber ? { value: Number(n.label) } : text(rc, n.label, false));
      }
    }
    canvas.set(r, rc.col.name!, text(rc, nodeName(rc, n), false));
    if (n.leaf) {
      const leaf = n.leaf;
      if (leaf.typedMax !== null) canvas.set(r, rc.col.max!, num(leaf.typedMax));
      for (const role of SCORE_ROLES) renderLeafScore(rc, n, role, r);
      if (rc.col.evidence !== undefined && leaf.evidence) {
        const cell = text(rc, leaf.evidence.text, false);
        if (leaf.evidence.link) cell.hyperlink = leaf.evidence.link;
        canvas.set(r, rc.col.evidence, cell);
      }
      if (rc.col.guidance !== undefined) {
        const g = leaf.tierWhere === 'guidance' ? leaf.tierText : leaf.guidance;
        if (g) canvas.set(r, rc.col.guidance, text(rc, g, false));
      }
      if (rc.col.note !== undefined && leaf.note) canvas.set(r, rc.col.note, text(rc, leaf.note, false));
      if (leaf.mode === 'deduction' && (leaf.values.self || 0) < 0) {
        clean.push({
          sheet: plan.name,
          cell: cellOf(rc, r, 'self'),
          code: n.path,
          why: 'deduction ' + commaText(leaf.values.self!) + (leaf.typedMax === null ? ' (max empty)' : ' of max ' + commaText(leaf.typedMax)),
        });
      }
      if (leaf.plant === 'off-tier')
        problems.push({
          kind: 'off-tier',
          sheet: plan.name,
          cell: cellOf(rc, r, 'self'),
          code: n.path,
          why: 'score ' + commaText(leaf.values.self!) + ' not in ' + leaf.levels!.map(commaText).join('; '),
        });
      if (leaf.plant === 'missing-evidence')
        problems.push({ kind: 'missing-evidence', sheet: plan.name, cell: cellOf(rc, r, 'evidence'), code: n.path, why: 'scored ' + commaText(leaf.values.self!) + ' with no evidence' });
      continue;
    }
    // A parent (field, criterion with children, group).
    if (n.maxKind === 'number') canvas.set(r, rc.col.max!, num(n.survey ? fullMax(n) : leafSelfMax(n)));
    else if (n.maxKind === 'formula') canvas.set(r, rc.col.max!, { value: toNumber(leafSelfMax(n)), formula: sumFormula(rc, n, 'max') });
    for (const role of SCORE_ROLES) {
      if (rc.col[role] === undefined) continue;
      const kind = n.cellKinds[role];
      const sum = columnSum(n, role);
      if (kind === 'number') canvas.set(r, rc.col[role]!, num(sum));
      else if (kind === 'formula') canvas.set(r, rc.col[role]!, { value: toNumber(sum), formula: sumFormula(rc, n, role) });
      else if (kind === 'wrong') {
        const typed = sum >= pts(1) && rng.chance(0.5) ? sum - pts(rng.pick([0.5, 1])) : sum + pts(rng.pick([0.5, 1, 0.25]));
        n.wrongValue = typed;
        canvas.set(r, rc.col[role]!, num(typed));
        problems.push({ kind: 'hand-total-mismatch', sheet: plan.name, cell: cellOf(rc, r, 'self'), code: n.path, why: 'typed ' + commaText(typed) + ', true ' + commaText(sum) });
        mark(ctx, 'wrongTotal');
      }
    }
  }

  // Truth.
  let max = 0;
  let self = 0;
  for (const r of roots) {
    max += leafSelfMax(r);
    self += columnSum(r, 'self');
  }
  const fields: TableTruth['fields'] = [];
  for (const r of roots) {
    const list = r.kind === 'group' ? r.children : [r];
    for (const f of list) fields.push({ code: f.path, label: f.label, max: leafSelfMax(f), self: columnSum(f, 'self') });
  }

  // Total row.
  let total: TableRender['totalRow'] = null;
  if (totalRow) {
    mark(ctx, 'totalRow');
    const tr = row++;
    const words = rng.pick(['Tổng cộng', 'TỔNG CỘNG', 'Tổng điểm', 'Tổng số điểm']);
    if (rc.col.code !== undefined && rng.chance(0.3)) canvas.set(tr, rc.col.code, text(rc, words, false));
    else canvas.set(tr, rc.col.name!, text(rc, words, false));
    const anySurvey = roots.some((x) => x.survey || x.children.some((c) => c.survey));
    const top = roots.filter((x) => !x.survey);
    let maxCell: string | null = null;
    if (!anySurvey && rng.chance(0.7)) {
      canvas.set(tr, rc.col.max!, num(max));
      maxCell = cellOf(rc, tr, 'max');
    }
    let selfCell: string | null = null;
    let selfValue = toNumber(self);
    if (wrongOnTotal) {
      const typed = self + pts(rng.pick([1, 0.5]));
      canvas.set(tr, rc.col.self!, num(typed));
      problems.push({ kind: 'hand-total-mismatch', sheet: plan.name, cell: cellOf(rc, tr, 'self'), code: '', why: 'total row typed ' + commaText(typed) + ', true ' + commaText(self) });
      mark(ctx, 'wrongTotal');
      selfCell = cellOf(rc, tr, 'self');
      selfValue = toNumber(typed);
    } else {
      const numeric = top.every((x) => (x.leaf ? x.leaf.values.self !== null && x.leaf.values.self !== undefined : x.cellKinds.self === 'number' || x.cellKinds.self === 'formula'));
      const choice = rng.weighted<'empty' | 'number' | 'formula'>([
        ['empty', 1],
        ['number', 2],
        ['formula', numeric ? 3 : 0],
      ]);
      if (choice === 'number') canvas.set(tr, rc.col.self!, num(self));
      if (choice === 'formula') canvas.set(tr, rc.col.self!, { value: toNumber(self), formula: 'SUM(' + top.map((x) => cellOf(rc, x.row, 'self')).join(',') + ')' });
      if (choice !== 'empty') selfCell = cellOf(rc, tr, 'self');
    }
    for (const role of ['twin', 'lastYear'] as ScoreRole[]) {
      if (rc.col[role] !== undefined && rng.chance(0.5)) {
        let s = 0;
        for (const x of roots) s += columnSum(x, role);
        canvas.set(tr, rc.col[role]!, num(s));
      }
    }
    total = { maxCell: maxCell, maxValue: toNumber(max), selfCell: selfCell, selfValue: selfValue };
  }

  // Summary rows: the fields' own cells (typed when a summary sheet exists).
  const summaryRows: TableRender['summaryRows'] = [];
  for (const r of roots) {
    const list = r.kind === 'group' ? r.children : [r];
    for (const f of list) {
      if (f.survey || f.leaf) continue;
      const selfCellValue = f.cellKinds.self === 'wrong' ? toNumber(f.wrongValue!) : f.cellKinds.self === 'empty' ? 0 : toNumber(columnSum(f, 'self'));
      summaryRows.push({
        label: f.label,
        name: f.name,
        maxCell: cellOf(rc, f.row, 'max'),
        maxValue: f.maxKind === 'empty' ? 0 : toNumber(leafSelfMax(f)),
        selfCell: cellOf(rc, f.row, 'self'),
        selfValue: selfCellValue,
      });
    }
  }

  const truth: TableTruth = { sheet: plan.name, tableIndex: tableIndex, max: max, self: self, fields: fields, headerTop: headerTop, headerBottom: headerBottom, selfCol: rc.col.self! };
  return { render: { truth: truth, problems: problems, clean: clean, summaryRows: summaryRows, totalRow: total }, next: row };
}

function renderHeader(rc: RenderContext, top: number, rows: number, synonyms: boolean): void {
  const { ctx, plan, canvas } = rc;
  const rng = ctx.rng;
  const left = plan.leftPad;
  const cols = plan.cols;
  const label = (role: Role): string => {
    if ((role === 'self' || role === 'twin') && rc.col.twin !== undefined) return 'Điểm tự đánh giá';
    if (role === 'self' && rc.col.lastYear !== undefined) return rng.pick(['Điểm tự đánh giá năm 2023', 'Điểm tự chấm năm 2023']);
    if (role === 'code' && rc.col.stt !== undefined) return rng.pick(CODE_WITH_STT);
    const w = headerWord(ctx, role, synonyms);
    if (synonyms && H1[role].synonyms.indexOf(w) >= 0) mark(ctx, 'synonyms');
    return w;
  };
  const put = (row: number, col: number, s: string): void => canvas.set(row, col, text(rc, s, true));
  if (rows === 1) {
    for (let i = 0; i < cols.length; i++) put(top, left + i, label(cols[i]));
    return;
  }
  // Score block: the contiguous run of max and score columns under one "Điểm".
  const isScore = (r: Role) => r === 'max' || SCORE_ROLES.indexOf(r as ScoreRole) >= 0;
  const blockStart = cols.findIndex(isScore);
  let blockEnd = blockStart;
  while (blockEnd + 1 < cols.length && isScore(cols[blockEnd + 1])) blockEnd++;
  const sub = (role: ScoreRole | 'max'): string => {
    if ((role === 'self' || role === 'twin') && rc.col.twin !== undefined) return 'Tự đánh giá';
    if (role === 'self' && rc.col.lastYear !== undefined) return 'Tự đánh giá năm 2023';
    const w = H2SUB[role];
    const useSynonym = synonyms && w.synonyms.length > 0 && ((role === 'self' && ctx.forced.has('synonyms')) || rng.chance(0.6));
    const chosen = rng.pick(useSynonym ? w.synonyms : w.classic);
    if (synonyms && w.synonyms.indexOf(chosen) >= 0) mark(ctx, 'synonyms');
    return chosen;
  };
  for (let i = 0; i < cols.length; i++) {
    const c = left + i;
    if (i >= blockStart && i <= blockEnd) continue;
    put(top, c, label(cols[i]));
    canvas.merge(top, c, top + rows - 1, c);
  }
  put(top, left + blockStart, 'Điểm');
  canvas.merge(top, left + blockStart, top, left + blockEnd);
  if (rows === 2) {
    for (let i = blockStart; i <= blockEnd; i++) put(top + 1, left + i, sub(cols[i] as ScoreRole | 'max'));
    mark(ctx, 'header2');
    return;
  }
  // Three rows: "Tự đánh giá" over "Năm 2022" / "Năm 2023" where last year's column sits before this year's.
  mark(ctx, 'header3');
  for (let i = blockStart; i <= blockEnd; i++) {
    const role = cols[i] as ScoreRole | 'max';
    const c = left + i;
    if (role === 'lastYear' && cols[i + 1] === 'self') {
      put(top + 1, c, 'Tự đánh giá');
      canvas.merge(top + 1, c, top + 1, c + 1);
      put(top + 2, c, 'Năm 2022');
      put(top + 2, c + 1, 'Năm 2023');
      i++;
      continue;
    }
    if (role === 'self' && rc.col.twin === undefined && rc.col.lastYear === undefined && rng.chance(0.5)) {
      put(top + 1, c, sub('self').replace(/ năm 2023$/, ''));
      put(top + 2, c, 'Năm 2023');
      continue;
    }
    if (role === 'lastYear') {
      put(top + 1, c, 'Tự đánh giá');
      put(top + 2, c, 'Năm 2022');
      continue;
    }
    if (role === 'self' && rc.col.lastYear !== undefined) {
      put(top + 1, c, 'Tự đánh giá');
      put(top + 2, c, 'Năm 2023');
      continue;
    }
    put(top + 1, c, sub(role));
    canvas.merge(top + 1, c, top + 2, c);
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets and workbook
// ---------------------------------------------------------------------------------------------

const APPENDIX_SHEET_NAMES = [
  ['Phụ lục 1', 'PL1', 'Biểu 01', 'Bảng chấm điểm', 'TDG 2023', 'Sheet1'],
  ['Phụ lục 2', 'PL2', 'Biểu 02', 'Bảng điểm (2)', 'Sheet2'],
];

interface SheetResult {
  sheet: SheetGrid;
  tables: TableRender[];
  titleYear: boolean;
}

function buildAppendixSheet(ctx: Ctx, index: number, usedNames: Set<string>, forceFields: boolean, ambiguous: boolean): SheetResult {
  const rng = ctx.rng;
  let name = rng.pick(APPENDIX_SHEET_NAMES[Math.min(index, 1)]);
  while (usedNames.has(name)) name = name + ' (' + (index + 1) + ')';
  usedNames.add(name);

  // Numbering.
  const numberingChoices: Array<[Numbering, number]> = [
    ['arabic', 35],
    ['roman', 25],
  ];
  if (allowed(ctx, 'outline')) numberingChoices.push(['outline', ctx.forced.has('outline') ? 1000 : 20]);
  if (allowed(ctx, 'codesInName')) numberingChoices.push(['codesInName', ctx.forced.has('codesInName') ? 1000 : 20]);
  let numbering = rng.weighted(numberingChoices);
  if (ctx.forced.has('outline')) numbering = 'outline';
  if (ctx.forced.has('codesInName')) numbering = 'codesInName';
  if (numbering === 'roman') mark(ctx, 'roman');
  if (numbering === 'outline') mark(ctx, 'outline');
  if (numbering === 'codesInName') mark(ctx, 'codesInName');

  const hasCode = numbering !== 'codesInName';
  const stt = draw(ctx, 'stt', hasCode ? 0.3 : 0.2);
  if (stt) mark(ctx, 'stt');
  const appraised = rng.chance(0.3);
  if (appraised) mark(ctx, 'appraised');
  const lastYearHidden = !ambiguous && draw(ctx, 'lastYearHidden', 0.12);
  const lastYearVisible = !ambiguous && !lastYearHidden && draw(ctx, 'lastYearVisible', 0.08);
  const lastYear = lastYearHidden || lastYearVisible;
  if (lastYearHidden) mark(ctx, 'lastYearHidden');
  if (lastYearVisible) mark(ctx, 'lastYearVisible');
  const guidance = rng.chance(0.55);
  if (guidance) mark(ctx, 'guidanceColumn');
  const note = rng.chance(0.4);
  if (note) mark(ctx, 'noteColumn');

  // Column order: [STT] [code] then name, the score block, evidence, guidance, note in some order.
  const block: Role[] = ['max', 'self'];
  if (appraised) block.push('appraised');
  if (ambiguous) block.push('twin');
  rng.shuffle(block);
  if (lastYear) {
    // Last year's column right before this year's (where sheets keep it), sometimes elsewhere when visible.
    const at = lastYearVisible && rng.chance(0.3) ? rng.int(0, block.length) : block.indexOf('self');
    block.splice(at, 0, 'lastYear');
  }
  const units: Role[][] = [['name'], block, ['evidence']];
  if (guidance) units.push(['guidance']);
  if (note) units.push(['note']);
  const rest = [units[0]].concat(rng.shuffle(units.slice(1)));
  if (rng.chance(0.25)) {
    // name not first: swap it with the next unit
    const t = rest[0];
    rest[0] = rest[1];
    rest[1] = t;
  }
  const cols: Role[] = [];
  const sttAfterCode = stt && hasCode && rng.chance(0.25);
  if (stt && !sttAfterCode) cols.push('stt');
  if (hasCode) cols.push('code');
  if (sttAfterCode) cols.push('stt');
  for (const u of rest) cols.push(...u);

  let legacy: Legacy = rng.weighted<Legacy>([
    ['none', 75],
    ['tcvn3-headers', 8],
    ['vni-headers', 4],
    ['tcvn3-sheet', allowed(ctx, 'legacySheet') ? (ctx.forced.has('legacySheet') ? 1000 : 8) : 0],
    ['vni-sheet', allowed(ctx, 'legacySheet') ? (ctx.forced.has('legacySheet') ? 1000 : 5) : 0],
  ]);
  if (ctx.forced.has('legacySheet')) legacy = rng.chance(0.6) ? 'tcvn3-sheet' : 'vni-sheet';
  if (legacy === 'tcvn3-headers' || legacy === 'vni-headers') mark(ctx, 'legacyHeaders');
  if (legacy === 'tcvn3-sheet' || legacy === 'vni-sheet') mark(ctx, 'legacySheet');

  const hiddenRows = draw(ctx, 'hiddenRows', 0.2);
  const titleYear = lastYear || rng.chance(0.6);
  const twoTables = draw(ctx, 'twoTables', 0.2);
  if (twoTables) mark(ctx, 'twoTables');

  const plan: SheetPlan = {
    name: name,
    numbering: numbering,
    fieldInName: rng.chance(0.5) ? 'roman' : 'arabic',
    trailingDot: numbering !== 'outline' && rng.chance(0.15),
    fieldCodeAsNumber: rng.chance(0.4),
    cols: cols,
    leftPad: rng.chance(0.2) ? 1 : 0,
    hiddenCols: lastYearHidden ? ['lastYear'] : [],
    legacy: legacy,
    textScores: rng.chance(0.3),
    hiddenRows: hiddenRows,
    titleYear: titleYear,
    tables: twoTables ? 2 : 1,
  };

  const col: RenderContext['col'] = {};
  cols.forEach((r, i) => (col[r] = plan.leftPad + i));
  const canvas = new Canvas();
  const isTcvn3 = legacy === 'tcvn3-headers' || legacy === 'tcvn3-sheet';
  const rc: RenderContext = {
    ctx: ctx,
    plan: plan,
    canvas: canvas,
    col: col,
    legacyFont: legacy === 'none' ? null : isTcvn3 ? '.VnTime' : 'VNI-Times',
    encode: isTcvn3 ? encodeTcvn3 : encodeVni,
    legacyHeaders: legacy !== 'none',
    legacyBody: legacy === 'tcvn3-sheet' || legacy === 'vni-sheet',
    nfd: legacy === 'none' && rng.chance(0.1),
  };
  if (rc.nfd) mark(ctx, 'nfd');

  const scoreRoles = SCORE_ROLES.filter((r) => col[r] !== undefined);
  const tables: TableRender[] = [];
  let row = rng.chance(0.3) ? 1 : 0;
  const synonyms = allowed(ctx, 'synonyms') && (ctx.forced.has('synonyms') || rng.chance(0.5));
  for (let t = 1; t <= plan.tables; t++) {
    const kind = t === 1 && !(index === 1 && rng.chance(0.5)) ? 'pl1' : 'pl2';
    const o: TreeOptions = {
      plan: plan,
      kind: kind,
      hasGuidance: guidance,
      hasNote: note,
      scoreRoles: scoreRoles,
      groups: kind === 'pl1' && draw(ctx, 'groups', 0.2),
      deduction: draw(ctx, 'deduction', 0.25),
      plant: !ambiguous,
    };
    if (o.groups) mark(ctx, 'groups');
    const roots = drawTree(ctx, o);
    if (o.plant) plantLeafProblems(ctx, roots, rng.int(0, 3));
    ensureDifferentColumns(ctx, roots, scoreRoles);
    const titles: string[] = [];
    if (rng.chance(0.6)) titles.push('UBND XÃ ' + rng.pick(['THANH XÁ', 'AN BÌNH', 'HỒNG PHONG', 'TÂN VIỆT']));
    titles.push(kind === 'pl1' ? 'PHỤ LỤC 1' : 'PHỤ LỤC 2');
    const year = titleYear ? ' NĂM 2023' : '';
    titles.push(kind === 'pl1' ? 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH' + year : 'TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN PHÁT TRIỂN KINH TẾ - XÃ HỘI' + year);
    const headerRows = ctx.forced.has('header3')
      ? 3
      : rng.weighted<number>([
          [1, 40],
          [2, 35],
          [3, allowed(ctx, 'header3') ? 25 : 0],
        ]);
    const totalRow = t < plan.tables || rng.chance(0.7);
    const result = renderTable(rc, t, row, o, roots, titles, headerRows, rng.chance(0.35), synonyms, totalRow, forceFields);
    tables.push(result.render);
    row = result.next;
    if (t < plan.tables) row += rng.int(1, 3);
  }
  // Signatures under the last table, only after a total row (otherwise they would be part of it).
  if (tables[tables.length - 1].totalRow && rng.chance(0.4)) {
    row += 1;
    canvas.set(row, col.name!, text(rc, 'Người lập biểu', false));
    canvas.set(row + 1, col.name!, text(rc, 'CHỦ TỊCH', false));
  }

  const sheet: SheetGrid = {
    name: name,
    rows: canvas.rows,
    merges: canvas.merges,
    hidden: { rows: canvas.hiddenRows.slice().sort((a, b) => a - b), columns: plan.hiddenCols.map((r) => col[r]!).sort((a, b) => a - b) },
  };
  return { sheet: sheet, tables: tables, titleYear: titleYear };
}

/** Last year's and the twin column must add up to something else than this year's self column. */
function ensureDifferentColumns(ctx: Ctx, roots: TNode[], roles: ScoreRole[]): void {
  for (const role of roles) {
    if (role !== 'lastYear' && role !== 'twin') continue;
    let a = 0;
    let b = 0;
    for (const r of roots) {
      a += columnSum(r, 'self');
      b += columnSum(r, role);
    }
    if (a !== b) continue;
    const leaves: TNode[] = [];
    for (const r of roots) allLeaves(r, leaves);
    for (const n of leaves) {
      const leaf = n.leaf!;
      if (leaf.mode === 'survey' || leaf.mode === 'deduction') continue;
      const other = valueOptions(leaf).filter((x) => x !== leaf.values[role]);
      if (!other.length) continue;
      leaf.values[role] = ctx.rng.pick(other);
      break;
    }
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

function buildSummarySheet(ctx: Ctx, name: string, appendix: SheetResult[]): SheetGrid {
  const rng = ctx.rng;
  const canvas = new Canvas();
  canvas.set(0, 0, { value: 'TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023' });
  canvas.merge(0, 0, 0, 4);
  const header = ['STT', 'Nội dung', rng.pick(['Điểm tối đa', 'Thang điểm']), rng.pick(['Điểm tự đánh giá', 'Điểm tự chấm'])];
  header.forEach((h, i) => canvas.set(2, i, { value: h }));
  let row = 3;
  const firstData = row;
  for (const s of appendix) {
    for (const t of s.tables) {
      canvas.set(row, 1, { value: t.truth.tableIndex === 1 && s.tables.length === 1 ? s.sheet.name : s.sheet.name + ' (bảng ' + t.truth.tableIndex + ')' });
      row++;
      for (const f of t.summaryRows) {
        canvas.set(row, 0, { value: f.label });
        canvas.set(row, 1, { value: f.name });
        canvas.set(row, 2, { value: f.maxValue, formula: quoteSheet(s.sheet.name) + '!' + f.maxCell });
        canvas.set(row, 3, { value: f.selfValue, formula: quoteSheet(s.sheet.name) + '!' + f.selfCell });
        row++;
      }
    }
  }
  let maxSum = 0;
  let selfSum = 0;
  for (let r = firstData; r < row; r++) {
    const m = canvas.get(r, 2);
    const v = canvas.get(r, 3);
    if (m && typeof m.value === 'number') maxSum += pts(m.value);
    if (v && typeof v.value === 'number') selfSum += pts(v.value);
  }
  canvas.set(row, 1, { value: 'Tổng cộng' });
  canvas.set(row, 2, { value: toNumber(maxSum), formula: 'SUM(C' + (firstData + 1) + ':C' + row + ')' });
  canvas.set(row, 3, { value: toNumber(selfSum), formula: 'SUM(D' + (firstData + 1) + ':D' + row + ')' });
  return { name: name, rows: canvas.rows, merges: canvas.merges, hidden: { rows: [], columns: [] } };
}

/** One generated workbook and its truth. */
export function generateShape(seed: number, options?: GenerateOptions): GeneratedShape {
  const ctx: Ctx = { rng: new Rng(seed), variants: new Set<Variant>(), classic: !!(options && options.classic), forced: new Set(options && options.with ? options.with : []) };
  const rng = ctx.rng;
  const ambiguous = draw(ctx, 'ambiguous', 0.06);
  if (ambiguous) mark(ctx, 'ambiguous');
  const sheetCount = rng.chance(0.35) ? 2 : 1;
  if (sheetCount === 2) mark(ctx, 'twoSheets');
  const summary = draw(ctx, 'summary', 0.15);
  const used = new Set<string>();
  const results: SheetResult[] = [];
  for (let i = 0; i < sheetCount; i++) results.push(buildAppendixSheet(ctx, i, used, summary, ambiguous && i === 0));
  const sheets: SheetGrid[] = results.map((r) => r.sheet);
  const summarySheets: string[] = [];
  if (summary) {
    const name = rng.pick(['Tổng hợp', 'TH', 'Tổng hợp kết quả']);
    sheets.unshift(buildSummarySheet(ctx, name, results));
    summarySheets.push(name);
    mark(ctx, 'summary');
  }
  const tables: TableTruth[] = [];
  const problems: PlantedProblem[] = [];
  const clean: CleanCell[] = [];
  for (const r of results) {
    for (const t of r.tables) {
      tables.push(t.truth);
      problems.push(...t.problems);
      clean.push(...t.clean);
    }
  }
  let max = 0;
  let self = 0;
  for (const t of tables) {
    max += t.max;
    self += t.self;
  }
  const anyTitleYear = results.some((r) => r.titleYear);
  const allTitleYear = results.every((r) => r.titleYear);
  void anyTitleYear;
  return {
    seed: seed,
    grid: { sheets: sheets, fileName: 'shape-' + seed + '.xlsx' },
    truth: {
      tables: tables,
      total: { max: max, self: self },
      problems: problems,
      clean: clean,
      ambiguous: ambiguous,
      ambiguousSheet: ambiguous ? results[0].sheet.name : null,
      summarySheets: summarySheets,
      otherSheets: [],
    },
    options: allTitleYear ? {} : { assessmentYear: 2023 },
    variants: Array.from(ctx.variants).sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Dumps for failure messages
// ---------------------------------------------------------------------------------------------

function shown(cell: GridCell | null | undefined): string {
  if (!cell) return '';
  let v = cell.value === null || cell.value === undefined ? '' : String(cell.value);
  v = v.replace(/\n/g, '⏎');
  if (v.length > 48) v = v.substring(0, 47) + '…';
  if (cell.formula) v = '=' + cell.formula + (v !== '' ? '→' + v : '');
  if (cell.font) v = '{' + cell.font + '}' + v;
  if (cell.hyperlink) v += '🔗';
  return v;
}

/** A compact dump of a sheet: one line per non-empty row, "A=…" per non-empty cell; hidden rows and columns marked. */
export function dumpSheet(sheet: SheetGrid, maxRows = 80): string {
  const lines: string[] = [];
  const hiddenRows = new Set(sheet.hidden ? sheet.hidden.rows : []);
  const hiddenCols = new Set(sheet.hidden ? sheet.hidden.columns : []);
  lines.push('--- sheet "' + sheet.name + '"' + (hiddenCols.size ? ' hidden columns: ' + Array.from(hiddenCols).map(columnLetters).join(',') : ''));
  for (let r = 0; r < sheet.rows.length && lines.length < maxRows; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const parts: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const s = shown(row[c]);
      if (s !== '') parts.push(columnLetters(c) + (hiddenCols.has(c) ? '(h)' : '') + '=' + s);
    }
    if (parts.length || hiddenRows.has(r)) lines.push(String(r + 1).padStart(3) + (hiddenRows.has(r) ? 'h' : ' ') + ' ' + parts.join(' | '));
  }
  if (sheet.merges && sheet.merges.length) lines.push('    merges: ' + sheet.merges.map((m) => a1(m.top, m.left) + ':' + a1(m.bottom, m.right)).join(' '));
  return lines.join('\n');
}

export function dumpShape(shape: GeneratedShape): string {
  const t = shape.truth;
  const lines = [
    'seed ' + shape.seed + ' variants: ' + shape.variants.join(', '),
    'truth: total ' + unitsToPlainString(t.total.max) + ' / self ' + unitsToPlainString(t.total.self) + (t.ambiguous ? ' (ambiguous on purpose)' : ''),
  ];
  for (const tt of t.tables)
    lines.push('  table "' + tt.sheet + '" #' + tt.tableIndex + ': max ' + unitsToPlainString(tt.max) + ', self ' + unitsToPlainString(tt.self) + ' (self column ' + columnLetters(tt.selfCol) + ')');
  for (const p of t.problems) lines.push('  planted ' + p.kind + ' at ' + p.sheet + '!' + p.cell + ' (' + (p.code || 'total') + ': ' + p.why + ')');
  for (const s of shape.grid.sheets) lines.push(dumpSheet(s));
  return lines.join('\n');
}
