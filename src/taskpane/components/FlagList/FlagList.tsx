import * as React from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { FlagKind } from '../../../core/check';
import { FlagGroup } from '../../model/paneModel';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0 },
  groupHeading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular, height: 'auto', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, width: '100%' },
  cell: { fontVariantNumeric: 'tabular-nums', color: tokens.colorBrandForeground1, marginRight: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
});

const COLOR: { [severity: string]: 'danger' | 'warning' | 'informative' } = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FlagListProps {
  groups: FlagGroup[];
  lang: Lang;
  onSelect: (sheet: string, cell: string) => void;
  /** A button under a kind's heading that leads elsewhere in the pane (ambiguous-column → "Cách đọc bảng"). */
  groupActions?: { [kind in FlagKind]?: { label: string; onClick: () => void } };
}

/** Flags grouped by kind with counts; each flag is a button that selects its cell. */
export function FlagList({ groups, lang, onSelect, groupActions }: FlagListProps): JSX.Element {
  const s = useStyles();
  if (!groups.length) return <p>{paneText('noFlags', lang)}</p>;
  return (
    <div>
      {groups.map((g) => {
        const headingId = 'flag-group-' + g.kind;
        const action = groupActions ? groupActions[g.kind] : undefined;
        return (
          <section key={g.kind} className={s.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={s.groupHeading}>
              <span>{g.label}</span>
              <Badge appearance="filled" color={COLOR[g.severity]} aria-label={'(' + g.count + ')'}>
                {g.count}
              </Badge>
            </h3>
            {action ? (
              <div>
                <Button size="small" appearance="secondary" onClick={action.onClick} data-testid={'flag-action-' + g.kind}>
                  {action.label}
                </Button>
              </div>
            ) : null}
            <ul className={s.list}>
              {g.items.map((f) => (
                <li key={f.key}>
                  <Button
                    appearance="subtle"
                    className={s.item}
                    disabled={!f.cell}
                    title={f.cell ? paneText('flagGoTo', lang, { cell: f.cell, sheet: f.sheet }) : undefined}
                    onClick={() => f.cell && onSelect(f.sheet, f.cell)}
                  >
                    {f.cell ? <span className={s.cell}>{f.sheet + '!' + f.cell}</span> : null}
                    <span>{f.message}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
