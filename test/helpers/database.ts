/** A fresh in-memory database with every migration in migrations/ applied, as the server does. */
import { openDatabase, type OpenedDatabase } from '../../app/db/connection.ts';

export function openTestDatabase(): OpenedDatabase {
  return openDatabase(':memory:');
}
