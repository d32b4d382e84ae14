/**
 * Public entry point of src/core/sample for the edges (eslint forbids a deeper path from them).
 * The embedded sample workbook (Thanh Xá 2023).
 */
export * from './thanhXa2023';
