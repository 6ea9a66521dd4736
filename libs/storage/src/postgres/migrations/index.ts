import { CreateSchedulerTables1732000000000 } from './1732000000000-CreateSchedulerTables';
import { CreateUsersTable1732000000001 } from './1732000000001-CreateUsersTable';
import { CreateApiTokensTable1733200000000 } from './1733200000000-CreateApiTokensTable';

/** Every migration, in order (listed explicitly, never globbed). */
export const MIGRATIONS = [CreateSchedulerTables1732000000000, CreateUsersTable1732000000001, CreateApiTokensTable1733200000000];
