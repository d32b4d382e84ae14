/**
 * The one filler of the message catalogues' templates: "{name}" replaced by what `valueOf` gives for it,
 * left as written when it gives undefined. A template is split once into its text and its placeholders
 * (a plan fills a note per highlighted cell, thousands on a large table). Plain ES5, no imports.
 */

/**
 * Each template's pieces: literal text at even places, a placeholder's name at odd places. Keyed by the
 * template's text, so only the catalogues' own constants (a bounded set) are to be filled here.
 */
const SPLIT: { [template: string]: string[] } = {};

function split(template: string): string[] {
  const parts: string[] = [];
  const rx = /\{(\w+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = rx.exec(template))) {
    parts.push(template.slice(last, m.index), m[1]);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

export function fillTemplate(template: string, valueOf: (name: string) => string | undefined): string {
  const parts = Object.prototype.hasOwnProperty.call(SPLIT, template) ? SPLIT[template] : (SPLIT[template] = split(template));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = valueOf(parts[i]);
    out += (value === undefined ? '{' + parts[i] + '}' : value) + parts[i + 1];
  }
  return out;
}
