/** UTF-16 code units the one-pass readers (Dockerfile, YAML, workflows) compare `charCodeAt` results with, and tests on them. */
export const TAB = 9
export const LF = 10
export const CR = 13
export const SP = 32
export const HASH = 35
export const DASH = 45
export const COLON = 58
export const EQ = 61

/** Whether a char code is white space to JavaScript (`/\s/`, `trim()`). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}
