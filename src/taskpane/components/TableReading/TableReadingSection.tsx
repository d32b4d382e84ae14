import * as React from 'react';
import { Badge, Button, Caption1, Label, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowResetRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { WorkbookAnalysis } from '../../../core/analyse';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import type { ColumnChoices, ColumnRole } from '../../../core/recognise';
import type { ColumnPick } from '../../model/columnChoices';
import type { ReadingKit } from './TableReadingBody';

// The pickers, their view and their words load when the section first opens (their own chunk); the
// Fluent parts they show come from here (see ReadingKit).
const TableReadingBody = React.lazy(() => import(/* webpackChunkName: "table-reading" */ './TableReadingBody').then((m) => ({ default: m.TableReadingBody })));
const KIT: ReadingKit = { Badge, Button, Caption1, Label, resetIcon: <ArrowResetRegular /> };

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: `1px solid transparent`,
  },
  unsure: { border: `1px solid ${tokens.colorPaletteYellowBorder2}`, backgroundColor: tokens.colorPaletteYellowBackground1 },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  toggle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, paddingLeft: 0, minWidth: 0 },
});

export interface TableReadingSectionProps {
  analysis: WorkbookAnalysis | null;
  choices: ColumnChoices | null;
  /** The store of the choice failed (said once). */
  warning: string | null;
  lang: Lang;
  busy: boolean;
  /** Excel: the choice is kept in the workbook; browser: for the open file. */
  kind: 'excel' | 'browser';
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (sheet: string, role: ColumnRole, pick: ColumnPick) => void;
  onReset: (sheet: string) => void;
  onDismissWarning: () => void;
}

export function unsureColumnCount(analysis: WorkbookAnalysis | null): number {
  if (!analysis) return 0;
  let n = 0;
  for (const f of analysis.flags) if (f.kind === 'ambiguous-column') n++;
  return n;
}

/**
 * "Cách đọc bảng": collapsed by default; it opens by itself, marked, when the analysis holds an
 * ambiguous-column flag (a column the tool could not be sure of), so the user sees where to choose.
 */
export const TableReadingSection = React.forwardRef<HTMLElement, TableReadingSectionProps>(function TableReadingSection(props, ref) {
  const s = useStyles();
  const { analysis, lang, open, onOpenChange } = props;
  const unsure = unsureColumnCount(analysis);
  // Opens when an ambiguity appears (first analysis, another file, an edit); the user may close it again.
  const hadUnsure = React.useRef(false);
  React.useEffect(() => {
    if (unsure > 0 && !hadUnsure.current) onOpenChange(true);
    hadUnsure.current = unsure > 0;
  }, [unsure, onOpenChange]);

  // Shown also when a choice left no table to read, so "Đặt lại" stays at hand.
  if (!analysis || (!analysis.sheets.length && !props.choices)) return null;
  const chosen = props.choices !== null;
  return (
    <section
      ref={ref}
      className={unsure ? s.section + ' ' + s.unsure : s.section}
      aria-labelledby="cchc-reading"
      data-testid="reading-section"
      data-unsure={unsure > 0 ? 'true' : 'false'}
      tabIndex={-1}
    >
      <h2 className={s.heading}>
        <Button
          id="cchc-reading"
          appearance="transparent"
          className={s.toggle}
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls="cchc-reading-body"
          onClick={() => onOpenChange(!open)}
        >
          {paneText('readingHeading', lang)}
        </Button>
        {unsure ? (
          <Badge appearance="filled" color="warning" data-testid="reading-unsure">
            {paneText('readingUnsure', lang, { count: unsure })}
          </Badge>
        ) : null}
        {chosen ? (
          <Badge appearance="outline" color="informative">
            {paneText('readingChosen', lang)}
          </Badge>
        ) : null}
      </h2>
      {props.warning ? (
        <MessageBar intent="warning" data-testid="reading-warning">
          <MessageBarBody>{props.warning}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={props.onDismissWarning}>
              {paneText('dismiss', lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {open ? (
        <div id="cchc-reading-body">
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <TableReadingBody analysis={analysis} choices={props.choices} lang={lang} busy={props.busy} kind={props.kind} kit={KIT} onPick={props.onPick} onReset={props.onReset} />
          </React.Suspense>
        </div>
      ) : null}
    </section>
  );
});
