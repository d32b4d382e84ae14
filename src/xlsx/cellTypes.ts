/** ExcelJS's cell value types (ExcelJS.ValueType), as numbers: both readers of .xlsx models speak them. */
export const T_NULL = 0;
export const T_MERGE = 1;
export const T_NUMBER = 2;
export const T_STRING = 3;
export const T_DATE = 4;
export const T_HYPERLINK = 5;
export const T_FORMULA = 6;
export const T_RICH_TEXT = 8;
export const T_BOOLEAN = 9;
export const T_ERROR = 10;
