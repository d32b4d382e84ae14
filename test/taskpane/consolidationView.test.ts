import { CommuneRow, Consolidation } from '../../src/core/consolidate/consolidate';
import { consolidationView } from '../../src/taskpane/components/Consolidation/consolidationView';
import { parseThresholds, thresholdInputs } from '../../src/taskpane/components/Consolidation/thresholds';

/** What the pane's ranking table shows for a consolidation: Vietnamese figures, shared ranks, groups, failures in words. */

const U = 1000000;

function row(commune: string, self: number, selfPct: number, rank: number, group: CommuneRow['group'], appraised: number | null = null, appraisedPct: number | null = null): CommuneRow {
  return {
    commune,
    fileName: commune.replace(/ /g, '-') + '.xlsx',
    fields: [],
    max: 74 * U,
    self: Math.round(self * U),
    selfPercentHundredths: selfPct,
    appraised: appraised === null ? null : Math.round(appraised * U),
    appraisedPercentHundredths: appraisedPct,
    rank,
    group,
    flagCounts: { 'missing-evidence': 2 },
  };
}

const sample: Consolidation = {
  rows: [row('Thanh Xá', 68.13, 9207, 1, 'A', 66.5, 8986), row('Thanh Hồng', 60.5, 8176, 2, 'B'), row('Thanh Cường', 60.5, 8176, 2, 'B'), row('Liên Mạc', 45, 6081, 4, 'D')],
  failed: [
    { fileName: 'hong.xlsx', failure: 'corrupt' },
    { fileName: 'Thanh-Xa-ban-sao.xlsx', failure: 'duplicate-commune', detail: 'Thanh-Xa.xlsx' },
  ],
  rankedBy: 'self',
  fieldColumns: [],
  flags: [],
  flagKinds: ['missing-evidence'],
};

test('ranks, commas, percentages and groups as an official reads them', () => {
  const v = consolidationView(sample, 'vi');
  expect(v.caption).toBe('Xếp hạng 4 xã theo điểm tự đánh giá');
  expect(v.rows.map((r) => [r.rank, r.commune, r.self, r.selfPercent, r.appraised, r.appraisedPercent, r.groupLabel])).toEqual([
    ['1', 'Thanh Xá', '68,13', '92,07%', '66,5', '89,86%', 'A'],
    ['2', 'Thanh Hồng', '60,5', '81,76%', '–', '', 'B'],
    ['2', 'Thanh Cường', '60,5', '81,76%', '–', '', 'B'],
    ['4', 'Liên Mạc', '45', '60,81%', '–', '', 'Dưới 70%'],
  ]);
  expect(v.rows[0].selfOfMax).toBe('68,13/74');
});

test('failed files keep their name and say why in Vietnamese (English on request)', () => {
  const v = consolidationView(sample, 'vi');
  expect(v.failed.map((f) => f.fileName)).toEqual(['hong.xlsx', 'Thanh-Xa-ban-sao.xlsx']);
  expect(v.failed[0].reason).toMatch(/hỏng/);
  expect(v.failed[1].reason).toMatch(/Trùng xã với tệp "Thanh-Xa.xlsx"/);
  const en = consolidationView(sample, 'en');
  expect(en.rows[0].self).toBe('68.13');
  expect(en.failed[0].reason).toMatch(/damaged/);
});

test('group thresholds: typed with a comma or a dot, 100 ≥ A > B > C ≥ 0', () => {
  expect(thresholdInputs({ a: 92.5, b: 80, c: 70 }, 'vi')).toEqual({ a: '92,5', b: '80', c: '70' });
  expect(parseThresholds({ a: '92,5', b: '80', c: ' 70 ' })).toEqual({ a: 92.5, b: 80, c: 70 });
  expect(parseThresholds({ a: '92.5', b: '80', c: '0' })).toEqual({ a: 92.5, b: 80, c: 0 });
  expect(parseThresholds({ a: '80', b: '90', c: '70' })).toBeNull();
  expect(parseThresholds({ a: '101', b: '90', c: '70' })).toBeNull();
  expect(parseThresholds({ a: '90', b: '', c: '70' })).toBeNull();
  expect(parseThresholds({ a: '90', b: '80', c: 'bảy mươi' })).toBeNull();
});
