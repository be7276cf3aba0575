/**
 * Reading a config value before (or despite) the schema: the cross-field checks look at what the
 * admin wrote, whatever else failed, and skip anything of the wrong shape (the schema reports it).
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const asArray = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/** A non-blank string, else undefined. */
export const asString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
