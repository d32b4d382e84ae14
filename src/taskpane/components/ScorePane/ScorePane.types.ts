import { WorkbookHost } from '../../../core/host';
import { Lang } from '../../../core/number/format';

/** A small read-only window on the sheet around a selected cell (browser mode's "select"). */
export interface CellPreviewData {
  sheet: string;
  address: string;
  row: number;
  col: number;
  columns: { col: number; letter: string }[];
  rows: { row: number; cells: string[] }[];
}

/**
 * What the standalone page adds to the host (src/xlsx/browserHost implements it). Declared here
 * structurally so no component imports ExcelJS or the browser host module.
 */
export interface StandaloneControls {
  fileName(): string;
  isSample(): boolean;
  openFile(bytes: Uint8Array, fileName: string): Promise<void>;
  openSample(): Promise<void>;
  selection(): CellPreviewData | null;
  onSelectionChange(listener: (preview: CellPreviewData | null) => void): () => void;
  downloadAnnotated(): Promise<{ fileName: string; bytes: Uint8Array }>;
}

export interface ScorePaneProps {
  host: WorkbookHost;
  lang: Lang;
  /** Present in browser mode only. */
  standalone?: StandaloneControls;
  /** Debounce of the re-run after an edit (ms). */
  debounceMs?: number;
}
