<?php
// A command line that runs only short local utilities (the load average, the kernel name, the
// user's groups piped through `cut`, `whoami` in backticks, the checkout's commit read with
// `git rev-parse`, as osTicket's system page does, a log's last lines, a file deleted, a temporary file made) is not slow work, whatever values
// it is given as arguments; nor is resolving `localhost` or an IP address, written in the code
// or proven by the `if` around the call.
declare(strict_types=1);

const UNAME = 'uname -a';

function connect_host(string $host): string
{
    if (!strcasecmp($host, 'localhost')) {
        $host = gethostbyname($host);
    }
    return $host;
}

session_start();
$_SESSION['load'] = explode(' ', (string) shell_exec('cat /proc/loadavg'))[0];
$_SESSION['kernel'] = shell_exec(UNAME);
$user = trim((string) `whoami`);
$_SESSION['group'] = trim((string) shell_exec('groups ' . $user . ' | cut -f3 -d" "'));
exec('/usr/bin/id -u 2>&1', $uid);
$_SESSION['uid'] = $uid[0] ?? '';
$_SESSION['local'] = gethostbyname('localhost') . gethostbyname('127.0.0.1');
$_SESSION['db'] = connect_host((string) ($_SESSION['db_host'] ?? 'localhost'));
$_SESSION['commit'] = @shell_exec('git rev-parse HEAD | cut -b 1-8') ?: '?';
// A router's status pages: traffic counters from vnstat's local database, the interfaces
// listed, a WireGuard key pair made locally, a QR code drawn, a log emptied.
exec('vnstat -i wlan0 -h --json', $traffic);
$_SESSION['traffic'] = implode('', $traffic);
exec('ls /sys/class/net | grep -v lo', $interfaces);
$_SESSION['interfaces'] = $interfaces;
$_SESSION['key'] = shell_exec('wg genkey | tee /tmp/private.key | wg pubkey');
$_SESSION['qr'] = shell_exec("qrencode -t svg -m 0 -o - 'WIFI:S:home;;'");
exec('sudo truncate -s 0 /var/log/app.log');
// A log viewer's last lines (`tail -n`, not `-f`) and files deleted on Windows (`del`).
$lines = (int) ($_GET['lines'] ?? 100);
exec('tail -n ' . $lines . ' ' . escapeshellarg('/var/log/app.log'), $tail);
$_SESSION['tail'] = $tail;
exec('del /q ' . escapeshellarg('C:\\app\\cache\\page.html'));
// A configuration editor's scratch file: `mktemp` creates one empty file and prints its name.
exec('mktemp', $scratch);
$_SESSION['scratch'] = $scratch[0] ?? '';
// A server-status page: a RAID array's details (`mdadm --detail`: the first option picks the
// mode) and the UPS daemon's status, both local.
$device = (string) ($_GET['device'] ?? '/dev/md0');
exec(sprintf('sudo /sbin/mdadm --detail %s', escapeshellarg($device)), $raid);
exec('apcaccess 2>/dev/null', $ups);
$_SESSION['status'] = [$raid, $ups];
