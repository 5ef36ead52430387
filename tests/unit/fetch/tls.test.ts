// Per-source TLS trust (issue 9, point 3): what a failed chain says, and what tls.ca and tls.insecure change.
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from './fetch-helpers.js';
import type { Agent } from 'undici';
import { agentFor, releaseAgentsExcept, sharedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed, type FetchFeedOptions } from '../../../src/fetch/fetch-feed.js';
import type { SourceTls } from '../../../src/model.js';
import { serveBody, startOrigin, type Origin } from '../../helpers/origin.js';
import { pem, startTlsOrigin } from '../../helpers/tls-origin.js';

const FEED = '<rss version="2.0"><channel><title>강원특별자치도 보도자료</title><item><title>춘천</title></item></channel></rss>';
const opts: FetchFeedOptions = { userAgent: 'regionwire-test', timeoutMs: 5_000, maxBodyBytes: 65_536, maxRedirects: 5 };
const trust = (file: string, ...certs: string[]): SourceTls => ({ ca: { file, pem: certs.map(pem).join('') }, insecure: false });
const INSECURE: SourceTls = { ca: null, insecure: true };
const get = (url: string, tls?: SourceTls) =>
  fetchFeed({ url, etag: null, lastModified: null, sourceId: 'gwd-press', ...(tls ? { tls } : {}) }, opts);

const origins: Origin[] = [];
async function serve(chain: readonly string[]): Promise<Origin> {
  const origin = await startTlsOrigin(chain, { '/rss': serveBody(FEED) });
  origins.push(origin);
  return origin;
}
afterEach(async () => {
  await Promise.all(origins.splice(0).map((o) => o.close()));
});

describe('a server that leaves out its intermediate certificate', () => {
  it('fails as tls, saying the chain is incomplete and how to set tls.ca on the source', async () => {
    const origin = await serve(['leaf.crt']);
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('tls');
    const port = new URL(origin.url).port;
    expect(error.message).toBe(
      `fetch: the certificate chain of 127.0.0.1:${port} is incomplete or signed by an unknown CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE) — ` +
        'many .go.kr sites omit the intermediate certificate: save it as PEM and set `tls: { ca: FILE }` on source gwd-press in sources.yaml ' +
        '(or, discouraged, `tls: { insecure: true }`); ' +
        `\`openssl s_client -connect 127.0.0.1:${port} -servername 127.0.0.1 -showcerts\` shows the chain the server sends`,
    );
  });

  it('is read once tls.ca holds the missing intermediate and its root, in one PEM file', async () => {
    const origin = await serve(['leaf.crt']);
    const result = await get(origin.at('/rss'), trust('/cfg/chain.pem', 'intermediate-ca.crt', 'root-ca.crt'));
    expect(result).toMatchObject({ status: 'ok', httpStatus: 200 });
  });

  it('names the tls.ca file when it does not complete the chain', async () => {
    const origin = await serve(['leaf.crt']);
    const error = failure(await get(origin.at('/rss'), trust('/cfg/root.pem', 'root-ca.crt')));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(
      /\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\) even with the certificates in \/cfg\/root\.pem \(tls\.ca\) — that file lacks the certificate that issued the server's/,
    );
  });

  it("says the root is missing when tls.ca holds only an intermediate whose root nobody trusts", async () => {
    const origin = await serve(['leaf.crt']);
    const error = failure(await get(origin.at('/rss'), trust('/cfg/inter.pem', 'intermediate-ca.crt')));
    expect(error.message).toMatch(/\(UNABLE_TO_GET_ISSUER_CERT\) even with the certificates in \/cfg\/inter\.pem .* \(usually the root CA\)/);
  });

  it('is read with insecure: true, and only by that source: the default trust is unchanged', async () => {
    const origin = await serve(['leaf.crt']);
    expect(await get(origin.at('/rss'), INSECURE)).toMatchObject({ status: 'ok' });
    expect(failure(await get(origin.at('/rss'))).kind).toBe('tls');
  });
});

