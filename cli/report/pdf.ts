/** Report → PDF: the self-contained HTML printed on A4 by headless Chromium (which also draws the roadmap). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ReportDocument } from '../../strategy/report/index';
import { reportToHtml } from './html';

const PAGE_LABEL = { de: ['Seite', 'von'], en: ['Page', 'of'] } as const;

/** Chromium's footer template; the title is user text and goes in as a text node. */
function footer(doc: ReportDocument): string {
  const [page, of] = PAGE_LABEL[doc.lang];
  return toHtml(
    h('div', { style: 'width:100%;font-size:8px;color:#57606a;padding:0 14mm;display:flex;justify-content:space-between;font-family:system-ui,sans-serif' }, [
      h('span', doc.title),
      h('span', [`${page} `, h('span', { className: ['pageNumber'] }), ` ${of} `, h('span', { className: ['totalPages'] })]),
    ]),
  );
}

export async function reportToPdf(doc: ReportDocument, generator?: string): Promise<Uint8Array> {
  const { printToPdf } = await import('../render/browser');
  const html = reportToHtml(doc, { diagrams: { kind: 'source' }, generator });
  const dir = mkdtempSync(join(tmpdir(), 'strategy-report-'));
  try {
    const file = join(dir, 'report.pdf');
    await printToPdf(html, file, {
      format: 'A4',
      landscape: doc.landscape,
      mermaid: doc.diagrams.length > 0,
      margin: { top: '16mm', right: '14mm', bottom: '18mm', left: '14mm' },
      headerTemplate: '<span></span>',
      footerTemplate: footer(doc),
    });
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
