import {z} from "zod";
import type {TidyRow} from "./tidy.js";
import type {UnitInfo} from "./units.js";

/** Years a statistical table may hold. */
export const yearSchema = z
  .number()
  .int("year must be a whole number")
  .min(1949, "year before 1949")
  .max(2100, "year after 2100");

/** The shape of one tidy row, checked once per indicator and on every row the long layout reads. */
export const tidyRowSchema = z.object({
  indicator: z.string().min(1, "indicator name is empty"),
  unit: z.string(),
  region_code: z.string().regex(/^(\d{6}|CN)$/, "region code must be six digits or CN"),
  region: z.string().min(1),
  year: yearSchema,
  value: z.number().finite().nullable()
}) satisfies z.ZodType<TidyRow>;

const rate = z.number().min(0, "rate below 0%").max(100, "rate above 100%");
const income = z.number().positive("income must be positive");
const nonNegative = z.number().min(0, "must not be negative");
const any = z.number().finite();

/**
 * The range check for one indicator's values: rates 0-100, incomes > 0, amounts of money, area, length, capacity
 * and population >= 0; other quantities (growth, balances) are only required to be finite.
 * @example valueSchema("城镇居民人均可支配收入", unitInfo("元")).safeParse(-1).success // false
 */
export function valueSchema(indicator: string, unit: UnitInfo): z.ZodType<number> {
  if (unit.canonical === "%") return /增长|增速|变动|比上年/.test(indicator) ? any : rate;
  if (unit.quantity === "money") return /收入/.test(indicator) && !/净收入|财产|增长|差/.test(indicator) ? income : any;
  if (unit.quantity !== "other" || /^万?人$|^个$|^万?辆$|^条$/.test(unit.canonical)) return nonNegative;
  return any;
}

/** The first problem zod finds, as a short message. @example firstIssue(yearSchema.safeParse(1900)) // "year before 1949" */
export function firstIssue(result: {success: boolean; error?: z.ZodError}): string {
  return result.success || !result.error ? "" : result.error.issues[0].message;
}
