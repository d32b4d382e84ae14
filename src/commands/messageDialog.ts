/**
 * The ribbon command has no pane to speak through: when a recalculation fails (protected sheet,
 * cell being edited, a co-author's change) it opens a small Office dialog with the message.
 * Feature-detected (DialogApi 1.1, in Excel 2016 and later); where dialogs are missing the outcome
 * stays available to the light pane. ES5.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

/** message.html beside the commands page, with the text in its query string. */
export function messageUrl(pageUrl: string, text: string, lang: string): string {
  const base = pageUrl.split('#')[0].split('?')[0];
  const dir = base.substring(0, base.lastIndexOf('/') + 1);
  return dir + 'message.html?lang=' + encodeURIComponent(lang) + '&text=' + encodeURIComponent(text);
}

export function canShowDialog(office: any): boolean {
  return !!(office && office.context && office.context.ui && typeof office.context.ui.displayDialogAsync === 'function');
}

/** Opens the dialog; it closes itself when the user presses "Đóng" (the page sends a message). */
export function showMessageDialog(office: any, pageUrl: string, text: string, lang: string): boolean {
  if (!canShowDialog(office)) return false;
  try {
    office.context.ui.displayDialogAsync(messageUrl(pageUrl, text, lang), { height: 30, width: 35, displayInIframe: true }, function (result: any) {
      if (!result || result.status !== 'succeeded' || !result.value) return;
      const dialog = result.value;
      const close = function (): void {
        try {
          dialog.close();
        } catch (e) {
          /* already closed by the user */
        }
      };
      if (typeof dialog.addEventHandler === 'function' && office.EventType) dialog.addEventHandler(office.EventType.DialogMessageReceived, close);
    });
    return true;
  } catch (e) {
    return false;
  }
}
