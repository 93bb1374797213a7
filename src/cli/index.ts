#!/usr/bin/env node
import { runCli } from './main.js'
import { isTerminal, standardOutput } from './stdout.js'

const terminal = isTerminal()
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: standardOutput(terminal),
  stderr: (text) => process.stderr.write(text),
  color: terminal && !process.env.NO_COLOR,
}).then((code) => {
  process.exitCode = code
})
