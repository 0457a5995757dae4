/** One problem found in a run, located as precisely as known, with advice for the editor. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Path relative to the site root, with forward slashes. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Front-matter field or config key the problem is about. */
  readonly field?: string;
  readonly message: string;
  /** How to fix it, in plain words. */
  readonly hint?: string;
}

/** Makes an error diagnostic. */
export function error(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'error', message, ...where };
}

/** Makes a warning diagnostic. */
export function warning(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'warning', message, ...where };
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then line, so a report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '', 'en') || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** One diagnostic as `path:line: field: message`, then its hint on an indented line. */
export function formatDiagnostic(d: Diagnostic, paint: (kind: Diagnostic['severity'], s: string) => string): string {
  const place = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const field = d.field ? `${d.field}: ` : '';
  const head = `${place}${paint(d.severity, d.severity)}: ${field}${d.message}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}
