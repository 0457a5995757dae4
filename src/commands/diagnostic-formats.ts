import type { Diagnostic } from '../diagnostics.js';

/** How `bantin check` prints problems. */
export type DiagnosticFormat = 'text' | 'json' | 'github';

/** One JSON object per problem, one per line. */
export function toJsonLine(d: Diagnostic): string {
  return JSON.stringify({ severity: d.severity, file: d.file ?? null, line: d.line ?? null, column: d.column ?? null, field: d.field ?? null, message: d.message, hint: d.hint ?? null });
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * A GitHub Actions workflow command, `::error file=…,line=…,title=…::message`, so the problem is
 * annotated on the line of the pull request that caused it.
 */
export function toGithubAnnotation(d: Diagnostic): string {
  const properties = [
    d.file !== undefined ? `file=${escapeProperty(d.file)}` : '',
    d.line !== undefined ? `line=${d.line}` : '',
    d.column !== undefined ? `col=${d.column}` : '',
    `title=${escapeProperty(d.field ? `bantin: ${d.field}` : 'bantin')}`,
  ].filter(Boolean);
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${d.severity} ${properties.join(',')}::${escapeData(message)}`;
}
