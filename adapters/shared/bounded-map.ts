/**
 * A Map that keeps at most `max` entries: setting a key makes it the newest, and the oldest is
 * forgotten beyond the limit. For what an adapter remembers in memory only (sent messages,
 * topics, keyboards), so that a long-running process never grows without end.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
