/** PostgreSQL: not yet served (issue 18 is building it). */
import type { Store } from './store.ts';

export async function openPostgres(_url: string): Promise<Store> {
  throw new Error('DATABASE_URL=postgres://… is not served yet.');
}
