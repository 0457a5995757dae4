/*
 * bantin search: full-text search over the static index in tim-kiem/chi-muc/ (built by
 * src/search/). Plain ES2017, no dependency, no request to another host. Folding is the same as
 * src/search/fold.ts ("thi dua" finds "thi đua"). The pure functions are exported when the file is
 * loaded with a `module` object (src/search/query.ts does, for the tests); in a page, the script
 * runs the search page of templates/search.njk. Data is put in the page with textContent only.
 */
(function () {
  'use strict';

  var MAX_TERM_LENGTH = 32;
  var MAX_QUERY_TERMS = 12;
  var PAGE_SIZE = 10;
  var EXCERPT_BEFORE = 80;
  var EXCERPT_LENGTH = 280;
  var FORMAT = 1;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var MARKS = markPattern();
  var INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
  var foldedUnits = Object.create(null);
  var digitValues = Object.create(null);
  for (var d = 0; d < ALPHABET.length; d++) digitValues[ALPHABET.charAt(d)] = d;

  function markPattern() {
    try {
      return new RegExp('\\p{M}', 'gu');
    } catch (error) {
      return /[\u0300-\u036f]/g; // browsers without Unicode property escapes: every Vietnamese mark is here
    }
  }

  /** Folds one UTF-16 code unit: lowercase, marks dropped, đ → d; a unit that would not fold to one unit stays. */
  function foldUnit(unit) {
    var folded = foldedUnits[unit];
    if (folded === undefined) {
      folded = unit.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
      if (folded.length !== 1) folded = unit;
      foldedUnits[unit] = folded;
    }
    return folded;
  }

  /** Folds NFC text unit by unit: the result has the same length, position for position. */
  function foldNfc(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += foldUnit(text.charAt(i));
    return out;
  }

  /** Folds any text: NFC first ("Đà Nẵng" → "da nang"). */
  function fold(text) {
    return foldNfc(text.normalize('NFC'));
  }

  /** The terms of a text in order: runs of a-z and 0-9 in its folded form, cut to MAX_TERM_LENGTH. */
  function tokenize(text) {
    return (fold(text).match(/[a-z0-9]+/g) || []).map(function (word) { return word.slice(0, MAX_TERM_LENGTH); });
  }

  /** The distinct terms of a query, in the order written, at most MAX_QUERY_TERMS; invisible characters (as the index drops them) ignored. */
  function queryTerms(query) {
    var terms = [];
    tokenize(query.replace(INVISIBLE, '')).forEach(function (term) { if (terms.indexOf(term) < 0) terms.push(term); });
    return terms.slice(0, MAX_QUERY_TERMS);
  }

  /** Reads a term file (see src/search/postings.ts): 'g' + base-32 gaps, or 'b' + a bitmap of 6 ids a character. */
  function decodePostings(text) {
    var ids = [];
    var k, value;
    if (text.charAt(0) === 'b') {
      for (k = 1; k < text.length; k++) {
        value = digitValues[text.charAt(k)] || 0;
        for (var j = 0; j < 6; j++) if (value & (1 << j)) ids.push((k - 1) * 6 + j);
      }
      return ids;
    }
    var id = -1;
    var gap = 0;
    for (k = 1; k < text.length; k++) {
      value = digitValues[text.charAt(k)] || 0;
      gap = gap * 32 + (value % 32);
      if (value < 32) {
        id += gap;
        ids.push(id);
        gap = 0;
      }
    }
    return ids;
  }

  /** The ids present in every list (each ascending), ascending. */
  function intersect(lists) {
    if (lists.length === 0) return [];
    var sorted = lists.slice().sort(function (a, b) { return a.length - b.length; });
    var result = sorted[0];
    for (var n = 1; n < sorted.length && result.length > 0; n++) {
      var other = sorted[n];
      var kept = [];
      var i = 0;
      var j = 0;
      while (i < result.length && j < other.length) {
        if (result[i] === other[j]) { kept.push(result[i]); i++; j++; }
        else if (result[i] < other[j]) i++;
        else j++;
      }
      result = kept;
    }
    return result;
  }

  /** The term file holding a term (see src/search/layout.ts): FNV-1a, high half folded in, modulo shards. */
  function termShard(term, shards) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
    return ((hash ^ (hash >>> 16)) >>> 0) & (shards - 1);
  }

  /** A term's postings in a term file of "term postings" lines, or null. */
  function findPostings(file, term) {
    var at = ('\n' + file).indexOf('\n' + term + ' ');
    if (at < 0) return null;
    var end = file.indexOf('\n', at);
    return file.slice(at + term.length + 1, end < 0 ? file.length : end);
  }

  function shardUrl(indexHref, meta, shard) {
    return indexHref + 't/' + shard.toString(16) + '.txt?v=' + meta.version;
  }

  function docUrl(indexHref, meta, id) {
    return indexHref + 'd/' + Math.floor(id / meta.docsPerFolder) + '/' + id + '.json?v=' + meta.version;
  }

  /**
   * Runs a query: every term must be in an article (AND). The files number articles oldest first;
   * the answer's ids are those keys, newest first. fetchText(url, fresh) resolves to a file's text,
   * or null when there is no such file.
   */
  async function search(indexHref, query, fetchText) {
    var terms = queryTerms(query);
    if (terms.length === 0) return { terms: terms, ids: [], meta: null };
    var metaText = await fetchText(indexHref + 'meta.json', true);
    if (metaText === null) throw new Error('search index not found: ' + indexHref + 'meta.json');
    var meta = JSON.parse(metaText);
    if (meta.format !== FORMAT) throw new Error('unsupported search index format ' + meta.format);
    var shards = terms.map(function (term) { return termShard(term, meta.shards); });
    var files = await Promise.all(shards.map(function (shard, n) {
      return shards.indexOf(shard) < n ? null : fetchText(shardUrl(indexHref, meta, shard), false);
    }));
    var postings = terms.map(function (term, n) {
      var file = files[shards.indexOf(shards[n])];
      return file === null ? null : findPostings(file, term);
    });
    if (postings.indexOf(null) >= 0) return { terms: terms, ids: [], meta: meta };
    return { terms: terms, ids: intersect(postings.map(decodePostings)).reverse(), meta: meta };
  }

  /** Every token of a text with its place: { start, end, term }. */
  function tokenSpans(text) {
    var folded = foldNfc(text);
    var pattern = /[a-z0-9]+/g;
    var spans = [];
    var match;
    while ((match = pattern.exec(folded)) !== null) {
      spans.push({ start: match.index, end: match.index + match[0].length, term: match[0].slice(0, MAX_TERM_LENGTH) });
    }
    return spans;
  }

  /** Where to centre an excerpt: the first place the whole query is written as a phrase, else its first term; -1 for none. */
  function focusToken(spans, terms) {
    var first = -1;
    for (var i = 0; i < spans.length; i++) {
      if (terms.indexOf(spans[i].term) < 0) continue;
      if (first < 0) first = i;
      var n = 0;
      while (n < terms.length && i + n < spans.length && spans[i + n].term === terms[n]) n++;
      if (n === terms.length) return i;
    }
    return first;
  }

  /** Text from..to cut into pieces, the query's terms as { text, mark: true } (neighbours split only by spaces in one piece). */
  function markSegments(text, from, to, spans, terms) {
    var segments = [];
    var at = from;
    spans.forEach(function (span) {
      if (span.start < from || span.end > to || terms.indexOf(span.term) < 0) return;
      var previous = segments[segments.length - 1];
      if (previous && previous.mark && /^ +$/.test(text.slice(at, span.start))) {
        previous.text += text.slice(at, span.end);
      } else {
        if (span.start > at) segments.push({ text: text.slice(at, span.start), mark: false });
        segments.push({ text: text.slice(span.start, span.end), mark: true });
      }
      at = span.end;
    });
    if (at < to) segments.push({ text: text.slice(at, to), mark: false });
    return segments;
  }

  /** A whole text (a title) with the query's terms marked, as segments. */
  function highlight(text, terms) {
    return markSegments(text, 0, text.length, tokenSpans(text), terms);
  }

  /** About EXCERPT_LENGTH characters of the original text around the first match, cut at spaces, matches marked. */
  function excerpt(text, terms) {
    var spans = tokenSpans(text);
    var focus = focusToken(spans, terms);
    var start = 0;
    if (focus >= 0 && spans[focus].start > EXCERPT_BEFORE) {
      start = text.indexOf(' ', spans[focus].start - EXCERPT_BEFORE) + 1;
      if (start <= 0 || start > spans[focus].start) start = spans[focus].start;
    }
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end < text.length) {
      var space = text.lastIndexOf(' ', end);
      if (space > start && (focus < 0 || space >= spans[focus].end)) end = space;
    }
    var segments = markSegments(text, start, end, spans, terms);
    if (start > 0) segments.unshift({ text: '… ', mark: false });
    if (end < text.length) segments.push({ text: ' …', mark: false });
    return segments;
  }

  /** Fetches the fragments of some ids and makes them results: { id, url, title, date, category, excerpt } (null for a missing one). */
  async function loadHits(indexHref, answer, ids, fetchText) {
    var texts = await Promise.all(ids.map(function (id) { return fetchText(docUrl(indexHref, answer.meta, id), false); }));
    return texts.map(function (text, n) {
      if (text === null) return null;
      var doc = JSON.parse(text);
      var url = /^(\/|https?:)/i.test(doc.url) ? doc.url : '#';
      return { id: ids[n], url: url, title: highlight(doc.title, answer.terms), date: doc.date, category: doc.category, excerpt: excerpt(doc.text, answer.terms) };
    });
  }

  var api = { PAGE_SIZE: PAGE_SIZE, termShard: termShard, findPostings: findPostings, fold: fold, foldNfc: foldNfc, tokenize: tokenize, queryTerms: queryTerms, decodePostings: decodePostings, intersect: intersect, search: search, loadHits: loadHits, highlight: highlight, excerpt: excerpt };
  if (typeof module === 'object' && module !== null) {
    module.exports = api;
    return;
  }

  /* ---- The page: everything below touches the DOM. ---- */

  function browserFetch(url, fresh) {
    return fetch(url, fresh ? { cache: 'no-cache' } : {}).then(function (response) {
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response.text();
    });
  }

  function element(name, className, segments) {
    var node = document.createElement(name);
    if (className) node.className = className;
    (typeof segments === 'string' ? [{ text: segments, mark: false }] : segments || []).forEach(function (segment) {
      node.appendChild(segment.mark ? element('mark', '', segment.text) : document.createTextNode(segment.text));
    });
    return node;
  }

  function renderHit(hit) {
    var item = element('li', 'card search-hit');
    var link = element('a', '', hit.title);
    link.href = hit.url;
    item.appendChild(element('h2', 'card-title')).appendChild(link);
    var meta = item.appendChild(element('p', 'meta'));
    meta.appendChild(element('span', 'meta-category', hit.category));
    meta.appendChild(element('span', 'search-date', hit.date));
    item.appendChild(element('p', 'search-excerpt', hit.excerpt));
    return item;
  }

  function statusText(root, query, count) {
    var quoted = '\u201c' + query + '\u201d';
    if (count === 0) return root.getAttribute('data-no-results') + ' ' + quoted + '.';
    return root.getAttribute('data-results-for') + ' ' + quoted + ': ' + count.toLocaleString('vi-VN') + ' ' + root.getAttribute('data-count');
  }

  /** Shows the next PAGE_SIZE results of view.answer; resolves to the first new item. */
  function showNext(view) {
    var ids = view.answer.ids.slice(view.shown, view.shown + PAGE_SIZE);
    view.shown += ids.length;
    view.more.hidden = true;
    return loadHits(view.indexHref, view.answer, ids, browserFetch).then(function (hits) {
      var items = hits.filter(Boolean).map(function (hit) { return view.list.appendChild(renderHit(hit)); });
      view.more.hidden = view.shown >= view.answer.ids.length;
      return items[0] || null;
    });
  }

  function start(root) {
    var input = root.querySelector('input[name="q"]');
    var status = root.querySelector('.search-status');
    var query = (new URLSearchParams(window.location.search).get('q') || '').trim();
    var view = { indexHref: root.getAttribute('data-index'), list: root.querySelector('.search-results'), more: root.querySelector('.search-more'), answer: null, shown: 0 };
    var fail = function () {
      status.textContent = root.getAttribute('data-error');
      view.more.hidden = true;
    };
    input.value = query;
    if (queryTerms(query).length === 0) return input.focus();
    status.textContent = root.getAttribute('data-loading');
    search(view.indexHref, query, browserFetch).then(function (answer) {
      view.answer = answer;
      status.textContent = statusText(root, query, answer.ids.length);
      return answer.ids.length > 0 ? showNext(view) : null;
    }).catch(fail);
    view.more.addEventListener('click', function () {
      showNext(view).then(function (first) {
        if (first) first.querySelector('a').focus();
      }).catch(fail);
    });
  }

  var root = document.getElementById('tim-kiem');
  if (root) start(root);
})();
