export interface GeneratedFile {
  readonly path: string
  readonly text: string
}
export function rng(seed: number): () => number
export function dockerfile(r: () => number, i: number): string
export function monorepo(options: { dockerfiles: number; seed?: number }): GeneratedFile[]
export function smallRepo(): GeneratedFile[]
