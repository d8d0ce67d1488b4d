<?php
// `proc_open()` whose standard output pipe is read line by line, each line echoed and flushed
// at once: the code relays the program's output live, so it expects the program to take time
// (a warning, though the program is one the analysis cannot judge). Twin without the flush and
// the echo: `process-output-collected.php`.
session_start();
$_SESSION['job'] = 'running';
$spec = [1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
$process = proc_open('sudo maintenance-job --verbose', $spec, $pipes); // expect: held-across-slow-call@warning "streams to the client as it comes"
while (($line = fgets($pipes[1])) !== false) {
    echo htmlspecialchars($line) . "<br>\n";
    flush();
}
proc_close($process);
