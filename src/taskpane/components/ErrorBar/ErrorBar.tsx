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

/**
 * Failures as an error MessageBar in plain words from the catalogue (src/app/errors.ts describeError);
 * the host's or library's own text, in English as it comes, only inside a "Chi tiết kỹ thuật" disclosure,
 * collapsed by default (a native details element: keyboard and screen readers know it, no script).
 * Successes as a quiet one.
 */
export function ErrorBar({ error, notice, lang, onDismiss }: ErrorBarProps): JSX.Element | null {
  if (error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{paneText('errorTitle', lang)}</MessageBarTitle>
          {error.text}
          {error.detail ? (
            <details style={{ fontSize: '12px' }} data-testid="error-details">
              <summary style={{ cursor: 'pointer' }}>{paneText('technicalDetails', lang)}</summary>
              <code lang="en" style={{ overflowWrap: 'anywhere' }}>
                {error.detail}
              </code>
            </details>
          ) : null}
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
