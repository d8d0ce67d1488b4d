#!/usr/bin/env bash
# Runs a session-lint bundle over each PHP application of the development corpus (fetched by
# fetch-dev-corpus.sh and fetch-corpus.sh), one application at a time, each as one project
# analysed from its root, with --include-vendor --no-ignore (bundled libraries are part of the
# application). Writes $OUT/<app>.json (the report), $OUT/<app>.err (stderr) and
# $OUT/<app>.time (wall seconds and peak RSS in KB, from /usr/bin/time), and prints one row per
# application: wall time, peak RSS, findings by severity.
# Usage: bash tools/run-dev-corpus.sh TOOL_DIR CORPUS_DIR OUT_DIR [app...]
#   TOOL_DIR holds session-lint.js (a copy of cli/out, so a rebuild cannot change it mid-run).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 TOOL_DIR CORPUS_DIR OUT_DIR [app...]" >&2; exit 2; }
S="$(realpath "$1")/session-lint.js"
C="$(realpath "$2")"
OUT="$3"; shift 3
mkdir -p "$OUT"; OUT="$(realpath "$OUT")"

# app -> "root [extra roots relative to root...]" (relative to CORPUS_DIR)
declare -A ROOTS=(
  [dokuwiki]="dokuwiki/usr/share/dokuwiki ../../../var/lib/dokuwiki/lib"
  [postfixadmin]="postfixadmin/usr/share/postfixadmin"
  [adminer]="adminer/usr/share/adminer"
  [gosa]="gosa/usr/share/gosa"
  [ganglia-webfrontend]="ganglia-webfrontend/usr/share/ganglia-webfrontend"
  # IMP runs inside Horde: its entry scripts call the framework in /usr/share/php/Horde.
  [horde]="php-horde-imp/usr/share/horde/imp ../../../../../php-horde-core/usr/share/php"
  [php-icinga]="php-icinga/usr/share/php/Icinga"
  [wordpress]="wordpress/usr/share/wordpress"
  # mediawiki-classes installs into the same /usr/share/mediawiki/includes.
  [mediawiki]="mediawiki/usr/share/mediawiki ../../../../mediawiki-classes/usr/share/mediawiki"
  [phpmyadmin]="phpmyadmin/usr/share/phpmyadmin"
  [roundcube]="roundcube-core/usr/share/roundcube"
)
ORDER=(adminer postfixadmin gosa ganglia-webfrontend dokuwiki horde php-icinga
       roundcube phpmyadmin wordpress mediawiki)
APPS=("$@")
[ ${#APPS[@]} -gt 0 ] || APPS=("${ORDER[@]}")

printf '| app | wall | peak RSS | warning | info | error |\n|---|---|---|---|---|---|\n'
for app in "${APPS[@]}"; do
  read -r -a paths <<< "${ROOTS[$app]}"
  root="$C/${paths[0]}"
  extra=("${paths[@]:1}")
  (cd "$root" && nice /usr/bin/time -f '%e %M' -o "$OUT/$app.time" \
     node "$S" check . "${extra[@]}" --format json --include-vendor --no-ignore \
     > "$OUT/$app.json" 2> "$OUT/$app.err") || true
  # /usr/bin/time writes "Command exited with non-zero status N" first when findings exist.
  read -r wall rss < <(tail -n 1 "$OUT/$app.time") || { wall='?'; rss=0; }
  counts="$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const fs = r.findings ?? r.results ?? r;
    const n = s => fs.filter(f => f.severity === s).length;
    process.stdout.write([n("warning"), n("info"), n("error")].join(" | "));
  ' "$OUT/$app.json" 2>/dev/null || echo '? | ? | ?')"
  printf '| %s | %s s | %s MiB | %s |\n' "$app" "$wall" "$((rss / 1024))" "$counts"
done
