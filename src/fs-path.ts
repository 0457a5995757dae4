import path from 'node:path';

/** Whether `candidate` is `folder` itself or lies below it (a name such as "..a" still counts as inside). */
export function isInsideFolder(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
