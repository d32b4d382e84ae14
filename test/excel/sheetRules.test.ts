import { analyseWorkbook } from '../../src/core/analyse';
import { buildSheetRules, formulaAt, markedFormula, SheetRules, TIER_SHEET_NAME } from '../../src/core/plan';
import { buildSampleGrid } from '../../src/core/sample/thanhXa2023';
import { recalculate } from '../../src/app/recalculate';
import { fillAndRecalculate } from '../../src/app/fillAndRecalculate';
import { fillSheet } from '../core/appraisal/appraisalGrid';
import { clearHighlights } from '../../src/app/clearHighlights';
import { revert } from '../../src/app/revert';
import { createExcelHost } from '../../src/excel/officeGateway';
import { HEADER, sheet, workbook } from '../helpers/gridBuilder';
import { fakeInitFromGrid, FakeOfficeHandle, FakeValidation, FakeWorkbookInit, installFakeOffice } from '../helpers/fakeExcel';

/**
 * Issue 13, item 4 (the Excel half): from ExcelApi 1.8 a recalculation installs the spec of
 * plan/sheetRules.ts in its one write sync: a validation on each leaf self-score cell (a drop-down of the
 * levels through a CCHC_MUC_n name of the hidden sheet of levels, else a decimal), the formula
 * conditional formats of missing evidence and off-tier scores, marked as the file patcher marks them.
 * Below 1.8 nothing of it. Clear and revert remove exactly what was added; the user's own stays.
 */

const SHEET = 'Phụ lục 1';

function install(init: FakeWorkbookInit, level: string) {
  const g: Record<string, unknown> = {};
  const fake = installFakeOffice(g, init, { apiLevel: level });
  const host = createExcelHost({ globals: g, debounceMs: 5 });
  return { fake, host, g };
}

function sampleSpec(): SheetRules {
  return buildSheetRules(analyseWorkbook(buildSampleGrid()), 'vi');
}

/** Validations, conditional formats, names and sheets: what the rules may change. */
function ruleState(fake: FakeOfficeHandle) {
  const sheets = fake.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    validations: JSON.parse(JSON.stringify(s.validations || {})),
    cfs: s.cfs.map((cf) => ({ rect: cf.rect, formula: cf.formula, fill: cf.fill })),
  }));
  return { sheets, names: fake.names.map((n) => ({ ...n })) };
}

function toolCfs(fake: FakeOfficeHandle, sheet: string) {
  return fake.sheet(sheet)!.cfs.filter((cf) => cf.formula.indexOf('=AND(N("CCHC")=0,') === 0);
}

const USER_VALIDATION: FakeValidation = {
  rule: { wholeNumber: { formula1: 0, formula2: 9, operator: 'Between' } },
  prompt: { showPrompt: true, title: 'Của tôi', message: 'Quy tắc của người dùng' },
  errorAlert: { showAlert: true, style: 'Warning', title: 'Sai', message: 'Không hợp lệ' },
};

describe('ExcelApi 1.1: no sheet rules, as before', () => {
  test('a recalculation adds no validation, name, sheet of levels or formula rule', async () => {
    const { fake, host } = install(fakeInitFromGrid(buildSampleGrid()), '1.1');
    const r = await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(r.written).toBe(true);
    expect(fake.sheet(TIER_SHEET_NAME)).toBeNull();
    expect(fake.names).toEqual([]);
    for (const s of fake.sheets) expect(s.validations || {}).toEqual({});
    // Highlights stay the static fills of 1.1.
    expect(r.report!.highlighted).toBeGreaterThan(0);
  });
});

