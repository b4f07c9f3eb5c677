export {
  FindingsTable,
  FINDING_FILTER_PARAMS,
  filtersFromSearchParams,
  type FindingsTableProps,
} from './FindingsTable';
