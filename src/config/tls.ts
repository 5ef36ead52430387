import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { SourceTls } from '../model.js';
import { accept, type Reporter } from './report.js';
import type { Checked } from './value-checks.js';
import type { ConfigPath } from './yaml-locate.js';

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/** A chain file of a few certificates is a few kilobytes; anything this big is the wrong file. */
const MAX_CA_BYTES = 1024 * 1024;

const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

function readProblem(err: unknown, file: string): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return `cannot read ${file}: the file does not exist — save the certificate there as PEM, or fix the path`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${file}: permission denied — let the regionwire user read it`;
  return `cannot read ${file} (${err instanceof Error ? err.message : String(err)})`;
}

// noCertificate says what the file is instead, for the usual mix-ups: a key, or a DER (binary) certificate.
function noCertificate(bytes: Buffer, file: string): string {
  const text = bytes.toString('latin1');
  if (PRIVATE_KEY.test(text)) return `${file} holds a private key, not a certificate — name the certificate's file (regionwire never needs a key)`;
  if (bytes[0] === 0x30) {
    return `${file} is a DER (binary) certificate, not PEM — convert it with \`openssl x509 -inform der -in ${file} -out ${file}.pem\``;
  }
  return `${file} is not a PEM certificate file: it has no "-----BEGIN CERTIFICATE-----" block — save the certificate in PEM form (what \`openssl s_client -showcerts\` prints)`;
}

// checkCaFile reads a PEM file of one or more certificates, relative paths against the config folder.
// It is read at load, so a missing or broken file is a config error now rather than a failed poll later.
export function checkCaFile(text: string, configDir: string): Checked<{ file: string; pem: string }> {
  const trimmed = text.trim();
  if (trimmed.startsWith('~')) return fail(`${JSON.stringify(text)} starts with "~", which is not expanded; write the full path`);
  const file = isAbsolute(trimmed) ? trimmed : resolve(configDir, trimmed);
  let bytes: Buffer;
  try {
    const info = statSync(file);
    if (!info.isFile()) return fail(`${file} is not a regular file — name the .pem file itself`);
    if (info.size > MAX_CA_BYTES) return fail(`${file} is ${info.size} bytes, too large for a certificate file — check the path`);
    bytes = readFileSync(file);
  } catch (err) {
    return fail(readProblem(err, file));
  }
  const blocks = bytes.toString('utf8').match(CERTIFICATE) ?? [];
  if (blocks.length === 0) return fail(noCertificate(bytes, file));
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return fail(
        `certificate ${i + 1} of ${blocks.length} in ${file} is damaged (${reason}) — copy it again, from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----"`,
      );
    }
  }
  return { ok: true, value: { file, pem: blocks.join('\n') + '\n' } };
}

// buildTls reads a source's `tls:` map; undefined when it changes nothing (absent, or insecure: false alone).
export function buildTls(raw: unknown, at: (key: string) => ConfigPath, report: Reporter, configDir: string): SourceTls | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const map = raw as Readonly<Record<string, unknown>>;
  const insecure = map['insecure'] === true;
  const caText = typeof map['ca'] === 'string' ? map['ca'] : null;
  const ca = accept(report, at('ca'), caText === null ? null : checkCaFile(caText, configDir), null);
  if (insecure && caText !== null) {
    report(at('insecure'), 'true turns off the very checks that tls.ca adds to; keep only one of the two (ca is the safe one)');
  }
  if (!insecure && ca === null) return undefined;
  return { ca, insecure };
}
