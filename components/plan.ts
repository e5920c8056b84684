// Years the plan and its long-range goals are set in: every page and model reads them from here.

/** The base year of the 14th Five-Year New Urbanization Implementation Plan. */
export const PLAN_BASE_YEAR = 2020;
/** The year the plan's quantified targets fall due. */
export const PLAN_TARGET_YEAR = 2025;
/** The last year scenarios project to: the 2035 long-range goals. */
export const HORIZON = 2035;
