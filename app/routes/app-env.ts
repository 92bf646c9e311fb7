/**
 * What every route receives: the app's dependencies (passed in by main.ts or a test, never
 * reached for as singletons) and the learner of the current request.
 */
import type { LiveBank } from '../bank/live-bank.ts';
import type { Bank } from '../bank/types.ts';
import type { Db } from '../db/store.ts';
import type { ScryptCost } from '../auth/passwords.ts';
import type { RateLimiters } from '../auth/rate-limit.ts';
import type { User } from '../auth/sessions.ts';
import type { Profile } from '../progress/profiles.ts';
import type { SandboxStore } from './dynamodb/sandbox-store.ts';
import type { SandboxRegistry } from './dynamodb/sandboxes.ts';

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** What /authoring needs beyond the Bank every page reads. */
export interface AuthoringDeps {
  /** The reloadable bank main.ts builds (the same object as deps.bank); undefined for a fixed bank. */
  readonly bank: LiveBank | undefined;
  /** AUTHORING_WRITE: saving writes files to CONTENT_DIR. */
  readonly write: boolean;
}

export interface AppDeps {
  readonly db: Db;
  /**
   * The store's change counter (Store.changeVersion), for caches of pages derived from it;
   * undefined (PostgreSQL) caches nothing across requests, which stays right when several
   * instances write to one database.
   */
  readonly changeVersion: (() => string) | undefined;
  readonly bank: Bank;
  readonly authoring: AuthoringDeps;
  readonly clock: Clock;
  /** Uniform in [0, 1): picks the next scenario and its seed. */
  readonly random: () => number;
  /** An unguessable string: profile cookies and submission tokens. */
  readonly randomToken: () => string;
  readonly logger: Logger;
  /** Cookies carry `Secure`: on when the app is served over HTTPS (COOKIE_SECURE). */
  readonly cookieSecure: boolean;
  /** Log-in, sign-up and answer counters: in memory, per instance. */
  readonly rateLimiters: RateLimiters;
  /** The client address is X-Forwarded-For's last entry (TRUST_PROXY), not the socket's peer. */
  readonly trustProxy: boolean;
  /** scrypt parameters for new password hashes; tests pass a cheap one. */
  readonly passwordCost: ScryptCost;
  /** The /dynamodb sandboxes: the account page moves an account's sandbox when its key rotates. */
  readonly sandboxes: SandboxRegistry;
  /** Saves account sandboxes in the database (app/routes/dynamodb/sandbox-store.ts). */
  readonly sandboxStore?: SandboxStore | undefined;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The account, when logged in (session cookie or API token). */
    user: User | undefined;
    /** The learning record to read; undefined until the learner first stores something. */
    profile: Profile | undefined;
    /** loadLearner ran for this request. */
    identified: boolean;
  };
}
