import type { RuleModule } from '../../core/rule.js'

/**
 * Files that could not be read as what they are; none of their containers were checked. A broken workflow, and a
 * broken Dockerfile or Compose file that a workflow builds or starts, fail a pipeline: errors. A broken Dockerfile or
 * Compose file that no pipeline reaches (a parser's test input, a sample) fails nobody's build: a warning.
 */
const rule: RuleModule = {
  id: 'parse-error',
  check({ project, report }) {
    const reached = new Set(project.reached ?? [])
    for (const p of project.problems) {
      if (p.kind === 'workflow' || reached.has(p.file)) {
        report({ message: `${p.message}; this file was not checked`, span: p.span })
      } else {
        report({ message: `could not be checked: ${p.message} (no workflow builds or starts this file)`, span: p.span, severity: 'warning' })
      }
    }
  },
}
export default rule
