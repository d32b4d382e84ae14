import { Lang } from '../core/number';
import type { ReportDocument } from '../core/report';
import { WorkbookAnalysis } from '../core/result';

/**
 * "Báo cáo (.docx)": the self-assessment report handed to the user as a Word file where the page can
 * save files; where it cannot, or the Word file cannot be made or saved, its text goes to the
 * clipboard instead, so the user always leaves with the report. ES5-safe. The builder and the Word
 * renderer are passed in (the pane loads them in their own chunks).
 */

export interface ReportBuilder {
  buildSelfAssessmentReport(analysis: WorkbookAnalysis, lang: Lang): ReportDocument;
  reportDocumentText(doc: ReportDocument): string;
}

export interface ReportDeliveryIo {
  /** Hands a file to the user; null where this page cannot save files. */
  save: ((fileName: string, bytes: Uint8Array) => void) | null;
  renderDocx: (doc: ReportDocument) => Promise<Uint8Array>;
  /** Puts text on the clipboard. */
  copy: (text: string) => Promise<void>;
}

export type ReportDelivery = { kind: 'saved'; fileName: string } | { kind: 'copied' } | { kind: 'copy-failed' };

function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (e) {
    return Promise.reject(e);
  }
}

export function deliverReport(analysis: WorkbookAnalysis, lang: Lang, builder: ReportBuilder, io: ReportDeliveryIo): Promise<ReportDelivery> {
  const doc = builder.buildSelfAssessmentReport(analysis, lang);
  const copyText = function (): Promise<ReportDelivery> {
    return attempt(function () {
      return io.copy(builder.reportDocumentText(doc));
    }).then(
      function (): ReportDelivery {
        return { kind: 'copied' };
      },
      function (): ReportDelivery {
        return { kind: 'copy-failed' };
      },
    );
  };
  // No file here: the copy is asked for at once, still within the user's click.
  const save = io.save;
  if (!save) return copyText();
  return attempt(function () {
    return io.renderDocx(doc);
  })
    .then(function (bytes): ReportDelivery {
      save(doc.fileName, bytes);
      return { kind: 'saved', fileName: doc.fileName };
    })
    .then(undefined, copyText);
}
