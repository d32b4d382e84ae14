import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { CellPreviewData } from '../ScorePane/ScorePane.types';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', maxWidth: '180px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** Browser mode's "select the cell": a read-only excerpt of the sheet with the cell outlined. */
export function CellPreviewGrid({ preview, lang }: { preview: CellPreviewData; lang: Lang }): JSX.Element {
  const s = useStyles();
  const label = paneText('selectedCell', lang, { sheet: preview.sheet, cell: preview.address });
  return (
    <section aria-label={paneText('previewHeading', lang)} className={s.wrap}>
      <table className={s.table} aria-label={label}>
        <caption style={{ textAlign: 'left' }}>{label}</caption>
        <thead>
          <tr>
            <th className={s.head} />
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
