import * as React from 'react';
import type { CellPreviewData } from '../ScorePane/ScorePane.types';

/**
 * Browser mode's "select the cell": a read-only excerpt of the sheet with the cell outlined. Its own
 * chunk (browser mode only, shown once a cell is asked for), so it imports neither Fluent nor Griffel
 * nor the catalogue: its words come from the pane, its styles are inline on Fluent's CSS variables.
 * The excerpt scrolls sideways on a narrow pane, so it is a labelled region that takes focus (keyboard
 * users scroll it with the arrow keys); the row numbers stay in view while it scrolls.
 */

export interface CellPreviewGridProps {
  preview: CellPreviewData;
  /** "Ô Phụ lục 1!F80" */
  label: string;
  /** "Xem ô trong bảng: Ô Phụ lục 1!F80", the scrolling region's name. */
  regionLabel: string;
  /** Bumped each time the user asks for a cell (a flag's button): the excerpt then scrolls into view with that cell in it. */
  reveal?: number;
}

type Style = React.CSSProperties;
const BOX: Style = { scrollMarginTop: 'var(--spacingVerticalM)' };
const LABEL: Style = { margin: '0 0 var(--spacingVerticalXS)' };
const WRAP: Style = { overflowX: 'auto' };
const TABLE: Style = { borderCollapse: 'collapse', fontSize: 'var(--fontSizeBase200)' };
const HEAD: Style = { backgroundColor: 'var(--colorNeutralBackground3)', fontWeight: 'normal', padding: '2px 6px', border: '1px solid var(--colorNeutralStroke2)' };
const ROW_HEAD: Style = { ...HEAD, position: 'sticky', left: 0, zIndex: 1 };
const CELL: Style = { border: '1px solid var(--colorNeutralStroke2)', padding: '2px 6px', maxWidth: '180px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const SELECTED: Style = { ...CELL, outline: '2px solid var(--colorBrandStroke1)', backgroundColor: 'var(--colorBrandBackground2)' };

/**
 * Brings the excerpt to the top of the viewport (its label first) and its selected cell into the
 * excerpt's own horizontal scroll, right of the sticky row numbers.
 */
export function revealCell(wrap: HTMLElement): void {
  const cell = wrap.querySelector('[data-selected="true"]') as HTMLElement | null;
  if (cell) {
    const w = wrap.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const rowHead = cell.parentElement ? cell.parentElement.firstElementChild : null;
    const left = w.left + (rowHead ? rowHead.getBoundingClientRect().width : 0);
    const room = w.right - left;
    // Centred across what the row numbers leave when it fits, its left edge shown when it does not.
    wrap.scrollLeft += c.left - left - Math.max(0, (room - c.width) / 2);
  }
  const whole = wrap.parentElement || wrap;
  if (typeof whole.scrollIntoView === 'function') whole.scrollIntoView({ block: 'start' });
  if (cell && typeof cell.scrollIntoView === 'function') cell.scrollIntoView({ block: 'nearest' });
}

export function CellPreviewGrid({ preview, label, regionLabel, reveal }: CellPreviewGridProps): JSX.Element {
  const wrap = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (reveal && wrap.current) revealCell(wrap.current);
  }, [reveal, preview]);
  return (
    <section style={BOX} aria-labelledby="cchc-preview-label" data-testid="cell-preview">
      {/* Outside the sideways scroll, so the label stays readable whichever column is shown. */}
      <p id="cchc-preview-label" style={LABEL}>
        {label}
      </p>
      <div ref={wrap} role="region" aria-label={regionLabel} style={WRAP} tabIndex={0}>
        <table style={TABLE} aria-label={label}>
          <thead>
            <tr>
              <td style={ROW_HEAD} />
              {preview.columns.map((c) => (
                <th key={c.col} style={HEAD} scope="col">
                  {c.letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <th style={ROW_HEAD} scope="row">
                  {r.row}
                </th>
                {r.cells.map((text, i) => {
                  const isSelected = r.row === preview.row + 1 && preview.columns[i].col === preview.col;
                  return (
                    <td key={i} style={isSelected ? SELECTED : CELL} title={text} aria-current={isSelected ? 'true' : undefined} data-selected={isSelected ? 'true' : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