describe.each(['1.8', '1.20'])('ExcelApi %s: the sheet rules in the one write sync', (level) => {
  test("the sample's leaf cells get the spec's validations, the hidden sheet of levels and its names, the marked formula rules; 1 read + 1 write sync on the first and later runs, nothing duplicated", async () => {
    const spec = sampleSpec();
    const { fake, host } = install(fakeInitFromGrid(buildSampleGrid()), level);
    fake.resetCounters();
    const first = await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.syncCount()).toBe(2);
    expect(first.report!.syncs).toBe(1);

    const sheetSpec = spec.sheets.find((s) => s.sheet === SHEET)!;
    expect(sheetSpec.validations.length).toBeGreaterThan(0);
    const lists = sheetSpec.validations.filter((v) => v.kind === 'list');
    const decimals = sheetSpec.validations.filter((v) => v.kind === 'decimal');
    for (const v of sheetSpec.validations) {
      const got = fake.validation(SHEET, v.address)!;
      expect(got).not.toBeNull();
      expect(got.prompt).toEqual({ showPrompt: true, title: v.inputTitle, message: v.inputMessage });
      expect(got.errorAlert).toEqual({ showAlert: true, style: 'Stop', title: v.errorTitle, message: v.errorMessage });
      if (v.kind === 'list') expect(got.rule).toEqual({ list: { inCellDropDown: true, source: '=' + v.definedName } });
      else expect(got.rule).toEqual(v.max !== null ? { decimal: { formula1: 0, formula2: v.max, operator: 'Between' } } : { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    }
    const validated = Object.keys(fake.sheet(SHEET)!.validations || {}).length;
    expect(validated).toBe(sheetSpec.validations.length);

    // The hidden sheet of levels, its names resolving to its rows of numbers.
    const tier = fake.sheet(TIER_SHEET_NAME)!;
    expect(tier.visibility).toBe('Hidden');
    expect(fake.names.map((n) => n.name)).toEqual(spec.tierTable!.rows.map((r) => r.definedName));
    for (const row of spec.tierTable!.rows) {
      expect(fake.names.find((n) => n.name === row.definedName)!.formula).toBe('=' + row.source);
      row.values.forEach((value, c) => expect(fake.displayed(TIER_SHEET_NAME, String.fromCharCode(65 + c) + (row.row + 1))).toBe(value));
    }

    // One marked formula rule per area of each spec rule, re-anchored at the area's top.
    const expected = sheetSpec.rules.flatMap((rule) =>
      rule.areas.map((area) => ({ formula: '=' + markedFormula(formulaAt(rule.template, area.top)), fill: '#' + rule.fill.toUpperCase(), top: area.top, bottom: area.bottom, col: area.col })),
    );
    const got = toolCfs(fake, SHEET).map((cf) => ({ formula: cf.formula, fill: cf.fill.toUpperCase(), top: cf.rect.r0, bottom: cf.rect.r1, col: cf.rect.c0 }));
    for (const e of expected) expect(got).toContainEqual(e);
    expect(got.length).toBe(expected.length);

    // A second recalculation: the same, nothing twice; still 1 read + 1 write sync.
    const before = ruleState(fake);
    fake.resetCounters();
    await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.syncCount()).toBe(2);
    const after = ruleState(fake);
    expect(after.names).toEqual(before.names);
    // The rules (the static highlights may differ: the first write fixes what some flags said).
    const strip = (st: ReturnType<typeof ruleState>) =>
      st.sheets.map((s) => ({
        ...s,
        cfs: s.cfs.filter((cf) => cf.formula.indexOf('=AND(N("CCHC")=0,') === 0).sort((a, b) => (a.formula + JSON.stringify(a.rect) < b.formula + JSON.stringify(b.rect) ? -1 : 1)),
      }));
    expect(strip(after)).toEqual(strip(before));
    console.log(`ExcelApi ${level}: ${validated} validations (${lists.length} lists, ${decimals.length} decimals), ${expected.length} formula rules, ${spec.tierTable!.rows.length} rows of levels`);
  });

  test("a cell with the user's own validation keeps it; clear and revert remove exactly what was added", async () => {
    const spec = sampleSpec();
    const target = spec.sheets.find((s) => s.sheet === SHEET)!.validations[0].address;
    const init = fakeInitFromGrid(buildSampleGrid());
    init.sheets[0].validations = { [target]: USER_VALIDATION, A1: USER_VALIDATION };
    init.sheets[0].conditionalFormats = [{ address: 'A2', formula: '=AND(TRUE,1=1)', fill: '#00FF00' }];
    const { fake, host } = install(init, level);
    const original = ruleState(fake);

    await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.validation(SHEET, target)).toEqual(USER_VALIDATION);
    expect(fake.validation(SHEET, 'A1')).toEqual(USER_VALIDATION);
    expect(toolCfs(fake, SHEET).length).toBeGreaterThan(0);

    // "Xóa đánh dấu": every rule of the tool goes, the user's stay.
    await clearHighlights(host);
    const cleared = ruleState(fake);
    const compare = (st: ReturnType<typeof ruleState>) => st.sheets.filter((s) => s.name === SHEET || s.name === TIER_SHEET_NAME);
    expect(compare(cleared)).toEqual(compare(original));
    expect(cleared.names).toEqual([]);

    // Again, then "Hoàn tác": the workbook's rules as they were (the tool's sheets gone).
    await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.sheet(TIER_SHEET_NAME)).not.toBeNull();
    // A second recalculation in the same session (per-cell look at the validations) keeps the user's too.
    await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.validation(SHEET, target)).toEqual(USER_VALIDATION);
    await revert(host);
    // Revert undoes the last write: the summary sheet an earlier write created stays, with no rule on it.
    const reverted = ruleState(fake);
    expect(reverted.names).toEqual(original.names);
    expect(reverted.sheets.filter((s) => s.name !== 'Tổng hợp điểm')).toEqual(original.sheets);
  });

  test("a later session (no shapes known) finds the tool's validations with two more read syncs (columns, then their cells), once, and replaces them", async () => {
    const { fake, host, g } = install(fakeInitFromGrid(buildSampleGrid()), level);
    await recalculate(host, { lang: 'vi', buildSheetRules });
    const before = ruleState(fake);
    const later = createExcelHost({ globals: g, debounceMs: 5 });
    fake.resetCounters();
    await recalculate(later, { lang: 'vi', buildSheetRules });
    expect(fake.syncCount()).toBe(4);
    const after = ruleState(fake);
    expect(after.names).toEqual(before.names);
    const rules = (st: ReturnType<typeof ruleState>) => st.sheets.map((s) => [s.name, s.validations, s.cfs.filter((cf) => cf.formula.indexOf('=AND(N("CCHC")=0,') === 0).length]);
    expect(rules(after)).toEqual(rules(before));
  });

  test('a write the host refuses midway takes back the validations, names and sheet of levels it installed', async () => {
    const { fake, host } = install(fakeInitFromGrid(buildSampleGrid()), level);
    const original = ruleState(fake);
    await host.readWorkbook();
    fake.refuse('ConditionalFormatCollection.add');
    await expect(recalculate(host, { lang: 'vi', buildSheetRules })).rejects.toBeDefined();
    const after = ruleState(fake);
    expect(after.names).toEqual(original.names);
    expect(after.sheets.map((x) => x.name)).toEqual(original.sheets.map((x) => x.name));
    expect(after.sheets).toEqual(original.sheets);
  });

  test('a 5,000-leaf sheet: 5,000 validations, 1 read + 1 write sync on the first and a later run, each under 5 MB', async () => {
    const rows: unknown[][] = [HEADER, ['1', 'Lĩnh vực lớn', 5000, null]];
    for (let i = 1; i <= 5000; i++) rows.push(['1.' + i, 'Tiêu chí ' + i, 1, 1, 'Văn bản số ' + i]);
    rows.push(['Tổng cộng', null, 5000, null]);
    const { fake, host } = install(fakeInitFromGrid(workbook(sheet('PL1', rows as never)) as never), level);
    await host.readWorkbook();
    fake.resetCounters();
    await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.syncCount()).toBe(2);
    expect(Object.keys(fake.sheet('PL1')!.validations || {}).length).toBe(5000);
    fake.resetCounters();
    await recalculate(host, { lang: 'vi', buildSheetRules });
    expect(fake.syncCount()).toBe(2);
    expect(fake.maxPayload()).toBeLessThan(5 * 1024 * 1024);
    expect(Object.keys(fake.sheet('PL1')!.validations || {}).length).toBe(5000);
    console.log(`ExcelApi ${level}, 5,000 leaves: largest sync ${fake.maxPayload()} bytes`);
  });

  test("the file patcher's rules (same marks) are the tool's own here too: replaced, not duplicated, a user's kept", async () => {
    const clean = install(fakeInitFromGrid(buildSampleGrid()), level);
    await recalculate(clean.host, { lang: 'vi', buildSheetRules });
    const expected = ruleState(clean.fake);

    const spec = sampleSpec();
    const leaf = spec.sheets.find((x) => x.sheet === SHEET)!.validations[1];
    const init = fakeInitFromGrid(buildSampleGrid());
    // As an annotated copy holds them: a validation with the tool's titles, a marked rule, the sheet of levels.
    init.sheets[0].validations = {
      [leaf.address]: {
        rule: { list: { inCellDropDown: true, source: '=CCHC_MUC_1' } },
        prompt: { showPrompt: true, title: leaf.inputTitle, message: 'cũ' },
        errorAlert: { showAlert: true, style: 'Stop', title: leaf.errorTitle, message: 'cũ' },
      },
      A1: USER_VALIDATION,
    };
    init.sheets[0].conditionalFormats = [{ address: leaf.address, formula: '=AND(N("CCHC")=0,TRUE)', fill: '#FFC7CE' }];
    init.sheets.push({ name: TIER_SHEET_NAME, rows: [[{ value: 'cũ' }], [{ value: 1 }]] });
    const { fake, host } = install(init, level);
    fake.names.push({ name: 'CCHC_MUC_1', formula: "='" + TIER_SHEET_NAME + "'!$A$2" }, { name: 'CCHC_MUC_7', formula: "='" + TIER_SHEET_NAME + "'!$A$2" });
    fake.sheet(TIER_SHEET_NAME)!.visibility = 'Hidden';
    await recalculate(host, { lang: 'vi', buildSheetRules });

    expect(fake.validation(SHEET, 'A1')).toEqual(USER_VALIDATION);
    expect(fake.names).toEqual(expected.names);
    const own = (st: ReturnType<typeof ruleState>) =>
      st.sheets
        .filter((x) => x.name === SHEET || x.name === TIER_SHEET_NAME)
        .map((x) => ({
          name: x.name,
          visibility: x.visibility,
          validations: Object.keys(x.validations)
            .filter((k) => k !== '0,0')
            .map((k) => [k, x.validations[k]]),
          rules: x.cfs
            .filter((cf) => cf.formula.indexOf('=AND(N("CCHC")=0,') === 0)
            .map((cf) => cf.formula)
            .sort(),
        }));
    expect(own(ruleState(fake))).toEqual(own(expected));
  });
});

describe.each(['1.8', '1.20'])("ExcelApi %s: the appraiser's fill keeps the sheet rules", (level) => {
  test('a fill after a recalculation leaves the validations, names and formula rules as the recalculation installed them', async () => {
    const { fake, host } = install(fakeInitFromGrid(workbook(fillSheet([]))), level);
    // The rules alone (replaced by equal ones, new ids): the fill's new highlights are static marks beside them.
    const rules = () => ({
      names: fake.names.map((n) => ({ ...n })),
      validations: JSON.parse(JSON.stringify(fake.sheet('PL1')!.validations || {})),
      formulas: toolCfs(fake, 'PL1').map((cf) => ({ rect: cf.rect, formula: cf.formula, fill: cf.fill })),
    });
    await recalculate(host, { lang: 'vi', buildSheetRules });
    const installed = rules();
    expect(Object.keys(installed.validations).length).toBeGreaterThan(0);
    expect(installed.formulas.length).toBeGreaterThan(0);
    const filled = await fillAndRecalculate(host, { lang: 'vi', buildSheetRules });
    expect(filled.written).toBe(true);
    expect(filled.fill.cells).toBeGreaterThan(0);
    expect(rules()).toEqual(installed);
  });
});
