// Converts a generated bantin archive into an equivalent Hugo site, for `npm run bench -- --compare-hugo`.
// "Equivalent" means the pages bantin's default build makes, in substance:
//   - article pages at /<category-slug>/<slug>/: body, date, sapo, author, a link to its day, and a
//     list of 10 other articles of the same category, newest first;
//   - category pages (the `categories` taxonomy), 20 a page, newest first;
//   - author pages (`tac_gia`) and per-day pages (`ngay`, term "YYYY-MM-DD"), 20 a page;
//   - month pages (`thang`, "YYYY-MM"): the month's days with counts, like bantin's calendar;
//   - year pages (`nam`, "YYYY"): the year's months with counts;
//   - the home page: the latest 20 and each category's latest 5; a 404 page;
//   - every page has the category navigation and the footer's year links (cached partials).
// Hugo's default RSS feeds and sitemap are kept, as bantin writes feeds and sitemaps too.
// Usage: node bench/hugo-site.mjs <bantin-site> <hugo-site>
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Front-matter spellings of the generator, mapped to one name each. */
const KEYS = {
  title: 'title', 'tiêu_đề': 'title', tieu_de: 'title',
  date: 'date', 'thời_gian': 'date', ngay_dang: 'date',
  category: 'category', 'chuyên_mục': 'category', chuyen_muc: 'category',
  author: 'author', 'tác_giả': 'author', tac_gia: 'author',
  summary: 'summary', sapo: 'summary', tom_tat: 'summary',
};

const pad = (n) => String(n).padStart(2, '0');

/** Turns one of the generator's local Vietnam timestamps into ISO 8601 with +07:00. */
export function toIso(text) {
  let m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\+07:00)?$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+07:00`;
  m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (m) return `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00+07:00`;
  m = /^(\d{2})\.(\d{2})\.(\d{4}) \| (\d{2}):(\d{2}) (AM|PM)$/.exec(text);
  if (!m) throw new Error(`unknown timestamp format: ${text}`);
  // portal style: 13–23 PM is taken as written, 1–11 PM adds 12, 12 AM is midnight
  let hour = Number(m[4]);
  if (m[6] === 'PM' && hour < 12) hour += 12;
  if (m[6] === 'AM' && hour === 12) hour = 0;
  return `${m[3]}-${m[2]}-${m[1]}T${pad(hour)}:${m[5]}:00+07:00`;
}

/** Splits a generated article into its normalised front-matter fields and its Markdown body. */
export function parseArticle(text) {
  const end = text.indexOf('\n---\n', 4);
  const fields = {};
  for (const line of text.slice(4, end).split('\n')) {
    const at = line.indexOf(': ');
    const raw = line.slice(at + 2).trim();
    fields[KEYS[line.slice(0, at)]] = raw.startsWith('"') ? JSON.parse(raw) : raw;
  }
  return { fields, body: text.slice(end + 5) };
}

/** The Hugo front matter (YAML, JSON-quoted strings) of one article. */
export function hugoFrontMatter({ title, date, category, author, summary }) {
  const iso = toIso(date);
  const q = JSON.stringify;
  return ['---', `title: ${q(title)}`, `date: ${iso}`, `description: ${q(summary ?? '')}`, `categories: [${q(category)}]`, `tac_gia: [${q(author)}]`,
    `ngay: [${q(iso.slice(0, 10))}]`, `thang: [${q(iso.slice(0, 7))}]`, `nam: [${q(iso.slice(0, 4))}]`, '---', ''].join('\n');
}

/** Lists the Markdown files under a folder, recursively, sorted. */
async function markdownFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? markdownFiles(path.join(folder, e.name)) : e.name.endsWith('.md') ? [path.join(folder, e.name)] : [])));
  return nested.flat().sort();
}

/** The site configuration: same title, base URL and time zone as the bantin site. */
const CONFIG = `baseURL = "https://baotinh.example.vn/"
languageCode = "vi"
title = "Báo Tỉnh"
timeZone = "Asia/Ho_Chi_Minh"
removePathAccents = true
paginate = 20
# categories are the "categories" taxonomy below; section lists would only duplicate them
disableKinds = ["section"]
[taxonomies]
category = "categories"
tac_gia = "tac_gia"
ngay = "ngay"
thang = "thang"
nam = "nam"
`;

/** Minimal hand-written layouts, keyed by their path under layouts/. */
const LAYOUTS = {
  // the page frame: head, category navigation, main block, footer with year links
  '_default/baseof.html': `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} - {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Description }}"><link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}"><meta property="og:url" content="{{ .Permalink }}">
