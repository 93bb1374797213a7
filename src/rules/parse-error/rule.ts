import type { RuleModule } from '../../core/rule.js'

/** Files that could not be read as what they are; none of their containers were checked. */
const rule: RuleModule = {
  id: 'parse-error',
  check({ project, report }) {
    for (const p of project.problems) {
      report({ message: `${p.message}; this file was not checked`, span: p.span })
    }
  },
}
export default rule
