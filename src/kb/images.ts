/** Image references → ImageInfo: parsing and classification against the KB tag patterns and repository rules. */
import type { ImageOs, KbData, RepositoryData, TagPatternData, TagRuleData, TagStatusData } from './data.js'
import type { ImageInfo, ImageStatus } from './types.js'

/** The parts of a Docker image reference. */
export interface ImageRef {
  /** Registry host (lower-cased), absent for Docker Hub. */
  readonly registry?: string
  /** Registry + path, lower-cased, Docker Hub `docker.io/` and `library/` removed. */
  readonly repository: string
  readonly tag?: string
  /** `sha256:…` as written. */
  readonly digest?: string
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/**
 * Parses a reference: `[registry/]path[:tag][@digest]`. The first component is a registry when it contains `.` or
 * `:` or is `localhost`. Docker Hub names are normalised (`docker.io/library/python` → `python`).
 */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim()
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1) || undefined
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || undefined
    rest = rest.slice(0, colon)
  }
  // Cut at the first and after the `library/` component rather than split into components and joined again: a
  // large repository names thousands of distinct images, each parsed once, and the split was half of that (issue 11).
  const lower = rest.toLowerCase()
  const slash = lower.indexOf('/')
  const first = slash < 0 ? '' : lower.slice(0, slash)
  let registry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined
  let repository = lower
  if (registry && DOCKER_HUB.has(registry)) {
    registry = undefined
    repository = lower.slice(slash + 1)
  }
  // `library/python` (exactly two components) is Docker Hub's `python`.
  if (!registry && repository.startsWith('library/') && repository.indexOf('/', 8) < 0) repository = repository.slice(8)
  const parsed: { -readonly [K in keyof ImageRef]?: ImageRef[K] } = registry ? { registry, repository } : { repository }
  if (tag !== undefined) parsed.tag = tag
  if (digest !== undefined) parsed.digest = digest
  return parsed as ImageRef
}

/**
 * Docker's reference grammar (distribution/reference `ReferenceRegexp`): `[domain[:port]/]component(/component)*`, then
 * `:tag` (`[\w][\w.-]{0,127}`), then `@algorithm:hex`. Docker refuses any other text ("invalid reference format"),
 * so no image runs and no fact of the KB applies to it.
 */
const DOMAIN_PART = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])'
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[A-Fa-f0-9:]+\\])(?::[0-9]+)?`
// A path component is lower case: Docker refuses `Contoso/App` ("repository name must be lowercase"), and so do
// BuildKit's FROM, Compose and the kubelet. A first part with upper case is a domain (`MyRegistry/app`), as in Docker.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$`,
)
/** Docker's limit on a name (domain and path), plus a tag and a sha512 digest: longer text is never a reference. */
const REFERENCE_MAX = 255 + 1 + 128 + 1 + 7 + 128

/** Whether Docker can parse the reference at all (a `$` or `%` left in a tag, a space, upper case in the path: no). */
export function isValidReference(ref: string): boolean {
  const text = ref.trim()
  return text.length <= REFERENCE_MAX && REFERENCE.test(text)
}

interface CompiledToken {
  readonly re: RegExp
  readonly entry: TagPatternData
}

/** Tag patterns, markers and repository rules compiled once. */
export interface ImageRules {
  readonly tokens: readonly CompiledToken[]
  readonly windowsMarker: RegExp
  readonly linuxMarker: RegExp
  /** Whether a Linux tag word decides the platform of an image the KB does not list (its tag conventions are known). */
  readonly linuxMarkerApplies: (parsed: ImageRef) => boolean
  readonly repositories: ReadonlyMap<string, RepositoryData>
  readonly tagRules: ReadonlyMap<RepositoryData, readonly { readonly re: RegExp; readonly rule: TagRuleData }[]>
  readonly tagStatus: ReadonlyMap<RepositoryData, readonly { readonly re: RegExp; readonly rule: TagStatusData }[]>
}

/** Compiles the image-related sections of the KB. */
export function compileImageRules(data: KbData): ImageRules {
  const repositories = new Map<string, RepositoryData>()
  const tagRules = new Map<RepositoryData, { re: RegExp; rule: TagRuleData }[]>()
  const tagStatus = new Map<RepositoryData, { re: RegExp; rule: TagStatusData }[]>()
  for (const repo of data.repositories) {
    for (const name of repo.repositories) repositories.set(name.toLowerCase(), repo)
    tagRules.set(repo, (repo.tags ?? []).map((rule) => ({ re: new RegExp(rule.pattern, rule.flags ?? ''), rule })))
    tagStatus.set(repo, (repo.tagStatus ?? []).map((rule) => ({ re: new RegExp(rule.pattern, rule.flags ?? ''), rule })))
  }
  return {
    tokens: data.tagPatterns
      .filter((entry) => entry.build !== null)
      .map((entry) => ({ re: new RegExp(entry.pattern, entry.flags ?? ''), entry })),
    windowsMarker: new RegExp(data.windowsTagMarkers.pattern, data.windowsTagMarkers.flags ?? ''),
    linuxMarker: new RegExp(data.linuxTagMarkers.pattern, data.linuxTagMarkers.flags ?? ''),
    linuxMarkerApplies: linuxMarkerScope(data.linuxTagMarkers.appliesTo),
    repositories,
    tagRules,
    tagStatus,
  }
}

