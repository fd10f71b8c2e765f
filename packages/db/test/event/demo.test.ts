import { formatEventTime } from '@klimakommuner/domain';
import { expect, it } from 'vitest';
import {
  getEvent,
  listEvents,
  migrate,
  openDatabase,
  seed,
  seedDemoEvents,
} from '../../src/index.ts';

// The demo events `pnpm dev` adds: marked, published, idempotent, with the night summer time ends.

it('adds the marked demo events once: across the end of summer time, cancelled, all day', async () => {
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await migrate(handle.db);
    await seed(handle.db);
    const today = '2026-11-30';
    const now = new Date('2026-11-30T09:00:00Z');
    expect(await seedDemoEvents(handle.db, today)).toEqual({ added: 5 });
    expect(await seedDemoEvents(handle.db, today)).toEqual({ added: 0 });
    const upcoming = await listEvents(handle.db, {}, now);
    expect(upcoming.items.every((e) => e.demo)).toBe(true);
    expect(upcoming.items.map((e) => e.slug)).toEqual([
      'sykkelbyseminar-demo',
      'klimabudsjett-i-praksis-demo',
      'webinar-om-gronne-anskaffelser-demo',
      'ombruksdagen-demo',
    ]);
    expect(upcoming.items[0]?.status).toBe('cancelled');
    expect(
      upcoming.items.find((e) => e.registrationUrl === null && e.status === 'planned'),
    ).toBeTruthy();
    expect(upcoming.items.find((e) => e.timing.allDay)?.slug).toBe('ombruksdagen-demo');
    const night = await getEvent(handle.db, 'nattseminar-om-energibruk-demo', now);
    expect(night?.timing).toEqual({
      allDay: false,
      start: '2026-10-24T23:30:00.000Z',
      end: '2026-10-25T02:30:00.000Z',
    });
    expect(formatEventTime(night?.timing ?? { allDay: true, startDate: '', endDate: '' })).toBe(
      'søndag 25. oktober 2026 kl. 01.30–03.30',
    );
    expect((await listEvents(handle.db, { when: 'past' }, now)).items[0]?.slug).toBe(
      'nattseminar-om-energibruk-demo',
    );
  } finally {
    await handle.close();
  }
});
