import * as React from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
  toggle: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, cursor: 'pointer' },
  check: { width: '16px', height: '16px', margin: 0, accentColor: tokens.colorBrandBackground, cursor: 'pointer' },
});

export interface AppraiserModeProps {
  lang: Lang;
  on: boolean;
  busy: boolean;
  onToggle: (on: boolean) => void;
  onFill: () => void;
}

/** "Chế độ thẩm định": a switch (a checkbox in the switch role), and while on the fill button (empty appraised cells only; revert undoes it). */
export function AppraiserMode({ lang, on, busy, onToggle, onFill }: AppraiserModeProps): JSX.Element {
  const s = useStyles();
  const t = (k: Parameters<typeof paneText>[0]) => paneText(k, lang);
  return (
    <div className={s.box}>
      {/* A native checkbox with the switch role: the pane's only switch, and Fluent's Switch would cost the first load ~1.5 kB gz. */}
      <label className={s.toggle}>
        <input type="checkbox" role="switch" className={s.check} checked={on} aria-checked={on} onChange={(e) => onToggle(e.target.checked)} />
        {t('appraiserMode')}
      </label>
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
