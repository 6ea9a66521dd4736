import { InvalidArgumentError, type OperationListQuery, OPERATION_STAGES, type OperationStage } from '@maestro/domain';

export interface RawListOperationsQuery {
  stage?: string;
  orderBy?: string;
  page?: string;
  perPage?: string;
}

const DEFAULT_PAGE = 1;
const DEFAULT_PER_PAGE = 15;

/** Checks the query of GET .../operations in Maestro's order and with its messages. */
export function parseListOperationsQuery(raw: RawListOperationsQuery): OperationListQuery {
  const sortOrder = parseOrderBy(raw.orderBy ?? '');
  const page = parseUint(raw.page, 'page');
  const perPage = parseUint(raw.perPage, 'perPage');
  if (page !== undefined && page < 1) throw new InvalidArgumentError('page must be greater than 0');
  if (perPage !== undefined && (perPage < 1 || perPage > 100)) {
    throw new InvalidArgumentError('page size must be between 0 and 100');
  }
  const stage = raw.stage ?? '';
  if ((page !== undefined || perPage !== undefined) && stage !== 'final') {
    throw new InvalidArgumentError(`there is no pagination filter implemented for ${stage} stage`);
  }
  if (!isStage(stage)) throw new InvalidArgumentError(`invalid stage filter: ${stage}`);
  return { stage, sortOrder, page: page ?? DEFAULT_PAGE, perPage: perPage ?? DEFAULT_PER_PAGE };
}

function isStage(value: string): value is OperationStage {
  return (OPERATION_STAGES as readonly string[]).includes(value);
}

function parseOrderBy(orderBy: string): 'asc' | 'desc' {
  const tokens = orderBy.trim().split(/\s+/).filter(Boolean);
  if (tokens.length > 2) throw new InvalidArgumentError('invalid sorting parameters number');
  // No token (absent, empty or blank orderBy) means Maestro's default, createdAt desc.
  const [field = 'createdAt', order = 'desc'] = tokens;
  if (field !== 'createdAt') throw new InvalidArgumentError(`invalid sorting field: ${field}`);
  if (order !== 'asc' && order !== 'desc') throw new InvalidArgumentError(`invalid sorting order: ${order}`);
  return order;
}

function parseUint(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) {
    throw new InvalidArgumentError(`${field}: invalid value "${value}" for type uint32`);
  }
  return Number(value);
}
