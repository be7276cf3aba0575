/**
 * A dashboard button as the chat command it stands for: `confirm` on #1042 with a note and
 * "stale" ticked is `/confirm 1042 note --stale`, parsed by the same parser as in chat, so the
 * verification decider sees exactly what a chat command would give it and applies the same rules.
 */
import { parseCommand, type ParsedCommand } from '../../bot/verification/commands.js';

/** The buttons the report page offers. */
export const ACTIONS = ['claim', 'ask', 'confirm', 'reject', 'merge', 'update', 'clear', 'block', 'unblock', 'reopen'] as const;
export type DashboardAction = (typeof ACTIONS)[number];

export function isAction(s: string): s is DashboardAction {
  return (ACTIONS as readonly string[]).includes(s);
}

/** Folds what a form sent onto one command line's worth of text (line breaks kept as spaces). */
function clean(value: string | undefined): string {
  return (value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, 2000);
}

/**
 * The command for a button press. `text` is the note, reason, question or update; `into` the
 * incident to merge into; `stale` the --stale box. Missing arguments give the command's usage
 * answer, as in chat.
 */
export function commandFor(
  action: DashboardAction,
  report: number,
  form: { text?: string; into?: string; stale?: boolean },
): ParsedCommand {
  const args: string[] = [String(report)];
  if (action === 'merge') args.push(clean(form.into).replace(/^#/, ''));
  else if (action === 'confirm' || action === 'reject' || action === 'ask' || action === 'update') args.push(clean(form.text));
  if (action === 'confirm' && form.stale) args.push('--stale');
  const line = `/${action} ${args.filter(Boolean).join(' ')}`;
  // Every action name is an English alias of a chat command, so this always parses.
  return parseCommand(line) ?? { ok: false, name: 'help', lang: 'en' };
}