</head><body>
<header><a href="/">{{ site.Title }}</a>{{ partialCached "nav.html" . }}</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ partialCached "years.html" . }}</footer>
</body></html>
`,
  'partials/nav.html': `<nav><ul>{{ range site.Taxonomies.categories.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul></nav>`,
  'partials/years.html': `<p><a href="/nam/">Lưu trữ</a>: {{ range site.Taxonomies.nam.Alphabetical.Reverse }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ end }}</p>`,
  'partials/item.html': `<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006 15:04" }}</time>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>`,
  // an article: the body and the 10 newest other articles of its category
  '_default/single.html': `{{ define "main" }}{{ $cat := index .Params.categories 0 }}{{ $term := site.GetPage (printf "/categories/%s" (urlize $cat)) }}
<article><p><a href="/">Trang chủ</a> › <a href="{{ $term.RelPermalink }}">{{ $cat }}</a></p>
<h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "15:04 02/01/2006" }}</time></p>
<p class="sapo">{{ .Description }}</p><div class="body">{{ .Content }}</div>
<p>{{ range .Params.tac_gia }}<a href="{{ (site.GetPage (printf "/tac_gia/%s" (urlize .))).RelPermalink }}">{{ . }}</a>{{ end }}</p>
<p>{{ range .Params.ngay }}<a href="{{ (site.GetPage (printf "/ngay/%s" .)).RelPermalink }}">Tin ngày {{ . }}</a>{{ end }}</p></article>
<aside class="related"><h2>Tin cùng chuyên mục</h2><ul>{{ range first 10 (where (first 11 $term.Pages) "Permalink" "!=" .Permalink) }}{{ partial "item.html" . }}{{ end }}</ul></aside>
{{ end }}`,
  // a category, author or day: its articles, newest first, 20 a page
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}{{ partial "item.html" . }}{{ end }}</ul>
<nav>{{ with .Paginator.Prev }}<a href="{{ .URL }}">Mới hơn</a>{{ end }} {{ with .Paginator.Next }}<a href="{{ .URL }}">Cũ hơn</a>{{ end }}</nav>{{ end }}`,
  // a month: its days with their counts
  'thang/term.html': `{{ define "main" }}<h1>Tháng {{ .Title }}</h1><ul>{{ range .Pages.GroupByDate "2006-01-02" "asc" }}<li><a href="/ngay/{{ .Key }}/">{{ .Key }}</a> ({{ len .Pages }} bài)</li>{{ end }}</ul>{{ end }}`,
  // a year: its months with their counts
  'nam/term.html': `{{ define "main" }}<h1>Năm {{ .Title }}</h1><ul>{{ range .Pages.GroupByDate "2006-01" "asc" }}<li><a href="/thang/{{ .Key }}/">{{ .Key }}</a> ({{ len .Pages }} bài)</li>{{ end }}</ul>{{ end }}`,
  // every term of a taxonomy with its count (like bantin's author list and archive page)
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}`,
  // the home page: the latest 20, then each category's latest 5
  'index.html': `{{ define "main" }}<h2>Tin mới</h2><ul>{{ range first 20 site.RegularPages }}{{ partial "item.html" . }}{{ end }}</ul>
{{ range site.Taxonomies.categories.ByCount }}<section><h2><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h2><ul>{{ range first 5 .Pages }}{{ partial "item.html" . }}{{ end }}</ul></section>{{ end }}{{ end }}`,
  '404.html': `{{ define "main" }}<h1>Không tìm thấy trang</h1><ul>{{ range first 10 site.RegularPages }}{{ partial "item.html" . }}{{ end }}</ul>{{ end }}`,
};

/** Writes the Hugo site for the archive under `source`/content into `target`; returns the article count. */
export async function writeHugoSite(source, target) {
  await rm(path.join(target, 'content'), { recursive: true, force: true });
  await writeFile(path.join(target, 'hugo.toml'), CONFIG);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(target, 'layouts', file)), { recursive: true });
    await writeFile(path.join(target, 'layouts', file), text);
  }
  const contentRoot = path.join(source, 'content');
  const files = await markdownFiles(contentRoot);
  const made = new Set();
  for (const file of files) {
    const { fields, body } = parseArticle(await readFile(file, 'utf8'));
    // content/<category-slug>/<slug>.md gives the URL /<category-slug>/<slug>/, as in bantin
    const [categorySlug] = path.relative(contentRoot, file).split(path.sep);
    const dir = path.join(target, 'content', categorySlug);
    if (!made.has(dir)) await mkdir(dir, { recursive: true });
    made.add(dir);
    await writeFile(path.join(dir, path.basename(file)), hugoFrontMatter(fields) + body);
  }
  return files.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source, target] = process.argv.slice(2);
  if (!target) throw new Error('usage: node bench/hugo-site.mjs <bantin-site> <hugo-site>');
  await mkdir(target, { recursive: true });
  console.log(`Wrote ${await writeHugoSite(path.resolve(source), path.resolve(target))} articles into ${target}`);
}
