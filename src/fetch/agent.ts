// The undici Agents feed requests go through, so connections to a host are reused between polls:
// one shared Agent, and one more for each distinct per-source `tls:` setting.
import { readFileSync } from 'node:fs';
import tls, { type SecureContext } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import type { SourceTls } from '../model.js';

/** Connecting (DNS, TCP, TLS) gets at most this long, even when the whole-exchange timeout is larger. */
const CONNECT_TIMEOUT_MS = 10_000;

let shared: Agent | null = null;
/** Keyed by what the setting trusts, so sources sharing one PEM share one Agent and its connections. */
const byTrust = new Map<string, Agent>();

/** What a TLS connection trusts, beyond undici's defaults. */
export interface TrustOptions {
  readonly secureContext?: SecureContext;
  readonly rejectUnauthorized?: boolean;
}

// createFeedAgent builds an Agent tuned for polling: short keep-alive, since a host is revisited only when
// several of its feeds are due together. Connections per host are not capped here: the limiter does that,
// and a cap here would queue requests inside undici while their timeout runs.
export function createFeedAgent(trust: TrustOptions = {}): Agent {
  return new Agent({
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    connect: { timeout: CONNECT_TIMEOUT_MS, ...trust },
  });
}

// sharedAgent returns the process-wide Agent, created on first use.
export function sharedAgent(): Dispatcher {
  shared ??= createFeedAgent();
  return shared;
}

// agentFor returns the Agent for a source's TLS setting: the shared one when there is none, else the one
// made for that setting on first use and kept, so its connections are reused like the shared Agent's.
export function agentFor(setting: SourceTls | undefined): Dispatcher {
  const key = trustKey(setting);
  if (key === null || setting === undefined) return sharedAgent();
  let agent = byTrust.get(key);
  if (agent === undefined) {
    agent = createFeedAgent(trustOptions(setting));
    byTrust.set(key, agent);
  }
  return agent;
}

// releaseAgentsExcept closes the Agents made for TLS settings none of `kept` has any more: a
// reloaded config whose tls.ca file changed would otherwise keep one Agent, with its root store,
// per version of the file. A request still under way on a closed Agent finishes first.
export function releaseAgentsExcept(kept: readonly (SourceTls | undefined)[]): void {
  const keys = new Set(kept.map(trustKey));
  for (const [key, agent] of byTrust) {
    if (keys.has(key)) continue;
    byTrust.delete(key);
    // close() only fails for an Agent already destroyed, which is nothing to report.
    agent.close().catch(() => undefined);
  }
}

// trustKey is what a setting trusts beyond the defaults, as a key of byTrust; null for nothing more.
function trustKey(setting: SourceTls | undefined): string | null {
  if (setting === undefined || (!setting.insecure && setting.ca === null)) return null;
  return setting.insecure ? 'insecure' : `ca\u0000${setting.ca?.pem ?? ''}`;
}

// trustOptions turns a setting into connect options. `ca` replaces Node's trusted roots, so the extra PEM
// goes in beside them (and beside NODE_EXTRA_CA_CERTS, which `ca` would drop too). The context is built
// once here: given `ca` instead, tls.connect would parse ~150 roots again for every connection.
function trustOptions(setting: SourceTls): TrustOptions {
  if (setting.insecure) return { rejectUnauthorized: false };
  const ca = [...tls.rootCertificates, ...extraCaCerts(), setting.ca?.pem ?? ''].filter((pem) => pem !== '');
  return { secureContext: tls.createSecureContext({ ca }), rejectUnauthorized: true };
}

// extraCaCerts is what NODE_EXTRA_CA_CERTS names; Node warns at startup itself when it cannot read it.
function extraCaCerts(): string[] {
  const file = process.env['NODE_EXTRA_CA_CERTS'];
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}
