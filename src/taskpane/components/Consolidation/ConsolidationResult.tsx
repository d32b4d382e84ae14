import * as React from 'react';
import type { CommuneGroup } from '../../../core/consolidate';
import { paneText } from '../../../core/messages';
import { ConsolidationResultProps, GroupInputs } from './Consolidation.types';
import { parseThresholds, thresholdInputs } from './thresholds';

/**
 * The consolidation's result, in the consolidation's own chunk (loaded with its engine once files are
 * chosen). Like "Cách đọc bảng", it imports no Fluent part and no Griffel style: those come in the kit
 * from the section (ConsolidationKit), and its styles are inline, on Fluent's CSS variables. A module
 * imported by both chunks would lose its scope hoisting in the pane's first load (measured: 4 KB gz more
 * than keeping this whole component in the first load).
 */

type Style = React.CSSProperties;
const BAR: Style = { display: 'flex', flexWrap: 'wrap', gap: 'var(--spacingHorizontalS)', alignItems: 'center' };
const MUTED: Style = { color: 'var(--colorNeutralForeground3)' };
const TABLE_WRAP: Style = { overflowX: 'auto' };
const TABLE: Style = { width: '100%', borderCollapse: 'collapse', fontSize: 'var(--fontSizeBase200)' };
const CAPTION: Style = { margin: 0, fontWeight: 'var(--fontWeightSemibold)' as Style['fontWeight'], fontSize: 'var(--fontSizeBase300)', padding: 'var(--spacingVerticalXS) 0' };
const TH: Style = { textAlign: 'left', fontWeight: 'var(--fontWeightSemibold)' as Style['fontWeight'], borderBottom: '1px solid var(--colorNeutralStroke1)', padding: 'var(--spacingVerticalXS)' };
const TD: Style = { borderBottom: '1px solid var(--colorNeutralStroke2)', padding: 'var(--spacingVerticalXS)', verticalAlign: 'top' };
const NUM: Style = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' };
// Rank, commune and group stay at the left while the figures scroll (a 320 px pane shows those three and
// one figure); widths in em so the offsets follow the font.
const STICKY: Style = { position: 'sticky', zIndex: 1, backgroundColor: 'var(--colorNeutralBackground1)', boxSizing: 'border-box' };
const STICKY_RANK: Style = { ...STICKY, left: 0, width: '3.75em', minWidth: '3.75em', maxWidth: '3.75em', whiteSpace: 'normal' };
const STICKY_COMMUNE: Style = { ...STICKY, left: '3.75em', width: '7.5em', minWidth: '7.5em', maxWidth: '7.5em', fontWeight: 'normal', textAlign: 'left' };
const STICKY_GROUP: Style = { ...STICKY, left: '11.25em', width: '4.75em', minWidth: '4.75em', maxWidth: '4.75em', boxShadow: 'inset -1px 0 0 var(--colorNeutralStroke1)' };
const BADGE: Style = { whiteSpace: 'normal', height: 'auto', textAlign: 'center' };
// Wraps only at the <wbr> after its separators (xa-dong-hoa.xlsx), never inside a word.
const FILE: Style = { display: 'block', color: 'var(--colorNeutralForeground3)', fontSize: 'var(--fontSizeBase100)' };
const GROUPS: Style = { ...BAR, border: 'none', padding: 0, margin: 0, fontSize: 'var(--fontSizeBase200)' };
const LEGEND: Style = { padding: 0, marginBottom: 'var(--spacingVerticalXS)', fontSize: 'var(--fontSizeBase200)', color: 'var(--colorNeutralForeground2)' };
const THRESHOLD_BOX: Style = { display: 'inline-flex', alignItems: 'center', gap: 'var(--spacingHorizontalXXS)' };
const FAILED: Style = { margin: 0, paddingLeft: 'var(--spacingHorizontalL)', display: 'flex', flexDirection: 'column', gap: 'var(--spacingVerticalXS)' };

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
export function ConsolidationResult({ view, lang, busy, canDownload, canWrite, onRegroup, onDownload, onWrite, kit }: ConsolidationResultProps): JSX.Element {
  const { Badge, Button, Label, Text, BarChart } = kit;
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
        <div style={BAR}>
          {canDownload ? (
            <Button appearance="primary" icon={kit.downloadIcon} disabled={busy} title={t('consolidateDownloadHint')} onClick={onDownload}>
              {t('consolidateDownload')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button appearance="primary" icon={kit.writeIcon} disabled={busy} title={t('consolidateWriteHint')} onClick={onWrite}>
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
        <>
          {/* Outside the sideways scroll, so it stays readable whichever columns are shown. */}
          <p style={CAPTION}>{view.caption}</p>
          <div style={TABLE_WRAP} role="region" aria-label={t('rankingScroll')} tabIndex={0} data-testid="ranking-scroll">
            <table style={TABLE} aria-label={view.caption} data-testid="ranking-table">
              <thead>
                <tr>
                  <th style={{ ...TH, ...NUM, ...STICKY_RANK }} scope="col">
                    {view.headers.rank}
                  </th>
                  <th style={{ ...TH, ...STICKY_COMMUNE, fontWeight: TH.fontWeight }} scope="col">
                    {t('colCommune')}
                  </th>
                  <th style={{ ...TH, ...STICKY_GROUP }} scope="col">
                    {view.headers.group}
                  </th>
                  <th style={{ ...TH, ...NUM }} scope="col">
                    {view.headers.self}
                  </th>
                  <th style={{ ...TH, ...NUM }} scope="col" title={view.headers.selfPercent}>
                    {t('percent')}
                  </th>
                  <th style={{ ...TH, ...NUM }} scope="col">
                    {view.headers.appraised}
                  </th>
                  <th style={{ ...TH, ...NUM }} scope="col" title={view.headers.appraisedPercent}>
                    {t('percent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.key} data-testid="ranking-row">
                    <td style={{ ...TD, ...NUM, ...STICKY_RANK }}>{r.rank}</td>
                    <th style={{ ...TD, ...STICKY_COMMUNE }} scope="row">
                      {r.commune}
                      <span style={FILE}>{breakable(r.fileName)}</span>
                    </th>
                    <td style={{ ...TD, ...STICKY_GROUP }}>
                      <Badge appearance="tint" color={GROUP_COLOR[r.group]} style={BADGE}>
                        {r.groupLabel}
                      </Badge>
                    </td>
                    <td style={{ ...TD, ...NUM }} title={r.selfOfMax}>
                      {r.self}
                    </td>
                    <td style={{ ...TD, ...NUM }}>{r.selfPercent}</td>
                    <td style={{ ...TD, ...NUM }}>{r.appraised}</td>
                    <td style={{ ...TD, ...NUM }}>{r.appraisedPercent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {view.rows.length ? (
        <figure style={{ margin: 0 }}>
          <BarChart layout="stacked" label={view.chart.label} thresholds={view.groups} testId="ranking-chart" bars={view.chart.bars} />
          <figcaption style={{ ...MUTED, fontSize: '12px' }}>{t('chartThresholds', { a: view.chart.thresholds.a, b: view.chart.thresholds.b, c: view.chart.thresholds.c })}</figcaption>
        </figure>
      ) : null}

      {view.rows.length ? (
        <fieldset style={GROUPS}>
          <legend style={LEGEND}>{t('groupsLegend')}</legend>
          {(['a', 'b', 'c'] as Array<keyof GroupInputs>).map((key) => {
            const id = 'cchc-group-' + key;
            return (
              <React.Fragment key={key}>
                <Label htmlFor={id} size="small">
                  {t('groupFrom', { group: key.toUpperCase() })}
                </Label>
                {/* A plain input in Fluent's look: Fluent's Input would add ~13 kB to the pane's first load. */}
                <span style={THRESHOLD_BOX}>
                  <input
                    id={id}
                    className={kit.thresholdClass}
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
          <Text size={200} style={MUTED}>
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
          <ul style={FAILED} data-testid="failed-files">
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
