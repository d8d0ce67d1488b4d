'use strict';
// Mocha's spec reporter, plus a last line CI can read: "N passed, N failed".
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      // Runs after the spec reporter's own epilogue, so this stays the last line.
      process.nextTick(() => {
        const { passes, failures } = runner.stats ?? { passes: 0, failures: 0 };
        process.stdout.write(`${passes} passed, ${failures} failed\n`);
      });
    });
  }
}

module.exports = SummaryReporter;
