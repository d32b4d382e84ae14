import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { PaneMessage } from '../../model/paneController';

export interface ErrorBarProps {
  error: PaneMessage | null;
  notice: string | null;
  lang: Lang;
  onDismiss: () => void;
}

/** Failures as an error MessageBar in plain words (host text only as details); successes as a quiet one. */
export function ErrorBar({ error, notice, lang, onDismiss }: ErrorBarProps): JSX.Element | null {
  if (error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{paneText('errorTitle', lang)}</MessageBarTitle>
          {error.text}
          {error.detail ? <div style={{ opacity: 0.75, fontSize: '12px' }}>{paneText('details', lang, { detail: error.detail })}</div> : null}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="transparent" onClick={onDismiss}>
            {paneText('dismiss', lang)}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (notice) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{notice}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
