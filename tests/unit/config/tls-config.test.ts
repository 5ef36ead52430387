// A source's `tls:` map: the ca file is read at load, and every slip is a file:line:column error.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { pem } from '../../helpers/tls-origin.js';
import { configDir, KADO, onlyIssue } from './config-dir.js';

// withTls writes a config folder whose one source has the given lines under it (from line 5 on).
function withTls(lines: readonly string[], files: Record<string, string | Buffer> = {}): string {
  const dir = configDir({ 'sources.yaml': ['sources:', ...KADO, ...lines] });
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

describe('sources[].tls', () => {
  it('reads a relative ca file against the config folder, keeping every certificate in it', () => {
    const chain = pem('intermediate-ca.crt') + pem('root-ca.crt');
    const dir = withTls(['    tls:', '      ca: certs/gwd-chain.pem'], { 'certs/gwd-chain.pem': `# saved from openssl s_client\n${chain}` });
    const [source] = loadConfig(dir).sources;
    expect(source?.tls?.insecure).toBe(false);
    expect(source?.tls?.ca?.file).toBe(path.join(path.resolve(dir), 'certs', 'gwd-chain.pem'));
    const certs = source?.tls?.ca?.pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    expect(certs.map((c) => new X509Certificate(c).subject)).toEqual(['CN=regionwire test intermediate CA', 'CN=regionwire test root CA']);
  });

  it('keeps insecure: true, and leaves tls out when it changes nothing', () => {
    expect(loadConfig(withTls(['    tls: { insecure: true }'])).sources[0]?.tls).toEqual({ ca: null, insecure: true });
    expect(loadConfig(withTls(['    tls: { insecure: false }'])).sources[0]).not.toHaveProperty('tls');
    expect(loadConfig(withTls([])).sources[0]).not.toHaveProperty('tls');
  });

  it('names a missing ca file with its full path, at the value', () => {
    const dir = withTls(['    tls:', '      ca: certs/missing.pem']);
    const issue = onlyIssue(dir);
    expect([issue.line, issue.column]).toEqual([6, 11]);
    expect(issue.message).toBe(
      `sources[0].tls.ca: cannot read ${path.join(path.resolve(dir), 'certs', 'missing.pem')}: the file does not exist — save the certificate there as PEM, or fix the path`,
    );
  });

  it('refuses a file that is not PEM', () => {
    const dir = withTls(['    tls: { ca: notes.txt }'], { 'notes.txt': '강원도청 인증서는 나중에\n' });
    const issue = onlyIssue(dir);
    expect([issue.line, issue.column]).toEqual([5, 16]);
    expect(issue.message).toBe(
      `sources[0].tls.ca: ${path.join(path.resolve(dir), 'notes.txt')} is not a PEM certificate file: it has no "-----BEGIN CERTIFICATE-----" block — ` +
        'save the certificate in PEM form (what `openssl s_client -showcerts` prints)',
    );
  });

  it('tells a DER certificate and a private key apart from PEM, saying what to do', () => {
    const der = new X509Certificate(pem('intermediate-ca.crt')).raw;
    expect(onlyIssue(withTls(['    tls: { ca: inter.cer }'], { 'inter.cer': der })).message).toMatch(
      /inter\.cer is a DER \(binary\) certificate, not PEM — convert it with `openssl x509 -inform der -in .*inter\.cer -out .*inter\.cer\.pem`/,
    );
    expect(onlyIssue(withTls(['    tls: { ca: leaf.key }'], { 'leaf.key': pem('leaf.key') })).message).toMatch(
      /leaf\.key holds a private key, not a certificate/,
    );
  });

  it('refuses a damaged certificate block, naming which one', () => {
    const broken = pem('root-ca.crt').replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!');
    const issue = onlyIssue(withTls(['    tls: { ca: chain.pem }'], { 'chain.pem': pem('intermediate-ca.crt') + broken }));
    expect(issue.message).toMatch(/^sources\[0\]\.tls\.ca: certificate 2 of 2 in .*chain\.pem is damaged \(.+\) — copy it again/);
  });

  it('refuses a folder as the ca file', () => {
    const dir = withTls(['    tls: { ca: certs }'], { 'certs/a.pem': pem('root-ca.crt') });
    expect(onlyIssue(dir).message).toMatch(/certs is not a regular file — name the \.pem file itself$/);
  });

  it('reports an unknown key under tls at the key, with "did you mean" or the allowed keys', () => {
    const issue = onlyIssue(withTls(['    tls:', '      cafile: certs/a.pem']));
    expect([issue.line, issue.column]).toEqual([6, 7]);
    expect(issue.message).toBe('sources[0].tls.cafile: unknown key "cafile"; allowed keys: ca, insecure');
    expect(onlyIssue(withTls(['    tls: { insecur: true }'])).message).toBe('sources[0].tls.insecur: unknown key "insecur" (did you mean "insecure"?)');
  });

  it('refuses insecure: true beside a ca, which it would make pointless', () => {
    const dir = withTls(['    tls:', '      ca: root.pem', '      insecure: true'], { 'root.pem': pem('root-ca.crt') });
    const issue = onlyIssue(dir);
    expect([issue.line, issue.column]).toEqual([7, 17]);
    expect(issue.message).toMatch(/^sources\[0\]\.tls\.insecure: true turns off the very checks that tls\.ca adds to/);
  });

  it('refuses insecure written as text', () => {
    expect(onlyIssue(withTls(['    tls: { insecure: "yes" }'])).message).toBe('sources[0].tls.insecure: expected true or false, got "yes"');
  });
});
