#!/usr/bin/env node
import { runCli } from './main.js'

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
}).then((code) => {
  process.exitCode = code
})
