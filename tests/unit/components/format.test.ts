import {describe, expect, it} from "vitest";
import {formatNumber, formatPercent, formatPoints, formatQuantity, formatterFor} from "../../../components/format.js";
import {pickLang, t, htmlLang} from "../../../components/i18n.js";

describe("format", () => {
  it("formatNumber groups thousands, fixes decimals, writes missing as —", () => {
    expect(formatNumber(54188)).toBe("54,188");
    expect(formatNumber(2.34412, {digits: 3})).toBe("2.344");
    expect(formatNumber(-1234.5, {digits: 1})).toBe("−1,234.5");
    expect(formatNumber(12, {sign: true})).toBe("+12");
    expect(formatNumber(87.5, {digits: 2, trim: true})).toBe("87.5");
    expect(formatNumber(1200, {digits: 2, trim: true})).toBe("1,200");
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(NaN)).toBe("—");
  });
  it("formatPercent reads fractions and drops trailing zeros unless fixed", () => {
    expect(formatPercent(0.065)).toBe("6.5%");
    expect(formatPercent(0.8766, {digits: 1})).toBe("87.7%");
    expect(formatPercent(0.88, {digits: 2})).toBe("88%");
    expect(formatPercent(0.88, {digits: 2, fixed: true})).toBe("88.00%");
    expect(formatPercent(undefined)).toBe("—");
  });
  it("formatPoints says 个百分点 in Chinese and pp in English", () => {
    expect(formatPoints(0.012, {lang: "zh"})).toBe("1.2 个百分点");
    expect(formatPoints(0.012, {lang: "en"})).toBe("1.2 pp");
  });
  it("formatQuantity uses 万 and 亿 in Chinese as writers do", () => {
    expect(formatQuantity(107500, "万亩", {lang: "zh"})).toBe("10.75 亿亩");
    expect(formatQuantity(120000, "万亩", {lang: "zh"})).toBe("12 亿亩");
    expect(formatQuantity(31000, "元", {lang: "zh"})).toBe("3.1 万元");
    expect(formatQuantity(5300, "元", {lang: "zh"})).toBe("5,300 元");
    expect(formatQuantity(0.5, "万亩", {lang: "zh"})).toBe("5,000 亩");
  });
  it("formatQuantity uses separators and million/billion in English", () => {
    expect(formatQuantity(107500, "万亩", {lang: "en"})).toBe("1.075 billion mu");
    expect(formatQuantity(31000, "元", {lang: "en"})).toBe("31,000 yuan");
    expect(formatQuantity(2500, "万亩", {lang: "en"})).toBe("25 million mu");
    expect(formatQuantity(3.5, "吨", {lang: "en"})).toBe("3.5 吨");
  });
  it("formatterFor picks the rule by column kind", () => {
    expect(formatterFor("percent")(0.0651)).toBe("6.51%");
    expect(formatterFor("ratio")(2.34412)).toBe("2.344");
    expect(formatterFor("万亩", {lang: "zh"})(8000)).toBe("8,000 万亩");
  });
});

describe("i18n", () => {
  it("t picks the language and passes plain strings through", () => {
    expect(t({zh: "年份", en: "Year"}, "en")).toBe("Year");
    expect(t({zh: "年份", en: "Year"}, "zh")).toBe("年份");
    expect(t("北京", "en")).toBe("北京");
  });
  it("pickLang: ?lang= first, then the remembered choice, Chinese by default", () => {
    expect(pickLang("?lang=en", "zh")).toBe("en");
    expect(pickLang("?lang=zh", "en")).toBe("zh");
    expect(pickLang("", "en")).toBe("en");
    expect(pickLang("?lang=fr", null)).toBe("zh");
    expect(htmlLang("zh")).toBe("zh-CN");
  });
});
