import * as React from 'react';
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start', padding: tokens.spacingHorizontalL, marginTop: '32px' },
});

export interface OfficeLoadingProps {
  lang: Lang;
  /** window.__cchcOfficeJs as taskpane.html records it. */
  officeJsState: () => 'loading' | 'loaded' | 'failed' | undefined;
  onRetry: () => void;
  /** After this long without Office, the explanation (slow or blocked network, what to do). */
  slowAfterMs?: number;
  /** The standalone page, named in the explanation. */
  standaloneUrl: string;
}

/**
 * Inside Office, until office.js has arrived: "Đang tải Office…" with "Thử lại"; once office.js has
 * failed, or after slowAfterMs, a plain explanation. Never the sample: the pane waits for Office.
 */
export function OfficeLoading({ lang, officeJsState, onRetry, slowAfterMs = 15000, standaloneUrl }: OfficeLoadingProps): JSX.Element {
  const s = useStyles();
  const [elapsed, setElapsed] = React.useState(0);
  const [state, setState] = React.useState(officeJsState());
  React.useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      setElapsed(Date.now() - started);
      setState(officeJsState());
    }, 500);
    return () => clearInterval(timer);
  }, [officeJsState]);
  const failed = state === 'failed';
  const slow = elapsed >= slowAfterMs;
  return (
    <div className={s.box} data-testid="office-loading">
      <Spinner size="small" label={paneText('officeLoading', lang)} />
      {failed || slow ? (
        <div role="alert">
          <Text block weight="semibold">
            {failed ? paneText('officeFailed', lang) : paneText('officeSlow', lang, { seconds: Math.round(slowAfterMs / 1000) })}
          </Text>
          <Text block>{paneText('officeHelp', lang, { url: standaloneUrl })}</Text>
        </div>
      ) : null}
      <Button onClick={onRetry}>{paneText('officeRetry', lang)}</Button>
    </div>
  );
}
