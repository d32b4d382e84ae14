import { Lang } from '../core/number';
import { WorkbookHost } from '../core/host';
import { CommandSession, failure, Outcome, recalculateOutcome } from '../app/outcome';

export type { CommandSession, Outcome };
export { failure };

/**
 * The ribbon's "Tính lại điểm": the recalculation every button shares (src/app/recalculate.ts), with
 * the one difference the ribbon needs: it has no pane to speak through, so the outcome sentence is also
 * the summary sheet's last row (same write, no extra sync). Highlights on: the ribbon has no switch.
 * The tables are read with the user's stored choice of columns (document settings: no sync).
 */
export function recalculateWith(host: WorkbookHost, lang: Lang, session?: CommandSession): Promise<Outcome> {
  return recalculateOutcome(host, lang, { statusRow: true, session: session });
}
