// @observablehq/inputs ships no types; pages use it untyped, and components/notebookTools.ts only re-exports it.
declare module "@observablehq/inputs";
