import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { WorkbookHost } from '../../../core/host';
import { Lang } from '../../../core/number';
import { PaneController, PaneState } from '../../model/paneController';

/** The pane's state: one controller per host, started on mount and disposed on unmount. */
export function useScorePane(host: WorkbookHost, lang: Lang, debounceMs?: number): { state: PaneState; controller: PaneController } {
  const controller = useMemo(() => new PaneController(host, lang, { debounceMs }), [host, lang, debounceMs]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  useEffect(() => {
    void controller.start();
    return () => controller.dispose();
  }, [controller]);
  return { state, controller };
}

/** Clipboard with a fallback for webviews where navigator.clipboard is refused. */
export async function writeClipboard(text: string): Promise<void> {
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall through to the selection-based copy
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  document.body.removeChild(area);
  if (!ok) throw new Error('copy refused');
}
