/** A provincial-level region of GB/T 2260, or the nation (code `CN`). */
export interface Region {
  code: string;
  /** Short Chinese name, as in yearbook tables (北京, 内蒙古); this is what tidy tables carry. */
  zh: string;
  /** Full official Chinese name (北京市, 内蒙古自治区). */
  full: string;
  en: string;
  /** Position in REGIONS (0 is the nation): a small integer for compact keys. */
  index: number;
}

// [code, short, full, English, other spellings]
const TABLE: [string, string, string, string, string[]][] = [
  ["CN", "全国", "全国", "National", ["全国合计", "全国总计", "中国", "China", "Nationwide", "Whole country", "Total"]],
  ["110000", "北京", "北京市", "Beijing", []],
  ["120000", "天津", "天津市", "Tianjin", []],
  ["130000", "河北", "河北省", "Hebei", []],
  ["140000", "山西", "山西省", "Shanxi", []],
  ["150000", "内蒙古", "内蒙古自治区", "Inner Mongolia", ["内蒙", "Nei Mongol", "Neimenggu"]],
  ["210000", "辽宁", "辽宁省", "Liaoning", []],
  ["220000", "吉林", "吉林省", "Jilin", []],
  ["230000", "黑龙江", "黑龙江省", "Heilongjiang", []],
  ["310000", "上海", "上海市", "Shanghai", []],
  ["320000", "江苏", "江苏省", "Jiangsu", []],
  ["330000", "浙江", "浙江省", "Zhejiang", []],
  ["340000", "安徽", "安徽省", "Anhui", []],
  ["350000", "福建", "福建省", "Fujian", []],
  ["360000", "江西", "江西省", "Jiangxi", []],
  ["370000", "山东", "山东省", "Shandong", []],
  ["410000", "河南", "河南省", "Henan", []],
  ["420000", "湖北", "湖北省", "Hubei", []],
  ["430000", "湖南", "湖南省", "Hunan", []],
  ["440000", "广东", "广东省", "Guangdong", []],
  ["450000", "广西", "广西壮族自治区", "Guangxi", ["广西自治区", "Guangxi Zhuang"]],
  ["460000", "海南", "海南省", "Hainan", []],
  ["500000", "重庆", "重庆市", "Chongqing", []],
  ["510000", "四川", "四川省", "Sichuan", []],
  ["520000", "贵州", "贵州省", "Guizhou", []],
  ["530000", "云南", "云南省", "Yunnan", []],
  ["540000", "西藏", "西藏自治区", "Xizang", ["Tibet", "Xizang (Tibet)"]],
  ["610000", "陕西", "陕西省", "Shaanxi", []],
  ["620000", "甘肃", "甘肃省", "Gansu", []],
  ["630000", "青海", "青海省", "Qinghai", []],
  ["640000", "宁夏", "宁夏回族自治区", "Ningxia", ["宁夏自治区", "Ningxia Hui"]],
  [
    "650000",
    "新疆",
    "新疆维吾尔自治区",
    "Xinjiang",
    ["新疆自治区", "新疆维吾尔族自治区", "Xinjiang Uygur", "Xinjiang Uyghur"]
  ]
];

/** The nation and the 31 provincial-level regions, in GB/T 2260 order. */
export const REGIONS: readonly Region[] = TABLE.map(([code, zh, full, en], index) => ({code, zh, full, en, index}));

/** Every accepted spelling, normalised, to its region. */
const LOOKUP = new Map<string, Region>();
TABLE.forEach(([code, zh, full, en, others], index) => {
  const region = REGIONS[index];
  const names = [code, zh, full, en, ...others];
  if (code !== "CN") {
    names.push(code.slice(0, 2));
    for (const latin of [en, ...others].filter((n) => /^[A-Za-z]/.test(n))) {
      names.push(
        `${latin} Province`,
        `${latin} Municipality`,
        `${latin} Autonomous Region`,
        `${latin} Shi`,
        `${latin} Sheng`
      );
    }
  }
  for (const name of names) LOOKUP.set(normalizeRegionName(name), region);
});

/**
 * Folds the ways a region name is written: spaces and full-width spaces used for alignment (`北　　京`), case and
 * punctuation of English names, and a trailing note marker.
 * @example normalizeRegionName("北　　京") // "北京"
 */
export function normalizeRegionName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/[*①-⑳#]+$/u, "")
    .replace(/[-_.'’]/g, "")
    .toLowerCase();
}

/** The region for any accepted spelling or code (two- or six-digit), else undefined. @example resolveRegion("内蒙古自治区")?.code // "150000" */
export function resolveRegion(name: string): Region | undefined {
  return LOOKUP.get(normalizeRegionName(name));
}

/** The spelling closest to an unknown name (edit distance), for "did you mean" messages. @example suggestRegion("北亰") // "北京" */
export function suggestRegion(name: string): string | undefined {
  const wanted = normalizeRegionName(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const [, zh, full, en] of TABLE) {
    for (const candidate of [zh, full, en]) {
      const d = distance(wanted, normalizeRegionName(candidate));
      if (d < bestDistance) [best, bestDistance] = [candidate === en ? en : zh, d];
    }
  }
  return bestDistance <= Math.max(1, Math.floor(wanted.length / 2)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({length: y.length + 1}, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}
