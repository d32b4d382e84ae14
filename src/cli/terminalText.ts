/**
 * Text from outside the program (file and folder names, names read from a workbook) shown on a
 * terminal: a control character in it would break "one line" (a newline) or drive the terminal (an
 * escape sequence: colours, a cleared screen, a rewritten line, a changed window title). Every such
 * character is shown as an escape instead: a newline as \n, ESC as \x1b, and the invisible
 * direction overrides that can make a name read differently from what it is as \u202e.
 * A backslash is left as it is: Windows paths are full of them.
 */

const NAMED: { [ch: string]: string } = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls, DEL, C1 controls; the bidirectional embeddings, overrides and isolates; line and
// paragraph separators (some terminals and editors break lines on them).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function hex(code: number, width: number): string {
  let h = code.toString(16);
  while (h.length < width) h = '0' + h;
  return h;
}

/** `text` with every control character escaped; text without one comes back as it was. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? '\\x' + hex(code, 2) : '\\u' + hex(code, 4);
  });
}

/** One line for stderr or stdout: controls escaped, so it stays one line whatever it quotes. */
export function oneLine(text: string): string {
  return escapeControl(text);
}
