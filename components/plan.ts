// Years the plan and its long-range goals are set in: every page and model reads them from here.

/** The base year of the 14th Five-Year New Urbanization Implementation Plan. */
export const PLAN_BASE_YEAR = 2020;
/** The year the plan's quantified targets fall due. */
export const PLAN_TARGET_YEAR = 2025;
/** The last year scenarios project to: the 2035 long-range goals. */
export const HORIZON = 2035;
/** A milestone between the plan's target year and the horizon: the 2030 midpoint of the 2035 long-range goals. */
export const MILESTONE_YEAR = 2030;
/** The last year of the national high-standard farmland plan 2021-2030 (its 12 亿亩 goal): the farmland scenarios end here. */
export const FARMLAND_HORIZON = 2030;
