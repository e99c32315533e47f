/**
 * Small-cell suppression for aggregated reports shared outside the company (DESIGN §3: k ≥ 5). A count of
 * people below k is not shown, so that no one can be picked out of a report ("the only tenant on floor 12
 * who has not paid").
 */

export const K = 5;

export type Cell = { value: number | null; suppressed: boolean };

/**
 * One count as it may be shown: 1 to k-1 people is hidden, 0 and k or more are shown.
 *
 * Zero is shown, as statistical offices commonly do: an empty cell describes nobody, so there is no person to
 * protect in it, and hiding every zero would blank most of a sparse report (empty floors, months before a
 * building opened) while making the real small cells easier to guess among the few that stay hidden.
 * @param value a count of people (a non-negative integer)
 * @param k the smallest count that may be shown
 */
export function suppress(value: number, k = K): Cell {
  return value > 0 && value < k ? { value: null, suppressed: true } : { value, suppressed: false };
}

/**
 * The counts of one group whose total is published (the floors of a block, the units of a floor), suppressed
 * so that no hidden count can be recovered by subtracting the shown ones from the total: when exactly one
 * cell is hidden, the smallest shown cell is hidden with it (complementary suppression). A shown cell with
 * people in it is chosen first, because hiding a zero next to the small cell would leave the hidden pair's
 * sum equal to the small count; a zero is taken only when nothing else is left. The published total itself
 * must go through `suppress` too.
 * @param counts the group's counts, in display order
 * @param k the smallest count that may be shown
 * @returns the cells in the same order; shown values are unchanged
 */
export function suppressGroup(counts: number[], k = K): Cell[] {
  const cells = counts.map((c) => suppress(c, k));
  const hidden = cells.filter((c) => c.suppressed).length;
  if (hidden !== 1 || cells.length < 2) return cells;

  let pick = -1;
  counts.forEach((count, i) => {
    if (cells[i]?.suppressed) return;
    const best = counts[pick];
    const better =
      best === undefined || (count > 0 && best === 0) || (count > 0 === best > 0 && count < best);
    if (better) pick = i;
  });
  cells[pick] = { value: null, suppressed: true };
  return cells;
}
