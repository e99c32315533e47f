/**
 * ORACLE (test code, not product code): tiered (banded) tariffs for metered electricity and water, computed the
 * way EVN publishes it, independently of the product's SQL (`runs/charges.sql.ts`), which the tests compare
 * with it. Each band's units are charged at that band's price.
 *
 * EVN, "Tính tiền trong tháng đổi giá" and periods that are not a full month: each band's own limit
 * (50, 50, 100, 100, 100 kWh, the last unlimited) is prorated by days and rounded — Mt_i = round(Mq_i × N / T) —
 * and the bands are filled one after the other; the thresholds are the sums of the rounded limits, not the
 * rounded cumulative thresholds. A change of price inside a period splits the consumption by days
 * (A1 = round(A × N1 / T), A2 = A − A1) and bills each part on its own prorated bands.
 */
import { assertVnd, roundHalfAway, sumVnd } from "./money.oracle.js";

/** One band of a tariff. */
export type Band = {
  /** The inclusive upper limit of consumption in this band (kWh or m³, cumulative); null = unlimited. */
  upTo: number | null;
  /** The price of one unit in this band, VND. */
  price: number;
};

/** Band limits prorated by days (EVN: a reading period that is not a full month). */
export type DayScale = {
  /** Days the reading covers. */
  billedDays: number;
  /** Days of the month the limits are defined for. */
  daysInMonth: number;
};

/** Band limits multiplied by the registered persons (Ho Chi Minh City water: limits are per person). */
export type PersonScale = {
  /** Persons registered in the household. */
  persons: number;
};

/** How band limits are adjusted to the period and the household; both at once for water across a tariff change. */
export type TierScale = DayScale | PersonScale | (DayScale & PersonScale);

/** The consumption charged in one band. */
export type TierLine = {
  /** The band's number, from 1 (EVN's "bậc 1"). */
  band: number;
  /** Units charged in this band. */
  quantity: number;
  /** Unit price, VND. */
  price: number;
  /** quantity × price, VND. */
  amount: number;
};

/** A tiered charge: the lines of the bands used (in band order) and their total. */
export type TieredCharge = { lines: TierLine[]; amount: number };

function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a positive whole number, got ${value}`);
  }
  return value;
}

function assertConsumption(consumption: number): void {
  if (!Number.isSafeInteger(consumption) || consumption < 0) {
    throw new RangeError(`consumption must be a whole number of units ≥ 0, got ${consumption}`);
  }
}

function assertBands(bands: readonly Band[]): void {
  if (bands.length === 0) throw new RangeError("a tariff needs at least one band");
  let previous = 0;
  bands.forEach((band, i) => {
    if (assertVnd(band.price, `price of band ${i + 1}`) < 0)
      throw new RangeError(`band ${i + 1} has a negative price`);
    const last = i === bands.length - 1;
    if (band.upTo === null) {
      if (!last) throw new RangeError(`only the last band may be unlimited; band ${i + 1} is`);
      return;
    }
    if (last) throw new RangeError("the last band must be unlimited (upTo: null)");
    if (!Number.isSafeInteger(band.upTo) || band.upTo <= previous) {
      throw new RangeError(
        `band limits must be whole numbers in increasing order; band ${i + 1} has ${band.upTo}`,
      );
    }
    previous = band.upTo;
  });
}

/** A band's own limit (its width, not the cumulative threshold), adjusted to the period and the household. */
function scaledWidth(width: number, scale: TierScale | undefined): number {
  if (!scale) return width;
  let numerator = BigInt(width);
  let denominator = 1n;
  if ("persons" in scale) numerator *= BigInt(positiveInteger(scale.persons, "persons"));
  if ("billedDays" in scale) {
    numerator *= BigInt(positiveInteger(scale.billedDays, "billed days"));
    denominator = BigInt(positiveInteger(scale.daysInMonth, "days in month"));
  }
  return Number(roundHalfAway(numerator, denominator));
}

/**
 * Charges a consumption through a tariff's bands.
 *
 * With a day scale each band's own limit (its width) becomes `round(width × billedDays / daysInMonth)` (half away
 * from zero), as EVN prorates a period that is not a full month; with a person scale it is multiplied by the
 * persons first (the household's norm), then prorated and rounded.
 * @param consumption whole units (kWh, m³), ≥ 0
 * @param bands the tariff, limits increasing, the last one unlimited
 * @param scale how the limits are adjusted; none for a full month
 */
export function tieredCharge(consumption: number, bands: readonly Band[], scale?: TierScale): TieredCharge {
  assertConsumption(consumption);
  assertBands(bands);
  const lines: TierLine[] = [];
  let left = consumption;
  let previousLimit = 0;
  bands.forEach((band, i) => {
    // Fill this band up to its own prorated width; the last band takes what is left.
    const width = band.upTo === null ? left : scaledWidth(band.upTo - previousLimit, scale);
    if (band.upTo !== null) previousLimit = band.upTo;
    const quantity = Math.min(left, width);
    left -= quantity;
    if (quantity > 0) {
      lines.push({
        band: i + 1,
        quantity,
        price: band.price,
        amount: assertVnd(quantity * band.price, "band amount"),
      });
    }
  });
  return { lines, amount: sumVnd(lines.map((l) => l.amount)) };
}

/** A stretch of a period during which one tariff was in force. */
export type TariffSegment = {
  /** Days of the period under this tariff. */
  days: number;
  /** The tariff's bands. */
  bands: readonly Band[];
};

/** The charge of one tariff segment. */
export type SegmentCharge = TieredCharge & {
  /** Days of the segment. */
  days: number;
  /** The part of the consumption attributed to the segment. */
  consumption: number;
};

/**
 * Charges a period that spans a tariff change.
 *
 * The consumption is split in proportion to each segment's days; each segment's part goes through its own bands with
 * the limits prorated by `segment.days / daysInPeriod`. The parts are rounded cumulatively (each one is the rounded
 * running share minus the previous running share), so they are never negative and always add up to the consumption;
 * for two segments that is "round the first, the last gets the rest".
 * @param consumption whole units over the whole period, ≥ 0
 * @param segments the tariffs in force, in order, with their days
 * @param daysInPeriod the days the band limits are defined for (the period's month)
 * @param persons registered persons, when the limits are per person (water)
 */
export function splitByTariff(
  consumption: number,
  segments: readonly TariffSegment[],
  daysInPeriod: number,
  persons?: number,
): { parts: SegmentCharge[]; amount: number } {
  assertConsumption(consumption);
  positiveInteger(daysInPeriod, "days in period");
  if (segments.length === 0) throw new RangeError("a period needs at least one tariff segment");
  const totalDays = BigInt(segments.reduce((sum, s) => sum + positiveInteger(s.days, "segment days"), 0));
  let elapsed = 0n;
  let attributed = 0;
  const parts = segments.map((segment): SegmentCharge => {
    elapsed += BigInt(segment.days);
    const runningShare = Number(roundHalfAway(BigInt(consumption) * elapsed, totalDays));
    const part = runningShare - attributed;
    attributed = runningShare;
    const days = { billedDays: segment.days, daysInMonth: daysInPeriod };
    const charge = tieredCharge(part, segment.bands, persons === undefined ? days : { ...days, persons });
    return { days: segment.days, consumption: part, ...charge };
  });
  return { parts, amount: sumVnd(parts.map((p) => p.amount)) };
}
