// htl@0.3.1 ships no types (1.0.0 does, but is ESM-only and breaks Framework's resolver).
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
