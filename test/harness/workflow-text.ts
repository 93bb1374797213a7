/** A workflow with one job `a` on windows-2022 (build 20348), the steps given as YAML lines under `steps:`, and the job's env lines. */
export function windowsWorkflow(steps: readonly string[], env: readonly string[] = []): string {
  const head = ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', ...(env.length > 0 ? ['    env:', ...env.map((e) => `      ${e}`)] : []), '    steps:']
  return [...head, ...steps.map((s) => `      ${s}`), ''].join('\n')
}
