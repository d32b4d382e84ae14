import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { CellPreviewData } from '../ScorePane/ScorePane.types';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', scrollMarginTop: tokens.spacingVerticalM, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', maxWidth: '180px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

export interface CellPreviewGridProps {
  preview: CellPreviewData;
  lang: Lang;
  /** Bumped each time the user asks for a cell (a flag's button): the excerpt then scrolls into view with that cell in it. */
  reveal?: number;
}

/** Brings the excerpt into the viewport and its selected cell into the excerpt's own horizontal scroll. */
export function revealCell(wrap: HTMLElement): void {
  const cell = wrap.querySelector('[data-selected="true"]') as HTMLElement | null;
  if (cell) {
    const w = wrap.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    // Centred across when it fits, its left edge shown when it does not.
    wrap.scrollLeft += c.left - w.left - Math.max(0, (w.width - c.width) / 2);
  }
  if (typeof wrap.scrollIntoView === 'function') wrap.scrollIntoView({ block: 'nearest' });
  if (cell && typeof cell.scrollIntoView === 'function') cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * Browser mode's "select the cell": a read-only excerpt of the sheet with the cell outlined. The
 * excerpt scrolls sideways on a narrow pane, so it is a labelled region that takes focus (keyboard users
 * scroll it with the arrow keys).
 */
export function CellPreviewGrid({ preview, lang, reveal }: CellPreviewGridProps): JSX.Element {
  const s = useStyles();
  const label = paneText('selectedCell', lang, { sheet: preview.sheet, cell: preview.address });
  const wrap = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    if (reveal && wrap.current) revealCell(wrap.current);
  }, [reveal, preview]);
  return (
    <section ref={wrap} aria-label={paneText('previewHeading', lang) + ': ' + label} className={s.wrap} tabIndex={0} data-testid="cell-preview">
      <table className={s.table} aria-label={label}>
        <caption style={{ textAlign: 'left' }}>{label}</caption>
        <thead>
          <tr>
            <td className={s.head} />
            {preview.columns.map((c) => (
              <th key={c.col} className={s.head} scope="col">
                {c.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row}>
              <th className={s.head} scope="row">
                {r.row}
              </th>
              {r.cells.map((text, i) => {
                const isSelected = r.row === preview.row + 1 && preview.columns[i].col === preview.col;
                return (
                  <td key={i} className={isSelected ? `${s.cell} ${s.selected}` : s.cell} title={text} aria-current={isSelected ? 'true' : undefined} data-selected={isSelected ? 'true' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
