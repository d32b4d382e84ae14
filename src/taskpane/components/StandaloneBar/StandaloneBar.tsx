import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export interface StandaloneBarProps {
  lang: Lang;
  busy: boolean;
  fileName: string;
  isSample: boolean;
  onOpen: (file: File) => void;
  onSample: () => void;
  onDownload: () => void;
}

/** Browser mode: which workbook is shown, open another .xlsx, go back to the sample, download the annotated copy. */
export function StandaloneBar(p: StandaloneBarProps): JSX.Element {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className={s.bar}>
      <Text>{paneText(p.isSample ? 'sampleLoaded' : 'fileLoaded', p.lang, { file: p.fileName })}</Text>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
        aria-label={paneText('openFileHint', p.lang)}
        data-testid="file-input"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files && e.target.files[0];
          if (file) p.onOpen(file);
          e.target.value = '';
        }}
      />
      <Button icon={<FolderOpenRegular />} disabled={p.busy} onClick={() => input.current && input.current.click()}>
        {paneText('openFile', p.lang)}
      </Button>
      {!p.isSample ? (
        <Button icon={<DocumentRegular />} disabled={p.busy} onClick={p.onSample}>
          {paneText('useSample', p.lang)}
        </Button>
      ) : null}
      <Button icon={<ArrowDownloadRegular />} disabled={p.busy} title={paneText('downloadHint', p.lang)} onClick={p.onDownload}>
        {paneText('download', p.lang)}
      </Button>
    </div>
  );
}
