// dockerfile-utils (the Dockerfile linter of the VS Code Docker extension) on the files listed in argv[2].
import { readFileSync } from 'node:fs'
import { validate } from 'dockerfile-utils'

let problems = 0
for (const f of readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)) {
  problems += validate(readFileSync(f, 'utf8')).length
}
process.stdout.write(`${problems} problems\n`)
