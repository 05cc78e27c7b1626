/** Minimal `--key value` / `--flag` parser for the eval scripts (no dependency needed). */
export function parseArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [key, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) args.set(key, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args.set(key, argv[++i]);
    else args.set(key, true);
  }
  return args;
}

export function stringArg(args: Map<string, string | true>, key: string): string | undefined {
  const v = args.get(key);
  return typeof v === 'string' ? v : undefined;
}
