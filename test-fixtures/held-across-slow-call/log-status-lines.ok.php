<?php
// A progress endpoint reads an installer's log line by line and echoes a status number it
// chose for each line it recognises, flushing each one, then leaves with the failing line:
// the client gets a few bytes, not the file (the data read is not what is sent in the loop,
// and the line echoed on the way out is sent once). Not streaming (twin:
// `log-lines-streamed.php`, which sends every line it reads).
declare(strict_types=1);

session_start();
$steps = ['Updating sources' => 1, 'Installing packages' => 2, 'Installation completed' => 3, 'error' => 4];
$handle = fopen('/tmp/app_install.log', 'r');
if ($handle) {
    while (($line = fgets($handle)) !== false) {
        foreach ($steps as $text => $status) {
            if (strpos($line, $text) !== false) {
                echo $status . PHP_EOL;
                flush();
                if ($status === 4) {
                    echo $line . PHP_EOL;
                    fclose($handle);
                    exit();
                }
            }
        }
    }
    fclose($handle);
}
$_SESSION['install_polled'] = time();
