import { CellPreview, StandaloneControls, WorkbookHost } from '../../../core/host';
import { Lang } from '../../../core/number';

/** Browser mode's extras (src/xlsx/browserHost implements them); from the core's host contract, so no component imports ExcelJS. */
export type CellPreviewData = CellPreview;
export type { StandaloneControls };

export interface ScorePaneProps {
  host: WorkbookHost;
  lang: Lang;
  /** Present in browser mode only. */
  standalone?: StandaloneControls;
  /** Debounce of the re-run after an edit (ms). */
  debounceMs?: number;
}
