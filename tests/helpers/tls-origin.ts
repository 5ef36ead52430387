// HTTPS origins on 127.0.0.1 that use the private test CA in tests/fixtures/tls (see its README).
import { startOrigin, type Handler, type Origin } from './origin.js';
import { fixture } from './temp.js';

// pem reads one file of tests/fixtures/tls as text.
export function pem(name: string): string {
  return fixture(`tls/${name}`).toString('utf8');
}

// startTlsOrigin serves HTTPS with leaf.key and the given certificates, leaf first: the chain the
// server sends, so leaving out intermediate-ca.crt reproduces a site with an incomplete chain.
export function startTlsOrigin(chain: readonly string[], routes: Record<string, Handler> = {}): Promise<Origin> {
  return startOrigin(routes, { key: pem('leaf.key'), cert: chain.map(pem).join('') });
}
