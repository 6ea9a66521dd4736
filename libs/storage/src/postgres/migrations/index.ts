import { CreateSchedulerTables1732000000000 } from './1732000000000-CreateSchedulerTables';
import { CreateUsersTable1732000000001 } from './1732000000001-CreateUsersTable';

/** Every migration, in order (listed explicitly, never globbed). */
export const MIGRATIONS = [CreateSchedulerTables1732000000000, CreateUsersTable1732000000001];
