/**
 * Phone numbers and e-mail addresses that tipsters write about other people ("llamen a su
 * esposa al 213 555 0143"). They must never leave the verifier chat, and a phone number is
 * never a location.
 */
import { lazyModule } from './lazy-module.js';

/** Loaded with the first text that has enough digits to hold a phone number. */
const phoneNumbers = lazyModule<typeof import('libphonenumber-js')>('libphonenumber-js');

/** What replaces a removed contact. */
export const CONTACT_MARK = '[…]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Cheap gate: a phone number has at least seven digits, perhaps split by spaces or punctuation. */
const SEVEN_DIGITS = /(?:\d[\s().\-/]{0,3}){7}/;

export interface Found {
  start: number;
  end: number;
}

/**
 * Where phone numbers are in the text: any number libphonenumber-js finds for the US or Mexico
 * (the networks' two usual countries), or in international form. Addresses ("1234 Main St"),
 * ZIP codes, clock times, coordinates and plates are not phone numbers.
 */
export function findPhones(text: string): Found[] {
  if (!SEVEN_DIGITS.test(text)) return [];
  const out: Found[] = [];
  for (const country of ['US', 'MX'] as const) {
    for (const n of phoneNumbers().findPhoneNumbersInText(text, country)) out.push({ start: n.startsAt, end: n.endsAt });
  }
  return merge(out);
}

function merge(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else out.push({ ...f });
  }
  return out;
}

/** Whether the text holds a phone number or an e-mail address. */
export function hasContact(text: string): boolean {
  EMAIL.lastIndex = 0;
  return EMAIL.test(text) || findPhones(text).length > 0;
}

/**
 * The text with every phone number and e-mail address replaced by "[…]", for every field that
 * can leave the verifier chat: "llamen a su esposa al 213 555 0143" → "llamen a su esposa al
 * […]". Everything else is kept as written.
 */
export function scrubContacts(text: string): string {
  if (!text) return text;
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, CONTACT_MARK);
  const phones = findPhones(out);
  for (let i = phones.length - 1; i >= 0; i--) out = out.slice(0, phones[i]!.start) + CONTACT_MARK + out.slice(phones[i]!.end);
  return out;
}
