import * as React from 'react';
import { Button, Label, makeStyles, Text, tokens } from '@fluentui/react-components';
import { paneText } from '../../../core/messages';
import { Lang } from '../../../core/number';
import { PLAIN_NUMBER_INPUT } from '../plainNumberInput.styles';
import { AssessmentYearState, parseAssessmentYear } from '../../model/paneController';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  year: { ...PLAIN_NUMBER_INPUT, width: '72px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AssessmentYearProps {
  lang: Lang;
  value: AssessmentYearState;
  /** Sets the year (null: back to the title's year); false when the controller refused it. */
  onSet: (year: number | null) => boolean;
}

const SOURCE_KEY = { titles: 'yearFromTitles', user: 'yearByUser', unknown: 'yearUnknown' } as const;

/**
 * "Năm đánh giá: [2023] (đọc từ tiêu đề)": the year the evidence dates are checked against. A valid
 * year applies as it is typed (only the grid already read is checked again); an invalid one, on
 * Enter or leaving the field, shows a short message and changes nothing.
 */
export function AssessmentYear({ lang, value, onSet }: AssessmentYearProps): JSX.Element {
  const s = useStyles();
  const shown = value.year === null ? '' : String(value.year);
  const [text, setText] = React.useState(shown);
  const [invalid, setInvalid] = React.useState(false);
  // Another file, or "back to the title's year": the field shows the year now in use.
  React.useEffect(() => {
    setText(shown);
    setInvalid(false);
  }, [shown, value.source]);

  const apply = (typed: string, commit: boolean) => {
    const year = parseAssessmentYear(typed);
    if (typeof year === 'number') {
      // The year already in use typed again changes nothing (the title's year stays "read from the title").
      setInvalid(year !== value.year ? !onSet(year) : false);
    } else if (commit) {
      setInvalid(!(typed === '' && shown === ''));
    }
  };

  return (
    <div>
      <div className={s.line}>
        <Label htmlFor="cchc-year" size="small" title={paneText('yearHint', lang)}>
          {paneText('yearLabel', lang)}
        </Label>
        <input
          id="cchc-year"
          className={s.year}
          type="number"
          min={2000}
          max={2100}
          step={1}
          inputMode="numeric"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'cchc-year-invalid' : 'cchc-year-source'}
          title={paneText('yearHint', lang)}
          onChange={(e) => {
            setText(e.target.value);
            apply(e.target.value, false);
          }}
          onBlur={(e) => apply(e.target.value, true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(e.currentTarget.value, true);
          }}
        />
        <Text size={200} className={s.muted} id="cchc-year-source" data-testid="year-source">
          {paneText(SOURCE_KEY[value.source], lang)}
        </Text>
        {value.source === 'user' ? (
          <Button size="small" appearance="subtle" onClick={() => onSet(null)}>
            {value.titleYear !== null ? paneText('yearBackToTitles', lang, { year: value.titleYear }) : paneText('yearClear', lang)}
          </Button>
        ) : null}
      </div>
      {invalid ? (
        <Text size={200} role="alert" id="cchc-year-invalid">
          {paneText('yearInvalid', lang)}
        </Text>
      ) : null}
    </div>
  );
}
