/**
 * Verifier and responder commands, in English and Spanish: `/confirm 1042 note`, `/confirmar
 * #1042`, `/confirm@CentinelaBot 1042` (Telegram groups). Pure parsing; what a command does is
 * decided in decide.ts.
 */
import type { Lang } from '../parse/types.js';

export type CommandName =
  | 'claim'
  | 'confirm'
  | 'reject'
  | 'ask'
  | 'merge'
  | 'update'
  | 'clear'
  | 'reopen'
  | 'status'
  | 'help'
  | 'going'
  | 'block'
  | 'unblock'
  | 'dashboard';

export type Command =
  | { name: 'claim' | 'clear' | 'reopen' | 'block' | 'unblock'; report: number }
  /** A responder on their way, and in how many minutes they expect to arrive (`/voy 1042 15`). */
  | { name: 'going'; report: number; minutes?: number }
  | { name: 'confirm'; report: number; note?: string; stale: boolean }
  | { name: 'reject'; report: number; reason: string }
  | { name: 'ask'; report: number; question: string }
  | { name: 'merge'; report: number; into: number }
  | { name: 'update'; report: number; text: string }
  | { name: 'status' }
  | { name: 'help' }
  /** `/panel`, `/dashboard`: a one-time sign-in link to the web dashboard, in a direct message. */
  | { name: 'dashboard' };

/** Commands only enrolled people may use (they change a report, or open the dashboard): refused and recorded for anyone else. */
export const REPORT_COMMANDS: ReadonlySet<CommandName> = new Set([
  'claim',
  'confirm',
  'reject',
  'ask',
  'merge',
  'update',
  'clear',
  'reopen',
  'block',
  'unblock',
  'dashboard',
]);

const ALIASES: Record<string, { name: CommandName; lang: Lang }> = {
  claim: { name: 'claim', lang: 'en' },
  tomar: { name: 'claim', lang: 'es' },
  reclamar: { name: 'claim', lang: 'es' },
  confirm: { name: 'confirm', lang: 'en' },
  confirmar: { name: 'confirm', lang: 'es' },
  reject: { name: 'reject', lang: 'en' },
  rechazar: { name: 'reject', lang: 'es' },
  ask: { name: 'ask', lang: 'en' },
  preguntar: { name: 'ask', lang: 'es' },
  merge: { name: 'merge', lang: 'en' },
  unir: { name: 'merge', lang: 'es' },
  update: { name: 'update', lang: 'en' },
  actualizar: { name: 'update', lang: 'es' },
  clear: { name: 'clear', lang: 'en' },
  despejado: { name: 'clear', lang: 'es' },
  despejar: { name: 'clear', lang: 'es' },
  reopen: { name: 'reopen', lang: 'en' },
  reabrir: { name: 'reopen', lang: 'es' },
  status: { name: 'status', lang: 'en' },
  estado: { name: 'status', lang: 'es' },
  help: { name: 'help', lang: 'en' },
  ayuda: { name: 'help', lang: 'es' },
  going: { name: 'going', lang: 'en' },
  block: { name: 'block', lang: 'en' },
  bloquear: { name: 'block', lang: 'es' },
  unblock: { name: 'unblock', lang: 'en' },
  desbloquear: { name: 'unblock', lang: 'es' },
  voy: { name: 'going', lang: 'es' },
  dashboard: { name: 'dashboard', lang: 'en' },
  panel: { name: 'dashboard', lang: 'es' },
  vamos: { name: 'going', lang: 'es' },
};

export type ParsedCommand =
  | { ok: true; name: CommandName; command: Command; lang: Lang }
  /** A known command with missing or malformed arguments: answer with its usage. */
  | { ok: false; name: CommandName; lang: Lang };

const COMMAND = /^\/([a-záéíóú]+)(?:@[\w]+)?(?:\s+([\s\S]*))?$/i;
const NUMBER = /^#?(\d{1,9})$/;

function reportNumber(token: string | undefined): number | undefined {
  const m = token ? NUMBER.exec(token) : null;
  return m?.[1] ? Number.parseInt(m[1], 10) : undefined;
}

/**
 * Parses a command message. Returns undefined when the text is not one of our commands (so it
 * can be handled as an ordinary message).
 */
export function parseCommand(text: string): ParsedCommand | undefined {
  const m = COMMAND.exec(text.trim());
  if (!m?.[1]) return undefined;
  const alias = ALIASES[m[1].toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')];
  if (!alias) return undefined;
  const { name, lang } = alias;
  const rest = (m[2] ?? '').trim();
  const [first, ...tail] = rest.split(/\s+/).filter(Boolean);
  const report = reportNumber(first);
  const bad: ParsedCommand = { ok: false, name, lang };
  const ok = (command: Command): ParsedCommand => ({ ok: true, name, command, lang });
  // Everything after the report number, line breaks kept (questions and updates can be long).
  const restText = first ? rest.slice(rest.indexOf(first) + first.length).trim() : '';
  switch (name) {
    case 'status':
    case 'help':
    case 'dashboard':
      return ok({ name });
    case 'going': {
      const minutes = tail[0] ? /^(\d{1,3})(?:m|min|mins|minutos|minutes)?$/i.exec(tail[0])?.[1] : undefined;
      if (report === undefined || tail.length > (tail[1] && /^(min|mins|minutos|minutes)$/i.test(tail[1]) ? 2 : 1)) return bad;
      if (tail.length > 0 && (minutes === undefined || Number(minutes) === 0)) return bad;
      return ok({ name, report, ...(minutes !== undefined ? { minutes: Number(minutes) } : {}) });
    }
    case 'claim':
    case 'clear':
    case 'reopen':
    case 'block':
    case 'unblock':
      return report !== undefined && tail.length === 0 ? ok({ name, report }) : bad;
    case 'confirm': {
      if (report === undefined) return bad;
      const words = tail.filter((w) => !/^--(stale|viejo|antiguo)$/i.test(w));
      const note = words.join(' ').trim();
      return ok({ name, report, stale: words.length !== tail.length, ...(note ? { note } : {}) });
    }
    case 'reject':
      return report !== undefined && restText ? ok({ name, report, reason: restText }) : bad;
    case 'ask':
      return report !== undefined && restText ? ok({ name, report, question: restText }) : bad;
    case 'update':
      return report !== undefined && restText ? ok({ name, report, text: restText }) : bad;
    case 'merge': {
      const into = reportNumber(tail[0]);
      return report !== undefined && into !== undefined && tail.length === 1 && into !== report ? ok({ name, report, into }) : bad;
    }
  }
}