describe('other certificate problems get their own advice', () => {
  it('a full chain from a private root: unknown issuer, fixed by trusting the root', async () => {
    const origin = await serve(['leaf.crt', 'intermediate-ca.crt']);
    expect(failure(await get(origin.at('/rss'))).message).toMatch(/unknown CA \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\) — .*set `tls: \{ ca: FILE \}` on source gwd-press/);
    expect(await get(origin.at('/rss'), trust('/cfg/root.pem', 'root-ca.crt'))).toMatchObject({ status: 'ok' });
  });

  it('a chain that carries its own private root: self-signed in chain', async () => {
    const origin = await serve(['leaf.crt', 'intermediate-ca.crt', 'root-ca.crt']);
    const error = failure(await get(origin.at('/rss')));
    expect(error.message).toMatch(/ends in a root CA that is not trusted \(SELF_SIGNED_CERT_IN_CHAIN\), e\.g\. a private or company CA — if you trust this site/);
  });

  it('an expired certificate: only the site can fix it, tls.ca does not help', async () => {
    const origin = await serve(['expired.crt', 'intermediate-ca.crt']);
    const error = failure(await get(origin.at('/rss'), trust('/cfg/root.pem', 'root-ca.crt')));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/^fetch: the certificate of 127\.0\.0\.1:\d+ has expired \(CERT_HAS_EXPIRED\) — only the site can renew it;.* tls\.ca does not help here/);
  });

  it('a certificate for another host name: check the url', async () => {
    const origin = await serve(['wrong-host.crt', 'intermediate-ca.crt']);
    const error = failure(await get(origin.at('/rss'), trust('/cfg/root.pem', 'root-ca.crt')));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(
      /^fetch: the certificate of 127\.0\.0\.1:\d+ is made out to other host names \(ERR_TLS_CERT_ALTNAME_INVALID: Hostname\/IP does not match .*\) — check the host in the url on source gwd-press/,
    );
  });
});

describe('the dispatcher of a tls setting', () => {
  it('keeps the setting across a redirect from http to https', async () => {
    const secure = await serve(['leaf.crt']);
    const plain = await startOrigin({ '/old': (_req, res) => res.writeHead(301, { location: secure.at('/rss') }).end() });
    origins.push(plain);
    expect(await get(plain.at('/old'), trust('/cfg/chain.pem', 'intermediate-ca.crt', 'root-ca.crt'))).toMatchObject({
      status: 'ok',
      finalUrl: secure.at('/rss'),
    });
    expect(failure(await get(plain.at('/old'))).message).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
  });

  it('is made once per distinct setting, so sources with equal settings share connections', async () => {
    const ports: number[] = [];
    const origin = await serve(['leaf.crt']);
    origin.route('/rss', (req, res) => {
      ports.push(req.socket.remotePort ?? 0);
      serveBody(FEED)(req, res);
    });
    // Two sources with the same PEM (each loaded from its own file) share one Agent.
    const a = trust('/cfg/a.pem', 'intermediate-ca.crt', 'root-ca.crt');
    const b = trust('/cfg/b.pem', 'intermediate-ca.crt', 'root-ca.crt');
    expect(agentFor(a)).toBe(agentFor(b));
    expect(agentFor(a)).not.toBe(agentFor(trust('/cfg/root.pem', 'root-ca.crt')));
    expect(agentFor(undefined)).toBe(sharedAgent());
    expect(agentFor({ ca: null, insecure: false })).toBe(sharedAgent());
    for (const setting of [a, b, a, b]) expect(await get(origin.at('/rss'), setting)).toMatchObject({ status: 'ok' });
    // undici may open a second connection while the first is being released, but no more than that.
    expect(ports).toHaveLength(4);
    expect(new Set(ports).size).toBeLessThan(4);
  });

  it('is closed once a reloaded config has no source with its setting, and made anew if one comes back', async () => {
    const origin = await serve(['leaf.crt']);
    origin.route('/rss', serveBody(FEED));
    const edited = trust('/cfg/edited.pem', 'intermediate-ca.crt', 'root-ca.crt');
    const other = trust('/cfg/other.pem', 'intermediate-ca.crt', 'root-ca.crt', 'leaf.crt');
    expect(await get(origin.at('/rss'), edited)).toMatchObject({ status: 'ok' });
    const before = agentFor(edited) as Agent;
    const kept = agentFor(other) as Agent;
    releaseAgentsExcept([other, undefined]);
    expect(before.closed).toBe(true);
    expect(kept.closed).toBe(false);
    expect(agentFor(other)).toBe(kept);
    expect(agentFor(edited)).not.toBe(before);
    expect(await get(origin.at('/rss'), edited)).toMatchObject({ status: 'ok' });
  });
});
