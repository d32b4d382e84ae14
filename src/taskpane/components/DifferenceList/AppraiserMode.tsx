import * as React from 'react';
import { Button, Caption1, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AppraiserModeProps {
  lang: Lang;
  on: boolean;
  busy: boolean;
  onToggle: (on: boolean) => void;
  onFill: () => void;
}

/** "Chế độ thẩm định": a switch, and while on the fill button (empty appraised cells only; revert undoes it). */
export function AppraiserMode({ lang, on, busy, onToggle, onFill }: AppraiserModeProps): JSX.Element {
  const s = useStyles();
  const t = (k: Parameters<typeof paneText>[0]) => paneText(k, lang);
  return (
    <div className={s.box}>
      <Switch label={t('appraiserMode')} checked={on} onChange={(_, d) => onToggle(d.checked)} />
      {on ? (
        <>
          <Caption1 className={s.muted}>{t('appraiserModeHint')}</Caption1>
          <Button icon={<EditRegular />} disabled={busy} title={t('fillAppraisedHint')} onClick={onFill}>
            {t('fillAppraised')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
