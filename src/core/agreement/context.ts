// What a mentoring agreement says, as data for its template: the terms (the programme's,
// overridden by the match's own), the people, who to contact, and the dates, in words. Pure.
import { addPeriod, parseClockLength, type IsoDate } from '../dates.js';
import { period } from '../checkin/schedule.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Match } from '../schema/index.js';
import { dateWords, everyPeriod, lengthWords, reviewName } from '../words.js';
import { effectiveTerms } from './terms.js';

export interface Contact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface AgreementData {
  programme: { name: string; organisation: string };
  match: { id: string; started: string; first_meeting: string; planned_end: string };
  mentor: Contact & { pronouns: string };
  mentee: Contact & { pronouns: string };
  /** The mentee's parent or carer, when the mentee's file names one (their consent is asked for). */
  guardian: (Contact & { relationship: string }) | null;
  coordinator: Contact;
  safeguarding_lead: Contact;
  terms: {
    meeting_frequency: string;
    sessions: number;
    meeting_length: string;
    location: string;
    contact: string;
    arranging: string;
    focus: string;
    boundaries: string[];
    support: string;
  };
  reviews: string[];
  today: string;
  /** The same dates as YYYY-MM-DD, for the `date` helper: {{date iso.first_meeting "EEEE d MMMM"}}. */
  iso: { started: string; first_meeting: string; planned_end: string; today: string };
}

const contact = (c: { name: string; role?: string | undefined; phone?: string | undefined; email?: string | undefined }, role = ''): Contact => ({
  name: c.name,
  role: c.role ?? role,
  phone: c.phone ?? '',
  email: c.email ?? '',
});

export function agreementData(model: ProgrammeModel, match: Loaded<Match>, today: IsoDate): AgreementData {
  const m = match.data;
  const s = model.settings;
  const terms = effectiveTerms(m, s);
  const mentor = model.mentors.get(m.mentor)?.data;
  const mentee = model.mentees.get(m.mentee)?.data;
  const from = m.first_meeting ?? m.started ?? m.proposed ?? today;
  const end = m.planned_end ?? addPeriod(from, period(s.agreement.duration));
  const guardian = mentee?.guardian;
  return {
    programme: { name: s.name, organisation: s.organisation ?? s.name },
    match: {
      id: match.id,
      started: m.started ? dateWords(m.started) : '',
      first_meeting: m.first_meeting ? dateWords(m.first_meeting) : '',
      planned_end: dateWords(end),
    },
    mentor: { ...contact({ name: mentor?.name ?? m.mentor, phone: mentor?.phone, email: mentor?.email }, 'mentor'), pronouns: mentor?.pronouns ?? '' },
    mentee: { ...contact({ name: mentee?.name ?? m.mentee, phone: mentee?.phone, email: mentee?.email }, 'mentee'), pronouns: mentee?.pronouns ?? '' },
    guardian: guardian ? { ...contact(guardian, 'parent or carer'), relationship: guardian.relationship ?? 'parent or carer' } : null,
    coordinator: contact(s.coordinator, 'coordinator'),
    safeguarding_lead: contact(s.safeguarding_lead, 'safeguarding lead'),
    // Terms are written as phrases the template ends with its own full stop.
    terms: {
      meeting_frequency: everyPeriod(terms.meeting_frequency),
      sessions: terms.sessions,
      meeting_length: lengthWords(parseClockLength(terms.meeting_length) ?? 60),
      location: phrase(terms.location),
      contact: phrase(terms.contact),
      arranging: phrase(terms.arranging),
      focus: phrase(terms.focus),
      boundaries: terms.boundaries,
      support: phrase(terms.support),
    },
    reviews: s.reviews.at.map((at) => `${dateWords(addPeriod(from, period(at)))} (${reviewName(at)})`),
    today: dateWords(today),
    iso: { started: m.started ?? '', first_meeting: m.first_meeting ?? '', planned_end: end, today },
  };
}

/** A term without the full stop (or spaces) it may end with. */
function phrase(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
