/** The knowledge base with the config's private images (`images:`) merged over the bundled facts. */
import picomatch from 'picomatch'
import { loadKnowledgeBase } from '../kb/index.js'
import type { KbExtensions, KnowledgeBase } from '../kb/types.js'
import type { ImageMapping } from './types.js'

/** The `image` extension for the knowledge base: the first `images:` entry whose glob matches. */
export function imageExtension(images: readonly ImageMapping[]): KbExtensions['image'] {
  if (images.length === 0) return undefined
  const compiled = images.map((m) => ({ m, test: picomatch(m.match, { dot: true, nocase: true }) }))
  return (repository, tag) => {
    const withTag = tag !== undefined ? `${repository}:${tag}` : repository
    const hit = compiled.find((c) => (c.m.match.includes(':') ? c.test(withTag) : c.test(repository)))
    if (!hit) return undefined
    const what = hit.m.os === 'linux' ? 'a Linux image' : `Windows build ${hit.m.build}`
    return { os: hit.m.os, ...(hit.m.build !== undefined ? { build: hit.m.build } : {}), reason: `${what} per the config (images '${hit.m.match}' at ${hit.m.where})` }
  }
}

export function configuredKnowledgeBase(images: readonly ImageMapping[]): KnowledgeBase {
  const image = imageExtension(images)
  return loadKnowledgeBase(image ? { image } : undefined)
}
