import { WorkbookAnalysis, SheetAnalysis } from '../analyse';
import { formatPercentHundredths, formatPoints, Lang } from '../number/format';
import { percentHundredths, Points } from '../number/points';

/**
 * Section II of the self-assessment report (the seed's "II. KẾT QUẢ THỰC HIỆN"), written from
 * the computed figures so every number uses one format, plus the criteria that need an explanation.
 */

const WORDS = {
  vi: {
    heading1: '1. Kết quả tự đánh giá thực hiện cải cách hành chính (CCHC) của UBND xã (đánh giá tài liệu kiểm chứng)',
    total: 'Tổng điểm tự đánh giá: {self} điểm/{max} điểm, đạt {pct}%. Trong đó, điểm tự đánh giá trên các lĩnh vực sau:',
    fieldLine: '- {name}: {self} điểm/{max} điểm, đạt {pct}%',
    fieldLineNoPct: '- {name}: {self} điểm/{max} điểm',
    heading2: '2. Đánh giá tác động của cải cách hành chính',
    impactIntro: 'Tác động của CCHC đến sự phát triển kinh tế - xã hội của cấp xã (tài liệu kiểm chứng)',
    impactLine: '- {name}: {self} điểm/{max} điểm',
    explainHeading: 'Các tiêu chí cần giải trình (được chấm điểm nhưng chưa có tài liệu kiểm chứng):',
    explainLine: '- {code} {name} ({sheet}, ô {cell}): {self} điểm',
    explainNone: 'Không có tiêu chí nào được chấm điểm mà thiếu tài liệu kiểm chứng.',
    noTable: 'Không tìm thấy bảng chấm điểm nào trong tệp.',
  },
  en: {
    heading1: '1. Self-assessment of administrative reform by the commune People\'s Committee (evidence-based)',
    total: 'Total self-assessed score: {self} points/{max} points, {pct}%. By field:',
    fieldLine: '- {name}: {self} points/{max} points, {pct}%',
    fieldLineNoPct: '- {name}: {self} points/{max} points',
    heading2: '2. Impact of administrative reform',
    impactIntro: 'Impact of administrative reform on the commune\'s socio-economic development (evidence-based)',
    impactLine: '- {name}: {self} points/{max} points',
    explainHeading: 'Criteria that need an explanation (scored without evidence):',
    explainLine: '- {code} {name} ({sheet}, cell {cell}): {self} points',
    explainNone: 'No criterion is scored without evidence.',
    noTable: 'No scoring table was found in the file.',
  },
};

function say(template: string, values: { [k: string]: string }): string {
  return template.replace(/\{(\w+)\}/g, function (whole: string, name: string): string {
    return values[name] !== undefined ? values[name] : whole;
  });
}

function percentText(self: Points, max: Points, lang: Lang): string | null {
  const h = percentHundredths(self, max);
  return h === null ? null : formatPercentHundredths(h, lang);
}

/** Names in sheets often end with the maximum in brackets or a colon; the report states it itself. */
function cleanName(name: string): string {
  return name.replace(/\s*\(\s*[\d.,]+\s*(điểm|đ)?\s*\)\s*$/i, '').replace(/[:;.\s]+$/, '').replace(/\s+/g, ' ');
}

function mainSheet(analysis: WorkbookAnalysis): SheetAnalysis | null {
  for (let i = 0; i < analysis.sheets.length; i++) if (analysis.sheets[i].appendix && analysis.sheets[i].appendix!.id === 'phu-luc-1') return analysis.sheets[i];
  return analysis.sheets.length ? analysis.sheets[0] : null;
}

export function reportText(analysis: WorkbookAnalysis, lang: Lang): string {
  const w = WORDS[lang];
  const main = mainSheet(analysis);
  if (!main) return w.noTable;
  const lines: string[] = [];
  const p = function (u: Points): string {
    return formatPoints(u, lang);
  };
  lines.push(w.heading1);
  const totalPct = percentText(main.score.self, main.score.selfAssessableMax, lang);
  lines.push(say(w.total, { self: p(main.score.self), max: p(main.score.selfAssessableMax), pct: totalPct === null ? '-' : totalPct }));
  const selfFields = main.fields.filter(function (f) {
    return f.max > 0;
  });
  for (let i = 0; i < selfFields.length; i++) {
    const f = selfFields[i];
    const pct = percentText(f.self, f.max, lang);
    const line = say(pct === null ? w.fieldLineNoPct : w.fieldLine, { name: cleanName(f.name), self: p(f.self), max: p(f.max), pct: pct || '' });
    lines.push(line + (i === selfFields.length - 1 ? '.' : ';'));
  }
  const others = analysis.sheets.filter(function (s) {
    return s !== main;
  });
  if (others.length) {
    lines.push(w.heading2);
    lines.push(w.impactIntro);
    for (let s = 0; s < others.length; s++) {
      const nodes = others[s].score.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const ns = nodes[i];
        if (!ns.leaf || ns.node.survey) continue;
        lines.push(say(w.impactLine, { name: cleanName(ns.node.cells.name), self: p(ns.self.units), max: p(ns.max) }));
      }
    }
  }
  lines.push('');
  lines.push(w.explainHeading);
  let explained = 0;
  for (let s = 0; s < analysis.sheets.length; s++) {
    const sheet = analysis.sheets[s];
    for (let i = 0; i < sheet.flags.length; i++) {
      const f = sheet.flags[i];
      if (f.kind !== 'missing-evidence') continue;
      let name = '';
      for (let n = 0; n < sheet.table.nodes.length; n++) if (sheet.table.nodes[n].code === f.code) name = cleanName(sheet.table.nodes[n].cells.name);
      lines.push(say(w.explainLine, { code: f.code, name: name, sheet: sheet.name, cell: f.cell, self: p(Number(f.params.score)) }));
      explained++;
    }
  }
  if (explained === 0) lines.push(w.explainNone);
  return lines.join('\n');
}
