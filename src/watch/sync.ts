import type { ResolvedConfig } from '../config/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { SiteModel } from '../model/index.js';
import type { Article } from '../source/types.js';
import { planGeneratedFiles } from '../write/outputs.js';
import type { StaticFile } from '../write/static-files.js';
import type { Writer } from '../write/writer.js';
import type { RouteIndex } from './route-inputs.js';

/** Where a rebuild writes: in place, counting the files whose bytes changed (DirectWriter in dev; a warm build buffers until commit). */
export type OutputWriter = Writer & { readonly written: number; remove(outputPath: string): Promise<void> };

/** What a session knows after a build: enough to resume from the build cache in another process. */
export interface SessionState {
  /** Every valid article read, published or not. */
  readonly articles: readonly Article[];
  readonly model: SiteModel;
  readonly statics: readonly StaticFile[];
  readonly generatedPaths: readonly string[];
  /** Output path → content hash of every file in the output. */
  readonly hashes: Map<string, string>;
  /** Content path → site paths of the local photos each article shows. */
  readonly photos: ReadonlyMap<string, readonly string[]>;
}

/** Rewrites feeds and sitemaps (only files whose bytes changed reach the disk), deletes those gone; returns the paths written. */
export async function syncGenerated(
  site: SiteModel,
  config: ResolvedConfig,
  before: readonly string[],
  index: RouteIndex,
  staticOutputs: ReadonlySet<string>,
  writer: OutputWriter,
): Promise<{ diagnostics: Diagnostic[]; removed: number; paths: string[] }> {
  const { files, diagnostics } = await planGeneratedFiles(site, config, staticOutputs);
  for (const file of files) await writer.write(file.outputPath, file.content());
  const next = new Set(files.map((f) => f.outputPath));
  const gone = before.filter((p) => !next.has(p) && !index.routes.has(p) && !staticOutputs.has(p));
  for (const outputPath of gone) await writer.remove(outputPath);
  return { diagnostics, removed: gone.length, paths: [...next] };
}

/** Copies new and changed static files, deletes those gone (unless a page now has the path); returns how many went. */
export async function syncStatics(current: readonly StaticFile[], next: readonly StaticFile[], changedSources: ReadonlySet<string>, writer: OutputWriter, index: RouteIndex): Promise<number> {
  const before = new Map(current.map((f) => [f.outputPath, f.sourcePath]));
  for (const file of next) {
    if (before.get(file.outputPath) !== file.sourcePath || changedSources.has(file.sourcePath)) await writer.copy(file.sourcePath, file.outputPath);
  }
  const nextOutputs = new Set(next.map((f) => f.outputPath));
  const gone = [...before.keys()].filter((p) => !nextOutputs.has(p) && !index.routes.has(p));
  for (const outputPath of gone) await writer.remove(outputPath);
  return gone.length;
}

/** Commits a rebuild's writes when it collected no error, else throws them away (a no-op for DirectWriter); returns whether it was ok. */
export async function settle(writer: OutputWriter, diagnostics: readonly Diagnostic[]): Promise<boolean> {
  const ok = !hasErrors(diagnostics);
  await (ok ? writer.commit() : writer.abort());
  return ok;
}
