import { describe, expect, it } from 'vitest';
import { withSources } from '../../server/pages/inline-sources';
import { inlineSourcesOf } from '../../server/pages/page-html';

describe('inline scripts and styles allowed by hash', () => {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

  it('adds the sources to the one directive named, leaving the others as they were', () => {
    expect(withSources(policy, 'script-src', ["'sha256-abc='"])).toBe("default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'; img-src 'self' data:");
    expect(withSources(policy, 'style-src', [])).toBe(policy);
    expect(() => withSources(policy, 'worker-src', ["'sha256-abc='"])).toThrow(/worker-src/);
  });

  it('hashes the scripts that run and the styles, never a JSON data block or a script file', () => {
    const html = '<style>a{b:c}</style><script type="module">run()</script><script type="application/json" id="x">{}</script><script type="module" src="/assets/a.js"></script>';
    // sha256 of "run()" and of "a{b:c}" (printf '%s' … | openssl dgst -sha256 -binary | base64).
    expect(inlineSourcesOf(html)).toEqual({
      scripts: ["'sha256-AvyuiL0SD1mVY3NNxR+V2uo+lhk6RMFrytWmRt6CrJQ='"],
      styles: ["'sha256-0cRUVYRKwNwnl1hkfkPGjkht16b039TjFdJzmXfFK2o='"],
    });
  });
});
