import { packBytes, replyMoving } from '../packed.js';
import { bodyBytes, withoutBody } from './article.js';
import { readAndParse } from './index.js';
import type { ParseTask, ParsedChunk } from './threads.js';

/** Real paths of content folders, kept between tasks. */
const realContentDirs = new Map<string, Promise<string>>();

/** A parse thread's task: read and parse a chunk of files; bodies go back as one moved buffer. */
export default async function parseChunk(task: ParseTask): Promise<unknown> {
  const outcomes = await readAndParse(task.files, task.timeZone, realContentDirs, task.withHashes);
  const bodies = packBytes(outcomes.flatMap((outcome) => (outcome.article ? [bodyBytes(outcome.article)] : [])));
  const chunk: ParsedChunk = {
    outcomes: outcomes.map((outcome) => ({ fields: outcome.article && withoutBody(outcome.article), diagnostics: outcome.diagnostics, read: outcome.read })),
    bodies,
  };
  return replyMoving(chunk, [bodies.buffer]);
}
