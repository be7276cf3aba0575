/**
 * What field verifiers and the roster say, in Spanish and English: availability (`/on 4`,
 * `/disponible 2,5`, `/off`, `/fuera`, `/turno`, `/shift`), the roster (`/roster`, `/guardia`),
 * sending someone (`/dispatch 1042`, `/enviar 1042`), the report from the scene (`/visto 1042 sí
 * 6 agentes, 2 SUV`, `/seen 1042 no one there`) and the short answers to a dispatch ping (`si 10`,
 * `y 10`, `voy 15`, `n`, `no puedo`). Pure parsing; what they do is decided in decide-roster.ts,
 * decide-dispatch.ts and decide-report-back.ts.
 */
import { normalize } from '../parse/normalize.js';
import type { Lang } from '../parse/types.js';
import { wordSet } from '../parse/vocab/index.js';

export type FieldCommand =
  | { name: 'on'; hours?: number }
  | { name: 'off' | 'shift' | 'roster' }
  | { name: 'dispatch'; report: number }
  /** Without `text`: the guided flow asks what they saw. Without `report`: their current assignment. */
  | { name: 'seen'; report?: number; text?: string };

export type ParsedFieldCommand = { ok: true; command: FieldCommand; lang: Lang } | { ok: false; name: FieldCommand['name']; lang: Lang };

const ALIASES: Record<string, { name: FieldCommand['name']; lang: Lang }> = {
  on: { name: 'on', lang: 'en' },
  available: { name: 'on', lang: 'en' },
  disponible: { name: 'on', lang: 'es' },
  off: { name: 'off', lang: 'en' },
  fuera: { name: 'off', lang: 'es' },
  shift: { name: 'shift', lang: 'en' },
  turno: { name: 'shift', lang: 'es' },
  roster: { name: 'roster', lang: 'en' },
  guardia: { name: 'roster', lang: 'es' },
  dispatch: { name: 'dispatch', lang: 'en' },
  send: { name: 'dispatch', lang: 'en' },
  enviar: { name: 'dispatch', lang: 'es' },
  seen: { name: 'seen', lang: 'en' },
  visto: { name: 'seen', lang: 'es' },
  vi: { name: 'seen', lang: 'es' },
};

const COMMAND = /^\/([a-záéíóú]+)(?:@[\w]+)?(?:\s+([\s\S]*))?$/i;
const NUMBER = /^#?(\d{1,9})$/;
/** Hours: "4", "1.5", "2,5", "4h", "3 horas", "2 hours". At most a week. */
const HOURS = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:h|hs|hr|hrs|hora|horas|hour|hours)?$/i;

/** Parses a roster or dispatch command; undefined when the text is not one. */
export function parseFieldCommand(text: string): ParsedFieldCommand | undefined {
  const m = COMMAND.exec(text.trim());
  if (!m?.[1]) return undefined;
  const alias = ALIASES[normalize(m[1])];
  if (!alias) return undefined;
  const { name, lang } = alias;
  const rest = (m[2] ?? '').trim();
  const ok = (command: FieldCommand): ParsedFieldCommand => ({ ok: true, command, lang });
  const bad: ParsedFieldCommand = { ok: false, name, lang };
  const [first, ...tail] = rest.split(/\s+/).filter(Boolean);
  const number = first ? NUMBER.exec(first)?.[1] : undefined;
  switch (name) {
    case 'on': {
      if (!rest) return ok({ name });
      const h = HOURS.exec(rest);
      const hours = h?.[1] ? Number(h[1].replace(',', '.')) : NaN;
      return hours > 0 && hours <= 168 ? ok({ name, hours }) : bad;
    }
    case 'off':
    case 'shift':
    case 'roster':
      return ok({ name });
    case 'dispatch':
      return number !== undefined && tail.length === 0 ? ok({ name, report: Number(number) }) : bad;
    case 'seen': {
      if (!rest) return ok({ name });
      const body = number !== undefined ? rest.slice(rest.indexOf(first ?? '') + (first ?? '').length).trim() : rest;
      return ok({ name, ...(number !== undefined ? { report: Number(number) } : {}), ...(body ? { text: body } : {}) });
    }
  }
}

/** Yes and no as field verifiers answer a ping, on top of the tipsters' yes/no words. */
const YES = new Set([
  ...wordSet((v) => v.yesNo.yes),
  'si',
  's',
  'y',
  'yes',
  'voy',
  'vamos',
  'va',
  'ok',
  'okay',
  'puedo',
  'going',
  'omw',
  'sure',
]);
const NO = new Set([...wordSet((v) => v.yesNo.no), 'no', 'n', 'nope', 'cant', 'cannot', 'paso', 'ocupado', 'ocupada', 'busy']);

export interface PingAnswer {
  yes: boolean;
  /** Minutes to get there, when given ("si 10", "voy 15 min"). */
  minutes?: number;
}

function words(text: string): string[] {
  return normalize(text)
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * A short answer to a dispatch ping: `si 10`, `sí`, `y 10`, `yes 5`, `voy 15`, `15 min`, `n`,
 * `no`, `no puedo`, `can't`. Undefined for anything else (it is not taken as an answer).
 * @example parsePingAnswer('voy 15') // { yes: true, minutes: 15 }
 */
export function parsePingAnswer(text: string): PingAnswer | undefined {
  const w = words(text);
  const head = w[0];
  if (!head || w.length > 6) return undefined;
  if (NO.has(head) || (head === 'can' && w[1] === 'not')) return { yes: false };
  const minutes = w.map((x) => /^(\d{1,3})(?:m|min|mins)?$/.exec(x)?.[1]).find((x) => x !== undefined);
  const eta = minutes !== undefined && Number(minutes) > 0 && Number(minutes) <= 600 ? { minutes: Number(minutes) } : {};
  if (YES.has(head)) return { yes: true, ...eta };
  if (minutes !== undefined && /^\d/.test(head)) return { yes: true, ...eta };
  return undefined;
}

const NOBODY = [
  /^(?:no|nope|n)\b/,
  /^(?:nadie|nada|ninguno|ninguna|vacio|despejado|limpio|tranquilo)\b/,
  /^(?:nobody|noone|nothing|clear|all clear|empty|quiet)\b/,
  /^no one\b/,
];
const SEEN_YES = /^(?:si|s|yes|y|yep|confirmado|confirmada|confirmo|confirmed|confirm|hay|estan|there)\b/;

export interface SiteReport {
  seen: 'yes' | 'nobody';
  /** What they saw, in their words (for the desk; an alert carries it only as a verifier's note). */
  details: string;
}

/**
 * What a field verifier saw: `sí 6 agentes, 2 SUV` -> yes with details; `no one there`, `nadie`,
 * `no hay nadie` -> nobody. Undefined when it says neither (they are asked again with an example).
 */
export function parseSiteReport(text: string): SiteReport | undefined {
  const folded = normalize(text).replace(/^[\s¡!.,:;-]+/, '');
  const cleanDetails = (rest: string) => rest.replace(/^[\s,.:;!-]+/, '').trim();
  if (NOBODY.some((re) => re.test(folded))) return { seen: 'nobody', details: text.trim() };
  const yes = SEEN_YES.exec(folded);
  if (yes) return { seen: 'yes', details: cleanDetails(text.trim().replace(/^[\s¡!.,:;-]*[^\s,.:;!]+/u, '')) };
  return undefined;
}