/** Docker Hub official images (no namespace) and the listed registries. */
function linuxMarkerScope(scope: KbData['linuxTagMarkers']['appliesTo']): (parsed: ImageRef) => boolean {
  const registries = new Set(scope.registries.map((r) => r.toLowerCase()))
  return (parsed) =>
    parsed.registry === undefined ? scope.officialImages && !parsed.repository.includes('/') : registries.has(parsed.registry)
}

interface TokenHit {
  /** Set when the images the token names are out of support (Nano Server sac2016), with the release's name. */
  readonly ended?: { readonly endOfLife: string; readonly release: string }
  readonly build: number
  readonly ubr?: number
  readonly text: string
}

/** The Windows build a tag names, if any; release tokens need a Windows-looking tag or a Windows repository. */
export function tagBuild(rules: ImageRules, tag: string, windowsRepo: boolean): TokenHit | undefined {
  const windowsContext = windowsRepo || rules.windowsMarker.test(tag)
  for (const { re, entry } of rules.tokens) {
    if (entry.context === 'windows' && !windowsContext) continue
    const m = re.exec(tag)
    if (!m) continue
    const text = m[0].replace(/^[-_.]|[-_.]$/g, '')
    if (entry.build !== 'captured') {
      const build = entry.build as number
      return entry.endOfLife ? { build, text, ended: { endOfLife: entry.endOfLife, release: entry.release ?? text } } : { build, text }
    }
    const build = Number(m.groups?.build)
    if (!Number.isInteger(build)) continue
    const ubr = m.groups?.ubr
    return ubr === undefined ? { build, text } : { build, ubr: Number(ubr), text }
  }
  return undefined
}

interface Verdict {
  readonly endOfLife?: string
  readonly release?: string
  readonly os: ImageOs
  readonly builds?: readonly number[]
  readonly ubr?: number
  readonly reason: string
}

function decide(rules: ImageRules, parsed: ImageRef, repo: RepositoryData | undefined): Verdict {
  if (repo?.hostProcess) return { os: 'windows', reason: repo.reason }
  if (repo?.platform === 'linux') return { os: 'linux', reason: repo.reason }
  const windowsRepo = repo?.platform === 'windows'
  const { tag } = parsed
  const hit = tag === undefined ? undefined : tagBuild(rules, tag, windowsRepo)
  if (hit) {
    const reason = `tag ${hit.text}`
    // The images of a build can be a release of their own in a repository, whatever the tag says: Nano Server on
    // 14393 (`nanoserver:10.0.14393.2068`) is Nano Server 1607, out of support, while Server Core 14393 is ltsc2016.
    const ended = hit.ended ?? repo?.releases?.find((r) => r.build === hit.build)
    const eol = ended ? { endOfLife: ended.endOfLife, release: ended.release } : {}
    return hit.ubr === undefined
      ? { os: 'windows', builds: [hit.build], reason, ...eol }
      : { os: 'windows', builds: [hit.build], ubr: hit.ubr, reason, ...eol }
  }
  // A missing tag means `latest` to Docker, unless a digest pins the image.
  const effectiveTag = tag ?? (parsed.digest === undefined ? 'latest' : undefined)
  if (repo && effectiveTag !== undefined) {
    const rule = rules.tagRules.get(repo)?.find(({ re }) => re.test(effectiveTag))?.rule
    if (rule) return { os: rule.os, ...(rule.builds && { builds: rule.builds }), reason: rule.reason }
  }
  if (tag !== undefined && rules.windowsMarker.test(tag)) return { os: 'windows', reason: `tag ${tag} names a Windows variant but no build` }
  if (windowsRepo) return { os: 'windows', reason: repo.reason }
  if (tag !== undefined && rules.linuxMarker.test(tag)) {
    // A mirror may keep an upstream tag name for a Windows build: the word is a fact only where the tag conventions
    // are known.
    if (repo || rules.linuxMarkerApplies(parsed)) return { os: 'linux', reason: `tag ${tag} names a Linux variant` }
    return { os: 'unknown', reason: `tag ${tag} names a Linux variant, but the knowledge base does not know this repository's tag conventions` }
  }
  if (repo?.otherTags && effectiveTag !== undefined) {
    const o = repo.otherTags
    return { os: o.os, ...(o.builds && { builds: o.builds }), reason: o.reason }
  }
  return { os: 'unknown', reason: 'no knowledge-base fact decides the platform of this image' }
}

interface TagVerdict {
  readonly v: Verdict
  readonly status: ImageStatus | undefined
}

/**
 * Verdicts by known repository (its facts; for any other, whether its tag conventions are known), then tag and whether
 * a digest pins it, per compiled rules: images named per service share their tags.
 */
