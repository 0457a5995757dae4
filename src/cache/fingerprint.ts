import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fg from 'fast-glob';
import type { ResolvedConfig } from '../config/types.js';
import { CACHE_FORMAT } from './state.js';

const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * What a cache is valid for: bantin's version, the cache format, the resolved config (all but
 * "now") and every template file's bytes. A cache made under another key is never used.
 */
export async function cacheKey(config: ResolvedConfig): Promise<string> {
  const hash = createHash('sha1').update(`bantin ${VERSION} cache ${CACHE_FORMAT}\n`);
  const { now: _now, ...rest } = config;
  hash.update(JSON.stringify(rest));
  for (const dir of config.templateDirs) {
    // theme assets are copied as static files and tracked as such
    const files = (await fg(['**/*'], { cwd: dir, onlyFiles: true, followSymbolicLinks: false, ignore: ['assets/**'] })).sort();
    for (const file of files) hash.update(`\n${dir}\n${file}\n`).update(await readFile(`${dir}/${file}`));
  }
  return hash.digest('base64');
}
