// Explaining a failed TLS connection: what went wrong, in plain words, and what the user can do about it.
// The advice differs by cause: an unknown issuer is fixed in sources.yaml (tls.ca), an expired or
// misnamed certificate only by the site, a failed handshake usually by the URL.
import type { SourceError, SourceTls } from '../model.js';

/** Who is being fetched and what they trust, for advice that names the source and its setting. */
export interface TlsContext {
  readonly sourceId?: string;
  readonly tls?: SourceTls;
}

// OpenSSL verification codes arrive bare (no prefix); EPROTO is what a TLS handshake with a plain-HTTP port gives.
const UNKNOWN_ISSUER = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const WRONG_HOST = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'IP_ADDRESS_MISMATCH']);
const OTHER = new Set(['UNABLE_TO_GET_CRL', 'EPROTO']);

// isTlsCode tells TLS failures from other network errors.
export function isTlsCode(code: string): boolean {
  return (
    UNKNOWN_ISSUER.has(code) ||
    SELF_SIGNED.has(code) ||
    WRONG_HOST.has(code) ||
    OTHER.has(code) ||
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_')
  );
}

// The way out that always works and is always worse than fixing trust.
const INSECURE = '(or, discouraged, `tls: { insecure: true }`)';

function onSource(ctx: TlsContext): string {
  return ctx.sourceId ? `on source ${ctx.sourceId} in sources.yaml` : 'on the source in sources.yaml';
}

// showCerts is the command that prints the chain a server sends, for the user to save the missing part from.
function showCerts(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `\`openssl s_client -connect ${url.hostname}:${port} -servername ${url.hostname} -showcerts\``;
}

// unknownIssuer is the .go.kr case: the server sends its own certificate but not the intermediate
// that links it to a root, or it was issued by a CA Node does not ship.
function unknownIssuer(code: string, url: URL, ctx: TlsContext): string {
  const what = `fetch: the certificate chain of ${url.host} is incomplete or signed by an unknown CA (${code})`;
  const ca = ctx.tls?.ca;
  if (ca) {
    const missing = code === 'UNABLE_TO_GET_ISSUER_CERT' ? 'the certificate that issued the ones it holds (usually the root CA)' : "the certificate that issued the server's";
    return `${what} even with the certificates in ${ca.file} (tls.ca) — that file lacks ${missing}: add it to the file as PEM; ${showCerts(url)} shows the chain the server sends`;
  }
  return (
    `${what} — many .go.kr sites omit the intermediate certificate: save it as PEM and set ` +
    `\`tls: { ca: FILE }\` ${onSource(ctx)} ${INSECURE}; ${showCerts(url)} shows the chain the server sends`
  );
}

function selfSigned(code: string, url: URL, ctx: TlsContext): string {
  const what =
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
      ? `fetch: ${url.host} presents a self-signed certificate (${code}), which no known CA vouches for`
      : `fetch: the certificate chain of ${url.host} ends in a root CA that is not trusted (${code}), e.g. a private or company CA`;
  return `${what} — if you trust this site, save that certificate as PEM and set \`tls: { ca: FILE }\` ${onSource(ctx)} ${INSECURE}`;
}

// tlsError builds the 'tls' error for one failure code and OpenSSL's short reason.
export function tlsError(code: string, reason: string, url: URL, ctx: TlsContext, cause: unknown): SourceError {
  const host = url.host;
  let message: string;
  if (UNKNOWN_ISSUER.has(code)) message = unknownIssuer(code, url, ctx);
  else if (SELF_SIGNED.has(code)) message = selfSigned(code, url, ctx);
  else if (code === 'CERT_HAS_EXPIRED') {
    message =
      `fetch: the certificate of ${host} has expired (${code}) — only the site can renew it; tell its webmaster and check ` +
      `this machine's clock. tls.ca does not help here; \`tls: { insecure: true }\` would accept it, but is discouraged`;
  } else if (code === 'CERT_NOT_YET_VALID') {
    message = `fetch: the certificate of ${host} is not valid yet (${code}) — this machine's clock is probably behind; set it right (e.g. enable NTP)`;
  } else if (WRONG_HOST.has(code)) {
    message =
      `fetch: the certificate of ${host} is made out to other host names (${code}: ${reason}) — check the host in the url ` +
      `${onSource(ctx)} (with or without "www."); if the url is right, only the site can fix its certificate`;
  } else if (code === 'CERT_REVOKED') {
    message = `fetch: the certificate of ${host} was revoked by its CA (${code}) — do not trust this site until it has a new one; tell its webmaster`;
  } else if (code.startsWith('CERT_') || code.startsWith('UNABLE_TO_')) {
    message = `fetch: the certificate of ${host} was refused (${code}: ${reason}) — the site's certificate is broken; only the site can fix it`;
  } else {
    message =
      `fetch: the TLS handshake with ${host} failed (${code}: ${reason}) — the server may not speak HTTPS on this port ` +
      '(try http:// in the url), or offers only old TLS versions or ciphers that Node refuses; it must be fixed on the server';
  }
  return { kind: 'tls', message, cause };
}

// insecureWarning is logged at every poll of a source with `tls: { insecure: true }`, and null for any other:
// with checks off, whoever sits on the network path can pose as the site and feed us forged items.
export function insecureWarning(sourceId: string, url: string, setting: SourceTls | undefined): string | null {
  if (!setting?.insecure) return null;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // A local file has no host; the warning still stands.
  }
  return (
    `fetch: certificate checks are off for source ${sourceId} (\`tls: { insecure: true }\`), so anyone on the network ` +
    `path could pose as ${host} — save the missing certificate as PEM and use \`tls: { ca: FILE }\` instead`
  );
}
