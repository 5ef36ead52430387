// Keeps V8's young generation at its starting size (two semi-spaces of 1 MB) for the whole process.
// Left alone, V8 grows it to two of 16 MB while a pass allocates, and a cold pass over 1,000 feeds
// peaked at 221–228 MB RSS instead of 183–186 MB; held small, it costs about 0.5 s more scavenging
// in 20 s of CPU than two semi-spaces of 4 MB (issue 11; docs/benchmarks.md). `--max-semi-space-size` is only read when node starts, which a
// command run as `regionwire poll` or `node bin/regionwire.js` cannot give it; the growth factor
// is read each time V8 would grow the young generation. Imported for its effect, before anything
// else is loaded: bin/regionwire.js imports it, then the command line.
import v8 from 'node:v8';

v8.setFlagsFromString('--semi-space-growth-factor=1');
