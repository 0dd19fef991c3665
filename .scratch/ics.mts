import { TZDate } from '@date-fns/tz';
import ical from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
const tz = 'Europe/London';
const s = new TZDate(2026, 6, 24, 9, 30, tz);
console.log(s.toISOString(), String(s));
const cal = ical({ name: 'Calls', timezone: { name: tz, generator: getVtimezoneComponent } });
cal.createEvent({ start: s, end: new TZDate(2026, 6, 24, 9, 50, tz), timezone: tz, summary: 'Call Zoë Ångström', description: 'phone', id: 'x@mentor-coord' });
console.log(cal.toString());