const verdicts = new WeakMap<ImageRules, Map<RepositoryData | typeof CONVENTIONS_KNOWN | undefined, Map<string, TagVerdict>>>()
/** The bucket of the images the KB does not list whose tag conventions it knows (official images, MCR). */
const CONVENTIONS_KNOWN = Symbol('conventions known')

/** The platform verdict and tag status of an image: they depend on its repository only when the KB knows it. */
function verdictOf(rules: ImageRules, parsed: ImageRef, repo: RepositoryData | undefined): TagVerdict {
  let byRepo = verdicts.get(rules)
  if (!byRepo) verdicts.set(rules, (byRepo = new Map<RepositoryData | typeof CONVENTIONS_KNOWN | undefined, Map<string, TagVerdict>>()))
  const bucket = repo ?? (rules.linuxMarkerApplies(parsed) ? CONVENTIONS_KNOWN : undefined)
  let byTag = byRepo.get(bucket)
  if (!byTag) byRepo.set(bucket, (byTag = new Map<string, TagVerdict>()))
  // A valid tag is never empty and holds no `@`, so the tag itself is the key of the common case: no string made per
  // image (issue 11).
  const { tag } = parsed
  const key = parsed.digest === undefined ? (tag ?? '') : `${tag ?? ''}@`
  let hit = byTag.get(key)
  if (!hit) byTag.set(key, (hit = { v: decide(rules, parsed, repo), status: tagStatusOf(rules, parsed, repo) }))
  return hit
}

const REFUSED = 'Docker refuses this reference ("invalid reference format")'
const INVALID: TagVerdict = { v: { os: 'unknown', reason: `${REFUSED}: no image is known` }, status: undefined }

/**
 * A reference Docker refuses: no fact read from its tag (build, release, status) holds, but what the repository
 * decides for every tag does (a `ubuntu:<anything>` is Linux, a `servercore:<anything>` Windows of an unknown build).
 */
function refusedVerdict(repo: RepositoryData | undefined): TagVerdict {
  if (repo?.hostProcess || repo?.platform === 'windows') return { v: { os: 'windows', reason: `${REFUSED}: ${repo.reason}` }, status: undefined }
  if (repo?.platform === 'linux') return { v: { os: 'linux', reason: repo.reason }, status: undefined }
  return INVALID
}

/** Parses and classifies an image reference (already expanded). */
export function classifyImage(rules: ImageRules, ref: string): ImageInfo {
  const parsed = parseImageRef(ref)
  // A reference Docker refuses: only the facts its repository decides for every tag apply (none read from its tag).
  const valid = isValidReference(ref)
  const repo = rules.repositories.get(parsed.repository)
  const { v, status } = valid ? verdictOf(rules, parsed, repo) : refusedVerdict(repo)
  const noTag = parsed.tag === undefined && parsed.digest === undefined
  const missingTag = repo?.latestTag === false && (noTag || parsed.tag?.toLowerCase() === 'latest')
  // Fields assigned in order, optional ones only when set (an object literal of conditional spreads allocates a
  // temporary object per spread and stores the fields on V8's slow path; one ImageInfo per image of every build).
  const info: { -readonly [K in keyof ImageInfo]?: ImageInfo[K] } = { ref, repository: parsed.repository }
  if (parsed.tag !== undefined) info.tag = parsed.tag
  if (parsed.digest !== undefined) info.digest = parsed.digest
  info.os = v.os
  if (v.builds) info.builds = v.builds.slice()
  if (v.ubr !== undefined) info.ubr = v.ubr
  info.windowsBase = repo?.windowsBase === true
  info.missingTag = missingTag
  info.hostProcess = repo?.hostProcess === true
  info.reason = v.reason
  if (status) info.status = status
  if (v.endOfLife !== undefined) info.endOfLife = v.endOfLife
  if (v.release !== undefined) info.release = v.release
  if (!valid) info.invalidReference = true
  return info as ImageInfo
}

/** Whether the tag is published and maintained, per the repository's `tagStatus` facts (a digest pins any image). */
function tagStatusOf(rules: ImageRules, parsed: ImageRef, repo: RepositoryData | undefined): ImageStatus | undefined {
  if (!repo || parsed.digest !== undefined) return undefined
  const tag = parsed.tag ?? 'latest'
  const hit = rules.tagStatus.get(repo)?.find(({ re }) => re.test(tag))
  if (!hit) return undefined
  const { rule } = hit
  // A date-stamped tag (`4.7.2-20190312-…`) was maintained only while its stamp was the newest of its line, not until
  // its line was dropped (`since`): the date that tells it comes from the tag.
  const stamped = isoDate(hit.re.exec(tag)?.groups?.stamp)
  return {
    kind: rule.status,
    ...(rule.since !== undefined && { since: rule.since }),
    ...(stamped !== undefined && { stamped }),
    reason: rule.reason,
    source: rule.source,
  }
}

/** `20190312` → `2019-03-12`; undefined for anything else (eight digits that name no month and day). */
function isoDate(stamp: string | undefined): string | undefined {
  const m = stamp === undefined ? null : /^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.exec(stamp)
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined
}
