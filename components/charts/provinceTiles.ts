// Where each of the 31 provincial-level regions sits on the tile map: equal squares on an 8-column grid that echoes
// geography (north-east top right, Xinjiang and Xizang west, Hainan bottom). No boundary data is drawn or bundled.
// Names match loaders/regions.ts (a unit test checks); the English short names are the ISO 3166-2:CN letter codes.

export interface ProvinceTile {
  /** GB/T 2260 six-digit code. */
  code: string;
  zh: string;
  en: string;
  /** Two-letter short name for English tiles (ISO 3166-2:CN). */
  abbr: string;
  row: number;
  col: number;
}

export const TILE_COLUMNS = 8;
export const TILE_ROWS = 8;

// [code, zh, en, abbr, row, col]
const LAYOUT: [string, string, string, string, number, number][] = [
  ["230000", "黑龙江", "Heilongjiang", "HL", 0, 7],
  ["150000", "内蒙古", "Inner Mongolia", "NM", 1, 4],
  ["110000", "北京", "Beijing", "BJ", 1, 5],
  ["210000", "辽宁", "Liaoning", "LN", 1, 6],
  ["220000", "吉林", "Jilin", "JL", 1, 7],
  ["650000", "新疆", "Xinjiang", "XJ", 2, 0],
  ["640000", "宁夏", "Ningxia", "NX", 2, 3],
  ["140000", "山西", "Shanxi", "SX", 2, 4],
  ["130000", "河北", "Hebei", "HE", 2, 5],
  ["120000", "天津", "Tianjin", "TJ", 2, 6],
  ["630000", "青海", "Qinghai", "QH", 3, 1],
  ["620000", "甘肃", "Gansu", "GS", 3, 2],
  ["610000", "陕西", "Shaanxi", "SN", 3, 3],
  ["410000", "河南", "Henan", "HA", 3, 4],
  ["370000", "山东", "Shandong", "SD", 3, 5],
  ["540000", "西藏", "Xizang", "XZ", 4, 0],
  ["510000", "四川", "Sichuan", "SC", 4, 2],
  ["500000", "重庆", "Chongqing", "CQ", 4, 3],
  ["420000", "湖北", "Hubei", "HB", 4, 4],
  ["340000", "安徽", "Anhui", "AH", 4, 5],
  ["320000", "江苏", "Jiangsu", "JS", 4, 6],
  ["530000", "云南", "Yunnan", "YN", 5, 2],
  ["520000", "贵州", "Guizhou", "GZ", 5, 3],
  ["430000", "湖南", "Hunan", "HN", 5, 4],
  ["360000", "江西", "Jiangxi", "JX", 5, 5],
  ["330000", "浙江", "Zhejiang", "ZJ", 5, 6],
  ["310000", "上海", "Shanghai", "SH", 5, 7],
  ["450000", "广西", "Guangxi", "GX", 6, 3],
  ["440000", "广东", "Guangdong", "GD", 6, 4],
  ["350000", "福建", "Fujian", "FJ", 6, 5],
  ["460000", "海南", "Hainan", "HI", 7, 4]
];

/** The 31 tiles in reading order (top to bottom, left to right), which is also the keyboard order. */
export const PROVINCE_TILES: readonly ProvinceTile[] = LAYOUT.map(([code, zh, en, abbr, row, col]) => ({code, zh, en, abbr, row, col}));

/**
 * A GB/T 2260 province code in its six-digit form ("11" and "110000" both give "110000"); null for anything else.
 * @example provinceCode("44") // "440000"
 */
export function provinceCode(code: string | number | null | undefined): string | null {
  const text = String(code ?? "").trim();
  const six = /^\d{2}$/.test(text) ? `${text}0000` : text;
  return PROVINCE_TILES.some((tile) => tile.code === six) ? six : null;
}
