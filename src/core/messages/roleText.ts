import { ColumnRole } from '../recognise/header';

/**
 * What each column role is, in words: for --explain, the command line's errors and the ambiguous-column
 * flag. Its own module, so the ribbon's bundle (which says the flag) does not carry the explanation's words.
 */
type Template = { vi: string; en: string };

export const ROLE_TEXT: { [role in ColumnRole]: Template } = {
  code: { vi: 'mã tiêu chí', en: 'criterion code' },
  name: { vi: 'nội dung tiêu chí', en: 'criterion text' },
  max: { vi: 'điểm tối đa', en: 'maximum' },
  self: { vi: 'điểm tự đánh giá', en: 'self-score' },
  appraised: { vi: 'điểm thẩm định', en: 'appraised score' },
  evidence: { vi: 'tài liệu kiểm chứng', en: 'evidence' },
  guidance: { vi: 'hướng dẫn chấm', en: 'scoring guidance' },
  note: { vi: 'ghi chú, giải trình', en: 'notes' },
  percent: { vi: 'tỷ lệ tự đánh giá', en: 'self-score percentage' },
  appraisedPercent: { vi: 'tỷ lệ thẩm định', en: 'appraised percentage' },
};
