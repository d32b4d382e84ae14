/**
 * Where the pane's "Hướng dẫn" link leads: the README's section for users of the pane ("## Add-in (task
 * pane)"), made into a page beside the pane's own at build time (scripts/helpPage.js), so it opens
 * wherever the add-in is hosted, offline too. Relative: taskpane.html and standalone.html sit beside it.
 */
export const HELP_URL = 'huong-dan.html';
