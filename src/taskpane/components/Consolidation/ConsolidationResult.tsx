import * as React from 'react';
import { Badge, Button, Label, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, TableAddRegular } from '@fluentui/react-icons';
import type { CommuneGroup } from '../../../core/consolidate';
import { paneText } from '../../../core/messages';
import { useConsolidationStyles } from './Consolidation.styles';
import { ConsolidationResultProps, GroupInputs } from './Consolidation.types';
import { parseThresholds, thresholdInputs } from './thresholds';
import { BarChart } from '../Charts/BarChart';

/** A file name that may wrap after its separators ("xa-dong-hoa.xlsx"), never inside a word. */
function breakable(name: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  name
    .replace(/([-_. ])/g, '$1\n')
    .split('\n')
    .forEach((part, i) => {
      if (i) out.push(<wbr key={i} />);
      out.push(part);
    });
  return out;
}

const GROUP_COLOR: { [g in CommuneGroup]: 'success' | 'brand' | 'warning' | 'danger' } = { A: 'success', B: 'brand', C: 'warning', D: 'danger' };

/** The ranking on screen, the files not used with their reason, the group thresholds, and download / write. */
export function ConsolidationResult({ view, lang, busy, canDownload, canWrite, onRegroup, onDownload, onWrite }: ConsolidationResultProps): JSX.Element {
  const s = useConsolidationStyles();
  const t = (k: Parameters<typeof paneText>[0], params?: { [name: string]: string | number }) => paneText(k, lang, params);
  const [inputs, setInputs] = React.useState<GroupInputs>(() => thresholdInputs(view.groups, lang));
  // A new result (other files, other thresholds) shows its own thresholds.
  React.useEffect(() => setInputs(thresholdInputs(view.groups, lang)), [view, lang]);
  const parsed = parseThresholds(inputs);
  const changed = !!parsed && (parsed.a !== view.groups.a || parsed.b !== view.groups.b || parsed.c !== view.groups.c);
  const apply = () => {
    if (parsed && changed && !busy) onRegroup(parsed);
  };

  return (
    <>
      {view.rows.length ? (
        <div className={s.bar}>
          {canDownload ? (
            <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={busy} title={t('consolidateDownloadHint')} onClick={onDownload}>
              {t('consolidateDownload')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button appearance="primary" icon={<TableAddRegular />} disabled={busy} title={t('consolidateWriteHint')} onClick={onWrite}>
              {t('consolidateWrite')}
            </Button>
          ) : null}
        </div>
      ) : (
        <Text>{t('consolidateNone')}</Text>
      )}

      {view.rows.length ? (
        // Commune and group stay in place (sticky) while the figures scroll sideways on a narrow pane; the
        // scrolling region is labelled and takes focus, so a keyboard can scroll it too.
        <div className={s.tableWrap} role="region" aria-label={t('rankingScroll')} tabIndex={0} data-testid="ranking-scroll">
          <table className={s.table} aria-label={view.caption} data-testid="ranking-table">
            <caption className={s.caption}>{view.caption}</caption>
            <thead>
              <tr>
                <th className={`${s.th} ${s.num} ${s.stickyRank}`} scope="col">
                  {view.headers.rank}
                </th>
                <th className={`${s.th} ${s.stickyCommune}`} scope="col">
                  {t('colCommune')}
                </th>
                <th className={`${s.th} ${s.stickyGroup}`} scope="col">
                  {view.headers.group}
                </th>
                <th className={`${s.th} ${s.num}`} scope="col">
                  {view.headers.self}
                </th>
                <th className={`${s.th} ${s.num}`} scope="col" title={view.headers.selfPercent}>
                  {t('percent')}
                </th>
                <th className={`${s.th} ${s.num}`} scope="col">
                  {view.headers.appraised}
                </th>
                <th className={`${s.th} ${s.num}`} scope="col" title={view.headers.appraisedPercent}>
                  {t('percent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.key} data-testid="ranking-row">
                  <td className={`${s.td} ${s.num} ${s.stickyRank}`}>{r.rank}</td>
                  <th className={`${s.td} ${s.stickyCommune}`} scope="row" style={{ fontWeight: 'normal', textAlign: 'left' }}>
                    {r.commune}
                    <span className={s.file}>{breakable(r.fileName)}</span>
                  </th>
                  <td className={`${s.td} ${s.stickyGroup}`}>
                    <Badge appearance="tint" color={GROUP_COLOR[r.group]} className={s.badge}>
                      {r.groupLabel}
                    </Badge>
                  </td>
                  <td className={`${s.td} ${s.num}`} title={r.selfOfMax}>
                    {r.self}
                  </td>
                  <td className={`${s.td} ${s.num}`}>{r.selfPercent}</td>
                  <td className={`${s.td} ${s.num}`}>{r.appraised}</td>
                  <td className={`${s.td} ${s.num}`}>{r.appraisedPercent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {view.rows.length ? (
        <figure style={{ margin: 0 }}>
          <BarChart layout="stacked" label={view.chart.label} thresholds={view.groups} testId="ranking-chart" bars={view.chart.bars} />
          <figcaption className={s.muted} style={{ fontSize: '12px' }}>
            {t('chartThresholds', { a: view.chart.thresholds.a, b: view.chart.thresholds.b, c: view.chart.thresholds.c })}
          </figcaption>
        </figure>
      ) : null}

      {view.rows.length ? (
        <fieldset className={s.groups}>
          <legend className={s.legend}>{t('groupsLegend')}</legend>
          {(['a', 'b', 'c'] as Array<keyof GroupInputs>).map((key) => {
            const id = 'cchc-group-' + key;
            return (
              <React.Fragment key={key}>
                <Label htmlFor={id} size="small">
                  {t('groupFrom', { group: key.toUpperCase() })}
                </Label>
                {/* A plain input in Fluent's look: Fluent's Input would add ~13 kB to the pane's first load. */}
                <span className={s.thresholdBox}>
                  <input
                    id={id}
                    className={s.threshold}
                    type="text"
                    inputMode="decimal"
                    value={inputs[key]}
                    aria-invalid={!parsed}
                    onChange={(e) => {
                      const value = e.target.value;
                      setInputs((x) => ({ ...x, [key]: value }));
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') apply();
                    }}
                  />
                  %
                </span>
              </React.Fragment>
            );
          })}
          <Text size={200} className={s.muted}>
            {t('groupsRest')}
          </Text>
          <Button size="small" disabled={!changed || busy} onClick={apply}>
            {t('groupsApply')}
          </Button>
          {!parsed ? (
            <Text size={200} role="alert">
              {t('groupsInvalid')}
            </Text>
          ) : null}
        </fieldset>
      ) : null}

      {view.failed.length ? (
        <div role="region" aria-labelledby="cchc-consolidate-failed">
          <Text weight="semibold" id="cchc-consolidate-failed">
            {t('consolidateFailed', { count: view.failed.length })}
          </Text>
          <ul className={s.failed} data-testid="failed-files">
            {view.failed.map((f) => (
              <li key={f.key}>
                <Text weight="semibold">{f.fileName}</Text>: <Text>{f.reason}</Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
