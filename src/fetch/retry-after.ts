// Reading Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.

// Every HTTP-date form starts with a day name; without this check Date.parse reads "1.5" as 5 January 2001.
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;
// asctime ("Sun Nov  6 08:49:37 1994") carries no zone, and RFC 9110 §5.6.7 says it is GMT.
const ASCTIME = /^[a-z]{3} [a-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/i;

// retryAfterDate turns a Retry-After value into the moment to come back, never earlier than `now`.
export function retryAfterDate(header: string | null, now: Date): Date | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  if (!HTTP_DATE.test(value)) return null;
  // Date.parse accepts IMF-fixdate and the obsolete RFC 850 form that RFC 9110 §5.6.7 still requires.
  const at = Date.parse(ASCTIME.test(value) ? `${value} GMT` : value);
  if (Number.isNaN(at)) return null;
  return new Date(Math.max(at, now.getTime()));
}
