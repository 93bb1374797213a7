/** UTF-16 code units the one-pass readers (Dockerfile, YAML) compare `charCodeAt` results with. */
export const TAB = 9
export const LF = 10
export const CR = 13
export const SP = 32
export const HASH = 35
export const DASH = 45
export const COLON = 58
export const EQ = 61
