// Waiting for the write lock: a writer that was stopped holding it (killed, power cut) is waited
// for until its lock goes stale, and so is another stopped after taking it over (a crash after a
// crash), so that a call with a safeguarding concern is not sent away while the folder frees itself.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { afterWaiting, type Holder } from '../../src/store/lock.js';

const holder = (pid: number, extra: Partial<Holder> = {}): Holder => ({
  pid,
  host: hostname(),
  user: 'amara',
  command: 'checkin record',
  since: `2026-11-24T09:00:0${pid % 10}.000Z`,
  ...extra,
});
const stopped = () => false;

describe('waiting for the write lock', () => {
  it('waits for each stopped holder on this machine in turn, a few at most', () => {
    let waited = afterWaiting([], holder(101), stopped);
    expect(waited.map((h) => h.pid)).toEqual([101]);
    // The lock went stale, another command took it over and was stopped too.
    waited = afterWaiting(waited, holder(102), stopped);
    expect(waited.map((h) => h.pid)).toEqual([101, 102]);
    waited = afterWaiting(waited, holder(103), stopped);
    expect(afterWaiting(waited, holder(104), stopped)).toEqual([]);
  });

  it('gives up (and says who is busy) for a holder that runs, is elsewhere or unknown, or the same stopped one again', () => {
    expect(afterWaiting([], holder(101), () => true)).toEqual([]);
    expect(afterWaiting([], holder(101, { host: 'other-laptop' }), stopped)).toEqual([]);
    expect(afterWaiting([], undefined, stopped)).toEqual([]);
    expect(afterWaiting([holder(101)], holder(101), stopped)).toEqual([]);
    // A live command that took over a stopped one's lock: busy, as it would be.
    expect(afterWaiting([holder(101)], holder(102), () => true)).toEqual([]);
  });
});
