/**
 * A filter for Inputs.search that matches each whitespace-separated term anywhere in the given columns, ignoring
 * case. Inputs' default needs a word start before the term, and a Chinese character counts as a letter, so “自来水”
 * would never match inside “农村自来水普及率”.
 * @example Inputs.search(rows, {filter: substringFilter(["indicator", "en"])})
 */
export function substringFilter<T extends object>(columns: readonly (keyof T & string)[]) {
  return (query: string) => {
    const terms = `${query}`.toLowerCase().split(/\s+/).filter(Boolean);
    return (d: T) =>
      terms.every((term) =>
        columns.some((column) => {
          const value = d[column];
          return value !== null && value !== undefined && String(value).toLowerCase().includes(term);
        })
      );
  };
}
