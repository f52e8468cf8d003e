/** Dates come back as Date (pg), number (SQLite) or string; make them Dates. */
export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
