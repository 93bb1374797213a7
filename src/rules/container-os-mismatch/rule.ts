import type { RuleModule } from '../../core/rule.js'
import { describeHost, imageText } from '../evaluate.js'

/** A Linux-only image on a Windows host, or a Windows image (run, or built with RUN) on a Linux host. */
const rule: RuleModule = {
  id: 'container-os-mismatch',
  check({ index, kb, report }) {
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, image } = executions[i]!
      const host = e.host?.info
      if (!host || image === undefined || e.kind === 'pull') continue
      const assumed = e.host?.assumed === true
      if (host.os === 'windows' && host.docker && image.os === 'linux' && !assumed && !/linux/i.test(e.platform ?? '')) {
        report({
          message:
            `${e.what}: ${imageText(e)} is a Linux image but ${describeHost(e)} runs only Windows containers: ` +
            (e.host?.provider === 'kubernetes'
              ? `schedule it on Linux nodes (nodeSelector kubernetes.io/os: linux) or use a Windows image`
              : `run this job on a Linux runner or use a Windows image`),
          span: e.span,
          related: e.related,
        })
      } else if (host.os === 'linux' && image.os === 'windows' && !image.hostProcess) {
        const build = image.builds?.length === 1 ? ` (build ${image.builds[0]})` : ''
        const tag = image.builds?.length === 1 ? kb.buildInfo(image.builds[0]!)?.name : undefined
        const runner = tag === 'ltsc2025' ? 'windows-2025' : tag === 'ltsc2022' ? 'windows-2022' : 'a Windows runner'
        report({
          message:
            `${e.what}: ${imageText(e)} is a Windows image${build} but ${describeHost(e)} is a Linux host: ` +
            (e.host?.provider === 'kubernetes'
              ? `schedule it on Windows nodes (nodeSelector kubernetes.io/os: windows${build ? ` and node.kubernetes.io/windows-build: 10.0.${image.builds![0]}` : ''})`
              : `run this job on ${runner}`),
          span: e.span,
          related: e.related,
        })
      }
    }
  },
}
export default rule
