/**
 * Where the pane's "Hướng dẫn" link leads: the README's section for users of the pane, "## Add-in (task
 * pane)", by the anchor GitHub and most Markdown renderers give that heading. The project records no
 * public address of its repository (package.json has no "repository"), so the README's address is this
 * one constant, to be set where the project is published.
 */
export const HELP_ANCHOR = 'add-in-task-pane';
export const README_URL = 'https://github.com/cchc-vn/cchc/blob/main/README.md';
export const HELP_URL = README_URL + '#' + HELP_ANCHOR;
