// JSON read from links and files an analyst did not write: base64url, strict UTF-8, and no key that could reach an
// object's prototype. Small and dependency-free, so a model's legacy link reader can use it without the whole share
// module.
import {t} from "../i18n.js";

/** Keys refused in any JSON read from outside: each could reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * base64url → bytes → UTF-8 → JSON (forbidden keys refused), for this module and models' legacy link readers.
 * @example parseJsonBase64Url("eyJhIjoxfQ") // {ok: true, value: {a: 1}}
 */
export function parseJsonBase64Url(text: string): {ok: true; value: unknown} | {ok: false; error: string} {
  const bytes = fromBase64Url(text);
  if (!bytes) return {ok: false, error: t({zh: "编码错误（base64url）", en: "bad base64url"})};
  let json: string;
  try {
    json = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    return {ok: false, error: t({zh: "编码错误（UTF-8）", en: "bad UTF-8"})};
  }
  return parseJsonSafe(json);
}

/**
 * JSON.parse that refuses forbidden keys and says "malformed JSON" instead of the engine's message.
 * @example parseJsonSafe('{"a": 1}') // {ok: true, value: {a: 1}}
 */
export function parseJsonSafe(text: string): {ok: true; value: unknown} | {ok: false; error: string} {
  try {
    const value = JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error(`${t({zh: "不允许的键", en: "forbidden key"})} ${JSON.stringify(key)}`);
      return value;
    });
    return {ok: true, value};
  } catch (error) {
    const message = (error as Error).message;
    return {ok: false, error: message.includes("forbidden key") || message.includes("不允许") ? message : t({zh: "JSON 格式错误", en: "malformed JSON"})};
  }
}

// btoa/atob exist in browsers and Node ≥ 16, so the same code runs on the page and in vitest.
/** bytes → base64url without padding. @example toBase64Url(new Uint8Array([255])) // "_w" */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
