/**
 * Public entry point of src/core/profile for the edges (eslint forbids a deeper path from them).
 * Rubric profiles (built-in and from JSON) and their validation.
 */
export * from './profile';
