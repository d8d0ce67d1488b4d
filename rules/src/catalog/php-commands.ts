import type { CommandCatalog } from '../../../core/src';

/**
 * What the programs of a command line (`exec()`, `shell_exec()`, backticks…) cost, as data:
 * `core/src/lower/php/command-line.ts` reads each program of the line (every part of a
 * pipeline and of `&&`/`;` chains) with its first argument, and the line is as slow as its
 * slowest program. Names are lower-case, without a directory; an entry of two words is a
 * program with the first argument written in the code: a subcommand (`git rev-parse`) or the
 * option that picks its mode (`mdadm --detail`).
 */
export const phpCommands: CommandCatalog = {
  /**
   * Programs that read a little local state, change one file's metadata, or transform their
   * input, and exit at once: `uname -a`, `cat /proc/loadavg`, `groups $user | cut -f3 -d" "`,
   * `df /`, `ps -A -o pcpu`, `mkdir -p $dir`, `git rev-parse HEAD | cut -b 1-8`. Not here:
   * programs whose run time depends on the network or on how much they are given (see `slow`),
   * nor `cp`, `chown` (a file or a whole tree: not known either way), `find`, `du` (a tree).
   */
  short: [
    // Shell built-ins and the environment.
    'cd', 'command', 'echo', 'export', 'false', 'printf', 'pwd', 'set', 'test', 'true', 'type',
    'umask', 'unset', '[',
    // The system and its processes.
    'arch', 'date', 'df', 'dmesg', 'free', 'getconf', 'groups', 'hostid', 'hostname', 'id', 'ifconfig',
    'ip', 'kill', 'locale', 'logname', 'lsb_release', 'lscpu', 'lsof', 'netstat', 'nproc',
    'pgrep', 'pidof', 'ps', 'ss', 'sw_vers', 'sysctl', 'tty', 'uname', 'uptime', 'uuidgen',
    'ver', 'w', 'whereis', 'which', 'who', 'whoami',
    // One user's crontab file: listed (`crontab -l`), removed (`-r`) or installed from a file.
    'crontab',
    // Reading a small local database or one directory: traffic counters, a listing, a RAID
    // array's state from the kernel, the UPS daemon's status on this host.
    'ls', 'vnstat', 'mdadm --detail', 'apcaccess',
    // Asking the init system to reboot or power off: it returns at once (the machine then goes down).
    'halt', 'poweroff', 'reboot', 'shutdown',
    // Reading a file, or transforming what another program writes.
    'awk', 'basename', 'cat', 'cut', 'dirname', 'file', 'grep', 'head', 'md5sum', 'readlink',
    'realpath', 'sed', 'sha1sum', 'sort', 'stat', 'tee', 'tr', 'uniq', 'wc', 'qrencode',
    // Keys made locally (`wg genkey | tee … | wg pubkey`), a tunnel's local state.
    'wg genkey', 'wg pubkey', 'wg genpsk', 'wg show',
    // One file's name or metadata, or a new empty temporary file (`mktemp`, whose output is its name).
    'chgrp', 'chmod', 'ln', 'mkdir', 'mktemp', 'mv', 'rm', 'rmdir', 'touch', 'truncate',
    // The same on Windows (`del /q file`).
    'del', 'erase',
    // Subcommands that read the local repository's refs and settings, and exit (an
    // application showing its own version).
    'git config', 'git describe', 'git name-rev', 'git rev-parse', 'git symbolic-ref',
    'git status', 'git log', 'git branch', 'git remote',
  ],
  /**
   * Programs that take time: they talk to another host (HTTP clients, version control with a
   * remote, remote shells and copies, DNS and ICMP, mail), or work through media, documents,
   * archives or a database (conversions, renders, dumps), or run another interpreter on a
   * script. A command line that runs one is slow work at `warning`.
   */
  slow: [
    // The network.
    'curl', 'wget', 'ssh', 'scp', 'sftp', 'rsync', 'ftp', 'lftp', 'smbclient', 'ping', 'ping6',
    'fping', 'traceroute', 'nslookup', 'dig', 'host', 'whois', 'nmap', 'nc', 'telnet',
    'snmpget', 'snmpwalk', 'snmpbulkwalk', 'ldapsearch', 'sendmail', 'mail', 'mailx', 'mutt',
    // A RADIUS request to a server or a NAS, waiting for its answer (`-t` timeout, `-r` retries).
    'radclient',
    'git clone', 'git fetch', 'git pull', 'git push', 'git ls-remote', 'git submodule',
    'svn', 'hg', 'composer', 'npm', 'pip', 'apt-get', 'yum',
    // Media, documents and images.
    'ffmpeg', 'ffprobe', 'avconv', 'sox', 'lame', 'flac', 'oggenc', 'mpg123', 'convert',
    'magick', 'gm', 'identify', 'montage', 'gs', 'ghostscript', 'pdftk', 'qpdf', 'pdftotext',
    'pdftoppm', 'pdfinfo', 'wkhtmltopdf', 'wkhtmltoimage', 'libreoffice', 'soffice', 'unoconv',
    'tesseract', 'dot', 'neato', 'rrdtool', 'tiff2pdf', 'tiffcp', 'tiff2ps', 'pandoc', 'latex',
    'pdflatex', 'xelatex', 'antiword', 'catdoc', 'unrtf',
    // Archives, copies and databases.
    'tar', 'zip', 'unzip', 'gzip', 'gunzip', 'bzip2', 'xz', '7z', '7za', 'rar', 'unrar',
    'mysqldump', 'mysql', 'pg_dump', 'pg_restore', 'psql', 'sqlite3', 'mongodump', 'clamscan',
    'find', 'du',
    // Another interpreter running a script of its own.
    'php', 'python', 'python3', 'perl', 'ruby', 'node', 'java',
  ],
  /**
   * The program's whole argument list asks only for its version or its usage (`tar --version`,
   * `dot -V`, `zip -h`): an installation check that exits at once, whatever the program.
   */
  probeArguments: ['--version', '-version', '-V', '--help', '-help', '-h', '-?'],
  /**
   * Programs that run the program after them (`sudo -u www ls`, `nice -n 10 tar …`): the line
   * runs what follows their options.
   */
  wrappers: ['sudo', 'nice', 'nohup', 'env', 'exec', 'time', 'ionice', 'timeout', 'stdbuf'],
  /** Reading a file's end is short; following it (`tail -f`) lasts until the process is killed. */
  shortUnlessOption: {
    tail: ['-f', '-F', '--follow', '--retry'],
  },
};
