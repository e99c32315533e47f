/**
 * The row an `INSERT … RETURNING` of one row wrote. It always returns one (a conflict or a refused row
 * throws instead), so an empty answer is a bug, not a case for the caller.
 */
export async function insertOne<T>(insert: PromiseLike<T[]>): Promise<T> {
  const [row] = await insert;
  if (!row) throw new Error("insert returned nothing");
  return row;
}
