/**
 * The bot runs with the same Node flags wherever it is started: `npm start`, the Docker image and
 * the benchmark (which must measure the bot as it runs). The young generation's cap keeps Node 24
 * from growing it to 64 MB, which alone put the process over its memory budget; two V8 background
 * threads instead of four hold about 5 MB less.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url);
const FLAGS = ['--max-semi-space-size=16', '--v8-pool-size=2'];

const scripts = (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { scripts: Record<string, string> }).scripts;
const dockerCmd = /^CMD (\[.*\])$/m.exec(readFileSync(new URL('Dockerfile', ROOT), 'utf8'))?.[1];

describe('Node flags', () => {
  it('npm start runs the bot with them', () => {
    for (const flag of FLAGS) expect(scripts.start).toMatch(new RegExp(`^node (?:\\S+ )*${flag} .*app/main\\.ts$`));
  });

  it('the Docker image runs the bot with them', () => {
    const cmd = JSON.parse(dockerCmd ?? '[]') as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.at(-1)).toBe('dist/app/main.js');
    for (const flag of FLAGS) expect(cmd).toContain(flag);
  });

  it('the benchmark measures the message path with them', () => {
    const intake = /node ([^&]*)dist-bench\/bench\/intake\.bench\.js/.exec(scripts.bench ?? '');
    expect(intake).not.toBeNull();
    for (const flag of FLAGS) expect(intake?.[1]).toContain(flag);
  });
});
