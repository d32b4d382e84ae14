import { Lang } from '../number/format';
import { fillTemplate } from './template';

/**
 * The words of the rules the tool installs on a scoring sheet so that it checks itself as the
 * official types (src/core/plan/sheetRules.ts): the data validation's input and error messages, the
 * hidden sheet of allowed levels. Vietnamese first, English. ES5-safe.
 *
 * Excel's limits apply to what these become: a validation's titles at most 32 characters, its
 * messages at most 255 (sheetRules.ts truncates at a word boundary with "…").
 */
type Template = { vi: string; en: string };

export const RULE_TEXT = {
  /** Input message title: shown when the score cell is selected. */
  inputTitle: { vi: 'Điểm tiêu chí {code}', en: 'Score of criterion {code}' },
  /** Input message when the sheet gives no guidance text of its own. */
  inputList: { vi: 'Chọn một mức điểm: {levels}.', en: 'Choose one level: {levels}.' },
  inputDecimal: { vi: 'Nhập điểm từ 0 đến {max}.', en: 'Enter a score from 0 to {max}.' },
  inputMin: { vi: 'Nhập điểm không âm.', en: 'Enter a score of 0 or more.' },
  /** Error alert title and messages: shown when a value outside the rule is typed. */
  errorTitle: { vi: 'Điểm không hợp lệ', en: 'Score not allowed' },
  errorList: {
    vi: 'Tiêu chí {code} chỉ nhận một trong các mức điểm: {levels}. Chọn từ danh sách thả xuống.',
    en: 'Criterion {code} takes only one of the levels {levels}. Choose from the drop-down list.',
  },
  errorDecimal: {
    vi: 'Tiêu chí {code} nhận điểm là số từ 0 đến {max} (điểm tối đa).',
    en: 'Criterion {code} takes a number from 0 to {max} (its maximum).',
  },
  errorMin: { vi: 'Tiêu chí {code} nhận điểm là số không âm.', en: 'Criterion {code} takes a number of 0 or more.' },
  /** First cell of the hidden sheet of levels: whose it is and why it must stay. */
  tierSheetTitle: {
    vi: 'Mức điểm cho phép của từng tiêu chí (công cụ CCHC tạo, dùng cho danh sách thả xuống; không sửa, không xóa)',
    en: 'Allowed levels per criterion (made by the CCHC tool for the drop-down lists; do not edit or delete)',
  },
};

export type RuleTextKey = keyof typeof RULE_TEXT;

export function ruleText(key: RuleTextKey, lang: Lang, params?: { [name: string]: string | number }): string {
  const template: Template = RULE_TEXT[key];
  return fillTemplate(template[lang], function (name: string): string | undefined {
    return params && params[name] !== undefined ? String(params[name]) : undefined;
  });
}
