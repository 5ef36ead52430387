// IANA time zones whose offsets are remembered per quarter hour. luxon asks Intl for a zone's
// offset at every time it converts (Intl.DateTimeFormat.formatToParts, twice or more a date): on
// the ingest bench's 30,000 zone-less dates that was 0.45 s of CPU and most of their garbage.
import { IANAZone } from 'luxon';

const QUARTER_HOUR_MS = 900_000;
/** Quarter hours remembered per zone before the memory starts over (a feed's dates cluster). */
const MAX_REMEMBERED = 4096;

// A quarter hour in which the offset changes (a daylight-saving switch, or an old zone's local mean
// time ending at an odd second) is not remembered: each time in it is asked of Intl, as before. No
// zone changes its offset twice within a quarter hour, so the offset at both ends of one that is
// remembered holds for all of it.
class CachedZone extends IANAZone {
  private readonly known = new Map<number, number>();

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    const remembered = this.known.get(quarter);
    if (remembered !== undefined) return remembered;
    const start = quarter * QUARTER_HOUR_MS;
    const offset = super.offset(start);
    if (super.offset(start + QUARTER_HOUR_MS - 1) !== offset) return super.offset(ts);
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(quarter, offset);
    return offset;
  }
}

const zones = new Map<string, CachedZone | null>();

// cachedZone is the zone named `name` with remembered offsets, or null when Intl does not know it.
export function cachedZone(name: string): IANAZone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) ? new CachedZone(name) : null;
    zones.set(name, zone);
  }
  return zone;
}
