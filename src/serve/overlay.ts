import { escapeHtml } from '../html.js';
/** One build problem shown in the dev overlay; a Diagnostic fits as it is. */
export interface OverlayProblem {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
  readonly hint?: string;
}

const BOX_STYLE = [
  'position:fixed',
  'top:0',
  'left:0',
  'right:0',
  'z-index:2147483647',
  'max-height:70vh',
  'overflow:auto',
  'box-sizing:border-box',
  'margin:0',
  'padding:16px 48px 16px 20px',
  'background:#fff5f5',
  'color:#1b1b1b',
  'border:3px solid #d32f2f',
  'box-shadow:0 4px 18px rgba(0,0,0,.3)',
  'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
  'text-align:left',
].join(';');

const CLOSE_STYLE =
  'position:absolute;top:8px;right:10px;border:0;background:none;color:#d32f2f;font:bold 22px/1 sans-serif;cursor:pointer';
const HEADING_STYLE = 'margin:0 0 10px;font:bold 17px/1.4 "Noto Sans",Arial,sans-serif;color:#b71c1c';
const LIST_STYLE = 'margin:0;padding:0;list-style:none';
const ITEM_STYLE = 'margin:0 0 10px;white-space:pre-wrap;word-break:break-word';
const HINT_STYLE = 'display:block;padding-left:2em;color:#555';

/** A problem's location and message as `file:line: field: message`, parts that are unknown left out. */
export function formatProblem(problem: OverlayProblem): string {
  const line = problem.line !== undefined ? `:${problem.line}` : '';
  const place = problem.file ? `${problem.file}${line}: ` : '';
  const field = problem.field ? `${problem.field}: ` : '';
  return `${place}${field}${problem.message}`;
}

function renderProblem(problem: OverlayProblem): string {
  const hint = problem.hint ? `<span style="${HINT_STYLE}">Gợi ý: ${escapeHtml(problem.hint)}</span>` : '';
  return `<li style="${ITEM_STYLE}">${escapeHtml(formatProblem(problem))}${hint}</li>`;
}

/** The fixed error box the dev server puts at the top of every page while the last build failed. */
export function renderOverlay(problems: readonly OverlayProblem[]): string {
  const close =
    `<button type="button" aria-label="Đóng" title="Đóng" style="${CLOSE_STYLE}" ` +
    `onclick="this.parentNode.style.display='none'">×</button>`;
  const heading = `<p style="${HEADING_STYLE}">Lỗi khi dựng trang</p>`;
  const items = problems.map(renderProblem).join('');
  return `<div id="bantin-overlay" role="alert" style="${BOX_STYLE}">${close}${heading}<ul style="${LIST_STYLE}">${items}</ul></div>`;
}
