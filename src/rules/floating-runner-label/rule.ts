import type { RuleModule } from '../../core/rule.js'
import type { HostRef } from '../../model/project.js'
import { imageText } from '../evaluate.js'

/**
 * `windows-latest` (or another moving label) on a job that runs Windows containers: a `docker run`, a Compose service,
 * a build stage with RUN (or a Dockerfile or Compose file isolint cannot read, which may start some). A job that only
 * pulls, tags and pushes starts none: the label moves only to newer hosts, and a newer host pulls every older image.
 * The message names the job's images that run on the label's current target but not on an earlier one: those break
 * when it moves.
 */
const rule: RuleModule = {
  id: 'floating-runner-label',
  check({ project, index, kb, report }) {
    const jobs = project.jobs
    // Indexed, not for...of: no iterator result per job and host in code not yet optimized (issue 11).
    for (let j = 0; j < jobs.length; j++) {
      const { file, job, hosts, usesContainers, unread } = jobs[j]!
      if (!usesContainers) continue
      for (let h = 0; h < hosts.length; h++) {
        const host = hosts[h]!
        const floating = host.info.floating
        if (!floating || host.info.os !== 'windows' || !host.span) continue
        const now = kb.host(floating.resolvesTo)
        const pinned = now?.label ?? floating.resolvesTo
        const previous = floating.previous ?? []
        const breaking = new Set<string>()
        // The containers the job starts here (a pull, `docker pull` or the base of a build stage without RUN, starts
        // none), and whether isolint could check the image of each.
        let starts = 0
        // The images of containers it starts whose platform isolint cannot tell (they may be Linux images).
        const unknownOs = new Set<string>()
        let unchecked = false
        for (const { e, image, ev } of index.executionsOfJob(file, job.id)) {
          // A Linux image fails on this host whatever its label (container-os-mismatch).
          if (image?.os === 'linux' || !sameHost(e.host, host, file, job.id)) continue
          if (e.kind !== 'pull') {
            if (image?.os === 'windows') starts++
            else unknownOs.add(imageText(e))
          }
          if (!ev || (ev.verdict.kind !== 'ok' && e.kind !== 'pull')) unchecked = true
          if (!ev || ev.verdict.kind !== 'ok') continue
          // An image the job only pulls is named too: it is pulled on the current target only.
          const isolation = e.kind === 'pull' ? 'hyperv' : (ev.isolation ?? 'process')
          for (const p of previous) {
            const picked = kb.pickBuild(ev.image.builds!, p.build)
            if (picked === undefined || kb.compatibility(p.build, host.info.kind, picked, isolation).kind !== 'ok') {
              breaking.add(`${imageText(e)} (fails on ${p.label})`)
            }
          }
        }
        const unreadHere = unread?.find((u) => sameHost(u.host, host, file, job.id))
        if (starts === 0 && unknownOs.size === 0 && !unreadHere) continue
        const before = previous.map((p) => `${p.label} until ${p.until}`)
        const moved = before.length > 0 ? `${before.join(', then ')}, now ` : 'now '
        const build = host.info.build !== undefined ? `, build ${host.info.build}` : ''
        const labels = [...previous.map((p) => p.label), pinned]
        // Only what isolint knows is said as known: Windows containers, else containers of images whose platform it
        // cannot tell, else the files it cannot read.
        const does =
          starts > 0
            ? 'runs Windows containers'
            : unknownOs.size > 0
              ? `starts containers of ${[...unknownOs].join(', ')}, whose platform isolint cannot tell,`
              : unreadHere!.what
        const verdict =
          breaking.size > 0
            ? `${[...breaking].join(', ')} ${breaking.size === 1 ? 'runs' : 'run'} only on ${pinned}`
            : starts === 0
              ? unknownOs.size > 0
                ? `if ${unknownOs.size === 1 ? 'it is a Windows image' : 'they are Windows images'}, the next move may break ${unknownOs.size === 1 ? 'it' : 'them'}`
                : 'if it starts Windows containers, the next move may break them'
              : previous.length > 0 && !unchecked && !unreadHere
                ? `none of its images breaks between ${labels.join(' and ')}, but the next move may`
                : 'the next move may break its images'
        report({
          message: `job '${job.id}' ${does} on ${host.info.label} (${moved}${pinned}${build}): ${verdict}; pin ${pinned}`,
          span: host.span,
          fix: { span: host.span, replacement: pinned, description: `pin ${pinned}` },
        })
      }
    }
  },
}

function sameHost(a: HostRef | undefined, b: HostRef, file: string, jobId: string): boolean {
  return (
    a !== undefined &&
    a.job?.file === file &&
    a.job.id === jobId &&
    a.info.label === b.info.label &&
    a.span?.start.line === b.span?.start.line &&
    a.span?.start.column === b.span?.start.column
  )
}

export default rule
