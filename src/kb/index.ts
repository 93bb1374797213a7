/** Loads rules/windows-knowledge.json (bundled into dist/ by ncc through the URL below) behind the KnowledgeBase API. */
import { readFileSync } from 'node:fs'
import { InternalError } from '../core/errors.js'
import { buildInfo, compatibility, defaultIsolation, matchingTag, pickBuild } from './compatibility.js'
import { validateKbData, type KbData } from './data.js'
import { compileHostRules, resolveHost, type HostRules } from './hosts.js'
import { classifyImage, compileImageRules, type ImageRules } from './images.js'
import type { BuildInfo, HostInfo, ImageInfo, KbExtensions, KnowledgeBase } from './types.js'

export type { KbExtensions } from './types.js'
export { validateKbData } from './data.js'

interface Compiled {
  readonly data: KbData
  readonly hosts: HostRules
  readonly images: ImageRules
}

let cached: Compiled | undefined

function compile(data: KbData): Compiled {
  return { data, hosts: compileHostRules(data), images: compileImageRules(data) }
}

function loadCompiled(): Compiled {
  if (!cached) {
    const text = readFileSync(new URL('../../rules/windows-knowledge.json', import.meta.url), 'utf8')
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (e) {
      throw new InternalError(`rules/windows-knowledge.json: invalid JSON (${(e as Error).message})`)
    }
    cached = compile(validateKbData(raw))
  }
  return cached
}

function fromCompiled({ data, hosts, images }: Compiled, extensions?: KbExtensions): KnowledgeBase {
  // Several rules and the reports classify the same references; classification runs every tag pattern, so once.
  const classified = new Map<string, ImageInfo>()
  // Asked for every container on a host; the answer depends on the host alone.
  const tags = new Map<number, string | null>()
  // Every finding of the compatibility rules names builds (and their fixes the tags of builds).
  const builds = new Map<number, BuildInfo | null>()
  const resolvedHosts = new Map<string, HostInfo | undefined>()
  return {
    host: (labelOrBuild, provider) => {
      // Every job asks for its labels, once per matrix combination.
      const key = `${provider ?? ''}\0${labelOrBuild}`
      if (!resolvedHosts.has(key)) resolvedHosts.set(key, resolveHost(hosts, extensions, labelOrBuild, provider))
      return resolvedHosts.get(key)
    },
    image: (ref) => {
      let info = classified.get(ref)
      if (!info) classified.set(ref, (info = withExtension(classifyImage(images, ref), extensions)))
      return info
    },
    pickBuild,
    compatibility: (hostBuild, hostKind, imageBuild, isolation) => compatibility(data, hostBuild, hostKind, imageBuild, isolation),
    defaultIsolation: (kind) => defaultIsolation(data, kind),
    buildInfo: (build) => {
      let info = builds.get(build)
      if (info === undefined) builds.set(build, (info = buildInfo(data, build) ?? null))
      return info ?? undefined
    },
    matchingTag: (hostBuild, hostKind) => {
      // A number per build and kind (builds are not negative: clients below zero): no key string made per call.
      const key = hostKind === 'client' ? -1 - hostBuild : hostBuild
      let tag = tags.get(key)
      if (tag === undefined) tags.set(key, (tag = matchingTag(data, hostBuild, hostKind) ?? null))
      return tag ?? undefined
    },
    version: data.meta.version,
  }
}

/** An image the configuration maps (`images:`) takes the configured OS and build. */
function withExtension(info: ImageInfo, extensions: KbExtensions | undefined): ImageInfo {
  // A reference Docker refuses keeps its configured family: the configuration maps the repository (and tag) as written.
  const hit = extensions?.image?.(info.repository, info.tag)
  if (!hit) return info
  const { builds: _builds, ...rest } = info
  return { ...rest, os: hit.os, ...(hit.build !== undefined ? { builds: [hit.build] } : {}), reason: hit.reason }
}

/** A KnowledgeBase over given data (a pinned snapshot in tests); call validateKbData on untrusted data first. */
export function createKnowledgeBase(data: KbData, extensions?: KbExtensions): KnowledgeBase {
  return fromCompiled(compile(data), extensions)
}

/**
 * The bundled Windows knowledge base (parsed and checked once), with self-hosted runner labels from configuration
 * merged over the bundled labels.
 */
export function loadKnowledgeBase(extensions?: KbExtensions): KnowledgeBase {
  return fromCompiled(loadCompiled(), extensions)
}

/** The build of a release name the knowledge base knows (`ltsc2022` → 20348, case-insensitive); undefined otherwise. */
export function releaseBuild(name: string): number | undefined {
  const key = name.trim().toLowerCase()
  for (const [build, info] of Object.entries(loadCompiled().data.builds)) {
    if (info.name.toLowerCase() === key) return Number(build)
  }
  return undefined
}
