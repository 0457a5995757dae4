import type { UserConfig } from './types.js';

/** Values used where the site's config says nothing. */
export const DEFAULTS = {
  title: 'Bản tin',
  description: 'Tin tức địa phương',
  baseUrl: '',
  timeZone: 'Asia/Ho_Chi_Minh',
  perPage: 20,
  categories: [],
  authors: {},
  author: '',
  trustedHtml: false,
  cacheDir: '.bantin-cache',
} satisfies Required<UserConfig>;

/** Listing sizes fixed by the theme's layout. */
export const LAYOUT = {
  homeLatest: 20,
  homePerCategory: 5,
  relatedCount: 10,
  notFoundLatest: 10,
} as const;

/** Config file names looked for in the site root, in order. */
export const CONFIG_FILE_NAMES = ['bantin.config.js', 'bantin.config.mjs', 'bantin.config.json'] as const;
