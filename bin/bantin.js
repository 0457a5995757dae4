#!/usr/bin/env node
import { runProcess } from '../lib/process.js';

process.exitCode = await runProcess(process.argv.slice(2));
