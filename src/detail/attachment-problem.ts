// The one way the format readers report a file they cannot read: attachment-text.ts turns it into an
// AttachmentError, and anything else a library throws on malformed bytes into kind 'corrupt'.
import type { AttachmentErrorKind } from '../model.js';

export class AttachmentProblem extends Error {
  readonly kind: AttachmentErrorKind;

  constructor(kind: AttachmentErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AttachmentProblem';
    this.kind = kind;
  }
}

/** What one read may spend: decompressed bytes and wall-clock time. */
export interface ReadLimits {
  readonly maxBytes: number;
  /** Date.now() value after which the read gives up (checked between sections and pages). */
  readonly deadline: number;
}

// checkDeadline throws a 'timeout' problem once the read has run past its deadline.
export function checkDeadline(limits: ReadLimits, name: string): void {
  if (Date.now() > limits.deadline) {
    throw new AttachmentProblem('timeout', `detail: ${name}: reading its text took too long; the file is listed without text`);
  }
}

// tooLarge is the problem for a file that expands past the byte cap (a zip bomb, or just huge).
export function tooLarge(name: string, what: string, maxBytes: number): AttachmentProblem {
  return new AttachmentProblem(
    'too-large',
    `detail: ${name}: ${what} expands past ${formatBytes(maxBytes)}; refused (raise the attachment size cap if the file is genuine)`,
  );
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${Math.round(n / 1024)} KiB`;
}
