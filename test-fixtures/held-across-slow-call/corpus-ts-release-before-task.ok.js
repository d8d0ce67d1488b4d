// graphile-worker 0.17.3 (dist/worker.js, dist/sql/getJobs.js, dist/sql/completeJobs.js): the
// worker takes a job with one `withPgClient` call, releases the client, runs the task (any slow
// work the user's task does), and marks the job complete with another `withPgClient` call. The
// job is "locked" by a `locked_at` column, not by a held client or transaction.
'use strict';
const { Pool } = require('pg');

const pool = new Pool();

async function withPgClient(callback) {
  const client = await pool.connect();
  try {
    return await callback(client);
  } finally {
    client.release();
  }
}

async function runOneJob(tasks) {
  const { rows: [job] } = await withPgClient((client) =>
    client.query('select * from graphile_worker.get_job($1)', ['worker-1']),
  );
  if (!job) return;
  await tasks[job.task_identifier](job.payload);
  await fetch('https://hooks.example.com/job-done', { method: 'POST', body: String(job.id) });
  await withPgClient((client) => client.query('select graphile_worker.complete_jobs($1)', [[job.id]]));
}

module.exports = { runOneJob };
