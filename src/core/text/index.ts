/**
 * Public entry point of src/core/text for the edges (eslint forbids a deeper path from them).
 * Folding (case, diacritics, NFC/NFD).
 */
export * from './fold';
