// Hono's router walks its trie of the app's three hundred routes for every request, and makes the
// match anew each time. Most requests are to a few fixed paths (the kiosks' answers above all),
// whose match never changes: the handlers for `POST /api/responses` are the same for every answer.
// This router keeps the match of a path that has no parameters and answers it from memory.
import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Distinct paths kept; anyone can send any path, so the memory is bounded and starts over when full. */
const MAX_PATHS = 512;

/** Hono's default router (the regular-expression router when it can take every route, else the trie), with param-free matches kept. */
export function cachedRouter<T>(inner: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] })): Router<T> {
  let kept = new Map<string, Result<T>>();
  return {
    get name() {
      return `cached ${inner.name}`;
    },
    add(method, path, handler) {
      kept = new Map(); // a route added after a request changes the matches
      inner.add(method, path, handler);
    },
    match(method, path) {
      const key = `${method} ${path}`;
      let result = kept.get(key);
      if (result) return result;
      result = inner.match(method, path);
      if (hasNoParameters(result)) {
        if (kept.size >= MAX_PATHS) kept = new Map();
        kept.set(key, result);
      }
      return result;
    },
  };
}

/**
 * Whether a match carries no path parameter. A path's match is always the same, parameters or not,
 * but a path with parameters (an id, a token) is seldom asked twice: kept, such paths would only
 * push out the fixed ones. Each handler of a match comes with its parameters (the trie) or with
 * where to find them in the match's stash (the regular-expression router): none, for a fixed path.
 */
function hasNoParameters<T>(result: Result<T>): boolean {
  for (const [, params] of result[0]) {
    for (const _ in params) return false;
  }
  return true;
}
