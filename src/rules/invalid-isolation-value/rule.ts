import type { Fix } from '../../core/finding.js'
import type { RuleModule } from '../../core/rule.js'
import type { Span } from '../../core/span.js'
import { VALID_ISOLATION } from '../evaluate.js'

const SUGGEST: Readonly<Record<string, string>> = {
  'hyper-v': 'hyperv',
  hyper_v: 'hyperv',
  'hyper v': 'hyperv',
  hyperviso: 'hyperv',
  hypervisor: 'hyperv',
  vm: 'hyperv',
  proc: 'process',
  processes: 'process',
  host: 'process',
}

/** Isolation values other than default, process and hyperv (any case). */
const rule: RuleModule = {
  id: 'invalid-isolation-value',
  check({ project, report }) {
    const check = (value: string | undefined, span: Span | undefined): void => {
      if (value === undefined || span === undefined) return
      const v = value.trim().toLowerCase()
      if (v === '' || VALID_ISOLATION.has(v)) return
      const suggestion = SUGGEST[v]
      // The fix: the value meant, else hyperv, the isolation that runs any image build up to the host's.
      const replacement = suggestion ?? 'hyperv'
      const fix: Fix | undefined =
        span.start.line === span.end.line && span.end.column - span.start.column === value.length
          ? { span, replacement, description: `use ${replacement}` }
          : undefined
      report({
        message:
          `isolation '${value}' is not valid: use default, process or hyperv${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        span,
        ...(fix ? { fix } : {}),
      })
    }
    for (const compose of project.composeFiles) {
      for (const svc of compose.services) {
        if (svc.isolation) check(svc.isolation.value, svc.isolation.span)
        if (svc.build?.isolation) check(svc.build.isolation.value, svc.build.isolation.span)
      }
    }
    const executions = project.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const e = executions[i]!
      // Most executions write no isolation: that is tested first, before the text of `what` (a concatenation that
      // `startsWith` flattens into a copy).
      if (e.isolation.raw !== undefined && !e.what.startsWith('service ')) check(e.isolation.value, e.isolation.span)
    }
  },
}
export default rule
