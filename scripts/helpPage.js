'use strict';
/**
 * The pane's "Hướng dẫn" page (huong-dan.html), made at build time from the README's section for users
 * of the pane, so the help travels with the add-in wherever it is hosted (no address of a repository
 * is needed, and it opens offline). The section uses only paragraphs, "- " lists (continued by indented
 * lines), **bold**, `code` and [links](…); that is all this converts. Anything else stays as text.
 * The README is written in English with the Vietnamese the user sees on screen, so the page is lang="en".
 */

const SECTION = '## Add-in (task pane)';

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One run of text: code spans first (their content is literal), then bold and links in what is left. */
function inline(text) {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => {
      if (/^`[^`]*`$/.test(part)) return '<code>' + escapeHtml(part.slice(1, -1)) + '</code>';
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, label, href) => (/^(https?:|#)/.test(href) ? '<a href="' + href + '">' + label + '</a>' : label));
    })
    .join('');
}

/** The README's lines from the section's heading to the next heading of the same level. */
function sectionOf(readme) {
  const lines = readme.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.indexOf(SECTION);
  if (start < 0) throw new Error('README.md has no "' + SECTION + '" section for the help page');
  let end = start + 1;
  while (end < lines.length && !/^## /.test(lines[end])) end++;
  return lines.slice(start + 1, end);
}

/** Paragraphs and lists as HTML blocks. */
function blocks(lines) {
  const out = [];
  let para = null; // lines of the open paragraph
  let items = null; // items of the open list, each an array of lines
  const close = () => {
    if (para) out.push('<p>' + inline(para.join(' ')) + '</p>');
    if (items) out.push('<ul>\n' + items.map((it) => '<li>' + inline(it.join(' ')) + '</li>').join('\n') + '\n</ul>');
    para = null;
    items = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      // A blank line ends a paragraph; a list goes on after one if another item follows.
      if (para) close();
      continue;
    }
    const item = /^- (.*)$/.exec(line);
    if (item) {
      if (para) close();
      items = items || [];
      items.push([item[1]]);
    } else if (items && /^\s+\S/.test(raw)) {
      items[items.length - 1].push(line.trim());
    } else {
      if (items) close();
      para = para || [];
      para.push(line.trim());
    }
  }
  close();
  return out.join('\n');
}

function helpPageHtml(readme) {
  const body = blocks(sectionOf(readme));
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<title>CCHC: Hướng dẫn (Add-in, task pane)</title>\n<style>\n' +
    'body{margin:0 auto;max-width:46em;padding:16px;font:15px/1.55 "Segoe UI",Arial,sans-serif;color:#242424}\n' +
    'h1{font-size:22px;margin:0 0 12px}code{font-family:Consolas,monospace;font-size:90%;background:#f3f2f1;padding:0 3px;border-radius:3px}\n' +
    'li{margin:0 0 8px}a{color:#0f6cbd}\n' +
    '</style>\n</head>\n<body>\n<main>\n<h1>CCHC: <span lang="vi">Hướng dẫn</span> (Add-in, task pane)</h1>\n' +
    body +
    '\n</main>\n</body>\n</html>\n'
  );
}

module.exports = { helpPageHtml, HELP_PAGE: 'huong-dan.html' };
