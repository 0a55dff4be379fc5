// The console's lists show this many rows a page; a page number comes from the address.
export const PAGE_SIZE = 25;

export type Page<Row> = { rows: Row[]; page: number; pageCount: number; total: number };

export function pageOf<Row>(rows: Row[], total: number, page: number): Page<Row> {
  return { rows, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}

export const skipFor = (page: number) => (page - 1) * PAGE_SIZE;
