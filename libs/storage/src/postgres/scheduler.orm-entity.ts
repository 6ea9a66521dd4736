import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Row of `schedulers`: the active configuration of each scheduler (Maestro's schema). */
@Entity({ name: 'schedulers' })
export class SchedulerOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 255 }) game!: string;
  @Column({ type: 'text' }) yaml!: string;
  @Column({ type: 'text' }) state!: string;
  @Column({ name: 'state_last_changed_at', type: 'integer', default: 0 }) stateLastChangedAt!: number;
  @Column({ name: 'last_scale_op_at', type: 'integer', default: 0 }) lastScaleOpAt!: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true }) updatedAt!: Date | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) version!: string | null;
}
