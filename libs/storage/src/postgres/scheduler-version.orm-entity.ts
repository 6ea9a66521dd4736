import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Row of `scheduler_versions`: every configuration a scheduler ever had. */
@Entity({ name: 'scheduler_versions' })
export class SchedulerVersionOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 255 }) version!: string;
  @Column({ type: 'text' }) yaml!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'rolling_update_status', type: 'varchar', length: 255, nullable: true }) rollingUpdateStatus!: string | null;
  @Column({ name: 'rollback_version', type: 'varchar', length: 255, nullable: true }) rollbackVersion!: string | null;
}
